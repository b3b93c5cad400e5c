"""Reads of the childcare pool: carers, placements, matching and expiring checks."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Least
from django.utils import timezone

from core.models import Carer, Placement
from core.models.carers import ASSIGNABLE, CarerStatus, PlacementStatus
from kernel.collation import by_name

# How long ahead the coordinators see (and are e-mailed about) expiring checks.
EXPIRY_WARNING_DAYS = 60


def carer_list() -> QuerySet[Carer]:
    """Every carer with the number of their running placements."""
    return Carer.objects.annotate(
        running_placements=Count("placements", filter=Q(placements__status=PlacementStatus.RUNNING))
    )


def carer_detail(pk: int) -> Carer:
    return Carer.objects.get(pk=pk)


def carer_placements(carer: Carer) -> QuerySet[Placement]:
    return carer.placements.select_related("partner").order_by("-start_date", "pk")


def placement_list() -> QuerySet[Placement]:
    return Placement.objects.select_related("carer", "partner")


def placement_detail(pk: int) -> Placement:
    return placement_list().get(pk=pk)


def checks_valid_on(on: datetime.date) -> Q:
    """Carers whose three checks are all valid on ``on`` (the validity dates are stored)."""
    return Q(
        police_clearance_on__lte=on,
        police_clearance_until__gte=on,
        first_aid_on__lte=on,
        first_aid_until__gte=on,
        training_on__lte=on,
    )


def matching_carers(
    *, on: datetime.date, slots: Iterable[str] = (), language: str = ""
) -> QuerySet[Carer]:
    """Who can take a request starting ``on``: vetted or active, every check valid on
    that day, available in every one of ``slots`` and speaking ``language`` if asked;
    those with fewer running placements first."""
    queryset = carer_list().filter(checks_valid_on(on), status__in=ASSIGNABLE)
    slots = [slot for slot in slots if slot]
    if slots:
        queryset = queryset.filter(availability__contains=slots)
    if language.strip():
        queryset = queryset.filter(languages__icontains=language.strip())
    return queryset.order_by(
        "running_placements", by_name("last_name"), by_name("first_name"), "pk"
    )


def expiring_filter(*, today: datetime.date, within_days: int = EXPIRY_WARNING_DAYS) -> Q:
    """Carers still in the pool (not left) whose police clearance or first-aid course
    expires within ``within_days`` or has expired already."""
    until = today + datetime.timedelta(days=within_days)
    return Q(police_clearance_until__lte=until) | Q(first_aid_until__lte=until)


def carers_with_expiring_checks(
    *, today: datetime.date | None = None, within_days: int = EXPIRY_WARNING_DAYS
) -> QuerySet[Carer]:
    """For the coordinator's home: vetted, active or paused carers with a check that
    expires soon or has expired, the earliest first."""
    today = today or timezone.localdate()
    return (
        Carer.objects.filter(expiring_filter(today=today, within_days=within_days))
        .filter(status__in=(*ASSIGNABLE, CarerStatus.PAUSED))
        .annotate(expiry=Least(F("police_clearance_until"), F("first_aid_until")))
        .order_by("expiry", by_name("last_name"), "pk")
    )


def carers_due_for_reminder(*, today: datetime.date | None = None) -> list[Carer]:
    """Those of :func:`carers_with_expiring_checks` whose next expiry was not reminded of
    yet (an expiry already past when first seen is reminded of too, once)."""
    return [
        carer
        for carer in carers_with_expiring_checks(today=today)
        if carer.next_expiry is not None and carer.reminded_expiry != carer.next_expiry
    ]
