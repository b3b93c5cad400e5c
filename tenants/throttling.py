"""Rate limits that hold when Redis is down and count a person across every host.

Each limited action (a password reset asked for an address or from a client, an API
call by a person or an anonymous client) counts hits in fixed windows: the window's
counter lives in Redis (the ``throttle`` cache: one atomic INCR per hit) and, while
Redis cannot be reached, in the database (``RateCounter``, one upsert per hit). A Redis
outage therefore neither switches the limits off (the default cache degrades to "miss"
and "not stored", which made DRF's throttles a no-op) nor refuses every request.

The keys carry no schema: the ``throttle`` cache uses Django's plain key function, not
django-tenants' (which puts the schema in front of every key), and ``RateCounter`` is in
the public schema. One person, one client or one address has one count on the state
area and every alliance's host.

Logins are limited by django-axes, whose attempts are kept in the database (public
schema) and so hold without Redis and across hosts as well.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import threading
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.db import connection
from django.utils import timezone
from django_tenants.utils import get_public_schema_name
from redis.exceptions import RedisError
from rest_framework import throttling

logger = logging.getLogger(__name__)

CACHE_ALIAS = "throttle"
# After a Redis failure the database takes over for this long before Redis is tried
# again, so requests do not each wait for a connection timeout.
RETRY_AFTER_SECONDS = 5.0
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

_breaker = {"down_until": 0.0}
_lock = threading.Lock()


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int  # seconds

    @classmethod
    def parse(cls, text: str) -> Rate:
        """``"5/hour"`` -> 5 per 3600 s (DRF's notation: s, m, h, d and longer words)."""
        count, _slash, unit = text.partition("/")
        return cls(limit=int(count), period=PERIODS[unit.strip()[:1]])


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    count: int
    retry_after: int  # seconds until the window ends


def digest(value: str) -> str:
    """A stable, non-reversible stand-in for an e-mail address in a counter's key."""
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]


def hit(scope: str, ident: str, rate: Rate | str) -> Verdict:
    """Count one hit of ``ident`` (a client, an address, a person) for ``scope``; allowed
    while the window's count stays within the rate."""
    if isinstance(rate, str):
        rate = Rate.parse(rate)
    now = time.time()
    window = int(now // rate.period)
    retry_after = max(1, int((window + 1) * rate.period - now))
    key = f"{scope}:{ident}:{rate.period}:{window}"
    count = _redis_hit(key, rate.period)
    if count is None:
        count = _database_hit(key, retry_after)
    return Verdict(allowed=count <= rate.limit, count=count, retry_after=retry_after)


def _redis_hit(key: str, period: int) -> int | None:
    """The window's new count from Redis, or None while Redis cannot be reached.

    One round trip: SET NX starts a new window's counter at 0 with its lifetime (a plain
    integer, as Django's Redis cache stores one), INCR counts the hit and keeps the
    lifetime. (Not INCR with EXPIRE NX: the embedded Redis 6.2 has no NX for EXPIRE.)
    """
    if time.monotonic() < _breaker["down_until"]:
        return None
    cache = caches[CACHE_ALIAS]
    try:
        stored = cache.make_and_validate_key(key)
        pipeline = cache._cache.get_client(stored, write=True).pipeline(transaction=False)
        pipeline.set(stored, 0, ex=period + 1, nx=True)
        pipeline.incr(stored)
        _started, count = pipeline.execute()
        return int(count)
    except (RedisError, OSError) as error:
        with _lock:
            first = time.monotonic() >= _breaker["down_until"]
            _breaker["down_until"] = time.monotonic() + RETRY_AFTER_SECONDS
        if first:
            logger.warning("rate limits: Redis unavailable (%s); counting in the database", error)
        return None


def _database_hit(key: str, lifetime: int) -> int:
    """The window's new count from ``RateCounter`` (one atomic upsert)."""
    from tenants.models import RateCounter

    now = timezone.now()
    table = f'"{get_public_schema_name()}"."{RateCounter._meta.db_table}"'
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE expires_at < %s", [now])  # noqa: S608
        cursor.execute(
            f"INSERT INTO {table} (key, count, expires_at) VALUES (%s, 1, %s) "  # noqa: S608
            f"ON CONFLICT (key) DO UPDATE SET count = {table}.count + 1 RETURNING count",
            [key, now + datetime.timedelta(seconds=lifetime + 1)],
        )
        return cursor.fetchone()[0]


def password_reset_verdict(*, request, email: str) -> Verdict:
    """Count a password reset asked for ``email`` from this request's client, against
    both limits (settings ``PASSWORD_RESET_RATE_PER_ADDRESS`` / ``_PER_CLIENT``).

    Both are counted whether or not an account has the address, so the answer never
    tells whether it exists. The client's address is read as django-axes reads it
    (behind the proxy: the X-Forwarded-For entry nginx wrote).
    """
    from axes.helpers import get_client_ip_address
    from django.conf import settings

    client = get_client_ip_address(request) or "unknown"
    by_client = hit("password-reset-client", client, settings.PASSWORD_RESET_RATE_PER_CLIENT)
    by_address = hit(
        "password-reset-address", digest(email), settings.PASSWORD_RESET_RATE_PER_ADDRESS
    )
    refused = [v for v in (by_client, by_address) if not v.allowed]
    if refused:
        logger.warning("password reset refused: rate limit reached")
        return max(refused, key=lambda v: v.retry_after)
    return by_address


def reset_breaker() -> None:
    """Try Redis again at the next hit (tests, and after Redis is known to be back)."""
    _breaker["down_until"] = 0.0


# ---------------------------------------------------------------- the API's throttles


class _CountingThrottle(throttling.SimpleRateThrottle):
    """DRF's throttle counted by ``hit`` instead of a history list in the default cache
    (which a Redis outage turned into "always allowed" and which was kept per schema)."""

    retry_after: int | None = None

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        verdict = hit(f"api-{self.scope}", self.key, Rate(self.num_requests, self.duration))
        self.retry_after = verdict.retry_after
        return verdict.allowed

    def wait(self):
        return self.retry_after


class AnonRateThrottle(_CountingThrottle, throttling.AnonRateThrottle):
    """Anonymous API clients, per client address."""


class UserRateThrottle(_CountingThrottle, throttling.UserRateThrottle):
    """Logged-in API users, per person (the same count on every host)."""
