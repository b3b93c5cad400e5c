"""Read-only queries of what an alliance shows on its public page (no personal data)."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from core.models import GuideEntry, HolidayOffer, Project, ProjectStatus
from core.selectors.holidays import public_holiday_offers

PUBLIC_PROJECT_FIELDS = ("title", "topic", "status", "description", "start_date", "end_date")


def public_project_list() -> QuerySet[Project]:
    """Projects marked for the public page that are planned or running: no partners, no
    funding figures, no persons."""
    return (
        Project.objects.filter(
            is_public=True, status__in=[ProjectStatus.RUNNING, ProjectStatus.PLANNED]
        )
        .only(*PUBLIC_PROJECT_FIELDS)
        .order_by("-status", "title", "pk")  # running before planned
    )


def upcoming_holiday_offers(
    *, limit: int = 5, today: datetime.date | None = None
) -> list[HolidayOffer]:
    """The next published holiday offers, for a glimpse on the home page."""
    return list(public_holiday_offers(today=today)[:limit])


def has_public_guide() -> bool:
    return GuideEntry.objects.filter(is_published=True).exists()
