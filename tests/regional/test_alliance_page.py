"""The state office's page about one alliance: its figures per year beside the state's
median, its regional meetings, its setup, its contact persons; who may see it, and a
cost that does not grow with its snapshots."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django_tenants.utils import schema_context

from core.models import SiteIdentity
from core.models.publicsite import IDENTITY_PK
from regional.models import AllianceSetup, RegionalMeetingStatus, Response, SetupTask
from regional.selectors.alliances import state_median, yearly_snapshots
from tenants.models import Alliance, AllianceStatus
from tenants.roles import Role
from tests.clock import AT_NOON, in_days
from tests.conftest import assert_same_queries_for_few_and_many, logged_in_client, person_with_role
from tests.factories.regional import InvitationFactory, RegionalMeetingFactory
from tests.regional.test_dashboard import extra_alliances, snapshot

pytestmark = AT_NOON


def page_of(alliance: Alliance) -> str:
    return f"/dashboard/alliances/{alliance.pk}/"


# ---------------------------------------------------------------- selectors


def test_one_row_per_year_the_last_snapshot_of_each(jena):
    snapshot(jena, datetime.date(2025, 3, 31), partners_total=4)
    snapshot(jena, datetime.date(2025, 12, 31), partners_total=6)
    snapshot(jena, datetime.date(2026, 6, 1), partners_total=9)
    rows = yearly_snapshots(jena)
    assert [(s.taken_on, s.partners_total) for s in rows] == [
        (datetime.date(2025, 12, 31), 6),
        (datetime.date(2026, 6, 1), 9),
    ]


def test_the_median_is_over_active_alliances_latest_snapshots(jena, badfrankenhausen):
    third, dormant = extra_alliances(2)
    Alliance.objects.filter(pk=dormant.pk).update(status=AllianceStatus.DORMANT)
    snapshot(jena, datetime.date(2026, 1, 1), partners_total=100)  # older: not counted
    snapshot(jena, datetime.date(2026, 6, 1), partners_total=1, funding_total=Decimal("10"))
    snapshot(badfrankenhausen, datetime.date(2026, 5, 1), partners_total=5,
             funding_total=Decimal("20.50"))  # fmt: skip
    snapshot(third, datetime.date(2026, 6, 1), partners_total=10, funding_total=Decimal("40"))
    snapshot(dormant, datetime.date(2026, 6, 1), partners_total=1000)
    median = state_median()
    assert median.alliances == 3
    assert median.values["partners_total"] == 5
    assert median.values["funding_total"] == pytest.approx(20.5)
    snapshot(dormant, datetime.date(2026, 6, 2), partners_total=7)
    Alliance.objects.filter(pk=dormant.pk).update(status=AllianceStatus.ACTIVE)
    # An even number: the middle of the two middle values.
    assert state_median().values["partners_total"] == 6


def test_no_snapshots_no_median(db):
    median = state_median()
    assert median.alliances == 0
    assert median.values["partners_total"] == 0


# ---------------------------------------------------------------- the page


@pytest.fixture
def history(jena, badfrankenhausen):
    snapshot(jena, datetime.date(2025, 12, 31), partners_total=6)
    snapshot(jena, datetime.date(2026, 6, 1), partners_total=12)
    snapshot(badfrankenhausen, datetime.date(2026, 6, 1), partners_total=2)
    held = RegionalMeetingFactory(
        title="Regionaltreffen Mitte", date=in_days(-30), status=RegionalMeetingStatus.HELD
    )
    missed = RegionalMeetingFactory(
        title="Regionaltreffen Süd", date=in_days(-90), status=RegionalMeetingStatus.HELD
    )
    InvitationFactory(meeting=held, alliance=jena, response=Response.ATTENDING)
    InvitationFactory(meeting=missed, alliance=jena, response=Response.DECLINED)
    InvitationFactory(meeting=missed, alliance=badfrankenhausen, response=Response.ATTENDING)
    setup = AllianceSetup.objects.create(place="Jena", district="16053", alliance=jena)
    SetupTask.objects.create(setup=setup, title="Gründungsveranstaltung planen",
                             done_on=datetime.date(2025, 2, 1))  # fmt: skip
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    coordinator.full_name = "Karla Koordinatorin"
    coordinator.save()
    board = person_with_role(Role.BOARD_MEMBER, jena)
    person_with_role(Role.PARTNER_CONTACT, jena)  # not a contact person of the alliance
    with schema_context("jena"):
        SiteIdentity.objects.update_or_create(
            pk=IDENTITY_PK, defaults={"contact_name": "Büro des Bündnisses",
                                      "contact_email": "buero@jena.example"},
        )  # fmt: skip
    return coordinator, board


def test_the_page_shows_years_median_meetings_setup_and_contacts(history, jena, state_client):
    coordinator, board = history
    response = state_client.get(page_of(jena))
    assert response.status_code == 200
    page = response.content.decode()
    assert jena.name in page
    years = response.context["years"]
    assert [s.taken_on.year for s, _values in years] == [2025, 2026]
    assert 'id="chart-alliance-years-title"' in page
    comparison = {
        label: (own, middle) for label, own, middle, _pos in response.context["comparison"]
    }
    assert comparison["Active partners"] == (12, "7")  # median of 12 and 2
    assert "Regionaltreffen Mitte" in page
    assert "Regionaltreffen Süd" in page
    attended = {m.title: m.attended_count for m in response.context["meetings"]}
    assert attended == {"Regionaltreffen Mitte": 1, "Regionaltreffen Süd": 0}
    assert "Gründungsveranstaltung planen" in page
    assert "Karla Koordinatorin" in page
    assert f"mailto:{coordinator.email}" in page
    assert board.email in page
    assert [m.role for m in response.context["contacts"]] == [
        Role.LOCAL_COORDINATOR,
        Role.BOARD_MEMBER,
    ]
    assert "buero@jena.example" in page


def test_the_chart_marks_the_year_that_has_not_ended(history, jena, state_client):
    page = state_client.get(page_of(jena)).content.decode()
    chart = page.split('id="chart-alliance-years-title"')[1].split("</svg>")[0]
    assert "running, until 01.06.2026" in chart  # 2026's figures are of 1 June
    assert 'stroke-dasharray="2 3"' in chart


def test_a_year_snapshotted_on_its_last_day_is_not_marked(jena, state_client):
    snapshot(jena, datetime.date(2024, 12, 31), partners_total=4)
    snapshot(jena, datetime.date(2025, 12, 31), partners_total=6)
    chart = state_client.get(page_of(jena)).content.decode().split("</svg>")[0]
    assert "running" not in chart.split('id="chart-alliance-years-title"')[-1]


def test_an_alliance_without_figures_meetings_or_setup(badfrankenhausen, state_client):
    page = state_client.get(page_of(badfrankenhausen)).content.decode()
    assert "No figures yet" in page
    assert "Not invited to any regional meeting yet." in page
    assert "did not come through the new-alliance pipeline" in page


def test_an_alliance_whose_schema_does_not_exist_yet(state_client):
    (being_set_up,) = extra_alliances(1)
    response = state_client.get(page_of(being_set_up))
    assert response.status_code == 200
    assert "The alliance publishes no contact yet." in response.content.decode()


def test_the_alliance_list_and_the_dashboard_link_to_the_page(history, jena, state_client):
    assert f'href="{page_of(jena)}"' in state_client.get("/dashboard/alliances/").content.decode()
    assert f'href="{page_of(jena)}"' in state_client.get("/dashboard/").content.decode()


def test_the_page_costs_the_same_queries_for_few_and_many_snapshots(jena, state_client):
    def few():
        for year in range(2020, 2023):
            snapshot(jena, datetime.date(year, 12, 31))

    def many():
        day = datetime.date(2023, 1, 1)
        for offset in range(0, 1200, 10):
            snapshot(jena, day + datetime.timedelta(days=offset), partners_total=offset)
        for other in extra_alliances(20):
            snapshot(other, datetime.date(2026, 6, 1))

    assert_same_queries_for_few_and_many(state_client, page_of(jena), few, many)


def test_an_unknown_alliance_is_not_found(state_client):
    assert state_client.get("/dashboard/alliances/999999/").status_code == 404


def test_the_ministry_sees_no_contact_persons(history, jena, ministry_client):
    response = ministry_client.get(page_of(jena))
    assert response.status_code == 404
    coordinator, _board = history
    assert coordinator.email.encode() not in response.content
    assert b"Karla" not in ministry_client.get("/dashboard/").content


@pytest.mark.parametrize("host", ["localhost", "jena.localhost"])
def test_a_coordinator_of_the_alliance_is_refused(host, history, jena):
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), host)
    assert client.get(page_of(jena)).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(jena, public_client):
    response = public_client.get(page_of(jena))
    assert response.status_code == 302
