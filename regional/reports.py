"""The figures of a ministry report, built from the statistics snapshots.

``build_report_data()`` reads the snapshots of the latest snapshot date on or before the
period's end (and, for the comparison, on or before the previous period's end) and adds
them up for Thuringia and for each district in which alliances are present. The result
is plain JSON and is stored in ``Report.data`` when the report is generated, so a
released report keeps its figures whatever happens to the snapshots later.

The snapshots hold counts and amounts only; nothing here ever reads a person's name,
e-mail address or phone number, and the report data holds none either.

``regional.report_tables`` turns a report's stored data into the suppressed, labelled
rows that every ministry-facing output (PDF, XLSX, CSV, pages) shows.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.figures import ALLIANCE_FIGURES
from kernel import formats
from kernel.collation import by_name
from kernel.figures import COUNT, MONEY, SHARE, Figure
from regional.models import AllianceSnapshot, PeriodKind
from tenants import districts as catalogue

DATA_VERSION = 1

SECTIONS = {
    "alliances": gettext_lazy("Alliances"),
    "partners": gettext_lazy("Partners"),
    "projects": gettext_lazy("Projects"),
    "events": gettext_lazy("Events"),
    "funding": gettext_lazy("Funding"),
    "board": gettext_lazy("Board meetings"),
    "childcare": gettext_lazy("Childcare pool"),  # carers
}

# The figures of every report, in the order the report shows them: the number of
# alliances, then the alliance figures of the registry. The breakdowns
# (``<group>.<choice>``) follow the figure named in their ``after``.
ALLIANCES = Figure("alliances", gettext_lazy("Alliances"), "alliances", COUNT)
MAIN_FIGURES = [ALLIANCES, *ALLIANCE_FIGURES.figures]
BREAKDOWNS = list(ALLIANCE_FIGURES.breakdowns)

_FIGURES = {figure.key: figure for figure in MAIN_FIGURES}
_BREAKDOWNS = {breakdown.key: breakdown for breakdown in BREAKDOWNS}
MAIN_KEYS = [figure.key for figure in MAIN_FIGURES]
# Plain sums over the snapshots (the share is computed from two of them, money exactly).
_SUMMED = [key for key in ALLIANCE_FIGURES.keys(summed=True) if _FIGURES[key].unit != MONEY]
# Counted within the calendar year up to the snapshot's day (events, funding, ...): the
# figures of a quarter are those of its end minus those of the quarter before it.
_YEAR_TO_DATE = frozenset(ALLIANCE_FIGURES.year_to_date_keys())


class NoFiguresError(Exception):
    """There are no snapshots for the report's period."""


# ---------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    kind: str
    year: int
    quarter: int | None

    @property
    def start(self) -> datetime.date:
        if self.kind == PeriodKind.QUARTER:
            return datetime.date(self.year, 3 * (self.quarter - 1) + 1, 1)
        return datetime.date(self.year, 1, 1)

    @property
    def end(self) -> datetime.date:
        if self.kind == PeriodKind.QUARTER:
            last_month = 3 * self.quarter
            if last_month == 12:
                return datetime.date(self.year, 12, 31)
            return datetime.date(self.year, last_month + 1, 1) - datetime.timedelta(days=1)
        return datetime.date(self.year, 12, 31)

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.QUARTER:
            return f"Q{self.quarter} {self.year}"
        return str(self.year)

    def previous(self) -> Period:
        """The previous year, or the previous quarter (Q1 follows Q4 of the year before)."""
        if self.kind == PeriodKind.QUARTER:
            if self.quarter == 1:
                return Period(self.kind, self.year - 1, 4)
            return Period(self.kind, self.year, self.quarter - 1)
        return Period(self.kind, self.year - 1, None)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "year": self.year,
            "quarter": self.quarter,
            "label": self.label,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
        }


def period_of(report) -> Period:
    return Period(report.period_kind, report.year, report.quarter)


# ---------------------------------------------------------------- reading the snapshots


def snapshots_as_of(day: datetime.date) -> tuple[datetime.date | None, list[AllianceSnapshot]]:
    """The snapshots of the latest snapshot date on or before ``day`` (two queries)."""
    latest = AllianceSnapshot.objects.filter(taken_on__lte=day).aggregate(day=Max("taken_on"))[
        "day"
    ]
    if latest is None:
        return None, []
    snapshots = list(
        AllianceSnapshot.objects.filter(taken_on=latest)
        .select_related("alliance")
        .order_by(by_name("alliance__name"), "pk")
    )
    return latest, snapshots


def _money(value: Any) -> Decimal:
    return Decimal(str(value or 0))


def _breakdown_keys(group: str, snapshots: Iterable[AllianceSnapshot]) -> list[str]:
    """Every choice of the group (stable rows), then any other key a snapshot holds."""
    keys = list(_BREAKDOWNS[group].choices.values)
    for snapshot in snapshots:
        for key in sorted(getattr(snapshot, group) or {}):
            if key not in keys:
                keys.append(key)
    return keys


@dataclass(frozen=True)
class PeriodSnapshots:
    """The snapshots a period's figures come from: those of ``taken_on`` (the latest
    snapshot date on or before the period's end) and, for the figures counted within the
    year, those of ``base_on`` (the latest before the period began, in the same year):
    the activity of the period is the difference, counted from ``activity_from``."""

    taken_on: datetime.date | None
    snapshots: list[AllianceSnapshot]
    activity_from: datetime.date
    base_on: datetime.date | None = None
    base: dict[int, AllianceSnapshot] | None = None


def period_snapshots(period: Period) -> PeriodSnapshots:
    """The snapshots of ``period`` (see ``PeriodSnapshots``); a year needs no base, nor
    a quarter without a snapshot earlier in its year (its activity counts from 1 January)."""
    taken_on, snapshots = snapshots_as_of(period.end)
    year_start = datetime.date(period.year, 1, 1)
    if period.start == year_start:
        return PeriodSnapshots(taken_on, snapshots, year_start)
    base_on, base = snapshots_as_of(period.start - datetime.timedelta(days=1))
    if base_on is None or base_on < year_start:
        return PeriodSnapshots(taken_on, snapshots, year_start)
    return PeriodSnapshots(
        taken_on,
        snapshots,
        base_on + datetime.timedelta(days=1),
        base_on,
        {snapshot.alliance_id: snapshot for snapshot in base},
    )


def _within(value: Any, earlier: Any) -> Any:
    """A year-to-date figure minus the same figure earlier in the year (never below 0:
    a record deleted since does not make the period's figure negative)."""
    if isinstance(value, Decimal) or isinstance(earlier, Decimal):
        return max(_money(value) - _money(earlier), Decimal(0))
    return max((value or 0) - (earlier or 0), 0)


def _own(snapshot: AllianceSnapshot, name: str, base: dict[int, AllianceSnapshot] | None) -> Any:
    """``snapshot``'s figure ``name`` within the period: less the base for a figure
    counted within the year."""
    value = getattr(snapshot, name)
    earlier = (base or {}).get(snapshot.alliance_id)
    if name not in _YEAR_TO_DATE or earlier is None:
        return value
    return _within(value, getattr(earlier, name))


def _own_key(
    snapshot: AllianceSnapshot, group: str, key: str, base: dict[int, AllianceSnapshot] | None
) -> Any:
    """One choice of the breakdown ``group`` within the period (as ``_own()``)."""
    value = (getattr(snapshot, group) or {}).get(key)
    earlier = (base or {}).get(snapshot.alliance_id)
    if group not in _YEAR_TO_DATE or earlier is None:
        return value
    before = (getattr(earlier, group) or {}).get(key)
    if _BREAKDOWNS[group].unit == MONEY:
        return _within(_money(value), _money(before))
    return _within(int(value or 0), int(before or 0))


def _aggregate(
    snapshots: list[AllianceSnapshot],
    groups: dict[str, list[str]],
    base: dict[int, AllianceSnapshot] | None = None,
) -> dict[str, Any]:
    """The figures of ``snapshots`` added up; money as exact text, the share as a ratio;
    the figures counted within the year less those of ``base`` (alliance id -> snapshot)."""
    values: dict[str, Any] = {"alliances": len(snapshots)}
    for name in _SUMMED:
        values[name] = sum(_own(s, name, base) for s in snapshots)
    for figure in ALLIANCE_FIGURES.figures:
        if figure.share_of is not None:
            values[figure.key] = figure.share(values)
    for key in ALLIANCE_FIGURES.keys(summed=True, unit=MONEY):
        amount = sum((_money(_own(s, key, base)) for s in snapshots), Decimal(0))
        values[key] = str(amount.quantize(Decimal("0.01")))
    for group, keys in groups.items():
        breakdown = _BREAKDOWNS[group]
        for key in keys:
            if breakdown.unit == MONEY:
                total = sum((_money(_own_key(s, group, key, base)) for s in snapshots), Decimal(0))
                values[f"{group}.{key}"] = str(total.quantize(Decimal("0.01")))
            else:
                values[f"{group}.{key}"] = sum(
                    int(_own_key(s, group, key, base) or 0) for s in snapshots
                )
    return values


def row_keys(groups: dict[str, list[str]]) -> list[str]:
    """The report's rows in order: main figures, each breakdown after its anchor."""
    keys: list[str] = []
    pending = {b.after: b.key for b in BREAKDOWNS}

    def add_group(group: str) -> None:
        keys.extend(f"{group}.{key}" for key in groups[group])
        if group in pending:
            add_group(pending[group])

    for figure in MAIN_FIGURES:
        keys.append(figure.key)
        if figure.key in pending:
            add_group(pending[figure.key])
    return keys


def build_report_data(period: Period) -> dict[str, Any]:
    """The report's figures for ``period`` as JSON (see the module's docstring).

    Raises ``NoFiguresError`` when no snapshot was taken within the period.
    """
    previous = period.previous()
    now_set = period_snapshots(period)
    snapshot_date, current = now_set.taken_on, now_set.snapshots
    if snapshot_date is None or snapshot_date < period.start:
        raise NoFiguresError(
            _(
                "There are no statistics from %(start)s to %(end)s. Please refresh the "
                "statistics first."
            )
            % {"start": formats.date(period.start), "end": formats.date(period.end)}
        )
    before_set = period_snapshots(previous)
    previous_date, earlier = before_set.taken_on, before_set.snapshots
    groups = {b.key: _breakdown_keys(b.key, [*current, *earlier]) for b in BREAKDOWNS}
    keys = row_keys(groups)

    def pair(now: dict[str, Any], before: dict[str, Any] | None) -> dict[str, list[Any]]:
        return {key: [now[key], before[key] if before is not None else None] for key in keys}

    def aggregate_now(snapshots: list[AllianceSnapshot]) -> dict[str, Any]:
        return _aggregate(snapshots, groups, now_set.base)

    def aggregate_before(snapshots: list[AllianceSnapshot]) -> dict[str, Any]:
        return _aggregate(snapshots, groups, before_set.base)

    totals = pair(aggregate_now(current), aggregate_before(earlier) if earlier else None)

    by_district: dict[str, tuple[list, list]] = {}
    for snapshot in current:
        by_district.setdefault(snapshot.alliance.district, ([], []))[0].append(snapshot)
    for snapshot in earlier:
        by_district.setdefault(snapshot.alliance.district, ([], []))[1].append(snapshot)
    districts = []
    for code in sorted(by_district):  # by official key: the independent cities first
        now, before = by_district[code]
        districts.append(
            {
                "code": code,
                "name": catalogue.label(code),
                "values": pair(aggregate_now(now), aggregate_before(before) if earlier else None),
            }
        )
    return {
        "version": DATA_VERSION,
        "period": period.as_json(),
        "previous_period": previous.as_json(),
        "snapshot_date": snapshot_date.isoformat(),
        "previous_snapshot_date": previous_date.isoformat() if previous_date else None,
        # Events, funding, ... count from these days up to the snapshot dates.
        "activity_from": now_set.activity_from.isoformat(),
        "previous_activity_from": before_set.activity_from.isoformat(),
        "rows": keys,
        "totals": totals,
        "districts": districts,
    }


# ---------------------------------------------------------------- labels and formats


def is_main(key: str) -> bool:
    """A main figure (not one choice of a breakdown)."""
    return key in _FIGURES


def figure_kind(key: str) -> str:
    if key in _FIGURES:
        return _FIGURES[key].unit
    group = key.split(".", 1)[0]
    if group in _BREAKDOWNS:
        return _BREAKDOWNS[group].unit
    return COUNT


def figure_section(key: str) -> str:
    if key in _FIGURES:
        return _FIGURES[key].section
    group = key.split(".", 1)[0]
    return _BREAKDOWNS[group].section if group in _BREAKDOWNS else "partners"


def figure_label(key: str, *, short: bool = False) -> str:
    if key in _FIGURES:
        figure = _FIGURES[key]
        return str(figure.short_label if short and figure.short_label else figure.label)
    group, _sep, choice = key.partition(".")
    breakdown = _BREAKDOWNS.get(group)
    if breakdown is None:
        return key
    return str(breakdown.label) % {"label": breakdown.choice_label(choice)}


def format_value(value: Any, kind: str, *, signed: bool = False) -> str:
    """A cell as the report prints it (``kernel.formats``; markers as they are)."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    sign = ""
    if signed:
        sign = "+" if value > 0 else ("−" if value < 0 else "±")
        value = abs(value)
    if kind == SHARE:
        points = formats.number(float(value) * 100, 1)
        return f"{sign}{points} Pp." if signed else f"{points} %"
    if kind == MONEY:
        return f"{sign}{formats.money(Decimal(value))}"
    return f"{sign}{formats.number(int(value))}"


def format_percent(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{formats.percent(abs(value), 1)}"
