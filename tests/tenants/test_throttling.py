"""The rate counters (tenants.throttling) cost one Redis round trip per hit: a new
window's counter with its lifetime (SET NX), and INCR, in one pipeline; also on the
embedded Redis 6.2, which has no EXPIRE NX."""

from __future__ import annotations

import time

from django.core.cache import caches
from redis.connection import Connection

from tenants import throttling


def test_a_hit_is_one_round_trip_and_the_window_expires(db, monkeypatch):
    sent = []
    original = Connection.send_packed_command

    def counting(self, command, *args, **kwargs):
        sent.append(command)
        return original(self, command, *args, **kwargs)

    throttling.hit("probe", "warm-up", "2/minute")  # the connection opened
    monkeypatch.setattr(Connection, "send_packed_command", counting)
    verdicts = [throttling.hit("probe", "one-trip", "2/minute") for _ in range(3)]
    assert [v.allowed for v in verdicts] == [True, True, False]
    assert [v.count for v in verdicts] == [1, 2, 3]
    assert len(sent) == 3
    assert 1 <= verdicts[-1].retry_after <= 60

    cache = caches[throttling.CACHE_ALIAS]
    window = int(time.time() // 60)
    key = cache.make_and_validate_key(f"probe:one-trip:60:{window}")
    client = cache._cache.get_client(key)
    if client.exists(key):  # not when the minute turned between the hits and here
        assert 0 < client.ttl(key) <= 61
        assert cache.get(f"probe:one-trip:60:{window}") == 3  # a plain number
