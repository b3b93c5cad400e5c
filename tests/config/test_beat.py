"""The beat leader lock (config/beat.py): of several beats only the holder sends; a clean
stop hands over at once, and a stalled leader finds its lock gone and stops sending.
tests/ops/test_two_nodes.py runs two real beats; this checks the lock's steps."""

from __future__ import annotations

import uuid

import pytest
import redis
from django.conf import settings

from config.beat import LeaderDatabaseScheduler
from config.celery import app as celery_app
from tests.ops.processes import wait_until


@pytest.fixture
def beats(monkeypatch):
    """Two schedulers on a lock key of the test's own, without the database schedule."""
    client = redis.Redis.from_url(settings.REDIS_URL)
    key = f"bn-test-beat-leader-{uuid.uuid4().hex}"
    taken_over = []
    monkeypatch.setattr(LeaderDatabaseScheduler, "_take_over", lambda self: taken_over.append(self))
    # Closing writes the last run times to the database (DatabaseScheduler.sync), which
    # these steps have none of; without this, a test process that has used the database
    # before refuses the access (tests/ops/test_two_nodes.py closes real beats).
    monkeypatch.setattr(LeaderDatabaseScheduler, "sync", lambda self: None)

    def make(lock_seconds: float = 30) -> LeaderDatabaseScheduler:
        beat = LeaderDatabaseScheduler(app=celery_app, lazy=True)
        beat.lock_seconds = lock_seconds
        beat._lock = client.lock(key, timeout=lock_seconds, thread_local=False)
        return beat

    yield make, taken_over
    client.delete(key)
    client.close()


def test_only_one_beat_leads_and_a_clean_stop_hands_over_at_once(beats):
    make, taken_over = beats
    first, second = make(), make()
    assert first._lead()
    assert not second._lead()
    assert first._lead()  # renewed, not taken over again
    assert taken_over == [first]

    first.close()  # beat stops (SIGTERM): the lock is deleted
    assert second._lead()
    assert taken_over == [first, second]
    assert not first._lead()


def test_a_leader_that_stalled_past_the_expiry_stops_sending(beats):
    make, taken_over = beats
    stalled, other = make(lock_seconds=0.3), make(lock_seconds=30)
    assert stalled._lead()
    wait_until(other._lead, timeout=5, interval=0.05)  # the lock expired meanwhile
    assert not stalled._lead()  # its renewal fails: it no longer sends
    assert taken_over == [stalled, other]
