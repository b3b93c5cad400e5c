"""Which alliance answers on which host, without a database query per request.

Each web process keeps a small in-memory map from host name to alliance. An entry
lives ``TENANT_DOMAIN_CACHE_SECONDS`` (default 60 s); saving or deleting an alliance
or domain clears the map of the process that did it at once (signals), the other
processes within that time. Unknown hosts are remembered briefly too, so a flood of
requests with invented Host headers costs no queries, and the map is bounded so it
cannot grow without limit.
"""

from __future__ import annotations

import copy
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.models import Alliance, Domain

MAX_ENTRIES = 2048
NEGATIVE_TTL_SECONDS = 5

_lock = threading.Lock()
_entries: OrderedDict[str, tuple[float, Alliance | None]] = OrderedDict()


def _ttl() -> float:
    return float(getattr(settings, "TENANT_DOMAIN_CACHE_SECONDS", 60))


def lookup(hostname: str) -> Alliance | None:
    """The alliance for ``hostname`` (a private copy), or None if no alliance has it."""
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
