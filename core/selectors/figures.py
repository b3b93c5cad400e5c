"""The alliance's key figures, counted with the ORM inside its schema.

The coordinator home shows them; the state statistics (``regional``) compute the same
figures for all alliances at once and are tested against this module.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from core.models import (
    BoardMeeting,
    Event,
    FundingEntry,
    MeetingStatus,
    Partner,
    PartnerKind,
    PartnerStatus,
    Project,
    SealApplication,
    SealStatus,
)


@dataclass
class AllianceFigures:
    partners_total: int = 0
    partners_by_kind: dict[str, int] = field(default_factory=dict)
    companies: int = 0
    partners_with_care_guides: int = 0
    care_guides_total: int = 0
    care_guides_share: float = 0.0  # share of active partners with trained care guides
    valid_seals: int = 0
    projects_by_topic: dict[str, int] = field(default_factory=dict)
    projects_by_status: dict[str, int] = field(default_factory=dict)
    projects_total: int = 0
    families_reached: int = 0
    events: int = 0
    event_participants: int = 0
    funding_total: Decimal = Decimal("0")
    funding_by_kind: dict[str, Decimal] = field(default_factory=dict)
    board_meetings_held: int = 0
    year: int = 0


def alliance_figures(
    *, year: int | None = None, today: datetime.date | None = None
) -> AllianceFigures:
    """Figures of the current schema: active partners now, activity within ``year``."""
    today = today or timezone.localdate()
    year = year or today.year
    figures = AllianceFigures(year=year)

    active = Partner.objects.filter(status=PartnerStatus.ACTIVE)
    by_kind = dict(active.values_list("kind").annotate(n=Count("id")).order_by())
    figures.partners_by_kind = {kind: by_kind.get(kind, 0) for kind in PartnerKind.values}
    figures.partners_total = sum(by_kind.values())
    figures.companies = by_kind.get(PartnerKind.COMPANY, 0)
    guides = active.aggregate(
        with_guides=Count("id", filter=Q(care_guides_count__gt=0)),
        guides=Sum("care_guides_count"),
    )
    figures.partners_with_care_guides = guides["with_guides"] or 0
    figures.care_guides_total = guides["guides"] or 0
    if figures.partners_total:
        figures.care_guides_share = round(
            figures.partners_with_care_guides / figures.partners_total, 4
        )

    figures.valid_seals = SealApplication.objects.filter(
        status=SealStatus.AWARDED, awarded_on__lte=today, valid_until__gte=today
    ).count()

    projects = Project.objects.all()
    figures.projects_by_topic = dict(
        projects.values_list("topic").annotate(n=Count("id")).order_by()
    )
    figures.projects_by_status = dict(
        projects.values_list("status").annotate(n=Count("id")).order_by()
    )
    figures.projects_total = sum(figures.projects_by_status.values())
    figures.families_reached = projects.aggregate(total=Sum("families_reached"))["total"] or 0

    events = Event.objects.filter(date__year=year).aggregate(
        n=Count("id"), people=Sum("participant_count")
    )
    figures.events = events["n"] or 0
    figures.event_participants = events["people"] or 0

    funding = dict(
        FundingEntry.objects.filter(received_on__year=year)
        .values_list("kind")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    figures.funding_by_kind = funding
    figures.funding_total = sum(funding.values(), Decimal("0"))

    figures.board_meetings_held = BoardMeeting.objects.filter(
        Q(status=MeetingStatus.HELD), date__year=year
    ).count()
    return figures
