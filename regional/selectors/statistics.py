"""Reads of the statistics for the dashboard: snapshot rows only, never alliance schemas.

A page built from these costs a fixed number of queries whatever the number of
alliances or snapshot dates: the snapshots of one day (with their alliance), the list
of dates and the state totals per date (one aggregate query).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from regional.models import AllianceSnapshot, RunStatus, StatisticsRun
from tenants.districts import District

# The figures that add up to the state's totals.
SUMMED_FIELDS = (
    "partners_total",
    "companies",
    "partners_with_care_guides",
    "care_guides_total",
    "valid_seals",
    "projects_total",
    "families_reached",
    "events",
    "event_participants",
    "funding_total",
    "board_meetings_held",
)

PERIODS = ("day", "quarter", "year")


def snapshot_dates() -> list[datetime.date]:
    """Every date with snapshots, newest first."""
    return list(
        AllianceSnapshot.objects.order_by("-taken_on").values_list("taken_on", flat=True).distinct()
    )


def default_snapshot_date(dates: list[datetime.date]) -> datetime.date | None:
    """The date of the latest finished run, if it has snapshots; else the newest date."""
    if not dates:
        return None
    latest_done = (
        StatisticsRun.objects.filter(status=RunStatus.DONE, taken_on__in=dates)
        .order_by("-taken_on", "-finished_at")
        .values_list("taken_on", flat=True)
        .first()
    )
    return latest_done or dates[0]


def snapshots_on(taken_on: datetime.date | None) -> QuerySet[AllianceSnapshot]:
    """The snapshots of one day with their alliance, by alliance name."""
    return (
        AllianceSnapshot.objects.filter(taken_on=taken_on)
        .select_related("alliance")
        .order_by("alliance__name", "pk")
    )


def dashboard_snapshots(taken_on: datetime.date | None) -> QuerySet[AllianceSnapshot]:
    """``snapshots_on`` with only what the dashboard adds up: the figures and the
    alliance's name and district (not every column of both tables for hundreds of rows)."""
    return snapshots_on(taken_on).only(
        *SUMMED_FIELDS,
        "partners_by_kind",
        "projects_by_topic",
        "projects_by_status",
        "funding_by_kind",
        "alliance__name",
        "alliance__district",
    )


def recent_runs(limit: int = 10) -> QuerySet[StatisticsRun]:
    return StatisticsRun.objects.select_related("requested_by").order_by("-created_at")[:limit]


def active_run(*, minutes: int = 60) -> StatisticsRun | None:
    """A run queued or running that began within ``minutes`` (older ones count as stuck)."""
    since = timezone.now() - datetime.timedelta(minutes=minutes)
    return (
        StatisticsRun.objects.filter(
            status__in=[RunStatus.QUEUED, RunStatus.RUNNING], created_at__gte=since
        )
        .order_by("-created_at")
        .first()
    )


# ---------------------------------------------------------------- totals and districts


@dataclass
class Totals:
    """The sum of some snapshots' figures (the state, or one district)."""

    alliances: int = 0
    partners_total: int = 0
    companies: int = 0
    partners_with_care_guides: int = 0
    care_guides_total: int = 0
    valid_seals: int = 0
    projects_total: int = 0
    families_reached: int = 0
    events: int = 0
    event_participants: int = 0
    funding_total: Decimal = Decimal("0")
    board_meetings_held: int = 0
    partners_by_kind: Counter = field(default_factory=Counter)
    projects_by_topic: Counter = field(default_factory=Counter)
    projects_by_status: Counter = field(default_factory=Counter)
    funding_by_kind: dict[str, Decimal] = field(default_factory=dict)

    @property
    def care_guides_share(self) -> float:
        if not self.partners_total:
            return 0.0
        return round(self.partners_with_care_guides / self.partners_total, 4)

    @property
    def care_guides_percent(self) -> int:
        return round(100 * self.care_guides_share)

    def add(self, snapshot: AllianceSnapshot) -> None:
        self.alliances += 1
        for name in SUMMED_FIELDS:
            setattr(self, name, getattr(self, name) + (getattr(snapshot, name) or 0))
        self.partners_by_kind.update(snapshot.partners_by_kind or {})
        self.projects_by_topic.update(snapshot.projects_by_topic or {})
        self.projects_by_status.update(snapshot.projects_by_status or {})
        for kind, amount in (snapshot.funding_by_kind or {}).items():
            self.funding_by_kind[kind] = self.funding_by_kind.get(kind, Decimal("0")) + Decimal(
                str(amount)
            )


def state_totals(snapshots) -> Totals:
    totals = Totals()
    for snapshot in snapshots:
        totals.add(snapshot)
    return totals


# The district table names at most this many alliances per district ("and 12 more"):
# a district with dozens of alliances would otherwise make one cell as long as the page.
DISTRICT_NAMES_SHOWN = 5


@dataclass
class DistrictFigures:
    code: str
    name: str
    alliance_names: list[str]
    totals: Totals

    @property
    def alliances(self) -> int:
        return len(self.alliance_names)

    @property
    def names_shown(self) -> list[str]:
        return self.alliance_names[:DISTRICT_NAMES_SHOWN]

    @property
    def names_more(self) -> int:
        return max(len(self.alliance_names) - DISTRICT_NAMES_SHOWN, 0)


def district_figures(snapshots) -> list[DistrictFigures]:
    """All 23 districts and independent cities, each with the alliances in it."""
    by_code = {
        code: DistrictFigures(code, str(label), [], Totals()) for code, label in District.choices
    }
    for snapshot in snapshots:
        district = by_code.get(snapshot.alliance.district)
        if district is None:
            continue
        district.alliance_names.append(snapshot.alliance.name)
        district.totals.add(snapshot)
    return sorted(by_code.values(), key=lambda d: d.name.removeprefix("Landkreis "))


# ---------------------------------------------------------------- trends


@dataclass(frozen=True)
class TrendPoint:
    label: str
    taken_on: datetime.date
    alliances: int
    partners_total: int
    companies: int
    partners_with_care_guides: int
    families_reached: int
    event_participants: int
    funding_total: Decimal


def _period_key(day: datetime.date, period: str) -> tuple:
    if period == "year":
        return (day.year,)
    if period == "quarter":
        return (day.year, (day.month - 1) // 3 + 1)
    return (day,)


def _period_label(day: datetime.date, period: str) -> str:
    if period == "year":
        return str(day.year)
    if period == "quarter":
        return f"Q{(day.month - 1) // 3 + 1}/{day.year}"
    return day.strftime("%d.%m.%Y")


def state_trend(period: str = "day", *, until: datetime.date | None = None) -> list[TrendPoint]:
    """The state's totals per snapshot date (one aggregate query), oldest first.

    ``period`` "quarter" or "year" keeps the last snapshot date of each quarter or year.
    """
    if period not in PERIODS:
        raise ValueError(f"Unknown period {period!r}")
    rows = AllianceSnapshot.objects.values("taken_on")
    if until is not None:
        rows = rows.filter(taken_on__lte=until)
    rows = rows.annotate(
        alliances=Count("id"),
        partners=Sum("partners_total"),
        companies_sum=Sum("companies"),
        with_guides=Sum("partners_with_care_guides"),
        families=Sum("families_reached"),
        participants=Sum("event_participants"),
        funding=Sum("funding_total"),
    ).order_by("taken_on")
    last_of_period: dict[tuple, dict] = {}
    for row in rows:
        last_of_period[_period_key(row["taken_on"], period)] = row
    return [
        TrendPoint(
            label=_period_label(row["taken_on"], period),
            taken_on=row["taken_on"],
            alliances=row["alliances"],
            partners_total=row["partners"] or 0,
            companies=row["companies_sum"] or 0,
            partners_with_care_guides=row["with_guides"] or 0,
            families_reached=row["families"] or 0,
            event_participants=row["participants"] or 0,
            funding_total=row["funding"] or Decimal("0"),
        )
        for row in last_of_period.values()
    ]
