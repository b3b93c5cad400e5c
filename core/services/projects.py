"""Writes of projects, working groups and events."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.models import Event, Partner, Project, TargetGroup, WorkingGroup
from kernel.crud.records import record_create, record_delete, record_services, record_update


def _check_target_groups(data: dict[str, Any]) -> dict[str, Any]:
    """``target_groups`` must be a list of known codes; stored without duplicates."""
    if "target_groups" not in data:
        return data
    codes = data["target_groups"]
    if codes is None:
        codes = []
    if not isinstance(codes, list | tuple) or not all(isinstance(c, str) for c in codes):
        raise ValidationError({"target_groups": _("The target groups must be a list of codes.")})
    unknown = sorted({c for c in codes if c not in TargetGroup.values})
    if unknown:
        raise ValidationError(
            {"target_groups": _("Unknown target group: %(codes)s") % {"codes": ", ".join(unknown)}}
        )
    return {**data, "target_groups": list(dict.fromkeys(codes))}


def _check_project(data: dict[str, Any]) -> dict[str, Any]:
    """Project rules beyond the field validation: known target groups, no negative funding.

    (The database refuses negative funding too, but without a readable message.)
    """
    amount = data.get("funding_amount")
    if amount is not None and amount < 0:
        raise ValidationError({"funding_amount": _("The funding cannot be negative.")})
    return _check_target_groups(data)


# ---------------------------------------------------------------- the fields callers may set
# One declaration per model: create and update take these as keyword arguments.


class ProjectFields(TypedDict, total=False):
    title: str
    topic: str
    status: str
    description: str
    start_date: date | None
    end_date: date | None
    lead_partner: Partner | None
    target_groups: list[str]
    families_reached: int
    funding_amount: Decimal | None
    funding_source: str
    is_public: bool


class WorkingGroupFields(TypedDict, total=False):
    name: str
    topic: str
    description: str
    chair: str
    is_active: bool


class EventFields(TypedDict, total=False):
    title: str
    kind: str
    date: date
    start_time: time | None
    place: str
    participant_count: int | None
    project: Project | None
    description: str
    is_public: bool


# ---------------------------------------------------------------- projects


def project_create(
    *, actor, partners: Iterable[Partner] = (), **fields: Unpack[ProjectFields]
) -> Project:
    return record_create(
        actor=actor, model=Project, data=_check_project(fields), many={"partners": partners}
    )


def project_update(
    *,
    actor,
    project: Project,
    partners: Iterable[Partner] | None = None,
    **fields: Unpack[ProjectFields],
) -> Project:
    """Change the given fields; ``partners=None`` leaves the participants as they are."""
    return record_update(
        actor=actor, instance=project, data=_check_project(fields), many={"partners": partners}
    )


def project_delete(*, actor, project: Project) -> None:
    """Delete the project; its events stay, without the project."""
    record_delete(actor=actor, instance=project)


# ---------------------------------------------------------------- working groups


def working_group_create(
    *, actor, members: Iterable[Partner] = (), **fields: Unpack[WorkingGroupFields]
) -> WorkingGroup:
    return record_create(actor=actor, model=WorkingGroup, data=fields, many={"members": members})


def working_group_update(
    *,
    actor,
    group: WorkingGroup,
    members: Iterable[Partner] | None = None,
    **fields: Unpack[WorkingGroupFields],
) -> WorkingGroup:
    """Change the given fields; ``members=None`` leaves the members as they are."""
    return record_update(actor=actor, instance=group, data=fields, many={"members": members})


def working_group_delete(*, actor, group: WorkingGroup) -> None:
    record_delete(actor=actor, instance=group)


# ---------------------------------------------------------------- events


event_create, event_update, event_delete = record_services(Event, "event", EventFields)
