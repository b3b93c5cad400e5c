"""The API's token authentication, at the cost of one narrow query per request (its own
module: DRF's settings name it, so it must import nothing that reads those settings).

DRF's ``TokenAuthentication`` reads the token joined with its whole user row and builds
both models on every request. Each process keeps the user of each token it has seen
instead, with the user's ``access_stamp`` (tenants.access_cache): a random value renewed,
in the same transaction, whenever the user row is saved or their memberships change. A
request reads only the token's user id, stamp and whether the account is active, and
takes the kept user while the stamp is the same. So a deleted or replaced token, a
deactivated account, a changed password or role take effect at the very next request in
every process, and a rolled-back change (whose stamp the database never keeps) cannot
leave a stale user behind.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed

MAX_TOKENS = 4096

_lock = threading.Lock()
_users: OrderedDict[str, tuple[object, object]] = OrderedDict()  # key -> (stamp, user)


class CachedTokenAuthentication(TokenAuthentication):
    """``Authorization: Token <key>``, answered as DRF's ``TokenAuthentication`` does
    (the same refusals, ``request.auth`` the token), from the process's kept users."""

    def authenticate_credentials(self, key):
        with _lock:
            kept = _users.get(key)
        if kept is None:
            return self._load(key)
        found = list(
            Token.objects.filter(key=key).values_list("user__access_stamp", "user__is_active")
        )
        if not found:
            raise AuthenticationFailed(_("Invalid token."))
        stamp, active = found[0]
        if not active:
            raise AuthenticationFailed(_("User inactive or deleted."))
        if stamp != kept[0]:
            return self._load(key)
        with _lock:
            if key in _users:
                _users.move_to_end(key)
        # The kept user is shared by the requests: each gets its own copy.
        user = copy.copy(kept[1])
        return user, Token(key=key, user=user)

    def _load(self, key):
        user, token = super().authenticate_credentials(key)
        with _lock:
            _users[key] = (user.access_stamp, copy.copy(user))
            while len(_users) > MAX_TOKENS:
                _users.popitem(last=False)
        return user, token


def clear() -> None:
    with _lock:
        _users.clear()
