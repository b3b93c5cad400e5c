"""Writes of the alliance's workshops (``kernel.workshops``) and of the working groups'
tasks, which a workshop topic's result can start."""

from __future__ import annotations

from datetime import date
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import (
    WorkingGroup,
    WorkingGroupTask,
    Workshop,
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


#: The alliance's workshop services: the kernel's, bound to its models (keyword-only,
#: audited), such as ``WRITES.register(workshop=, name=, email=, ...)``.
WRITES = WorkshopWrites(Workshop, cancel_url=cancel_url)
# Named as the demo data and the retention (``core.services.personal_data``) call them.
workshop_create, topic_create, registration_create = (
    WRITES.workshop_create,
    WRITES.topic_create,
    WRITES.register,
)
seats_by_wishes, registrations_purge = WRITES.assign_by_wishes, WRITES.purge


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
