"""Error reporting to Sentry, only when SENTRY_DSN is set, and never with personal data.

Every event is tagged with the tenant schema it happened in; e-mail addresses and
phone numbers are replaced in every string of the event before it leaves the process.
"""

from __future__ import annotations

import re
from typing import Any

from kernel.text import EMAIL_RE, PHONE_RE

EMAIL_PLACEHOLDER = "[E-Mail entfernt]"
PHONE_PLACEHOLDER = "[Telefon entfernt]"


def scrub_text(text: str) -> str:
    text = EMAIL_RE.sub(EMAIL_PLACEHOLDER, text)
    return PHONE_RE.sub(_phone_or_keep, text)


def _phone_or_keep(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    # Postcodes and short ids are not phone numbers: those have 7 to 15 digits (E.164).
    return PHONE_PLACEHOLDER if 7 <= len(digits) <= 15 else match.group(0)


def scrub(value: Any) -> Any:
    """Return ``value`` with e-mail addresses and phone numbers removed, recursively."""
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {scrub(key): scrub(item) for key, item in value.items()}
    if isinstance(value, list):
        return [scrub(item) for item in value]
    if isinstance(value, tuple):
        return tuple(scrub(item) for item in value)
    return value


def current_schema() -> str:
    from django.db import connection

    return getattr(connection, "schema_name", None) or "public"


def before_send(event: dict, hint: dict) -> dict:
    event = scrub(event)
    event.setdefault("tags", {})["tenant"] = current_schema()
    return event


def before_send_transaction(event: dict, hint: dict) -> dict:
    return before_send(event, hint)


def init_sentry(
    dsn: str | None,
    *,
    environment: str = "production",
    release: str | None = None,
    traces_sample_rate: float = 0.0,
    transport: Any = None,
) -> bool:
    """Initialise the SDK; returns False (and does nothing) without a DSN."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    options: dict[str, Any] = {
        "dsn": dsn,
        "environment": environment,
        "release": release,
        "integrations": [DjangoIntegration(), CeleryIntegration()],
        "send_default_pii": False,
        "before_send": before_send,
        "before_send_transaction": before_send_transaction,
        "traces_sample_rate": traces_sample_rate,
    }
    if transport is not None:
        options["transport"] = transport
    sentry_sdk.init(**options)
    return True
