"""Reads of the statistics for the dashboard: snapshot rows only, never alliance schemas.

A page built from these costs a fixed number of queries whatever the number of
alliances or snapshot dates, and PostgreSQL does the adding up: the day's sums per
district, the day's per-kind sums, the largest alliances for the chart, the list of
dates and the state totals per date.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Count, OuterRef, QuerySet, Subquery, Sum
from django.utils import timezone

from core.figures import ALLIANCE_FIGURES
from kernel import formats
from kernel.collation import by_name
from kernel.figures import MONEY
from regional.models import AllianceSnapshot, RunStatus, StatisticsRun
from tenants import districts as catalogue
from tenants.models import Alliance
from tenants.scope import scoped_table

# The figures that add up to the state's totals.
SUMMED_FIELDS = tuple(ALLIANCE_FIGURES.keys(summed=True))
# The figures kept per kind as JSON objects {key: number}; summed per key in SQL.
KEYED_FIELDS = tuple(ALLIANCE_FIGURES.breakdown_keys())
_MONEY_KEYED = frozenset(ALLIANCE_FIGURES.breakdown_keys(unit=MONEY))

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
        .order_by(by_name("alliance__name"), "pk")
    )


def latest_partners(alliance: str = "pk") -> Subquery:
    """The active partners of an alliance's newest snapshot (NULL without one), the size
    its lists filter by: an expression over the alliance ``alliance`` names (its pk)."""
    newest = AllianceSnapshot.objects.filter(alliance=OuterRef(alliance)).order_by("-taken_on")
    return Subquery(newest.values("partners_total")[:1])


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
class Totals(
    ALLIANCE_FIGURES.record(
        "SummedFigures",
        module=__name__,
        before=[("alliances", int, 0)],
        summed=True,
        breakdown=Counter,
    )
):
    """The sum of some snapshots' figures (the state, or one district): a field per
    summed figure and breakdown, each share computed from its two sums."""

    @property
    def care_guides_percent(self) -> int:
        return round(100 * self.care_guides_share)

    def add(self, other: Totals) -> None:
        """Add another sum (a district's) to this one."""
        self.alliances += other.alliances
        for name in SUMMED_FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in KEYED_FIELDS:
            getattr(self, name).update(getattr(other, name))


# The district table names at most this many alliances per district ("and 12 more"):
# a district with dozens of alliances would otherwise make one cell as long as the page.
DISTRICT_NAMES_SHOWN = 5


@dataclass
class DistrictFigures:
    code: str
    name: str
    alliances: int
    names_shown: list[str]
    totals: Totals
    ids_shown: list[int] = field(default_factory=list)  # of the alliances named

    @property
    def shown(self) -> list[tuple[int, str]]:
        """(id, name) of the alliances named, for links to their pages."""
        return list(zip(self.ids_shown, self.names_shown, strict=False))

    @property
    def names_more(self) -> int:
        return max(self.alliances - len(self.names_shown), 0)


@dataclass
class DayFigures:
    """One day's sums: the state's, and those of each of its districts and independent cities."""

    totals: Totals
    districts: list[DistrictFigures]


# The sums per district of one day: one row per district, whatever the number of alliances.
# The names are those of the first alliances by name (as the list of the day sorts them).
_DISTRICT_SUMS = """
SELECT a.district, count(*), {sums},
       (array_agg(a.name ORDER BY a.name, s.id))[1:%(shown)s],
       (array_agg(a.id ORDER BY a.name, s.id))[1:%(shown)s]
FROM {snapshot} s JOIN {alliance} a ON a.id = s.alliance_id
WHERE s.taken_on = %(day)s
GROUP BY a.district
"""

# The per-kind figures summed per district and key. A figure that is not a JSON object
# (never written so, but the column allows it) counts as empty rather than failing.
_KEYED_SUMS = """
SELECT a.district, f.figure, e.key, sum(e.value::numeric)
FROM {snapshot} s JOIN {alliance} a ON a.id = s.alliance_id
CROSS JOIN LATERAL (VALUES {figures}) AS f(figure, doc)
CROSS JOIN LATERAL jsonb_each_text(
    CASE WHEN jsonb_typeof(f.doc) = 'object' THEN f.doc ELSE '{{}}'::jsonb END
) AS e(key, value)
WHERE s.taken_on = %(day)s
GROUP BY a.district, f.figure, e.key
"""


def _tables() -> dict[str, str]:
    quote = connection.ops.quote_name
    return {
        "snapshot": quote(AllianceSnapshot._meta.db_table),
        "alliance": scoped_table(Alliance),  # a state office's own alliances only
    }


def day_figures(taken_on: datetime.date | None) -> DayFigures:
    """The state's and every district's sums of the snapshots of ``taken_on``.

    PostgreSQL adds up (two aggregate queries, at most a row per district, figure and
    key), so the cost of the page does not grow with the number of alliances. The state
    sums every snapshot, also one of an alliance without a known district.
    """
    quote = connection.ops.quote_name
    sums = ", ".join(f"coalesce(sum(s.{quote(name)}), 0)" for name in SUMMED_FIELDS)
    figures = ", ".join(f"('{name}', s.{quote(name)})" for name in KEYED_FIELDS)
    by_district: dict[str, Totals] = {}
    names: dict[str, list[str]] = {}
    ids: dict[str, list[int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            _DISTRICT_SUMS.format(sums=sums, **_tables()),
            {"day": taken_on, "shown": DISTRICT_NAMES_SHOWN},
        )
        for district, alliances, *values, shown, shown_ids in cursor.fetchall():
            totals = Totals(alliances=alliances, **dict(zip(SUMMED_FIELDS, values, strict=True)))
            by_district[district] = totals
            names[district] = list(shown or [])
            ids[district] = list(shown_ids or [])
        cursor.execute(_KEYED_SUMS.format(figures=figures, **_tables()), {"day": taken_on})
        for district, figure, key, amount in cursor.fetchall():
            totals = by_district[district]
            if figure in _MONEY_KEYED:
                getattr(totals, figure)[key] = amount
            else:
                getattr(totals, figure)[key] = int(amount)
    state = Totals()
    for totals in by_district.values():
        state.add(totals)
    districts = [
        DistrictFigures(
            code,
            str(label),
            by_district.get(code, Totals()).alliances,
            names.get(code, []),
            by_district.get(code, Totals()),
            ids.get(code, []),
        )
        for code, label in catalogue.choices()  # the home state's, by name
    ]
    return DayFigures(totals=state, districts=districts)


# The chart's label of an alliance: its name without the prefix most share (kept when
# nothing would be left). Ordered by code point (COLLATE "C"), as Python sorts strings.
_LARGEST = """
SELECT label, partners_total FROM (
    SELECT regexp_replace(a.name, '^Lokales Bündnis für Familien? (.+)$', '\\1') AS label,
           s.partners_total, a.name, s.id
    FROM {snapshot} s JOIN {alliance} a ON a.id = s.alliance_id
    WHERE s.taken_on = %(day)s
) AS day
ORDER BY partners_total DESC, label COLLATE "C", name, id
LIMIT %(limit)s  -- NULL: all
"""


def largest_alliances(
    taken_on: datetime.date | None, limit: int | None = None
) -> list[tuple[str, int]]:
    """(label, active partners) of the alliances of ``taken_on``, the most first: every
    one, or the ``limit`` with the most."""
    with connection.cursor() as cursor:
        cursor.execute(_LARGEST.format(**_tables()), {"day": taken_on, "limit": limit})
        return [(label, partners) for label, partners in cursor.fetchall()]


# ---------------------------------------------------------------- trends


# The state's totals on one snapshot date (the last of its day, quarter or year);
# ``running``: its period (month, quarter, year) had not ended on that date.
TrendPoint = ALLIANCE_FIGURES.record(
    "TrendPoint",
    module=__name__,
    before=[
        ("label", str),
        ("taken_on", datetime.date),
        ("alliances", int),
        ("running", bool, False),
    ],
    summed=True,
    breakdown=None,
    frozen=True,
)


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
    return formats.date(day)


def _period_end(day: datetime.date, period: str) -> datetime.date:
    """The last day of the period ``day`` belongs to (a snapshot date's: its month)."""
    if period == "year":
        return datetime.date(day.year, 12, 31)
    last_month = 3 * ((day.month - 1) // 3 + 1) if period == "quarter" else day.month
    if last_month == 12:
        return datetime.date(day.year, 12, 31)
    return datetime.date(day.year, last_month + 1, 1) - datetime.timedelta(days=1)


# Counted within the calendar year up to the snapshot's day: per point, the trend shows
# what was added since the point before (in the same year), not the sum since 1 January,
# which would fall back each January as if the activity had stopped.
_YEAR_TO_DATE = tuple(key for key in SUMMED_FIELDS if key in ALLIANCE_FIGURES.year_to_date_keys())


def state_trend(
    period: str = "day",
    *,
    until: datetime.date | None = None,
) -> list[TrendPoint]:
    """The state's totals per snapshot date (one aggregate query), oldest first.

    ``period`` "quarter" or "year" keeps the last snapshot date of each quarter or year.
    The figures counted within the year (events, funding, ...) are those of the point's
    own period: of its year for "year", since the point before in the same year for
    "quarter" and "day". The newest point is ``running`` when its period (for "day": its
    month) had not ended on its date: its figures are those of part of the period.
    """
    if period not in PERIODS:
        raise ValueError(f"Unknown period {period!r}")
    rows = AllianceSnapshot.objects.values("taken_on")
    if until is not None:
        rows = rows.filter(taken_on__lte=until)
    sums = {f"sum_{name}": Sum(name) for name in SUMMED_FIELDS}
    rows = rows.annotate(alliances=Count("id"), **sums).order_by("taken_on")
    last_of_period: dict[tuple, dict] = {}
    for row in rows:
        last_of_period[_period_key(row["taken_on"], period)] = row
    points: list[TrendPoint] = []
    before: dict[str, Any] | None = None
    chosen = list(last_of_period.values())
    for index, row in enumerate(chosen):
        day = row["taken_on"]
        values = {
            name: row[f"sum_{name}"] or ALLIANCE_FIGURES[name].zero() for name in SUMMED_FIELDS
        }
        own = dict(values)
        if period != "year" and before is not None and before["taken_on"].year == day.year:
            for name in _YEAR_TO_DATE:
                own[name] = max(values[name] - before[name], ALLIANCE_FIGURES[name].zero())
        end = _period_end(day, period)
        points.append(
            TrendPoint(
                label=_period_label(day, period),
                taken_on=day,
                alliances=row["alliances"],
                running=index == len(chosen) - 1 and day < end,
                **own,
            )
        )
        before = {"taken_on": day, **values}
    return points
