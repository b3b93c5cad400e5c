"""Reads of the holiday programme and the family guide, for the workspace and the public."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from core.models import GuideEntry, HolidayOffer
from kernel.dates import EARLIEST, LATEST

# What the public pages may show of an offer: no link to partners or their people.
PUBLIC_OFFER_FIELDS = (
    "title", "description", "organiser", "start_date", "end_date", "start_time", "end_time",
    "place", "age_min", "age_max", "price", "max_participants", "registration", "updated_at",
)  # fmt: skip
PUBLIC_GUIDE_FIELDS = (
    "title", "category", "organisation", "description", "address", "phone", "email",
    "website", "opening_hours",
)  # fmt: skip


def holiday_offer_list() -> QuerySet[HolidayOffer]:
    """All offers with their partner, for the workspace list and its exports."""
    return HolidayOffer.objects.select_related("partner")


def public_holiday_offers(
    *, today: datetime.date | None = None, age: int | None = None
) -> QuerySet[HolidayOffer]:
    """Published offers of the current and the coming season: not yet over today."""
    today = today or timezone.localdate()
    # Only plausible dates: a row stored before the range was enforced must not make
    # the calendar, its feed or the plan's default year fail.
    queryset = HolidayOffer.objects.filter(
        is_published=True, end_date__gte=today, start_date__gte=EARLIEST, end_date__lte=LATEST
    )
    if age is not None:
        queryset = queryset.filter(age_min__lte=age, age_max__gte=age)
    return queryset.only(*PUBLIC_OFFER_FIELDS).order_by("start_date", "title", "pk")


def plan_year(*, today: datetime.date | None = None) -> int:
    """The year the printable plan shows by default: that of the next published offer."""
    today = today or timezone.localdate()
    first = public_holiday_offers(today=today).values_list("start_date", flat=True).first()
    return max(first.year, today.year) if first else today.year


def holiday_plan_offers(*, year: int) -> QuerySet[HolidayOffer]:
    """Published offers that take place (at least partly) in ``year``."""
    return (
        HolidayOffer.objects.filter(
            is_published=True, start_date__year__lte=year, end_date__year__gte=year
        )
        .only(*PUBLIC_OFFER_FIELDS)
        .order_by("start_date", "title", "pk")
    )


def guide_entry_list() -> QuerySet[GuideEntry]:
    return GuideEntry.objects.all()


def public_guide_entries() -> QuerySet[GuideEntry]:
    """Published entries of the family guide by category (organisations, not persons)."""
    return (
        GuideEntry.objects.filter(is_published=True)
        .only(*PUBLIC_GUIDE_FIELDS)
        .order_by("category", "title", "pk")
    )


def holiday_offer_detail(pk: int) -> HolidayOffer:
    return HolidayOffer.objects.select_related("partner").get(pk=pk)
