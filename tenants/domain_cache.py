"""Which alliance answers on which host, without a database query per request.

Each web process keeps a small in-memory map from host name to alliance. Every node
sees a change at its next request: saving or deleting an alliance or domain clears the
map of the process that did it at once and, once committed, renews a stamp in Redis
(``kernel.cache.SharedStamp``); each lookup compares that stamp with the one its
process saw last and drops the whole map when it differs (one Redis GET per request,
no database query). An entry also expires after ``TENANT_DOMAIN_CACHE_SECONDS``
(default 60 s), which bounds staleness while Redis is down. Unknown hosts are
remembered briefly too, so a flood of requests with invented Host headers costs no
queries, and the map is bounded so it cannot grow without limit.
"""

from __future__ import annotations

import copy
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django_tenants.utils import get_public_schema_name, schema_context

from kernel.cache import SharedStamp
from tenants.models import Alliance, Domain

MAX_ENTRIES = 2048
NEGATIVE_TTL_SECONDS = 5

_lock = threading.Lock()
_entries: OrderedDict[str, tuple[float, Alliance | None]] = OrderedDict()
# Renewed by every committed change of an alliance or domain (tenants.signals).
STAMP = SharedStamp("tenants:domains")


def _ttl() -> float:
    return float(getattr(settings, "TENANT_DOMAIN_CACHE_SECONDS", 60))


def lookup(hostname: str) -> Alliance | None:
    """The alliance for ``hostname`` (a private copy), or None if no alliance has it."""
    # Read before the database: a change committed after this read renews the stamp
    # again, so the next request drops what this one stores.
    if STAMP.changed():
        clear()
    now = time.monotonic()
    with _lock:
        entry = _entries.get(hostname)
        if entry is not None and entry[0] > now:
            _entries.move_to_end(hostname)
            alliance = entry[1]
            return copy.copy(alliance) if alliance is not None else None

    # Tenant metadata lives in the public schema, whichever the connection serves now.
    with schema_context(get_public_schema_name()):
        domain = Domain.objects.select_related("tenant").filter(domain=hostname).first()
    alliance = domain.tenant if domain is not None else None
    ttl = _ttl() if alliance is not None else min(_ttl(), NEGATIVE_TTL_SECONDS)
    with _lock:
        _entries[hostname] = (now + ttl, alliance)
        _entries.move_to_end(hostname)
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return copy.copy(alliance) if alliance is not None else None


def clear() -> None:
    with _lock:
        _entries.clear()


def changed() -> None:
    """A committed change of an alliance or domain: every process drops its map."""
    clear()
    STAMP.renew()
