"""Reads of the "Bündnis des Monats" award."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from federal.models import Award


def award_list() -> QuerySet[Award]:
    return Award.objects.select_related("alliance__state")


def published_awards() -> QuerySet[Award]:
    """Published awards, newest month first (public: names an alliance, nothing personal)."""
    return award_list().filter(published=True).order_by("-month")


def current_award(today: datetime.date | None = None) -> Award | None:
    """The newest published award of a month that has begun."""
    today = today or timezone.localdate()
    return published_awards().filter(month__lte=today).first()


def awards_of(alliance, today: datetime.date | None = None) -> list[Award]:
    """The published awards ``alliance`` received for months that have begun, newest
    first: one query of the award table alone (the alliance is the one given), so an
    alliance's pages read nothing else of the public schema's tenancy tables."""
    today = today or timezone.localdate()
    found = list(
        Award.objects.filter(published=True, alliance_id=alliance.pk, month__lte=today).order_by(
            "-month"
        )[:12]
    )
    for award in found:
        award.alliance = alliance
    return found
