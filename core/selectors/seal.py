"""Reads of the family seal: criteria, applications with their checklist, expiring seals."""

from __future__ import annotations

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from core.models import CertificateState, SealApplication, SealCheck, SealCriterion, SealStatus

REMINDER_DAYS = 90


def criterion_list() -> QuerySet[SealCriterion]:
    """The catalogue in its order, with how many applications checked each criterion."""
    return (
        SealCriterion.objects.select_related("programme", "group")
        .annotate(check_count=Count("checks"))
        .order_by("position", "text", "pk")
    )


def seal_application_list() -> QuerySet[SealApplication]:
    """Applications with partner and checklist counts, for lists and exports."""
    return SealApplication.objects.select_related("partner", "programme").annotate(
        check_count=Count("checks", distinct=True),
        fulfilled_count=Count("checks", filter=Q(checks__fulfilled=True), distinct=True),
    )


def seal_application_detail(pk: int) -> SealApplication:
    return (
        SealApplication.objects.select_related("partner", "programme", "renewal_of")
        .prefetch_related(
            Prefetch(
                "checks",
                queryset=SealCheck.objects.select_related("criterion__group").order_by(
                    "criterion__position", "criterion__text", "pk"
                ),
            )
        )
        .get(pk=pk)
    )


def expiring_filter(*, within_days: int = REMINDER_DAYS, today: datetime.date | None = None) -> Q:
    """Awarded seals whose validity ends between today and ``within_days`` from now."""
    today = today or timezone.localdate()
    return Q(
        status=SealStatus.AWARDED,
        valid_until__gte=today,
        valid_until__lte=today + datetime.timedelta(days=within_days),
    )


def seals_due_for_reminder(*, today: datetime.date | None = None) -> QuerySet[SealApplication]:
    """Awarded seals expiring within 90 days whose coordinators were not reminded yet."""
    return (
        SealApplication.objects.filter(expiring_filter(today=today), reminder_sent_on__isnull=True)
        .select_related("partner")
        .order_by("valid_until", "pk")
    )


def state_filter(state: str, *, today: datetime.date | None = None) -> Q:
    """Applications whose status reads ``state`` today (``CertificateState``): an awarded
    certificate past its validity is expired, not awarded."""
    today = today or timezone.localdate()
    if state == CertificateState.EXPIRED:
        return Q(status=SealStatus.AWARDED, valid_until__lt=today)
    if state == CertificateState.AWARDED:
        return Q(status=SealStatus.AWARDED) & ~Q(valid_until__lt=today)
    return Q(status=state)
