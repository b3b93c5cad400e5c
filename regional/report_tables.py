"""A report's stored figures as every ministry-facing output shows them.

``report_tables()`` turns a report's stored data (``regional.reports.build_report_data()``)
into the suppressed, labelled rows that the PDF, XLSX, CSV and the pages show, so all of
them show the same figures.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from kernel import formats
from regional.models import PeriodKind
from regional.reports import (
    MAIN_KEYS,
    SECTIONS,
    NoFiguresError,
    Period,
    build_report_data,
    figure_kind,
    figure_label,
    figure_section,
    format_percent,
    format_value,
    is_main,
)
from tenants.selectors import current_state


def publisher(state) -> str:
    """Who publishes a state's reports, on every page and file: the office's own name,
    else its formal German one (a report is a document for the state's ministry)."""
    return (
        state.office_name or f"Landeskoordinierungsstelle Lokale Bündnisse für Familie {state.name}"
    )


# ---------------------------------------------------------------- tables for the outputs


@dataclass(frozen=True)
class FigureRow:
    """One figure of Thuringia or of a district, suppressed as the ministry sees it."""

    key: str
    label: str
    section: str
    section_label: str
    kind: str
    value: Any
    previous: Any
    change: Any
    change_percent: Any

    @property
    def value_text(self) -> str:
        return format_value(self.value, self.kind)

    @property
    def previous_text(self) -> str:
        return format_value(self.previous, self.kind)

    @property
    def change_text(self) -> str:
        return format_value(self.change, self.kind, signed=True)

    @property
    def change_percent_text(self) -> str:
        return format_percent(self.change_percent)

    @property
    def is_main(self) -> bool:
        return is_main(self.key)


@dataclass(frozen=True)
class DistrictTable:
    code: str
    name: str
    rows: list[FigureRow]

    def row(self, key: str) -> FigureRow | None:
        return next((row for row in self.rows if row.key == key), None)


@dataclass(frozen=True)
class ReportTables:
    title: str
    publisher: str  # the report's state's office (``publisher()``)
    period_label: str
    period_start: datetime.date
    period_end: datetime.date
    previous_label: str
    snapshot_date: datetime.date
    previous_snapshot_date: datetime.date | None
    threshold: int
    totals: list[FigureRow]
    districts: list[DistrictTable]
    # Events, funding, ... count from these days (reports generated before they were
    # stored have none: their activity counts from 1 January).
    activity_from: datetime.date | None = None
    previous_activity_from: datetime.date | None = None

    @property
    def is_running(self) -> bool:
        """The period had not ended on the day of its figures."""
        return self.snapshot_date < self.period_end

    def total(self, key: str) -> FigureRow | None:
        return next((row for row in self.totals if row.key == key), None)

    @property
    def main_totals(self) -> list[FigureRow]:
        return [row for row in self.totals if row.is_main]


def _rows(keys: list[str], cells: dict[str, dict[str, Any]]) -> list[FigureRow]:
    rows = []
    for key in keys:
        cell = cells[key]
        section = figure_section(key)
        rows.append(
            FigureRow(
                key=key,
                label=figure_label(key),
                section=section,
                section_label=str(SECTIONS.get(section, section)),
                kind=figure_kind(key),
                value=cell["value"],
                previous=cell["previous"],
                change=cell["change"],
                change_percent=cell["change_percent"],
            )
        )
    return rows


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def report_tables(report) -> ReportTables | None:
    """The report's stored figures, suppressed and labelled; None before generation."""
    from regional.suppression import suppress_figures

    data = report.data or {}
    if not data.get("rows"):
        return None
    shown = suppress_figures(data, report.suppression_threshold)
    keys = data["rows"]
    return ReportTables(
        title=report.title,
        publisher=publisher(report.state),
        period_label=data["period"]["label"],
        period_start=_date(data["period"]["start"]),
        period_end=_date(data["period"]["end"]),
        previous_label=data["previous_period"]["label"],
        snapshot_date=_date(data["snapshot_date"]),
        previous_snapshot_date=_date(data.get("previous_snapshot_date")),
        threshold=report.suppression_threshold,
        totals=_rows(keys, shown["totals"]),
        districts=[
            DistrictTable(d["code"], d["name"], _rows(keys, d["cells"])) for d in shown["districts"]
        ],
        activity_from=_date(data.get("activity_from")),
        previous_activity_from=_date(data.get("previous_activity_from")),
    )


def notes(tables: ReportTables) -> list[str]:
    """The explanations every output carries (the XLSX's Hinweise sheet, the PDF's end)."""
    threshold = tables.threshold
    if threshold > 1:
        suppression = _(
            "Figures that count people or organisations (partners, companies, partners with "
            "care guides, care guides, family seals, families reached, event participants, "
            'partners by kind) from 1 to %(below)s are shown as "<%(threshold)s".'
        ) % {"below": threshold - 1, "threshold": threshold}
    else:
        suppression = _("No figures are suppressed.")
    previous = (
        formats.date(tables.previous_snapshot_date)
        if tables.previous_snapshot_date
        else _("no figures")
    )
    return [
        _(
            "Source: the statistics of the alliances as of %(date)s; previous period "
            "(%(previous_label)s): as of %(previous)s."
        )
        % {
            "date": formats.date(tables.snapshot_date),
            "previous_label": tables.previous_label,
            "previous": previous,
        },
        _activity_note(tables),
        suppression,
        _(
            "x: not shown, so that a suppressed figure cannot be worked out from the other "
            "figures (by subtraction, from a change or from a share)."
        ),
        _(
            '".": not shown, so that a small figure cannot be worked out; it may stand for '
            "any number, 0 and numbers below the threshold included."
        ),
        _(
            "Numbers of alliances, projects, events and board meetings and amounts of money "
            "are not suppressed. –: no figure to compare with."
        ),
        _("The report contains no personal data: no names, e-mail addresses or phone numbers."),
    ]


def _activity_note(tables: ReportTables) -> str:
    """What the figures counted over time (events, funding, ...) cover."""
    if tables.activity_from is None:
        return _(
            "Partners, care guides, seals and projects are counted as on that day; events, "
            "participants, funding and board meetings within the calendar year up to that day."
        )
    text = _(
        "Partners, care guides, seals and projects are counted as on that day; events, "
        "participants, funding and board meetings from %(start)s to %(end)s."
    ) % {"start": f"{tables.activity_from:%d.%m.%Y}", "end": f"{tables.snapshot_date:%d.%m.%Y}"}
    if tables.previous_activity_from and tables.previous_snapshot_date:
        text += " " + _("Previous period: from %(start)s to %(end)s.") % {
            "start": f"{tables.previous_activity_from:%d.%m.%Y}",
            "end": f"{tables.previous_snapshot_date:%d.%m.%Y}",
        }
    return text


def figures_context(tables: ReportTables | None) -> dict[str, Any]:
    """What templates/regional/reports/_figures.html needs to show ``tables``."""
    if tables is None:
        return {"tables": None}
    return {
        "tables": tables,
        "state_name": current_state().name,  # the report's or the office's own state
        "matrix_headers": [figure_label(key, short=True) for key in MAIN_KEYS],
        "matrix_rows": [
            (district.name, [district.row(key) for key in MAIN_KEYS])
            for district in tables.districts
        ],
        "matrix_total": [tables.total(key) for key in MAIN_KEYS],
        "notes": notes(tables),
    }


def ministry_tables(day: datetime.date, threshold: int) -> ReportTables | None:
    """The figures of ``day``'s year as the ministry may see them (suppressed, with the
    change against the year before); None when there are no snapshots."""
    from types import SimpleNamespace

    try:
        data = build_report_data(Period(PeriodKind.YEAR, day.year, None))
    except NoFiguresError:
        return None
    # The ministry's own state (the request's scope) publishes them.
    stored = SimpleNamespace(
        state=current_state(), title="", data=data, suppression_threshold=threshold
    )
    return report_tables(stored)


def period_text(tables: ReportTables) -> str:
    start, end = formats.date(tables.period_start), formats.date(tables.period_end)
    return f"{tables.period_label} ({start} – {end})"
