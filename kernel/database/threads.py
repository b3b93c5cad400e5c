"""Threads that run database work on connections of their own, kept between uses.

A statement that reads hundreds of schemas costs a new connection far more than one that
has read them before: PostgreSQL loads the catalogue entries of every table it plans
for (the statistics refresh at 650 alliances: 45 ms of planning per batch on a new
connection, 11-13 ms on a warm one, and 5 ms with the batch's plan prepared, see
``execute_prepared``). So a process keeps a few threads, each with its Django
connection, and gives them jobs:

- a thread that has been idle for ``keep`` seconds ends and closes its connection; with
  ``keep=0`` the threads end as soon as no job is waiting (tests: a kept connection
  would hold the test database open past its teardown);
- before each job a thread drops a connection that fails its health check
  (``close_if_unusable_or_obsolete``), as a request would; ``CONN_MAX_AGE`` does not
  apply: the connection lives as long as its thread;
- a forked process (a Celery worker's child) starts threads of its own: neither threads
  nor connections are inherited.

A kept connection holds its catalogue cache and its prepared plans in its server
process: about 200 MB and 225 MB for the refresh at 650 alliances (docs/benchmarks.md),
given back when the thread ends.
"""

from __future__ import annotations

import hashlib
import os
import queue
import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Any

from django.db import connection, connections

_STOP = object()  # a job that ends the thread taking it


class ConnectionThreads:
    """``size`` slots, each a thread with its own connection that runs the jobs given to
    it in order. A job goes to the slot its caller names: a job that comes back (the
    same batch in the next refresh) meets the connection that has prepared it."""

    _of_process: dict[str, ConnectionThreads] = {}
    _of_process_lock = threading.Lock()

    def __init__(self, name: str, *, size: int, keep: float) -> None:
        self.name, self.size, self.keep, self.pid = name, size, float(keep), os.getpid()
        self.lock = threading.Lock()
        self.slots = [_Slot(self, number) for number in range(size)]

    @classmethod
    def of_process(cls, name: str, *, size: int, keep: float) -> ConnectionThreads:
        """The process's threads called ``name`` (made again after a fork, or when
        ``size`` or ``keep`` changed)."""
        with cls._of_process_lock:
            threads = cls._of_process.get(name)
            if threads is None or (threads.pid, threads.size, threads.keep) != (
                os.getpid(),
                size,
                float(keep),
            ):
                if threads is not None and threads.pid == os.getpid():
                    threads.close()
                threads = cls._of_process[name] = cls(name, size=size, keep=keep)
            return threads

    @classmethod
    def close_of_process(cls, name: str) -> None:
        """End the process's threads called ``name`` and close their connections."""
        with cls._of_process_lock:
            threads = cls._of_process.pop(name, None)
            if threads is not None and threads.pid == os.getpid():
                threads.close()

    def submit(self, job: Callable[[], Any], *, slot: int) -> Future:
        """Run ``job`` on the thread of ``slot`` (modulo ``size``); its result or error
        comes in the future. A future cancelled before its thread takes it is skipped."""
        return self.slots[slot % self.size].submit(job)

    def close(self) -> None:
        """End every thread (each closes its connection once its job is done)."""
        running = [slot.stop() for slot in self.slots]
        for thread in running:
            if thread is not None:
                thread.join()


class _Slot:
    def __init__(self, owner: ConnectionThreads, number: int) -> None:
        self.owner, self.number = owner, number
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.thread: threading.Thread | None = None

    def submit(self, job: Callable[[], Any]) -> Future:
        future: Future = Future()
        self.jobs.put((job, future))
        with self.owner.lock:
            if self.thread is None:
                self.thread = threading.Thread(
                    target=self._work, name=f"{self.owner.name}-{self.number}", daemon=True
                )
                self.thread.start()
        return future

    def stop(self) -> threading.Thread | None:
        with self.owner.lock:
            thread = self.thread
        if thread is not None:
            self.jobs.put((_STOP, None))
        return thread

    def _next(self) -> tuple[Any, Future | None] | None:
        """The next job, or None once the thread has been idle for ``keep`` seconds
        (the slot has then no thread, so its next job starts a new one)."""
        keep = self.owner.keep
        while True:
            try:
                return self.jobs.get(block=keep > 0, timeout=keep or None)
            except queue.Empty:
                with self.owner.lock:
                    # A job put while this thread waited for the lock is its own: the
                    # job's ``submit`` saw the thread in the slot and started none.
                    if self.jobs.empty():
                        self.thread = None
                        return None

    def _work(self) -> None:
        try:
            while (item := self._next()) is not None:
                job, future = item
                if job is _STOP:
                    with self.owner.lock:
                        self.thread = None
                    return
                if not future.set_running_or_notify_cancel():
                    continue
                # A kept connection lives while its thread has work (``keep``), not
                # ``CONN_MAX_AGE``, which is for requests' connections; a connection that
                # fails its health check is still replaced.
                connection.close_at = None
                connection.close_if_unusable_or_obsolete()
                try:
                    future.set_result(job())
                except BaseException as error:  # handed to the caller through the future
                    future.set_exception(error)
        finally:
            connections.close_all()


# ---------------------------------------------------------------- prepared statements

# How many statements a connection remembers (and prepares once seen twice) at most, the
# least recently used going first: a refresh at 650 alliances runs 13 on each of its two
# connections.
KEPT_STATEMENTS = 32


def execute_prepared(cursor, statement: str, *, family: Hashable = None) -> None:
    """Execute ``statement`` (complete SQL, no parameters); from its second execution on
    the cursor's connection on, through a statement prepared there, named after its
    text, which skips the planning (a batch of the refresh: 5 ms instead of 25 ms).

    The first execution runs plainly: preparing copies the plan into the server's cache,
    which costs a connection's first refresh more than it saves. A prepared plan holds
    server memory (8.6 MB for a batch of 25 schemas), so a connection keeps the
    statements of one ``family`` (the refresh's day) and gives back the others when a
    new family comes, never more than ``KEPT_STATEMENTS``. Django's cursors bind
    parameters on the client, which never prepares: hence PREPARE and EXECUTE.
    PostgreSQL re-plans a prepared statement itself when a table it reads changes.
    """
    name = "bn_" + hashlib.sha1(statement.encode(), usedforsecurity=False).hexdigest()[:24]
    wrapper = cursor.db
    kept = getattr(wrapper, "_bn_prepared", None)
    if kept is None or kept[0] is not wrapper.connection:  # a new connection: none yet
        kept = wrapper._bn_prepared = (wrapper.connection, {})
    statements: dict[str, tuple[Hashable, bool]] = kept[1]  # name -> (family, prepared)
    seen = statements.pop(name, None)
    for other in [key for key, (kin, _prepared) in statements.items() if kin != family]:
        _forget(cursor, statements, other)
    while len(statements) >= KEPT_STATEMENTS:  # the least recently used first
        _forget(cursor, statements, next(iter(statements)))
    if seen is None:
        cursor.execute(statement)
        statements[name] = (family, False)
        return
    if not seen[1]:
        cursor.execute(f"PREPARE {name} AS {statement}")
    statements[name] = (family, True)
    cursor.execute(f"EXECUTE {name}")


def _forget(cursor, statements: dict[str, tuple[Hashable, bool]], name: str) -> None:
    if statements[name][1]:
        cursor.execute(f"DEALLOCATE {name}")
    del statements[name]
