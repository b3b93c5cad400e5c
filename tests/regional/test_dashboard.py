"""The state dashboard: figures from snapshots only, charts and map as inline SVG, the
per-alliance table for the state coordinator, refreshing on demand, and who may see what."""

from __future__ import annotations

import datetime
import io
import re
from collections import Counter
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from kernel import geo
from regional.models import AllianceSnapshot, RunStatus, StatisticsRun
from regional.selectors import statistics as selectors
from regional.selectors.statistics import KEYED_FIELDS, SUMMED_FIELDS
from regional.tasks.statistics import refresh_statistics
from tenants.districts import THURINGIA
from tenants.models import Alliance
from tenants.roles import Role
from tests.conftest import (
    assert_same_queries_for_few_and_many,
    csv_rows,
    logged_in_client,
    person_with_role,
)

DAY = datetime.date(2026, 6, 15)
EARLIER = datetime.date(2026, 3, 31)


def snapshot(alliance, day, **values) -> AllianceSnapshot:
    figures = {
        "year": day.year,
        "partners_total": 10,
        "companies": 6,
        "partners_with_care_guides": 2,
        "care_guides_total": 3,
        "valid_seals": 1,
        "projects_total": 4,
        "families_reached": 100,
        "events": 5,
        "event_participants": 200,
        "funding_total": Decimal("1500.00"),
        "board_meetings_held": 2,
        "partners_by_kind": {"company": 6, "municipality": 4},
        "projects_by_topic": {"childcare": 3, "care": 1},
        "projects_by_status": {"running": 4},
        "funding_by_kind": {"donation": "1500.00"},
    }
    figures.update(values)
    return AllianceSnapshot.objects.create(alliance=alliance, taken_on=day, **figures)


def extra_alliances(count: int, start: int = 0) -> list[Alliance]:
    """Alliance rows without schemas: the dashboard reads snapshots only."""
    districts = [row.ags for row in geo.districts(THURINGIA)]
    return Alliance.objects.bulk_create(
        Alliance(
            name=f"Lokales Bündnis für Familie Zusatzort {start + n}",
            slug=f"zusatzort{start + n}",
            schema_name=f"zusatzort{start + n}",
            district=districts[(start + n) % len(districts)],
        )
        for n in range(count)
    )


def assert_same_queries_for_more_snapshots(client, path: str, alliances, extra: int) -> None:
    """``path`` costs as many queries with the day's snapshots of ``alliances`` as with
    those of ``extra`` alliances more."""

    def few():
        for alliance in alliances:
            snapshot(alliance, DAY)

    def many():
        for alliance in extra_alliances(extra):
            snapshot(alliance, DAY)

    assert_same_queries_for_few_and_many(client, path, few, many)


@pytest.fixture
def two_days(jena, badfrankenhausen):
    snapshot(jena, EARLIER, partners_total=8, families_reached=50)
    snapshot(badfrankenhausen, EARLIER, partners_total=3, families_reached=20)
    snapshot(jena, DAY, partners_total=12, companies=7, funding_total=Decimal("2000.50"))
    snapshot(badfrankenhausen, DAY, partners_total=5, companies=2)


# ---------------------------------------------------------------- what the dashboard shows


def test_the_dashboard_shows_thuringias_totals_of_the_newest_day(two_days, state_client):
    response = state_client.get("/dashboard/")
    assert response.status_code == 200
    assert response.context["chosen"] == DAY
    totals = response.context["totals"]
    assert totals.alliances == 2
    assert totals.partners_total == 17
    assert totals.companies == 9
    assert totals.funding_total == Decimal("3500.50")
    assert totals.partners_by_kind["company"] == 12
    assert totals.funding_by_kind == {"donation": Decimal("3000.00")}
    body = response.content.decode()
    assert "Thüringen on" in body  # the office's own state, by its proper name
    # Issue 16's figures are among the headline figures too.
    for label in (
        "cooperation agreements in force", "certified employers", "active carers",
        "running placements", "care hours per month", "employers paying for care",
        "members of the fundraising circle", "grants of the fundraising circle (EUR)",
    ):  # fmt: skip
        assert label in body, label


def test_the_dashboard_shows_every_district_with_its_alliances(two_days, state_client):
    response = state_client.get("/dashboard/")
    districts = {d.code: d for d in response.context["districts"]}
    assert len(districts) == 23
    assert districts["16053"].names_shown == ["Lokales Bündnis für Familie Jena"]
    assert districts["16065"].alliances == 1
    assert districts["16065"].totals.partners_total == 5
    assert districts["16051"].alliances == 0
    assert response.context["districts_with_alliances"] == 2


def test_charts_and_map_are_inline_svg_with_titles_and_nothing_from_elsewhere(
    two_days, state_client
):
    body = state_client.get("/dashboard/").content.decode()
    svgs = re.findall(r"<svg\b[^>]*>", body)
    assert len(svgs) == 5  # partner kinds, two trends, alliances, map
    for tag in svgs:  # the map of links is a group (an image's links are out of reach)
        assert ('role="img"' in tag) != ("chart-map" in tag and 'role="group"' in tag)
        assert "aria-labelledby" in tag
    for chart_id in (
        "chart-kinds",
        "chart-trend",
        "chart-families",
        "chart-alliances",
        "chart-map",
    ):
        assert f'<title id="{chart_id}-title">' in body
        assert f'<desc id="{chart_id}-desc">' in body
    assert body.count('class="district value-class-') == 23
    assert "Kyffhäuserkreis: 1 alliance" in body
    assert "Landkreis Sonneberg: 0 alliances" in body
    assert "<script" not in body
    for attribute in ("src", "href"):
        assert not re.search(rf'{attribute}="(https?:)?//', body)
    assert "url(http" not in body
    assert "@import" not in body


def test_a_chosen_date_shows_that_days_figures(two_days, state_client):
    response = state_client.get("/dashboard/", {"date": EARLIER.isoformat()})
    assert response.status_code == 200
    assert response.context["chosen"] == EARLIER
    assert response.context["totals"].partners_total == 11
    assert response.context["totals"].families_reached == 70


def test_the_default_date_is_that_of_the_latest_finished_run(two_days, state_client):
    StatisticsRun.objects.create(taken_on=EARLIER, status=RunStatus.DONE)
    StatisticsRun.objects.create(taken_on=DAY, status=RunStatus.RUNNING)
    response = state_client.get("/dashboard/")
    assert response.context["chosen"] == EARLIER
    assert f'<option value="{EARLIER.isoformat()}" selected>' in response.content.decode()
    # Choosing only the trend's grouping keeps the default day.
    assert state_client.get("/dashboard/", {"period": "year"}).context["chosen"] == EARLIER


@pytest.mark.parametrize("params", [{"date": "1999-01-01"}, {"date": "x"}, {"period": "week"}])
def test_an_unknown_date_or_period_answers_400(two_days, state_client, params):
    response = state_client.get("/dashboard/", params)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert "totals" not in response.context


def test_the_trend_shows_state_totals_per_date_quarter_and_year(jena, state_client):
    for day, partners in [
        (datetime.date(2025, 2, 1), 1),
        (datetime.date(2025, 3, 1), 2),
        (datetime.date(2025, 5, 1), 3),
        (datetime.date(2026, 1, 15), 4),
    ]:
        snapshot(jena, day, partners_total=partners)

    def trend(period):
        points = state_client.get("/dashboard/", {"period": period}).context["trend"]
        return [(p.label, p.partners_total) for p in points]

    assert trend("day") == [
        ("01.02.2025", 1),
        ("01.03.2025", 2),
        ("01.05.2025", 3),
        ("15.01.2026", 4),
    ]
    assert trend("quarter") == [("Q1/2025", 2), ("Q2/2025", 3), ("Q1/2026", 4)]
    assert trend("year") == [("2025", 3), ("2026", 4)]


def test_without_snapshots_the_dashboard_says_so(state_client):
    response = state_client.get("/dashboard/")
    assert response.status_code == 200
    assert "There are no statistics yet" in response.content.decode()


def test_the_dashboard_is_german_by_default(two_days, state_coordinator):
    response = logged_in_client(state_coordinator, "localhost").get("/dashboard/")
    assert response.status_code == 200
    assert '<html lang="de">' in response.content.decode()


def test_dashboard_queries_do_not_grow_with_the_number_of_alliances(
    jena, badfrankenhausen, state_client
):
    def few():
        for alliance in (jena, badfrankenhausen):
            snapshot(alliance, DAY)
            snapshot(alliance, EARLIER)

    def many():
        for alliance in extra_alliances(4):
            snapshot(alliance, DAY)
            snapshot(alliance, EARLIER)
            snapshot(alliance, datetime.date(2025, 12, 31))

    assert_same_queries_for_few_and_many(state_client, "/dashboard/", few, many)
    assert state_client.get("/dashboard/").context["totals"].alliances == 6


# ---------------------------------------------------------------- the per-alliance table


def test_the_state_coordinator_sees_every_alliances_figures_sorted(two_days, state_client):
    response = state_client.get("/dashboard/alliances/", {"sort": "-partners"})
    assert response.status_code == 200
    names = [values[0] for _url, values in response.context["rows"]]
    assert names == [
        "Lokales Bündnis für Familie Jena",
        "Lokales Bündnis für Familie Bad Frankenhausen",
    ]
    assert response.context["rows"][0][1][3] == "12"


def test_the_alliance_table_shows_a_chosen_day(two_days, state_client):
    response = state_client.get("/dashboard/alliances/", {"date": EARLIER.isoformat()})
    partners = sorted(values[3] for _url, values in response.context["rows"])
    assert partners == ["3", "8"]
    filterset = response.context["filterset"]
    assert filterset.is_valid()
    assert [value for value, _label in filterset.form.fields["date"].choices] == [
        DAY.isoformat(),
        EARLIER.isoformat(),
    ]
    body = response.content.decode()
    assert f'<option value="{EARLIER.isoformat()}" selected>' in body


def test_the_alliance_table_offers_the_default_day_first(two_days, state_client):
    StatisticsRun.objects.create(taken_on=EARLIER, status=RunStatus.DONE)
    response = state_client.get("/dashboard/alliances/")
    assert sorted(values[3] for _url, values in response.context["rows"]) == ["3", "8"]
    assert f'<option value="{EARLIER.isoformat()}" selected>' in response.content.decode()


def test_the_alliance_table_exports_csv_and_xlsx(two_days, state_client):
    rows = csv_rows(state_client.get("/dashboard/alliances/", {"format": "csv", "sort": "name"}))
    assert rows[0][:4] == ["Alliance", "District", "Date", "Active partners"]
    assert [row[0] for row in rows[1:]] == [
        "Lokales Bündnis für Familie Bad Frankenhausen",
        "Lokales Bündnis für Familie Jena",
    ]
    assert rows[2][3] == "12"
    assert rows[2][2] == f"{DAY:%d.%m.%Y}"
    xlsx = state_client.get("/dashboard/alliances/", {"format": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    date_cell, partners_cell = sheet.cell(row=3, column=3), sheet.cell(row=3, column=4)
    assert date_cell.is_date
    assert date_cell.number_format == "DD.MM.YYYY"
    assert partners_cell.data_type == "n"
    assert partners_cell.number_format == "#,##0"


def test_the_alliance_table_filters_by_district(two_days, state_client):
    response = state_client.get("/dashboard/alliances/", {"district": "16053"})
    assert [values[0] for _url, values in response.context["rows"]] == [
        "Lokales Bündnis für Familie Jena"
    ]


def test_alliance_table_queries_do_not_grow_with_the_number_of_alliances(
    jena, badfrankenhausen, state_client
):
    path = "/dashboard/alliances/"
    assert_same_queries_for_more_snapshots(state_client, path, (jena, badfrankenhausen), 4)


# ---------------------------------------------------------------- refreshing on demand


@pytest.fixture
def sent_tasks(monkeypatch):
    sent = []
    monkeypatch.setattr(
        refresh_statistics, "apply_async", lambda args, task_id: sent.append((args, task_id))
    )
    return sent


def test_a_refresh_on_demand_queues_a_run_and_shows_its_progress(
    jena, badfrankenhausen, state_client, state_coordinator, sent_tasks,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = state_client.post("/dashboard/refresh/")
    run = StatisticsRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/dashboard/runs/{run.pk}/"
    assert run.status == RunStatus.QUEUED
    assert run.requested_by == state_coordinator
    assert run.taken_on == timezone.localdate()
    assert sent_tasks == [([run.pk], run.task_id)]

    page = state_client.get(f"/dashboard/runs/{run.pk}/")
    assert page.status_code == 200
    assert page["Refresh"] == "2"
    assert "0 of 0" in page.content.decode()

    refresh_statistics.run(run.pk)  # what the worker does

    progress = state_client.get(f"/dashboard/runs/{run.pk}/progress/").json()
    assert progress["status"] == "done"
    assert progress["alliances_done"] == progress["alliances_total"] == 2
    assert progress["percent"] == 100
    page = state_client.get(f"/dashboard/runs/{run.pk}/")
    assert not page.has_header("Refresh")
    assert "2 of 2" in page.content.decode()
    assert AllianceSnapshot.objects.filter(taken_on=run.taken_on).count() == 2


def test_a_second_refresh_while_one_is_under_way_shows_that_one(state_client, sent_tasks):
    first = state_client.post("/dashboard/refresh/")
    second = state_client.post("/dashboard/refresh/")
    assert StatisticsRun.objects.count() == 1
    assert second["Location"] == first["Location"]


def test_the_refresh_page_lists_recent_runs(state_client):
    StatisticsRun.objects.create(taken_on=DAY, status=RunStatus.FAILED, error="boom")
    response = state_client.get("/dashboard/refresh/")
    assert response.status_code == 200
    assert "15.06.2026" in response.content.decode() or "06/15/2026" in response.content.decode()


def test_a_failed_run_shows_its_error(state_client):
    run = StatisticsRun.objects.create(taken_on=DAY, status=RunStatus.FAILED, error="Kaputt")
    response = state_client.get(f"/dashboard/runs/{run.pk}/")
    assert "Kaputt" in response.content.decode()
    assert state_client.get(f"/dashboard/runs/{run.pk}/progress/").json()["error"] == "Kaputt"


def test_an_unknown_run_is_not_found(state_client):
    assert state_client.get("/dashboard/runs/999999/").status_code == 404
    assert state_client.get("/dashboard/runs/999999/progress/").status_code == 404


# ---------------------------------------------------------------- who may see what


def test_the_ministry_sees_the_dashboard_but_not_the_alliances_or_the_refresh(
    two_days, ministry_client
):
    run = StatisticsRun.objects.create(taken_on=DAY, status=RunStatus.DONE)
    response = ministry_client.get("/dashboard/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "/dashboard/alliances/" not in body
    assert "/dashboard/refresh/" not in body
    assert ministry_client.get("/dashboard/alliances/").status_code == 404
    assert ministry_client.get("/dashboard/alliances/", {"format": "csv"}).status_code == 404
    assert ministry_client.get("/dashboard/refresh/").status_code == 404
    assert ministry_client.post("/dashboard/refresh/").status_code == 404
    assert ministry_client.get(f"/dashboard/runs/{run.pk}/").status_code == 404
    assert ministry_client.get(f"/dashboard/runs/{run.pk}/progress/").status_code == 404
    assert StatisticsRun.objects.count() == 1


def _paths(run) -> list[str]:
    return [
        "/dashboard/",
        "/dashboard/alliances/",
        "/dashboard/refresh/",
        f"/dashboard/runs/{run.pk}/",
        f"/dashboard/runs/{run.pk}/progress/",
    ]


@pytest.mark.parametrize("role", [Role.LOCAL_COORDINATOR, Role.BOARD_MEMBER])
def test_alliance_roles_get_404_on_every_dashboard_page(two_days, jena, role):
    run = StatisticsRun.objects.create(taken_on=DAY, status=RunStatus.DONE)
    client = logged_in_client(person_with_role(role, jena), "localhost")
    for path in _paths(run):
        assert client.get(path).status_code == 404, path
    assert client.post("/dashboard/refresh/").status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(two_days):
    run = StatisticsRun.objects.create(taken_on=DAY, status=RunStatus.DONE)
    client = logged_in_client(None, "localhost")
    for path in _paths(run):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/login/")
    assert client.post("/dashboard/refresh/").status_code == 302
    assert StatisticsRun.objects.count() == 1


def test_the_dashboard_is_not_served_on_alliance_hosts(two_days, state_coordinator):
    client = logged_in_client(state_coordinator, "jena.localhost")
    assert client.get("/dashboard/").status_code == 404


def test_the_state_home_page_links_the_dashboard_for_state_roles(state_coordinator, ministry, jena):
    for user in (state_coordinator, ministry):
        body = logged_in_client(user, "localhost").get("/").content.decode()
        assert 'href="/dashboard/"' in body
    for user in (None, person_with_role(Role.LOCAL_COORDINATOR, jena)):
        body = logged_in_client(user, "localhost").get("/").content.decode()
        assert 'href="/dashboard/"' not in body


def test_the_ministry_dashboard_carries_no_personal_data(jena, ministry_client):
    from django_tenants.utils import schema_context

    from regional.services.statistics import statistics_refresh
    from tests.factories.partners import ContactPersonFactory, PartnerFactory

    with schema_context("jena"):
        ContactPersonFactory(
            partner=PartnerFactory(name="Firma Vertraulich"),
            first_name="Ingeborg",
            last_name="Verschwiegen",
            email="verschwiegen@firma.example",
            phone="+49 3641 7654321",
        )
    statistics_refresh(actor=None)
    response = ministry_client.get("/dashboard/")
    # The partner is counted, and as one of fewer than three it is shown suppressed.
    assert response.context["tables"].total("partners_total").value_text == "<3"
    body = response.content.decode()
    for private in ("Verschwiegen", "Ingeborg", "firma.example", "7654321", "Firma Vertraulich"):
        assert private not in body


def test_chart_texts_are_escaped():
    from regional.charts import Series, bar_chart, line_chart

    evil = "<script>alert(1)</script>"
    bars = bar_chart([(evil, 3)], chart_id="x", title=evil, description=evil)
    lines = line_chart([evil], [Series(evil, [1])], chart_id="y", title=evil, description=evil)
    for svg in (bars, lines):
        assert "<script>" not in svg
        assert "&lt;script&gt;" in svg


@pytest.mark.parametrize("extra", [0, 13, 14, 30])
def test_the_alliance_chart_shows_every_alliance_and_totals_count_all(
    two_days, state_client, extra
):
    """Every alliance of the day has its bar, however many there are (16 demo alliances
    lost the last one to a limit of 15 before)."""
    for number, alliance in enumerate(extra_alliances(extra)):
        snapshot(alliance, DAY, partners_total=number)
    response = state_client.get("/dashboard/")
    assert response.status_code == 200
    body = response.content.decode()
    chart = body.split('id="chart-alliances-title"')[1].split("</svg>")[0]
    assert "with the most" not in chart
    assert chart.count("<g>") == 2 + extra  # a bar (group) per alliance
    for label in ["Jena", "Bad Frankenhausen", *(f"Zusatzort {n}" for n in range(extra))]:
        assert f">{label}</text>" in chart, label
    assert "sort=-partners" in body  # the way to every alliance's figures
    assert response.context["totals"].alliances == 2 + extra
    assert response.context["totals"].partners_total == 17 + sum(range(extra))
    # The export holds every alliance too.
    export = state_client.get("/dashboard/alliances/", {"format": "csv"}).content.decode()
    assert export.count("Zusatzort") == extra


def test_beyond_forty_alliances_the_chart_shows_the_largest_and_says_so(
    two_days, state_client, state_coordinator
):
    """A platform for all of Germany holds 650 alliances: the chart draws the 40 with the
    most partners, its title and the sentence under it say so, the list has them all."""
    for number, alliance in enumerate(extra_alliances(45)):
        snapshot(alliance, DAY, partners_total=100 + number)
    response = state_client.get("/dashboard/")
    assert response.status_code == 200
    body = response.content.decode()
    chart = body.split('id="chart-alliances-title"')[1].split("</svg>")[0]
    assert chart.count("<g>") == 40
    assert ">Zusatzort 44</text>" in chart  # the most partners
    assert ">Zusatzort 4</text>" not in chart
    assert ">Jena</text>" not in chart
    assert "Active partners of the 40 alliances with the most of 47 on" in body
    assert (
        "The chart shows the 40 alliances with the most active partners; the list has all 47."
    ) in body
    assert response.context["totals"].alliances == 47
    german = logged_in_client(state_coordinator, "localhost").get("/dashboard/")
    body = german.content.decode()
    assert "Aktive Partner der 40 Bündnisse mit den meisten von 47 am" in body
    assert (
        "Das Diagramm zeigt die 40 Bündnisse mit den meisten aktiven Partnern; "
        "die Liste enthält alle 47."
    ) in body
    listed = state_client.get("/dashboard/alliances/", {"format": "csv"}).content.decode()
    assert listed.count("Zusatzort") == 45


def test_a_district_cell_names_a_few_alliances_and_counts_the_rest(
    two_days, state_client, monkeypatch
):
    monkeypatch.setattr("regional.selectors.statistics.DISTRICT_NAMES_SHOWN", 0)
    response = state_client.get("/dashboard/")
    body = response.content.decode()
    assert "and 1 more" in body
    districts = {d.code: d for d in response.context["districts"]}
    assert districts["16053"].names_shown == []
    assert districts["16053"].alliances == districts["16053"].names_more == 1


def test_with_few_alliances_the_chart_shows_every_alliance(two_days, state_client):
    body = state_client.get("/dashboard/").content.decode()
    assert "Active partners by alliance on" in body
    chart = body.split('id="chart-alliances-title"')[1].split("</svg>")[0]
    assert ">Jena</text>" in chart
    assert ">Bad Frankenhausen</text>" in chart


# ---------------------------------------------------------------- sums in SQL


def python_sums(snapshots) -> dict:
    """The reference: a day's snapshots added up one by one in Python."""
    sums = {"alliances": 0, **dict.fromkeys(SUMMED_FIELDS, 0)}
    keyed = {name: Counter() for name in KEYED_FIELDS}
    for item in snapshots:
        sums["alliances"] += 1
        for name in SUMMED_FIELDS:
            sums[name] += getattr(item, name)
        for name in KEYED_FIELDS:
            for key, value in getattr(item, name).items():
                keyed[name][key] += Decimal(str(value))
    return {**sums, **{name: dict(counter) for name, counter in keyed.items()}}


def sql_sums(totals) -> dict:
    values = {"alliances": totals.alliances}
    values.update({name: getattr(totals, name) for name in SUMMED_FIELDS})
    values.update({name: dict(getattr(totals, name)) for name in KEYED_FIELDS})
    return values


def test_sql_sums_equal_the_python_sums_for_state_and_districts(jena, badfrankenhausen):
    snapshot(jena, DAY, funding_by_kind={"donation": "0.10", "state": "0.20"})
    snapshot(
        badfrankenhausen,
        DAY,
        partners_by_kind={"company": 1, "church": 7},
        funding_total=Decimal("0.01"),
    )
    more = extra_alliances(30)
    for number, alliance in enumerate(more):
        snapshot(
            alliance,
            DAY,
            partners_total=number,
            companies=number % 4,
            funding_total=Decimal(number) / 3 if number % 5 else Decimal("0"),
            partners_by_kind={"company": number % 4, f"kind{number % 3}": number},
            projects_by_topic={} if number % 2 else {"care": number},
            funding_by_kind={"donation": f"{number}.33"},
        )
        snapshot(alliance, EARLIER, partners_total=1000)  # another day: not counted

    day = selectors.day_figures(DAY)
    everything = list(AllianceSnapshot.objects.filter(taken_on=DAY).select_related("alliance"))
    assert sql_sums(day.totals) == python_sums(everything)
    assert day.totals.alliances == 32
    assert len(day.districts) == 23
    for district in day.districts:
        own = [s for s in everything if s.alliance.district == district.code]
        assert sql_sums(district.totals) == python_sums(own), district.code
        names = sorted(s.alliance.name for s in own)
        assert district.alliances == len(own)
        assert district.names_shown == names[: selectors.DISTRICT_NAMES_SHOWN]


def test_day_figures_of_a_day_without_snapshots_are_zero(jena):
    snapshot(jena, EARLIER)
    day = selectors.day_figures(DAY)
    assert day.totals.alliances == 0
    assert day.totals.funding_total == 0
    assert day.totals.partners_by_kind == {}
    assert all(d.alliances == 0 and d.names_shown == [] for d in day.districts)


def python_label(name: str) -> str:
    """The chart label as the view made it in Python before SQL did."""
    for prefix in ("Lokales Bündnis für Familie ", "Lokales Bündnis für Familien "):
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :]
    return name


def test_the_largest_alliances_are_ordered_by_partners_then_label(jena, badfrankenhausen):
    snapshot(jena, DAY, partners_total=4)
    snapshot(badfrankenhausen, DAY, partners_total=4)
    named = Alliance.objects.bulk_create(
        [
            Alliance(name=name, slug=slug, schema_name=slug, district="16077")
            for name, slug in [
                ("Lokales Bündnis für Familien Altenburg", "altenburgx"),
                ("Lokales Bündnis für Familie ", "nurprefix"),
                ("Familiennetz Zeulenroda", "zeulenroda"),
                ("Lokales Bündnis für Familie Ölsnitz", "oelsnitz"),
            ]
        ]
    )
    for alliance in named:
        snapshot(alliance, DAY, partners_total=9)
    everything = AllianceSnapshot.objects.filter(taken_on=DAY).select_related("alliance")
    expected = sorted(
        ((python_label(s.alliance.name), s.partners_total) for s in everything),
        key=lambda item: (-item[1], item[0]),
    )
    assert expected[0] == ("Altenburg", 9)
    assert ("Lokales Bündnis für Familie ", 9) in expected  # nothing would be left: kept
    assert selectors.largest_alliances(DAY, 5) == expected[:5]
    assert selectors.largest_alliances(DAY, 50) == expected
    assert selectors.largest_alliances(EARLIER, 5) == []
