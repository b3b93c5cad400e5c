"""Writes of the childcare pool: carers with their checks, and placements.

A carer is assigned to a family only when every check (extended police clearance,
first-aid course, pool training) is valid on the placement's start and the carer is
vetted or active; forms, the API and the import all meet this rule here. The expiry
reminder (``core.tasks_carers``) marks the expiry it reminded of (``carer_reminder_sent``).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.models import Carer, Partner, Placement
from core.models.carers import ASSIGNABLE, CarerStatus, PlacementStatus
from kernel import formats
from kernel.crud.records import record_create, record_delete, record_note, record_update


class CarerFields(TypedDict, total=False):
    first_name: str
    last_name: str
    email: str
    phone: str
    address: str
    status: str
    availability: list[str]
    languages: str
    qualifications: str
    police_clearance_on: datetime.date | None
    first_aid_on: datetime.date | None
    training_on: datetime.date | None
    notes: str


class PlacementFields(TypedDict, total=False):
    family_name: str
    family_contact: str
    children_count: int
    children_ages: str
    partner: Partner | None
    carer: Carer
    kind: str
    recurrence: str
    hours_per_month: Decimal
    start_date: datetime.date
    end_date: datetime.date | None
    status: str
    notes: str


# ---------------------------------------------------------------- carers


def _check_carer(data: dict[str, Any], carer: Carer | None = None) -> dict[str, Any]:
    """Vetted or active only with every check recorded (their validity is asked when
    the carer is assigned)."""
    values = {**_carer_values(carer), **data}
    if values.get("status") in ASSIGNABLE:
        missing = [
            name
            for name, field in (
                (_("extended police clearance"), "police_clearance_on"),
                (_("first-aid course"), "first_aid_on"),
                (_("pool training"), "training_on"),
            )
            if values.get(field) is None
        ]
        if missing:
            raise ValidationError(
                {
                    "status": _(
                        "A carer can be vetted or active only with every check recorded; "
                        "missing: %(checks)s."
                    )
                    % {"checks": ", ".join(str(name) for name in missing)}
                }
            )
    return data


def _carer_values(carer: Carer | None) -> dict[str, Any]:
    if carer is None:
        return {}
    names = ("police_clearance_on", "first_aid_on", "training_on", "status")
    return {name: getattr(carer, name) for name in names}


def carer_create(*, actor, **fields: Unpack[CarerFields]) -> Carer:
    return record_create(actor=actor, model=Carer, data=_check_carer(dict(fields)))


def carer_update(*, actor, carer: Carer, **fields: Unpack[CarerFields]) -> Carer:
    return record_update(actor=actor, instance=carer, data=_check_carer(dict(fields), carer))


def carer_delete(*, actor, carer: Carer) -> None:
    """Only a carer who never had a placement; otherwise mark them as left."""
    if carer.placements.exists():
        raise ValidationError(
            _("This carer has placements and cannot be deleted; set the status to “Left” instead.")
        )
    record_delete(actor=actor, instance=carer)


def carer_reminder_sent(*, carer: Carer, expiry: datetime.date) -> Carer:
    """Note that the coordinators were reminded of the expiry on ``expiry`` (by the system)."""
    return record_note(instance=carer, action="core.carer.expiry_reminded", reminded_expiry=expiry)


# ---------------------------------------------------------------- placements


def assignment_problem(carer: Carer, start: datetime.date) -> str | None:
    """Why ``carer`` cannot be assigned from ``start`` (German), or None."""
    if carer.status not in ASSIGNABLE:
        return _(
            "%(carer)s cannot be assigned: only vetted or active carers can be "
            "(status: %(status)s)."
        ) % {"carer": carer, "status": carer.get_status_display()}
    missing = carer.missing_checks(start)
    if missing:
        return _(
            "%(carer)s cannot be assigned: on %(date)s these checks are not valid: %(checks)s."
        ) % {"carer": carer, "date": formats.date(start), "checks": ", ".join(missing)}
    return None


def _check_placement(data: dict[str, Any], placement: Placement | None = None) -> dict[str, Any]:
    carer = data.get("carer", placement.carer if placement else None)
    start = data.get("start_date", placement.start_date if placement else None)
    changed = placement is None or any(
        name in data and data[name] != getattr(placement, name) for name in ("carer", "start_date")
    )
    if carer is not None and start is not None and changed:
        problem = assignment_problem(carer, start)
        if problem:
            raise ValidationError({"carer": problem})
    return data


@transaction.atomic
def placement_create(*, actor, **fields: Unpack[PlacementFields]) -> Placement:
    """A family's care by a carer whose checks are valid on the start; a vetted carer
    becomes active with the first placement that runs."""
    placement = record_create(actor=actor, model=Placement, data=_check_placement(dict(fields)))
    _activate(actor, placement)
    return placement


@transaction.atomic
def placement_update(
    *, actor, placement: Placement, **fields: Unpack[PlacementFields]
) -> Placement:
    placement = record_update(
        actor=actor, instance=placement, data=_check_placement(dict(fields), placement)
    )
    _activate(actor, placement)
    return placement


def _activate(actor, placement: Placement) -> None:
    carer = placement.carer
    if placement.status == PlacementStatus.RUNNING and carer.status == CarerStatus.VETTED:
        record_update(
            actor=actor,
            instance=carer,
            data={"status": CarerStatus.ACTIVE},
            action="core.carer.activated",
        )


def placement_delete(*, actor, placement: Placement) -> None:
    record_delete(actor=actor, instance=placement)
