"""Threads with kept connections and statements prepared on them (kernel.database.threads):
a slot's jobs meet the same connection, an idle thread gives its connection back, a
cancelled job never runs, and a connection keeps only the latest family of statements."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from kernel.database import threads as module
from kernel.database.threads import ConnectionThreads, execute_prepared
from tests.ops.processes import wait_until


def _backend() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _open_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        return cursor.fetchone()[0]


def _prepared_here() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements")
        return {name for (name,) in cursor.fetchall()}


@pytest.fixture(autouse=True)
def _nothing_prepared_left(django_db_blocker):
    """Prepared statements outlive transactions: the next test's connection starts
    without this test's."""
    yield
    with django_db_blocker.unblock():
        if connection.connection is not None:
            with connection.cursor() as cursor:
                cursor.execute("DEALLOCATE ALL")
        connection.__dict__.pop("_bn_prepared", None)


@pytest.fixture
def outside_transactions(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        yield _open_connections()
        ConnectionThreads.close_of_process("test")


def test_a_slots_jobs_share_one_kept_connection_until_it_is_idle(outside_transactions):
    threads = ConnectionThreads.of_process("test", size=2, keep=30)
    first = [threads.submit(_backend, slot=number).result(timeout=10) for number in range(4)]
    again = threads.submit(_backend, slot=0).result(timeout=10)
    assert first[0] == first[2] == again  # slot 0 (and 2 = 0 modulo 2): one connection
    assert first[1] == first[3] != first[0]
    assert _open_connections() == outside_transactions + 2  # kept between jobs
    ConnectionThreads.close_of_process("test")
    assert wait_until(lambda: _open_connections() == outside_transactions, timeout=5)


def test_without_keeping_a_thread_ends_with_its_last_job_and_closes_its_connection(
    outside_transactions,
):
    threads = ConnectionThreads.of_process("test", size=1, keep=0)
    assert threads.submit(_backend, slot=0).result(timeout=10)
    assert wait_until(lambda: threads.slots[0].thread is None, timeout=5)
    assert wait_until(lambda: _open_connections() == outside_transactions, timeout=5)
    # The next job starts a new thread.
    assert threads.submit(lambda: 42, slot=0).result(timeout=10) == 42


def test_an_idle_thread_ends_after_keep_seconds(outside_transactions):
    threads = ConnectionThreads.of_process("test", size=1, keep=0.2)
    threads.submit(_backend, slot=0).result(timeout=10)
    assert threads.slots[0].thread is not None
    assert wait_until(lambda: threads.slots[0].thread is None, timeout=5)
    assert wait_until(lambda: _open_connections() == outside_transactions, timeout=5)


def test_a_job_cancelled_before_its_turn_never_runs_and_errors_reach_the_caller(
    outside_transactions,
):
    threads = ConnectionThreads.of_process("test", size=1, keep=0)
    release, ran = threading.Event(), []
    blocking = threads.submit(lambda: release.wait(10), slot=0)
    later = threads.submit(lambda: ran.append("later"), slot=0)
    assert later.cancel()
    failing = threads.submit(lambda: 1 / 0, slot=0)
    release.set()
    assert blocking.result(timeout=10)
    with pytest.raises(ZeroDivisionError):
        failing.result(timeout=10)
    assert ran == []


def test_another_process_gets_threads_of_its_own(outside_transactions, monkeypatch):
    threads = ConnectionThreads.of_process("test", size=1, keep=0)
    assert ConnectionThreads.of_process("test", size=1, keep=0) is threads
    monkeypatch.setattr(module.os, "getpid", lambda: threads.pid + 1)  # as after a fork
    forked = ConnectionThreads.of_process("test", size=1, keep=0)
    assert forked is not threads
    assert forked.pid == threads.pid + 1
    monkeypatch.undo()
    assert ConnectionThreads.of_process("test", size=2, keep=0) is not forked  # new size


def test_a_statement_seen_again_is_prepared_once_and_another_family_gives_it_back(db):
    def run(statement: str, family: str):
        execute_prepared(cursor, statement, family=family)
        return cursor.fetchone()[0]

    with connection.cursor() as cursor:
        assert run("SELECT 1 + 1", "monday") == 2
        assert _prepared_here() == set()  # once: run plainly
        assert run("SELECT 1 + 1", "monday") == 2
        names = _prepared_here()
        assert len(names) == 1  # seen again: prepared
        assert run("SELECT 1 + 1", "monday") == 2
        assert _prepared_here() == names  # and not prepared again
        assert [run("SELECT 2 + 2", "monday") for _ in range(2)] == [4, 4]
        assert len(_prepared_here()) == 2
        assert [run("SELECT 3 + 3", "tuesday") for _ in range(2)] == [6, 6]
        assert len(_prepared_here()) == 1  # Monday's two are gone
        assert run("SELECT 1 + 1", "monday") == 2  # Monday again: plainly, Tuesday's gone
        assert _prepared_here() == set()


def test_a_connection_keeps_at_most_kept_statements(db, monkeypatch):
    monkeypatch.setattr(module, "KEPT_STATEMENTS", 3)
    with connection.cursor() as cursor:
        for number in range(5):
            for _time in range(2):
                execute_prepared(cursor, f"SELECT {number}", family="day")
                assert cursor.fetchone() == (number,)
        assert len(_prepared_here()) == 3
        execute_prepared(cursor, "SELECT 4", family="day")  # the latest is still there
        assert cursor.fetchone() == (4,)
        assert len(_prepared_here()) == 3


def test_a_new_connection_prepares_again(outside_transactions):
    with connection.cursor() as cursor:
        for _time in range(2):
            execute_prepared(cursor, "SELECT 7", family="day")
        assert len(_prepared_here()) == 1
    connection.close()
    with connection.cursor() as cursor:
        for _time in range(2):
            execute_prepared(cursor, "SELECT 7", family="day")  # not "does not exist"
            assert cursor.fetchone() == (7,)
        assert len(_prepared_here()) == 1
