"""Writes of the alliance's workshops (``kernel.workshops``) and of the working groups'
tasks, which a workshop topic's result can start."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import (
    Event,
    WorkingGroup,
    WorkingGroupTask,
    Workshop,
    WorkshopAssignment,
    WorkshopRegistration,
    WorkshopTopic,
)
from kernel.crud.records import record_create, record_delete, record_update
from kernel.workshops.models import RegistrationStatus
from kernel.workshops.rules import cancel_token
from kernel.workshops.services import WorkshopWrites


def cancel_url(registration: WorkshopRegistration) -> str:
    """The registrant's cancel link, on the alliance's own host (``tenants.links``)."""
    from tenants.links import alliance_url
    from tenants.models import Alliance

    alliance = Alliance.objects.filter(schema_name=connection.schema_name).first()
    return alliance_url(alliance, reverse("workshop-cancel", args=[cancel_token(registration)]))


WRITES = WorkshopWrites(
    workshop_model=Workshop,
    registration_model=WorkshopRegistration,
    topic_model=WorkshopTopic,
    assignment_model=WorkshopAssignment,
    cancel_url=cancel_url,
)


class WorkshopFields(TypedDict, total=False):
    format: str
    capacity: int
    rounds: int
    registration_open: bool
    waiting_list: bool
    privacy_notice: str


class TopicFields(TypedDict, total=False):
    title: str
    host: str
    moderator: str
    result: str


class RegistrationFields(TypedDict, total=False):
    name: str
    email: str
    organisation: str


# ---------------------------------------------------------------- workshops


def workshop_create(*, actor, event: Event, **fields: Unpack[WorkshopFields]) -> Workshop:
    return WRITES.workshop_create(actor=actor, occasion=event, **fields)


def workshop_update(*, actor, workshop: Workshop, **fields: Unpack[WorkshopFields]) -> Workshop:
    return WRITES.workshop_update(actor=actor, workshop=workshop, **fields)


def workshop_delete(*, actor, workshop: Workshop) -> None:
    """The event stays; its registrations, topics and seats go."""
    WRITES.workshop_delete(actor=actor, workshop=workshop)


def topic_create(*, actor, workshop: Workshop, **fields: Unpack[TopicFields]) -> WorkshopTopic:
    return WRITES.topic_create(actor=actor, workshop=workshop, **fields)


def topic_update(*, actor, topic: WorkshopTopic, **fields: Unpack[TopicFields]) -> WorkshopTopic:
    return WRITES.topic_update(actor=actor, topic=topic, **fields)


def topic_delete(*, actor, topic: WorkshopTopic) -> None:
    WRITES.topic_delete(actor=actor, topic=topic)


# ---------------------------------------------------------------- registrations


def registration_create(
    *,
    actor=None,
    workshop: Workshop,
    name: str,
    email: str,
    organisation: str = "",
    wishes: Iterable[WorkshopTopic] = (),
    notify: bool = True,
) -> WorkshopRegistration:
    """A registration from the public form (``actor=None``) or entered by the office:
    a place, the waiting list or a refusal; the confirmation e-mail is queued."""
    return WRITES.register(
        actor=actor,
        workshop=workshop,
        name=name,
        email=email,
        organisation=organisation,
        wishes=wishes,
        notify=notify,
    )


def registration_update(
    *,
    actor,
    registration: WorkshopRegistration,
    wishes: Iterable[WorkshopTopic] | None = None,
    **fields: Unpack[RegistrationFields],
) -> WorkshopRegistration:
    return WRITES.registration_update(
        actor=actor, registration=registration, wishes=wishes, **fields
    )


def registration_cancel(*, actor=None, registration: WorkshopRegistration) -> WorkshopRegistration:
    return WRITES.cancel(actor=actor, registration=registration)


def registration_delete(*, actor, registration: WorkshopRegistration) -> None:
    WRITES.registration_delete(actor=actor, registration=registration)


def seat_assign(
    *, actor, registration: WorkshopRegistration, round: int, topic: WorkshopTopic | None
) -> WorkshopAssignment | None:
    return WRITES.assign(actor=actor, registration=registration, round=round, topic=topic)


def seats_by_wishes(*, actor, workshop: Workshop) -> int:
    return WRITES.assign_by_wishes(actor=actor, workshop=workshop)


# ---------------------------------------------------------------- working group tasks


class TaskFields(TypedDict, total=False):
    title: str
    description: str
    due: date | None
    responsible: str
    status: str


def task_create(
    *,
    actor,
    working_group: WorkingGroup,
    origin_topic: WorkshopTopic | None = None,
    **fields: Unpack[TaskFields],
) -> WorkingGroupTask:
    return record_create(
        actor=actor,
        model=WorkingGroupTask,
        data={"working_group": working_group, "origin_topic": origin_topic, **fields},
    )


def task_update(
    *,
    actor,
    task: WorkingGroupTask,
    working_group: WorkingGroup | None = None,
    origin_topic: WorkshopTopic | None = None,
    **fields: Unpack[TaskFields],
) -> WorkingGroupTask:
    """Change the given fields; a working group or origin given moves the task."""
    links = {"working_group": working_group, "origin_topic": origin_topic}
    data = {**{k: v for k, v in links.items() if v is not None}, **fields}
    return record_update(actor=actor, instance=task, data=data)


def task_delete(*, actor, task: WorkingGroupTask) -> None:
    record_delete(actor=actor, instance=task)


def task_from_result(
    *,
    actor,
    topic: WorkshopTopic,
    working_group: WorkingGroup,
    title: str = "",
    due: date | None = None,
    responsible: str = "",
) -> WorkingGroupTask:
    """A working group's task from a topic's result: the result is its description."""
    if not topic.result.strip():
        raise ValidationError(_("The topic has no result yet."))
    return task_create(
        actor=actor,
        working_group=working_group,
        origin_topic=topic,
        title=title or topic.title,
        description=topic.result,
        due=due,
        responsible=responsible or topic.host,
    )


# ---------------------------------------------------------------- personal data


def registration_erase_details(registration: WorkshopRegistration) -> None:
    """What erasing a registration's personal data (``core.services.personal_data``)
    changes besides the personal fields: an address of its own that cannot be reached
    (the address is unique per workshop), no place, no seats, no wishes."""
    registration.email = f"anonymisiert-{registration.pk}@invalid.invalid"
    if registration.status != RegistrationStatus.CANCELLED:
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
    registration.seats.all().delete()
    registration.wishes.clear()


def registrations_purge(*, before: date) -> int:
    """Delete the registrations of workshops whose event was before ``before``; one
    audit entry per workshop (counts only, never names). Safe to run again."""
    from kernel.audit.services import audit_log

    stale = WorkshopRegistration.objects.filter(workshop__event__date__lt=before)
    counts = dict(stale.values("workshop").annotate(n=Count("pk")).values_list("workshop", "n"))
    if not counts:
        return 0
    for workshop in Workshop.objects.filter(pk__in=counts).select_related("event"):
        audit_log(
            actor=None,
            action="core.workshop.registrations_purged",
            target=workshop,
            changes={"registrations": counts[workshop.pk], "reason": "retention"},
        )
    stale.delete()
    return sum(counts.values())
