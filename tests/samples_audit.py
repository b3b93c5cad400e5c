"""The audit trail both its readers are tested on: the workspace page and the API."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from zoneinfo import ZoneInfo

from django_tenants.utils import schema_context

from kernel.audit.models import AuditEntry
from kernel.audit.services import audit_log
from tests.factories.admissions import ApplicationFactory
from tests.factories.partners import PartnerFactory

# The day the entries of one person lie back, so a period filter can leave them out.
DATED_BACK = datetime.datetime(2025, 3, 10, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))


def seed_audit_trail(anna, log: Callable, *, dated_back: str):
    """In Jena: the partner "Zeiss" and the application "Schott Antrag", on which
    ``log(zeiss, application)`` writes the entries under test; the entries of the actor
    labelled ``dated_back`` are moved to ``DATED_BACK``. In Bad Frankenhausen: one entry
    by ``anna``, which Jena's trail must never show. Returns Zeiss."""
    with schema_context("jena"):
        zeiss = PartnerFactory(name="Zeiss")
        application = ApplicationFactory(organisation_name="Schott Antrag")
        log(zeiss, application)
        AuditEntry.objects.filter(actor_label=dated_back).update(created_at=DATED_BACK)
    with schema_context("badfrankenhausen"):
        audit_log(actor=anna, action="core.partner.created", target=PartnerFactory(name="Fremd"))
    return zeiss


def log_admissions(count: int, **changes) -> None:
    """``count`` entries in Jena's trail, each admitting one application as a new
    partner (with ``changes`` besides), for the tests that many entries cost no more
    queries than a few."""
    with schema_context("jena"):
        application = ApplicationFactory()
        for _ in range(count):
            partner = PartnerFactory()
            audit_log(
                actor=None,
                action="core.application.admitted",
                target=application,
                changes={"partner": [None, str(partner.pk)], **changes},
            )
