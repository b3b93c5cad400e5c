"""The cache backend: Django's Redis cache that degrades instead of failing.

Nothing the platform needs to serve a page lives only in the cache (sessions and
django-axes use the database), so a Redis outage must not turn pages into errors.
When Redis cannot be reached, reads are misses, writes and deletes do nothing and
``add`` reports "not added" (so a single-use marker such as the login hand-off's fails
closed rather than being accepted twice). Each outage is logged as one warning per
``RETRY_AFTER_SECONDS``; in between, the cache does not even try, so pages do not pay
a connection timeout on every cache call.

``SharedStamp`` tells every process on every node that something it keeps in memory
has changed.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0
# Socket timeouts for the cache's connections (seconds); a cache that answers slower
# than this is of no use to a page.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}

_ERRORS = (RedisError, OSError)


class DegradingRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` that survives a Redis outage."""

    def __init__(self, server, params):
        params = dict(params)
        params["OPTIONS"] = {**DEFAULT_OPTIONS, **(params.get("OPTIONS") or {})}
        super().__init__(server, params)
        self._down_until = 0.0
        self._lock = threading.Lock()

    # ------------------------------------------------------------ the breaker

    def _available(self) -> bool:
        return time.monotonic() >= self._down_until

    def _failed(self, operation: str, error: Exception) -> None:
        with self._lock:
            first = self._available()
            self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
        if first:
            logger.warning(
                "cache unavailable (%s: %s); serving without it for %ss",
                operation, error, RETRY_AFTER_SECONDS,
            )  # fmt: skip

    def _call(self, operation: str, fallback, call):
        if not self._available():
            return fallback
        try:
            return call()
        except _ERRORS as error:
            self._failed(operation, error)
            return fallback

    # ------------------------------------------------------------ the cache API

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, lambda: RedisCache.add(self, key, value, timeout, version))

    def get(self, key, default=None, version=None):
        return self._call("get", default, lambda: RedisCache.get(self, key, default, version))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call("set", None, lambda: RedisCache.set(self, key, value, timeout, version))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, lambda: RedisCache.touch(self, key, timeout, version))

    def delete(self, key, version=None):
        return self._call("delete", False, lambda: RedisCache.delete(self, key, version))

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, lambda: RedisCache.get_many(self, keys, version))

    def has_key(self, key, version=None):
        return self._call("has_key", False, lambda: RedisCache.has_key(self, key, version))

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call("incr", missing, lambda: RedisCache.incr(self, key, delta, version))
        if result is missing:
            # What Django raises for a key that is not there: the read was a miss.
            raise ValueError(f"Key '{key}' not found")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that could not be stored (here: all of them).
        return self._call(
            "set_many", list(data), lambda: RedisCache.set_many(self, data, timeout, version)
        )

    def delete_many(self, keys, version=None):
        self._call("delete_many", None, lambda: RedisCache.delete_many(self, keys, version))

    def clear(self):
        return self._call("clear", False, lambda: RedisCache.clear(self))


# ------------------------------------------------------------ stamps shared by all nodes

# The cache whose keys carry no schema (settings): a stamp is the same whichever
# alliance the connection serves when it is read.
SHARED_ALIAS = "shared"
_UNSEEN = object()


class SharedStamp:
    """A random value in Redis that is renewed whenever the rows behind a per-process
    cache change, so that every process on every node drops that cache at its next use.

    ``changed()`` costs one Redis GET and says whether the stamp differs from the one
    this process saw last; ``renew()`` is called once the change is committed (so a
    process that reacts to the new stamp reads the new rows). The key names the
    database, since the stamp stands for rows in it: two installations (or two test
    databases) on one Redis do not disturb each other. With Redis down the stamp reads
    as None, and the processes fall back on their caches' own expiry.
    """

    def __init__(self, key: str):
        self.key = key
        self._seen: object = _UNSEEN
        self._lock = threading.Lock()

    def _key(self) -> str:
        from django.db import connection

        return f"{connection.settings_dict['NAME']}:{self.key}"

    def changed(self) -> bool:
        """True at the first call and whenever the stamp differs from the last call's."""
        stamp = caches[SHARED_ALIAS].get(self._key())
        with self._lock:
            if stamp == self._seen:
                return False
            self._seen = stamp
            return True

    def renew(self) -> None:
        caches[SHARED_ALIAS].set(self._key(), uuid.uuid4().hex, timeout=None)
