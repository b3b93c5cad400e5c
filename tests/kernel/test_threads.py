"""kernel.database.threads.in_threads: items computed by threads with a database
connection each, back in their order; one after the other inside a transaction."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection

from kernel.database.threads import in_threads
from tests.ops.processes import wait_until


def _backend_pid(_item) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_the_results_come_back_in_the_items_order_from_several_threads():
    names = set()

    def compute(item: int) -> int:
        names.add(threading.current_thread().name)
        time.sleep(0.01 * ((item * 7) % 5) / 5)  # finishing out of order
        return item * item

    assert list(in_threads(list(range(20)), compute, threads=3)) == [(n, n * n) for n in range(20)]
    assert len(names) > 1
    assert threading.current_thread().name not in names


def test_an_error_is_raised_to_the_caller_and_the_threads_stop():
    seen = []

    def compute(item: int) -> int:
        seen.append(item)
        if item == 3:
            raise ValueError("batch 3")
        time.sleep(0.01)
        return item

    results = in_threads(list(range(40)), compute, threads=2)
    with pytest.raises(ValueError, match="batch 3"):
        list(results)
    assert len(seen) < 40  # nobody went on to the end
    assert not [t for t in threading.enumerate() if t.name.startswith("in-threads-")]


def test_each_thread_has_a_connection_of_its_own_and_closes_it(django_db_blocker):
    with django_db_blocker.unblock():
        pids = [pid for _item, pid in in_threads(list(range(8)), _backend_pid, threads=2)]
        main = _backend_pid(None)

        def closed() -> bool:  # a backend ends a moment after its client has gone
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)",
                    [list(set(pids))],
                )
                return cursor.fetchone()[0] == 0

        wait_until(closed, timeout=10, interval=0.05)  # each thread closed its connection
        connection.close()
    assert main not in pids
    assert 1 <= len(set(pids)) <= 2


def test_inside_a_transaction_the_items_are_computed_in_the_callers_connection(db):
    # Another connection would not see what the caller's transaction has not committed.
    main = _backend_pid(None)
    assert {pid for _item, pid in in_threads(list(range(5)), _backend_pid, threads=2)} == {main}
