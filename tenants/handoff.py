"""Carrying a login from one platform host to another.

In production the session cookie is set for the parent domain and every alliance
sub-domain shares it. Browsers do not accept such a cookie for ``localhost`` (the
development domain), so switching hosts goes through a hand-off: the current host signs
a short-lived, single-use token for the person and the target host, and the target host
logs the person in. It is harmless where the cookie is shared already.

The token is bound to the browser that redeems it, as OAuth's ``state`` binds a login
to its browser: otherwise an attacker could make a token for their own account and send
the link to a victim, whose browser would then be logged into the attacker's account
(login CSRF) and whatever the victim entered would land there. The hand-off therefore
starts on the target host:

1. ``/accounts/hop/?to=B`` on host A (logged in) sends the browser to B's
   ``/accounts/enter/?from=A``;
2. B sets a random nonce in a short-lived cookie of its own (``BINDING_COOKIE``) and
   sends the browser back to A's ``/accounts/hop/?to=B&binding=<sha256(nonce)>``;
3. A signs a token for the person, host B and that binding and sends the browser to
   B's ``/accounts/enter/?token=…``;
4. B logs the person in only if the token's binding is the hash of the nonce in *this*
   browser's cookie, then deletes the cookie.

An attacker's token carries the hash of the attacker's nonce, which the victim's
browser does not have (nor can a page on another site set B's cookie).
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import constant_time_compare
from django_tenants.utils import schema_context

from tenants.models import Domain

SALT = "buendnisnetz.handoff"
MAX_AGE_SECONDS = 60
BINDING_COOKIE = "buendnisnetz_handoff"
# The binding cookie must outlive the round trip through the other host, no more.
BINDING_MAX_AGE_SECONDS = 2 * MAX_AGE_SECONDS


def known_host(host: str) -> bool:
    """Only the state area's hosts and alliance domains may be targets (no open redirect)."""
    if not host:
        return False
    if host in settings.PUBLIC_HOSTS:
        return True
    return Domain.objects.filter(domain=host).exists()


def new_binding() -> tuple[str, str]:
    """(nonce for the target host's cookie, its hash for the token)."""
    nonce = secrets.token_urlsafe(32)
    return nonce, binding_of(nonce)


def binding_of(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def make_token(user, host: str, *, binding: str) -> str:
    payload = {
        "u": user.pk,
        "h": host,
        "a": user.get_session_auth_hash(),
        "n": secrets.token_urlsafe(8),
        "b": binding,
    }
    return signing.dumps(payload, salt=SALT)


def redeem(token: str, host: str, *, nonce: str):
    """The user the token was made for, if it is fresh, unused, meant for ``host`` and
    bound to this browser (``nonce`` from its binding cookie)."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    if payload.get("h") != host:
        return None
    binding = payload.get("b")
    if not nonce or not isinstance(binding, str):
        return None
    if not constant_time_compare(binding_of(nonce), binding):
        return None
    # Single use: the nonce is remembered (in the public key space) for the token's life.
    with schema_context("public"):
        if not cache.add(f"handoff:{payload['n']}", 1, timeout=MAX_AGE_SECONDS * 2):
            return None
    user = get_user_model().objects.filter(pk=payload.get("u"), is_active=True).first()
    if user is None or not constant_time_compare(user.get_session_auth_hash(), payload["a"]):
        return None
    return user
