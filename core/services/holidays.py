"""Writes of the summer holiday programme ("Ferienfaltplan") and the family guide."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, TypedDict

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.models import GuideEntry, HolidayOffer, Partner
from kernel.crud.records import record_services, record_update


class HolidayOfferFields(TypedDict, total=False):
    title: str
    description: str
    organiser: str
    partner: Partner | None
    start_date: datetime.date
    end_date: datetime.date
    start_time: datetime.time | None
    end_time: datetime.time | None
    place: str
    age_min: int
    age_max: int
    price: Decimal
    max_participants: int | None
    registration: str
    is_published: bool


class GuideEntryFields(TypedDict, total=False):
    title: str
    category: str
    organisation: str
    description: str
    address: str
    phone: str
    email: str
    website: str
    opening_hours: str
    is_published: bool


# ---------------------------------------------------------------- holiday offers


def _check_offer(data: dict[str, Any], offer: HolidayOffer | None = None) -> dict[str, Any]:
    """The daily hours must end after they begin (the dates and ages the database checks)."""
    start = data.get("start_time", offer.start_time if offer else None)
    end = data.get("end_time", offer.end_time if offer else None)
    if start is not None and end is not None and end <= start:
        raise ValidationError({"end_time": _("The daily end must be after the daily start.")})
    return data


holiday_offer_create, holiday_offer_update, holiday_offer_delete = record_services(
    HolidayOffer, "offer", HolidayOfferFields, prepare=_check_offer
)


def holiday_offer_set_published(*, actor, offer: HolidayOffer, published: bool) -> HolidayOffer:
    """Show the offer in the public calendar, feed and plan, or take it out of them."""
    return record_update(
        actor=actor,
        instance=offer,
        data={"is_published": published},
        action="core.holidayoffer.published" if published else "core.holidayoffer.withdrawn",
    )


# ---------------------------------------------------------------- family guide


guide_entry_create, guide_entry_update, guide_entry_delete = record_services(
    GuideEntry, "entry", GuideEntryFields
)
