"""Writes of the state's workshops at regional meetings (``kernel.workshops``), e.g. the
world cafés of the yearly strategy meeting."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypedDict, Unpack

from django.conf import settings
from django.db.models import Count
from django.urls import reverse

from kernel.audit.services import audit_log
from kernel.workshops.rules import cancel_token
from kernel.workshops.services import WorkshopWrites
from regional.models import (
    RegionalMeeting,
    RegionalRegistration,
    RegionalSeat,
    RegionalTable,
    RegionalWorkshop,
)
from tenants.models import Alliance


def cancel_url(registration: RegionalRegistration) -> str:
    """The registrant's cancel link, in the state area (``tenants.links``)."""
    from tenants.links import state_url

    path = reverse(
        "regional-workshop-cancel",
        urlconf=settings.PUBLIC_SCHEMA_URLCONF,
        args=[cancel_token(registration)],
    )
    return state_url(path)


WRITES = WorkshopWrites(
    workshop_model=RegionalWorkshop,
    registration_model=RegionalRegistration,
    topic_model=RegionalTable,
    assignment_model=RegionalSeat,
    cancel_url=cancel_url,
)


class WorkshopFields(TypedDict, total=False):
    format: str
    capacity: int
    rounds: int
    registration_open: bool
    waiting_list: bool
    privacy_notice: str


class TableFields(TypedDict, total=False):
    title: str
    host: str
    moderator: str
    result: str


class RegistrationFields(TypedDict, total=False):
    name: str
    email: str
    organisation: str
    alliance: Alliance | None


def workshop_create(
    *, actor, meeting: RegionalMeeting, **fields: Unpack[WorkshopFields]
) -> RegionalWorkshop:
    return WRITES.workshop_create(actor=actor, occasion=meeting, **fields)


def workshop_update(
    *, actor, workshop: RegionalWorkshop, **fields: Unpack[WorkshopFields]
) -> RegionalWorkshop:
    return WRITES.workshop_update(actor=actor, workshop=workshop, **fields)


def workshop_delete(*, actor, workshop: RegionalWorkshop) -> None:
    WRITES.workshop_delete(actor=actor, workshop=workshop)


def table_create(
    *, actor, workshop: RegionalWorkshop, **fields: Unpack[TableFields]
) -> RegionalTable:
    return WRITES.topic_create(actor=actor, workshop=workshop, **fields)


def table_update(*, actor, table: RegionalTable, **fields: Unpack[TableFields]) -> RegionalTable:
    return WRITES.topic_update(actor=actor, topic=table, **fields)


def table_delete(*, actor, table: RegionalTable) -> None:
    WRITES.topic_delete(actor=actor, topic=table)


def registration_create(
    *,
    actor=None,
    workshop: RegionalWorkshop,
    name: str,
    email: str,
    organisation: str = "",
    alliance: Alliance | None = None,
    wishes: Iterable[RegionalTable] = (),
    notify: bool = True,
) -> RegionalRegistration:
    """A registration by an invitee (through their invitation's link) or entered by the
    coordination office; a place, the waiting list or a refusal, and the e-mail."""
    return WRITES.register(
        actor=actor,
        workshop=workshop,
        name=name,
        email=email,
        organisation=organisation,
        wishes=wishes,
        notify=notify,
        alliance=alliance,
    )


def registration_update(
    *,
    actor,
    registration: RegionalRegistration,
    wishes: Iterable[RegionalTable] | None = None,
    **fields: Unpack[RegistrationFields],
) -> RegionalRegistration:
    return WRITES.registration_update(
        actor=actor, registration=registration, wishes=wishes, **fields
    )


def registration_cancel(*, actor=None, registration: RegionalRegistration) -> RegionalRegistration:
    return WRITES.cancel(actor=actor, registration=registration)


def registration_delete(*, actor, registration: RegionalRegistration) -> None:
    WRITES.registration_delete(actor=actor, registration=registration)


def seats_by_wishes(*, actor, workshop: RegionalWorkshop) -> int:
    return WRITES.assign_by_wishes(actor=actor, workshop=workshop)


def registrations_purge(*, before: date) -> int:
    """Delete the registrations of regional workshops held before ``before`` (the same
    retention as the alliances' workshops); counts only in the audit trail."""
    stale = RegionalRegistration.objects.filter(workshop__meeting__date__lt=before)
    counts = dict(stale.values("workshop").annotate(n=Count("pk")).values_list("workshop", "n"))
    for workshop in RegionalWorkshop.objects.filter(pk__in=counts).select_related("meeting"):
        audit_log(
            actor=None,
            action="regional.regionalworkshop.registrations_purged",
            target=workshop,
            changes={"registrations": counts[workshop.pk], "reason": "retention"},
        )
    stale.delete()
    return sum(counts.values())
