"""Alliances for the monitoring tests: rows without schemas (the monitoring reads the
public schema only), coordinators with a given last login, and a trio of which two are
flagged (no login; unchanged figures) and one is not."""

from __future__ import annotations

import datetime

from django.utils import timezone

from tenants.models import Alliance, AllianceStatus, User
from tenants.roles import Role
from tests.conftest import person_with_role
from tests.regional.test_dashboard import snapshot

DAY0 = datetime.date(2024, 3, 1)


def alliance_row(name: str, status: str = AllianceStatus.ACTIVE) -> Alliance:
    """An alliance row without a schema (``Alliance.auto_create_schema`` is patched off)."""
    slug = name.lower().replace("ö", "oe")
    return Alliance.objects.create(
        name=f"Lokales Bündnis für Familie {name}", slug=slug, schema_name=slug,
        district="16051", status=status,
    )  # fmt: skip


def coordinator(of: Alliance, last_login=None, **fields) -> User:
    """A local coordinator of ``of`` who last logged in at ``last_login`` (None: never)."""
    user = person_with_role(Role.LOCAL_COORDINATOR, of)
    User.objects.filter(pk=user.pk).update(last_login=last_login, **fields)
    return user


def recent_login(of: Alliance) -> None:
    coordinator(of, timezone.now() - datetime.timedelta(days=1))


def flagged_trio() -> tuple[Alliance, Alliance, Alliance]:
    """(no coordinator login, unchanged figures since DAY0, nothing to flag)."""
    quiet = alliance_row("Ruhigort")
    coordinator(quiet, None, email="koordination@ruhigort.example")
    busy = alliance_row("Regeort")
    recent_login(busy)
    snapshot(busy, DAY0)
    snapshot(busy, DAY0 + datetime.timedelta(days=400))
    fine = alliance_row("Bestensort")
    recent_login(fine)
    return quiet, busy, fine
