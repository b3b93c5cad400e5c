"""Writes of the summer holiday programme ("Ferienfaltplan") and the family guide."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.models import GuideEntry, HolidayOffer
from kernel.crud.records import record_create, record_delete, record_update

# ---------------------------------------------------------------- holiday offers


def _check_offer(data: dict[str, Any], offer: HolidayOffer | None = None) -> dict[str, Any]:
    """The daily hours must end after they begin (the dates and ages the database checks)."""
    start = data.get("start_time", offer.start_time if offer else None)
    end = data.get("end_time", offer.end_time if offer else None)
    if start is not None and end is not None and end <= start:
        raise ValidationError({"end_time": _("The daily end must be after the daily start.")})
    return data


def holiday_offer_create(*, actor, data: dict[str, Any]) -> HolidayOffer:
    return record_create(actor=actor, model=HolidayOffer, data=_check_offer(data))


def holiday_offer_update(*, actor, offer: HolidayOffer, data: dict[str, Any]) -> HolidayOffer:
    return record_update(actor=actor, instance=offer, data=_check_offer(data, offer))


def holiday_offer_set_published(*, actor, offer: HolidayOffer, published: bool) -> HolidayOffer:
    """Show the offer in the public calendar, feed and plan, or take it out of them."""
    return record_update(
        actor=actor,
        instance=offer,
        data={"is_published": published},
        action="core.holidayoffer.published" if published else "core.holidayoffer.withdrawn",
    )


def holiday_offer_delete(*, actor, offer: HolidayOffer) -> None:
    record_delete(actor=actor, instance=offer)


# ---------------------------------------------------------------- family guide


def guide_entry_create(*, actor, data: dict[str, Any]) -> GuideEntry:
    return record_create(actor=actor, model=GuideEntry, data=data)


def guide_entry_update(*, actor, entry: GuideEntry, data: dict[str, Any]) -> GuideEntry:
    return record_update(actor=actor, instance=entry, data=data)


def guide_entry_delete(*, actor, entry: GuideEntry) -> None:
    record_delete(actor=actor, instance=entry)
