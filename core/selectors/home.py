"""What the coordinator's start page shows besides the figures."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from core.models import (
    Application,
    ApplicationStatus,
    BoardMeeting,
    MeetingStatus,
    SealApplication,
    SealStatus,
)
from kernel.audit.models import AuditEntry


def next_board_meeting(*, today: datetime.date | None = None) -> BoardMeeting | None:
    today = today or timezone.localdate()
    return (
        BoardMeeting.objects.filter(status=MeetingStatus.PLANNED, date__gte=today)
        .order_by("date", "start_time")
        .first()
    )


def pending_applications() -> QuerySet[Application]:
    return Application.objects.filter(status=ApplicationStatus.PENDING).order_by("received_on")


def seals_expiring(*, within_days: int = 90, today: datetime.date | None = None):
    today = today or timezone.localdate()
    return (
        SealApplication.objects.filter(
            status=SealStatus.AWARDED,
            valid_until__gte=today,
            valid_until__lte=today + datetime.timedelta(days=within_days),
        )
        .select_related("partner", "programme")
        .order_by("valid_until")
    )


def recent_changes(*, limit: int = 10) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.order_by("-created_at", "-id")[:limit]


# carers
def carer_checks_expiring(*, limit: int = 20):
    """Carers whose police clearance or first-aid course expires within 60 days (or has
    expired), for the coordinator's and the pool staff's home."""
    from core.selectors.carers import carers_with_expiring_checks

    return list(carers_with_expiring_checks()[:limit])


# careguides
def care_guide_refreshers_due(*, today: datetime.date | None = None):
    from core.selectors.careguides import refreshers_due

    return refreshers_due(today=today)


def agreements_expiring(*, today: datetime.date | None = None):
    from core.selectors.agreements import agreements_expiring as expiring

    return expiring(today=today)
