"""Celery beat on any number of nodes: each node may run one, and one of them leads.

Two beats with django-celery-beat's ``DatabaseScheduler`` would each send every due
task, so each periodic job would run twice. ``LeaderDatabaseScheduler`` (the
``CELERY_BEAT_SCHEDULER`` setting, the one place beat is configured) sends only while
it holds the leader lock: a Redis key (``bn-beat-leader`` in the broker's database) set
with ``NX`` and an expiry of ``BUENDNISNETZ_BEAT_LEADER_SECONDS`` (30 s), renewed before
every tick. The others ask for it every third of that time. So:

- a leader that dies (or loses Redis) is replaced within that time; one that stops
  cleanly hands over at once (it deletes the key);
- a leader that stalls beyond the expiry finds the key gone or taken at its next tick
  and stops sending before it sends anything;
- a new leader first writes the configured schedule (``CELERY_BEAT_SCHEDULE``) into the
  database, then reads the whole schedule back, with the last run times the previous
  leader stored after every task it sent (``CELERY_BEAT_SYNC_EVERY = 1``): what the old
  leader sent is not due again, and what fell due in between is sent once.

The key's value names the leader (``host:pid:random``): ``redis-cli GET bn-beat-leader``.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid

import redis
from django.conf import settings
from django_celery_beat.schedulers import DatabaseScheduler
from redis.exceptions import LockError, RedisError

__all__ = ["LOCK_KEY", "LeaderDatabaseScheduler"]

logger = logging.getLogger(__name__)

LOCK_KEY = "bn-beat-leader"


class LeaderDatabaseScheduler(DatabaseScheduler):
    """``DatabaseScheduler`` that sends due tasks only while it holds the leader lock."""

    def __init__(self, *args, **kwargs):
        self.lock_seconds = float(settings.BEAT_LEADER_SECONDS)
        self._lock = None
        self._leading = False
        super().__init__(*args, **kwargs)

    # ------------------------------------------------------------ the lock

    def _leader_lock(self):
        if self._lock is None:
            client = redis.Redis.from_url(
                self.app.conf.broker_url, socket_timeout=2, socket_connect_timeout=2
            )
            self._lock = client.lock(LOCK_KEY, timeout=self.lock_seconds, thread_local=False)
        return self._lock

    def _holds_lock(self) -> bool:
        """Renew the lock if this beat holds it, else try to take it."""
        lock = self._leader_lock()
        try:
            if self._leading:
                try:
                    lock.reacquire()
                    return True
                except LockError:
                    logger.warning("beat: lost the leader lock; another beat sends now")
                    lock.local.token = None
            token = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex}"
            return bool(lock.acquire(blocking=False, token=token))
        except RedisError as error:
            logger.warning("beat: leader lock unavailable (%s); not sending", error)
            return False

    def _lead(self) -> bool:
        holds = self._holds_lock()
        if holds and not self._leading:
            logger.info("beat: took the leader lock; this beat sends the periodic tasks")
            self._take_over()
        self._leading = holds
        return holds

    def _take_over(self) -> None:
        # Write the configured entries, then read everything back from the database:
        # the last run times there are the previous leader's.
        DatabaseScheduler.setup_schedule(self)
        self._schedule = None
        self._initial_read = True
        self._heap = None

    # ------------------------------------------------------------ the scheduler

    def setup_schedule(self):
        # Deferred to the first tick that holds the lock (_take_over): followers leave
        # the schedule in the database alone.
        pass

    def tick(self, *args, **kwargs):
        renew_within = self.lock_seconds / 3
        if not self._lead():
            return min(renew_within, self.max_interval)
        return min(super().tick(*args, **kwargs), renew_within)

    def close(self):
        try:
            super().close()
        finally:
            if self._leading:
                self._leading = False
                try:
                    self._leader_lock().release()
                except (LockError, RedisError) as error:
                    logger.warning("beat: could not hand over the leader lock: %s", error)
