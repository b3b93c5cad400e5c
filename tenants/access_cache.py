"""Each person's memberships, kept per process between requests.

Every request needs the caller's memberships (the permission layer and the header's
navigation read them); asking the database each time cost one query with a host
subquery on every page and API call. Each process keeps them here instead, keyed by
the person's id and ``access_stamp``: a random value on the user row that is renewed,
in the same transaction, whenever one of their memberships changes or an alliance or
host they belong to does (``tenants.signals``). The user row is read on every request
anyway (session or token), so a change takes effect at the next request in every
process, and an unchanged person costs no query. A stamp is random rather than
counted so that a rolled-back change can never hand its value to a later one.

The cached memberships are shared between requests: read them, never change them.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterable

from tenants.models import Membership, User

MAX_PERSONS = 4096

_lock = threading.Lock()
_entries: OrderedDict[tuple[int, uuid.UUID], list[Membership]] = OrderedDict()


def memberships(user, load) -> list[Membership]:
    """``load(user)`` (the memberships query), or what it gave for this person at this
    stamp before."""
    key = (user.pk, getattr(user, "access_stamp", None))
    if key[1] is None:
        return load(user)
    with _lock:
        found = _entries.get(key)
        if found is not None:
            _entries.move_to_end(key)
            return list(found)
    found = load(user)
    with _lock:
        _entries[key] = list(found)
        while len(_entries) > MAX_PERSONS:
            _entries.popitem(last=False)
    return found


def renew(user_ids: Iterable[int]) -> None:
    """Give these persons a new stamp: what any process keeps for them is stale now."""
    ids = sorted({pk for pk in user_ids if pk is not None})
    if ids:
        User.objects.filter(pk__in=ids).update(access_stamp=uuid.uuid4())


def clear() -> None:
    with _lock:
        _entries.clear()
