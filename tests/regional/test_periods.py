"""Periods that read correctly: a quarter's report counts that quarter's activity only,
and a trend shows each period's own activity, the running period marked, never a drop
to 0 each January because the year has only begun."""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from pypdf import PdfReader

from regional.models import AllianceSnapshot, PeriodKind
from regional.report_tables import notes, report_tables
from regional.reports import Period, build_report_data
from regional.selectors.statistics import state_trend
from tenants.models import State
from tests.regional.test_dashboard import extra_alliances
from tests.regional.test_reports import _bytes, _create, _generate


def _stored(data: dict) -> SimpleNamespace:
    """A report of Thuringia's office with ``data`` stored, as ``report_tables`` reads it."""
    return SimpleNamespace(
        state=State(key="16", name="Thüringen"), title="", data=data, suppression_threshold=3
    )


# Year-to-date activity of Jena through 2025 and 2026 (events, participants, funding),
# with its partners as of each day.
JENA_DAYS = {
    datetime.date(2025, 9, 30): (22, 600, "900.00", 8),
    datetime.date(2025, 12, 31): (30, 800, "1200.00", 9),
    datetime.date(2026, 3, 31): (4, 40, "100.00", 10),
    datetime.date(2026, 6, 30): (10, 100, "300.00", 11),
    datetime.date(2026, 9, 30): (15, 160, "450.00", 12),
    datetime.date(2026, 12, 31): (20, 230, "700.00", 12),
}


def _snapshot(alliance, day, events, participants, funding, partners) -> AllianceSnapshot:
    return AllianceSnapshot.objects.create(
        alliance=alliance, taken_on=day, year=day.year, events=events,
        event_participants=participants, funding_total=Decimal(funding),
        funding_by_kind={"donation": funding}, partners_total=partners,
    )  # fmt: skip


@pytest.fixture
def jena_year(jena):
    for day, values in JENA_DAYS.items():
        _snapshot(jena, day, *values)


def _values(data, key) -> list:
    return data["totals"][key]


# ---------------------------------------------------------------- quarterly reports


def test_a_q3_report_counts_july_to_september_only(jena_year):
    data = build_report_data(Period(PeriodKind.QUARTER, 2026, 3))
    assert data["period"]["label"] == "Q3 2026"
    assert (data["period"]["start"], data["period"]["end"]) == ("2026-07-01", "2026-09-30")
    # Activity: September's year-to-date less June's; the previous quarter: June less March.
    assert _values(data, "events") == [5, 6]
    assert _values(data, "event_participants") == [60, 60]
    assert _values(data, "funding_total") == ["150.00", "200.00"]
    assert _values(data, "funding_by_kind.donation") == ["150.00", "200.00"]
    # What exists on a day is counted as on the quarter's last snapshot.
    assert _values(data, "partners_total") == [12, 11]
    assert data["activity_from"] == "2026-07-01"
    assert data["previous_activity_from"] == "2026-04-01"
    # The districts' figures are the quarter's too.
    jena = next(d for d in data["districts"] if d["code"] == "16053")
    assert jena["values"]["events"] == [5, 6]


def test_a_q1_report_counts_from_january_and_compares_with_the_fourth_quarter(jena_year):
    data = build_report_data(Period(PeriodKind.QUARTER, 2026, 1))
    assert _values(data, "events") == [4, 8]  # Q4 2025: 30 less September's 22
    assert data["activity_from"] == "2026-01-01"
    assert data["previous_activity_from"] == "2025-10-01"


def test_a_yearly_report_counts_the_whole_year(jena_year):
    data = build_report_data(Period(PeriodKind.YEAR, 2026, None))
    assert _values(data, "events") == [20, 30]
    assert _values(data, "funding_total") == ["700.00", "1200.00"]
    assert data["activity_from"] == "2026-01-01"


def test_a_quarter_without_an_earlier_snapshot_that_year_counts_from_january(jena):
    _snapshot(jena, datetime.date(2026, 9, 30), 15, 160, "450.00", 12)
    data = build_report_data(Period(PeriodKind.QUARTER, 2026, 3))
    assert _values(data, "events") == [15, None]
    assert data["activity_from"] == "2026-01-01"


def test_a_deleted_record_does_not_make_a_quarter_negative(jena):
    _snapshot(jena, datetime.date(2026, 6, 30), 10, 100, "300.00", 11)
    _snapshot(jena, datetime.date(2026, 9, 30), 8, 90, "250.00", 11)
    data = build_report_data(Period(PeriodKind.QUARTER, 2026, 3))
    assert _values(data, "events")[0] == 0
    assert _values(data, "funding_total")[0] == "0.00"


def test_the_notes_say_which_days_the_activity_covers(jena_year):
    data = build_report_data(Period(PeriodKind.QUARTER, 2026, 3))
    tables = report_tables(_stored(data))
    with translation.override("en"):
        text = " ".join(notes(tables))
    assert "from 01.07.2026 to 30.09.2026" in text
    assert "Previous period: from 01.04.2026 to 30.06.2026." in text
    assert "within the calendar year" not in text
    with translation.override("de"):
        assert "vom 01.07.2026 bis 30.09.2026" in " ".join(notes(tables))


def test_a_report_stored_before_has_its_old_note(jena_year):
    data = build_report_data(Period(PeriodKind.YEAR, 2026, None))
    del data["activity_from"], data["previous_activity_from"]
    tables = report_tables(_stored(data))
    with translation.override("en"):
        assert "within the calendar year up to that day" in " ".join(notes(tables))


@pytest.mark.slow  # a second or more (make check leaves it to make test)
def test_the_q3_pdf_shows_the_quarter_and_every_district_in_its_chart(
    jena_year, badfrankenhausen, media_root, state_coordinator
):
    _snapshot(badfrankenhausen, datetime.date(2026, 9, 30), 3, 30, "50.00", 7)
    others = extra_alliances(6, start=2)  # districts 2..7 of the list: none is Jena's
    for number, alliance in enumerate(others):
        _snapshot(alliance, datetime.date(2026, 9, 30), 1, 10, "10.00", 4 + number)
    report = _create(
        state_coordinator, title="Quartalsbericht", period_kind="quarter", year=2026, quarter=3
    )
    report = _generate(report, state_coordinator)
    reader = PdfReader(io.BytesIO(_bytes(report.pdf_file)))
    pages = [page.extract_text() for page in reader.pages]
    assert "Berichtszeitraum: Q3 2026 (01.07.2026 - 30.09.2026)" in pages[0]
    with translation.override("de"):
        caption = translation.gettext("Active partners by district, %(period)s") % {
            "period": "Q3 2026"
        }
    index = next(i for i, text in enumerate(pages) if caption in text)
    chart_page = pages[index]
    names = {a.district_name for a in [*others]} | {"Jena", "Kyffhäuserkreis"}
    for name in names:
        assert name in chart_page, name
    operators = reader.pages[index].get_contents().get_data()
    assert len(re.findall(rb"\bre\s+f\b", operators)) >= len(names)  # a bar each
    # The Thuringia table: Q3's events only (5 + 3 + 6, not January to September).
    assert any(re.search(r"Veranstaltungen 14 ", text) for text in pages)


# ---------------------------------------------------------------- the trend in January

JANUARY = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))


@pytest.fixture
def into_january(jena):
    for day, participants in (
        (datetime.date(2025, 10, 31), 800),
        (datetime.date(2025, 11, 30), 900),
        (datetime.date(2025, 12, 31), 1000),
        (datetime.date(2026, 1, 15), 30),
    ):
        _snapshot(jena, day, participants // 10, participants, "0.00", 10)


@pytest.mark.time_machine(JANUARY)
def test_in_january_the_trend_shows_each_months_activity_and_marks_the_running_one(
    into_january,
):
    trend = state_trend("day")
    assert [p.event_participants for p in trend] == [800, 100, 100, 30]
    assert [p.running for p in trend] == [False, False, False, True]
    assert [p.partners_total for p in trend] == [10, 10, 10, 10]  # no drop either
    yearly = state_trend("year")
    assert [(p.label, p.event_participants, p.running) for p in yearly] == [
        ("2025", 1000, False),
        ("2026", 30, True),
    ]
    quarterly = state_trend("quarter")
    assert [(p.label, p.running) for p in quarterly] == [("Q4/2025", False), ("Q1/2026", True)]


@pytest.mark.time_machine(JANUARY)
def test_in_january_the_dashboards_trend_charts_mark_the_running_period(into_january, state_client):
    body = state_client.get("/dashboard/", {"period": "year"}).content.decode()
    for chart_id in ("chart-trend", "chart-families"):
        chart = body.split(f'id="{chart_id}-title"')[1].split("</svg>")[0]
        assert "running, until 15.01.2026" in chart
        lines = r'<polyline points="([^"]+)"[^>]*stroke-dasharray="{}"'
        solid = re.findall(lines.format("(?:none|6 3)"), chart)
        dotted = re.findall(lines.format("2 3"), chart)
        assert dotted, chart_id  # the running year drawn apart, not as the line's drop
        assert not any(len(points.split()) > 1 for points in solid)  # one complete year
    assert "2026 (running, until 15.01.2026)" in body  # the table says so too


def test_a_report_of_a_period_not_ended_says_until_when_in_its_chart(jena):
    from regional.charts import comparison_chart

    _snapshot(jena, datetime.date(2026, 9, 30), 15, 160, "450.00", 12)
    data = build_report_data(Period(PeriodKind.YEAR, 2026, None))
    tables = report_tables(_stored(data))
    assert tables.is_running
    with translation.override("en"):
        legend = comparison_chart(tables).series[0]
    assert legend == "This period (2026, running, until 30.09.2026)"
    data = build_report_data(Period(PeriodKind.QUARTER, 2026, 3))
    tables = report_tables(_stored(data))
    assert not tables.is_running  # the quarter's last day has its snapshot
    with translation.override("en"):
        assert comparison_chart(tables).series[0] == "This period (Q3 2026)"
