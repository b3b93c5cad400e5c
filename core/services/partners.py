"""Writes of partners, their contact persons and the measures catalogue."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.models import ContactPerson, Measure, Partner, PartnerStatus
from core.services.careguides import care_guides_check_count, care_guides_fill_up
from kernel.crud.records import record_create, record_delete, record_update


class PartnerFields(TypedDict, total=False):
    name: str
    kind: str
    size_class: str
    street: str
    postcode: str
    city: str
    website: str
    joined_on: datetime.date | None
    left_on: datetime.date | None
    status: str
    public_listing_consent: bool
    description: str


class ContactPersonFields(TypedDict, total=False):
    first_name: str
    last_name: str
    position: str
    email: str
    phone: str
    is_primary: bool


class MeasureFields(TypedDict, total=False):
    name: str
    category: str
    description: str
    is_active: bool


@transaction.atomic
def partner_create(
    *,
    actor,
    measures: Iterable[Measure] = (),
    care_guides_count: int = 0,
    **fields: Unpack[PartnerFields],
) -> Partner:
    """A new partner; ``care_guides_count`` (an import's or the API's number) records
    that many care guides still to be named (``core.services.careguides``)."""
    data = {**fields, "care_guides_count": care_guides_count}
    partner = record_create(actor=actor, model=Partner, data=data, many={"measures": measures})
    if care_guides_count:
        care_guides_fill_up(partner=partner, count=care_guides_count)
    return partner


@transaction.atomic
def partner_update(
    *,
    actor,
    partner: Partner,
    measures: Iterable[Measure] | None = None,
    care_guides_count: int | None = None,
    **fields: Unpack[PartnerFields],
) -> Partner:
    """Change the given fields; ``measures=None`` leaves the measures as they are, and
    ``care_guides_count=None`` the care guides (a higher number records guides still to
    be named; a lower one is refused)."""
    data: dict = dict(fields)
    if care_guides_count is not None:
        care_guides_check_count(partner=partner, count=care_guides_count)
        data["care_guides_count"] = care_guides_count
    partner = record_update(actor=actor, instance=partner, data=data, many={"measures": measures})
    if care_guides_count is not None:
        care_guides_fill_up(partner=partner, count=care_guides_count)
    return partner


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


def contact_create(
    *, actor, partner: Partner, **fields: Unpack[ContactPersonFields]
) -> ContactPerson:
    return record_create(actor=actor, model=ContactPerson, data={**fields, "partner": partner})


def contact_update(
    *,
    actor,
    contact: ContactPerson,
    partner: Partner | None = None,
    **fields: Unpack[ContactPersonFields],
) -> ContactPerson:
    """Change the given fields; ``partner`` moves the contact to another partner."""
    data = {**fields, "partner": partner} if partner is not None else fields
    return record_update(actor=actor, instance=contact, data=data)


def contact_delete(*, actor, contact: ContactPerson) -> None:
    record_delete(actor=actor, instance=contact)


def measure_create(*, actor, **fields: Unpack[MeasureFields]) -> Measure:
    return record_create(actor=actor, model=Measure, data=fields)


def measure_update(*, actor, measure: Measure, **fields: Unpack[MeasureFields]) -> Measure:
    return record_update(actor=actor, instance=measure, data=fields)
