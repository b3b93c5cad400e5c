"""Writes of projects, working groups and events."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.models import Event, Partner, Project, TargetGroup, WorkingGroup
from kernel.crud.records import record_create, record_delete, record_update


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


# ---------------------------------------------------------------- projects


def project_create(*, actor, data: dict[str, Any], partners: Iterable[Partner] = ()) -> Project:
    return record_create(
        actor=actor, model=Project, data=_check_project(data), many={"partners": partners}
    )


def project_update(
    *,
    actor,
    project: Project,
    data: dict[str, Any],
    partners: Iterable[Partner] | None = None,
) -> Project:
    many = {"partners": partners} if partners is not None else None
    return record_update(actor=actor, instance=project, data=_check_project(data), many=many)


def project_delete(*, actor, project: Project) -> None:
    """Delete the project; its events stay, without the project."""
    record_delete(actor=actor, instance=project)


# ---------------------------------------------------------------- working groups


def working_group_create(
    *, actor, data: dict[str, Any], members: Iterable[Partner] = ()
) -> WorkingGroup:
    return record_create(actor=actor, model=WorkingGroup, data=data, many={"members": members})


def working_group_update(
    *,
    actor,
    group: WorkingGroup,
    data: dict[str, Any],
    members: Iterable[Partner] | None = None,
) -> WorkingGroup:
    many = {"members": members} if members is not None else None
    return record_update(actor=actor, instance=group, data=data, many=many)


def working_group_delete(*, actor, group: WorkingGroup) -> None:
    record_delete(actor=actor, instance=group)


# ---------------------------------------------------------------- events


def event_create(*, actor, data: dict[str, Any]) -> Event:
    return record_create(actor=actor, model=Event, data=data)


def event_update(*, actor, event: Event, data: dict[str, Any]) -> Event:
    return record_update(actor=actor, instance=event, data=data)


def event_delete(*, actor, event: Event) -> None:
    record_delete(actor=actor, instance=event)
