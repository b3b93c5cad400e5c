"""Carrying a login from one platform host to another.

In production the session cookie is set for the parent domain and every alliance
sub-domain shares it. Browsers do not accept such a cookie for ``localhost`` (the
development domain), so switching hosts goes through a hand-off: the current host signs
a short-lived, single-use token for the person and the target host, and the target host
logs the person in. It is harmless where the cookie is shared already.
"""

from __future__ import annotations

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


def known_host(host: str) -> bool:
    """Only the state area's hosts and alliance domains may be targets (no open redirect)."""
    if host in settings.PUBLIC_HOSTS:
        return True
    return Domain.objects.filter(domain=host).exists()


def make_token(user, host: str) -> str:
    payload = {
        "u": user.pk,
        "h": host,
        "a": user.get_session_auth_hash(),
        "n": secrets.token_urlsafe(8),
    }
    return signing.dumps(payload, salt=SALT)


def redeem(token: str, host: str):
    """The user the token was made for, if it is fresh, unused and meant for ``host``."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    if payload.get("h") != host:
        return None
    # Single use: the nonce is remembered (in the public key space) for the token's life.
    with schema_context("public"):
        if not cache.add(f"handoff:{payload['n']}", 1, timeout=MAX_AGE_SECONDS * 2):
            return None
    user = get_user_model().objects.filter(pk=payload.get("u"), is_active=True).first()
    if user is None or not constant_time_compare(user.get_session_auth_hash(), payload["a"]):
        return None
    return user
