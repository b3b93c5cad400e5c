"""The federal overview (/bund/): every state's sums of its active alliances' latest
snapshots, in one query, with the ministry's small-number suppression."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from federal.selectors.overview import federal_overview, state_figures
from regional.models import AllianceSnapshot
from tenants.models import Alliance, AllianceStatus
from tests.conftest import assert_same_queries_for_few_and_many, csv_rows, logged_in_client
from tests.federal.conftest import SAXONY, THURINGIA
from tests.pages import assert_page_shows

DAY = datetime.date(2026, 6, 30)


def _snapshot(alliance, day=DAY, **figures):
    return AllianceSnapshot.objects.create(
        alliance=alliance, taken_on=day, year=day.year, **figures
    )


@pytest.fixture
def figures(jena, saxon_alliance):
    # An older snapshot of Jena: only the newest counts.
    _snapshot(jena, datetime.date(2026, 3, 31), partners_total=500, families_reached=9000)
    _snapshot(jena, partners_total=71, companies=53, partners_with_care_guides=14,
              care_guides_total=20, families_reached=350, funding_total=1200)  # fmt: skip
    _snapshot(saxon_alliance, partners_total=2, companies=1, partners_with_care_guides=1,
              care_guides_total=1, families_reached=40, funding_total=300)  # fmt: skip


def _row(rows, key):
    return next(row for row in rows if row.key == key)


def test_every_state_has_a_row_and_sums_its_alliances_latest_snapshots(figures):
    rows = state_figures()
    assert len(rows) == 16
    thuringia, saxony = _row(rows, THURINGIA), _row(rows, SAXONY)
    assert (thuringia.alliances, thuringia.reporting) == (1, 1)
    assert thuringia.values["partners_total"] == 71
    assert thuringia.values["families_reached"] == 350
    assert thuringia.taken_on == DAY
    assert saxony.values["partners_total"] == 2
    bavaria = _row(rows, "09")
    assert bavaria.alliances == 0
    assert bavaria.values["partners_total"] == 0
    assert bavaria.taken_on is None


def test_an_alliance_that_is_not_active_is_not_counted(figures, saxon_alliance):
    Alliance.everywhere.filter(pk=saxon_alliance.pk).update(status=AllianceStatus.DORMANT)
    saxony = _row(state_figures(), SAXONY)
    assert saxony.alliances == 0
    assert saxony.values["partners_total"] == 0


def test_germany_total_is_the_sum_of_the_states(figures):
    overview = federal_overview()
    assert overview.total.values["partners_total"] == 73
    assert overview.total.alliances == 2
    assert overview.total.shown["partners_total"] == 73


def test_small_counts_are_suppressed_as_for_the_ministry(figures):
    overview = federal_overview(threshold=3)
    saxony = _row(overview.states, SAXONY)
    thuringia = _row(overview.states, THURINGIA)
    assert saxony.shown["partners_total"] == "<3"
    assert saxony.shown["care_guides_total"] == "<3"
    # Germany minus Thuringia would give Saxony's count away: secondary suppression.
    assert thuringia.shown["partners_total"] == "x"
    # Money and numbers of projects are not counts of people: shown as they are.
    assert saxony.shown["funding_total"] == 300
    # Zero stays zero.
    assert _row(overview.states, "09").shown["partners_total"] == 0


def test_the_page_shows_the_suppressed_figures_and_never_the_hidden_ones(figures, federal_client):
    assert_page_shows(
        federal_client.get("/bund/"),
        ["Sachsen", "Bayern", "&lt;3"],
        # Thuringia's partners are hidden ("x"); no single alliance is named.
        [">71<", "Lokales Bündnis"],
    )


def test_the_page_draws_germany_shaded_by_active_alliances_per_state(figures, federal_client):
    body = federal_client.get("/bund/").content.decode()
    svg = body.split('<figure class="chart">')[1].split("</figure>")[0]
    assert svg.count('class="state value-class-') == 16  # every state, drawn on the page
    assert "Sachsen: 1 Bündnis<" in svg  # each state named with its count, as the table
    thuringia = next(s for s in federal_overview().states if s.key == "16")
    assert f"Thüringen: {thuringia.alliances} Bündnis" in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # nothing fetched


def test_sorting_by_a_figure_keeps_hidden_cells_by_their_marker(figures, federal_client):
    response = federal_client.get("/bund/", {"sort": "-partners_total"})
    names = [row[0].name for row in response.context["rows"]]
    # "x" (at least 3) before "<3" before the zeros; the zeros by name.
    assert names[:2] == ["Thüringen", "Sachsen"]
    assert names[2:] == sorted(names[2:])


def test_the_comparison_downloads_as_csv_and_xlsx(figures, federal_client):
    rows = csv_rows(federal_client.get("/bund/", {"format": "csv"}))
    assert rows[0][0] == "Land"
    assert len(rows) == 1 + 16 + 1
    saxony = next(row for row in rows if row[0] == "Sachsen")
    assert saxony[3] == "<3"
    assert rows[-1][0] == "Deutschland"
    xlsx = federal_client.get("/bund/", {"format": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_overview_costs_one_query_whatever_the_number_of_snapshots(jena, saxon_alliance):
    with CaptureQueriesContext(connection) as queries:
        state_figures()
    assert len(queries.captured_queries) == 1

    def few():
        _snapshot(jena, partners_total=5)

    def many():
        for month in range(1, 6):
            _snapshot(jena, datetime.date(2025, month, 28), partners_total=month)
            _snapshot(saxon_alliance, datetime.date(2025, month, 28), partners_total=month)

    client = logged_in_client(_federal(), "localhost")
    assert_same_queries_for_few_and_many(client, "/bund/", few, many)


def _federal():
    from tenants.roles import Role
    from tests.conftest import person_with_role

    return person_with_role(Role.FEDERAL_OFFICE)


@pytest.mark.parametrize("who", ["state", "ministry", "coordinator"])
def test_nobody_else_sees_the_overview(who, jena, figures):
    from tenants.roles import Role
    from tests.conftest import person_with_role

    user = {
        "state": lambda: person_with_role(Role.STATE_COORDINATOR),
        "ministry": lambda: person_with_role(Role.MINISTRY),
        "coordinator": lambda: person_with_role(Role.LOCAL_COORDINATOR, jena),
    }[who]()
    client = logged_in_client(user, "localhost")
    assert client.get("/bund/").status_code == 404
    assert client.get("/bund/", {"format": "csv"}).status_code == 404
    assert client.get("/api/v1/federal/states/").status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(figures):
    response = logged_in_client(None, "localhost").get("/bund/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_api_gives_the_same_suppressed_figures(figures, federal_client):
    response = federal_client.get("/api/v1/federal/states/")
    assert response.status_code == 200
    rows = {row["key"]: row for row in response.json()}
    assert len(rows) == 16
    assert rows[SAXONY]["figures"]["partners_total"] == "<3"
    assert rows[THURINGIA]["figures"]["partners_total"] == "x"
    assert "@" not in response.content.decode()
