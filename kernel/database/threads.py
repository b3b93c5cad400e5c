"""Work spread over threads, each with a database connection of its own.

For read-only work that PostgreSQL does the most of (the statistics engine's batches):
while one thread's statement runs in its backend, another's can, so a 2-core server
plans and executes two at a time. Results come back in the order of the items. Each
thread closes its connection when it is done.

Only for committed data: another connection never sees what the caller's transaction
has not committed yet, so a caller inside a transaction (``connection.in_atomic_block``)
gets the items computed one after the other in its own connection instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from queue import Empty, SimpleQueue
from typing import TypeVar

from django.db import connection, connections

Item = TypeVar("Item")
Result = TypeVar("Result")


def in_threads(
    items: Sequence[Item], compute: Callable[[Item], Result], *, threads: int
) -> Iterator[tuple[Item, Result]]:
    """``(item, compute(item))`` for each of ``items``, in their order; computed by up to
    ``threads`` threads with a connection each (one after the other in this connection
    when ``threads`` is 1 or a transaction is open). The first error is raised here, and
    the threads stop taking new items."""
    if threads <= 1 or len(items) <= 1 or connection.in_atomic_block:
        for item in items:
            yield item, compute(item)
        return
    pending: SimpleQueue[int] = SimpleQueue()
    for index in range(len(items)):
        pending.put(index)
    results: list = [None] * len(items)
    ready = [threading.Event() for _ in items]
    stop = threading.Event()

    def work() -> None:
        try:
            while not stop.is_set():
                try:
                    index = pending.get_nowait()
                except Empty:
                    return
                try:
                    results[index] = (True, compute(items[index]))
                except BaseException as error:  # handed to the caller, raised there
                    results[index] = (False, error)
                ready[index].set()
        finally:
            connections.close_all()  # this thread's connections only

    workers = [
        threading.Thread(target=work, name=f"in-threads-{n}", daemon=True)
        for n in range(min(threads, len(items)))
    ]
    for worker in workers:
        worker.start()
    try:
        for index, item in enumerate(items):
            ready[index].wait()
            ok, value = results[index]
            results[index] = None
            if not ok:
                raise value
            yield item, value
    finally:
        stop.set()  # the workers finish the item in hand and take no other
        for worker in workers:
            worker.join()
