"""Writes of partners, their contact persons and the measures catalogue."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.models import ContactPerson, Measure, Partner, PartnerStatus
from kernel.crud.records import record_create, record_delete, record_update


def partner_create(*, actor, data: dict[str, Any], measures: Iterable[Measure] = ()) -> Partner:
    return record_create(actor=actor, model=Partner, data=data, many={"measures": measures})


def partner_update(
    *, actor, partner: Partner, data: dict[str, Any], measures: Iterable[Measure] | None = None
) -> Partner:
    many = {"measures": measures} if measures is not None else None
    return record_update(actor=actor, instance=partner, data=data, many=many)


@transaction.atomic
def partner_leave(*, actor, partner: Partner, left_on: datetime.date) -> Partner:
    """The partner leaves the alliance; its record stays (statistics, history)."""
    if partner.status == PartnerStatus.LEFT:
        raise ValidationError(_("This partner has already left."))
    return record_update(
        actor=actor,
        instance=partner,
        data={"status": PartnerStatus.LEFT, "left_on": left_on},
        action="core.partner.left",
    )


def partner_delete(*, actor, partner: Partner) -> None:
    if partner.led_projects.exists() or partner.seals.exists():
        raise ValidationError(
            _("This partner leads projects or holds a seal; mark it as left instead.")
        )
    record_delete(actor=actor, instance=partner)


def contact_create(*, actor, partner: Partner, data: dict[str, Any]) -> ContactPerson:
    return record_create(actor=actor, model=ContactPerson, data={**data, "partner": partner})


def contact_update(*, actor, contact: ContactPerson, data: dict[str, Any]) -> ContactPerson:
    return record_update(actor=actor, instance=contact, data=data)


def contact_delete(*, actor, contact: ContactPerson) -> None:
    record_delete(actor=actor, instance=contact)


def measure_create(*, actor, data: dict[str, Any]) -> Measure:
    return record_create(actor=actor, model=Measure, data=data)


def measure_update(*, actor, measure: Measure, data: dict[str, Any]) -> Measure:
    return record_update(actor=actor, instance=measure, data=data)
