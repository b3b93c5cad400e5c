"""The monitoring list: each rule that flags an alliance, with its edges, the page with
its filter, contact link and exports, and who may see it."""

from __future__ import annotations

import datetime
from urllib.parse import unquote

import pytest
from django.utils import timezone

from regional.models import RegionalMeetingStatus, Response
from regional.selectors.monitoring import Reason, monitoring_flags
from tenants.models import Alliance, AllianceStatus
from tenants.roles import Role
from tests.clock import AT_NOON, in_days
from tests.conftest import (
    assert_same_queries_for_few_and_many,
    csv_rows,
    logged_in_client,
    person_with_role,
)
from tests.factories.monitoring import DAY0, coordinator, flagged_trio, recent_login
from tests.factories.monitoring import alliance_row as alliance
from tests.factories.regional import InvitationFactory, RegionalMeetingFactory
from tests.regional.test_dashboard import snapshot

pytestmark = AT_NOON


@pytest.fixture(autouse=True)
def _no_schemas(monkeypatch):
    """Saving an alliance here creates no schema (nothing reads inside one)."""
    monkeypatch.setattr(Alliance, "auto_create_schema", False)


def reasons(of: Alliance, now=None) -> list[str]:
    flags = monitoring_flags(now).get(of.pk)
    return flags.reasons if flags else []


# ---------------------------------------------------------------- stale figures


def test_figures_equal_for_a_year_are_flagged_with_the_day_since(db):
    place = alliance("Stillstadt")
    recent_login(place)
    snapshot(place, DAY0)
    snapshot(place, DAY0 + datetime.timedelta(days=200))
    snapshot(place, DAY0 + datetime.timedelta(days=365))
    flags = monitoring_flags()[place.pk]
    assert flags.reasons == [Reason.STALE_FIGURES]
    assert flags.unchanged_since == DAY0


def test_figures_equal_for_364_days_are_not_flagged(db):
    place = alliance("Fastjahr")
    recent_login(place)
    snapshot(place, DAY0)
    snapshot(place, DAY0 + datetime.timedelta(days=364))
    assert reasons(place) == []


def test_a_change_in_between_starts_the_year_again(db):
    place = alliance("Wechselort")
    recent_login(place)
    snapshot(place, DAY0)
    snapshot(place, DAY0 + datetime.timedelta(days=100), partners_total=11)
    # Back to the first figures: unchanged only since the snapshot after the change.
    snapshot(place, DAY0 + datetime.timedelta(days=200))
    snapshot(place, DAY0 + datetime.timedelta(days=500))
    assert reasons(place) == []
    snapshot(place, DAY0 + datetime.timedelta(days=565))
    flags = monitoring_flags()[place.pk]
    assert flags.unchanged_since == DAY0 + datetime.timedelta(days=200)


def test_a_changed_breakdown_is_a_change(db):
    place = alliance("Artenort")
    recent_login(place)
    snapshot(place, DAY0)
    snapshot(place, DAY0 + datetime.timedelta(days=400), partners_by_kind={"company": 7})
    assert reasons(place) == []


def test_one_snapshot_or_none_is_no_evidence(db):
    single, empty = alliance("Einzelort"), alliance("Leerort")
    recent_login(single)
    recent_login(empty)
    snapshot(single, DAY0)
    assert reasons(single) == []
    assert reasons(empty) == []


# ---------------------------------------------------------------- coordinator login


def test_a_login_exactly_90_days_ago_is_flagged_89_days_is_not(db):
    now = timezone.now()
    exactly, almost = alliance("Neunzig"), alliance("Neunundachtzig")
    coordinator(exactly, now - datetime.timedelta(days=90))
    coordinator(almost, now - datetime.timedelta(days=89))
    assert reasons(exactly, now) == [Reason.NO_LOGIN]
    assert reasons(almost, now) == []


def test_never_logged_in_and_no_coordinator_at_all_are_flagged(db):
    never, nobody = alliance("Niemalsort"), alliance("Ohnekoordination")
    coordinator(never, None)
    person_with_role(Role.BOARD_MEMBER, nobody)  # a board member is no coordinator
    flags = monitoring_flags()
    assert flags[never.pk].reasons == [Reason.NO_LOGIN]
    assert flags[never.pk].last_login is None
    assert flags[nobody.pk].reasons == [Reason.NO_LOGIN]
    assert flags[nobody.pk].coordinator_emails == []


def test_the_latest_of_several_coordinators_counts_and_inactive_accounts_do_not(db):
    now = timezone.now()
    place, closed = alliance("Zweierort"), alliance("Gesperrtort")
    coordinator(place, now - datetime.timedelta(days=200))
    coordinator(place, now - datetime.timedelta(days=3))
    coordinator(closed, now - datetime.timedelta(days=3), is_active=False)
    assert reasons(place, now) == []
    assert reasons(closed, now) == [Reason.NO_LOGIN]


# ---------------------------------------------------------------- missed meetings


def meeting(days: int, status=RegionalMeetingStatus.HELD):
    return RegionalMeetingFactory(date=in_days(days), status=status)


def invite(place: Alliance, held, response=Response.PENDING):
    return InvitationFactory(meeting=held, alliance=place, response=response)


def test_missing_the_last_two_meetings_is_flagged(db):
    place = alliance("Fernbleib")
    recent_login(place)
    older, last = meeting(-60), meeting(-10)
    invite(place, meeting(-120), Response.ATTENDING)  # attended before: does not help
    invite(place, older, Response.DECLINED)
    invite(place, last)
    flags = monitoring_flags()[place.pk]
    assert flags.reasons == [Reason.MISSED_MEETINGS]
    assert flags.missed == [last.date, older.date]


def test_attending_one_of_the_last_two_is_enough(db):
    place = alliance("Dabeiort")
    recent_login(place)
    invite(place, meeting(-60), Response.DECLINED)
    last = meeting(-10)
    invite(place, last, Response.DECLINED)
    invite(place, last, Response.ATTENDING)  # a second person of the alliance came
    assert reasons(place) == []


def test_recorded_attendance_decides_over_the_reply(db):
    """Who came, as recorded at the meeting, counts; the reply only where nothing was
    recorded (regional.selectors.alliances.attended)."""
    place = alliance("Zusageort")
    recent_login(place)
    older, last = meeting(-60), meeting(-10)
    said_yes = InvitationFactory(meeting=older, alliance=place, response=Response.ATTENDING,
                                 attended=False)  # fmt: skip
    invite(place, last, Response.ATTENDING)
    assert reasons(place) == []  # the last one: no record, the reply stands
    said_no = InvitationFactory(meeting=last, alliance=place, response=Response.DECLINED)
    type(said_no).objects.filter(meeting=last).update(attended=False)
    assert reasons(place) == [Reason.MISSED_MEETINGS]  # recorded: nobody came to either
    type(said_yes).objects.filter(pk=said_no.pk).update(attended=True)
    assert reasons(place) == []  # came after declining


def test_fewer_than_two_past_meetings_cancelled_and_future_ones_do_not_count(db):
    place = alliance("Neuort")
    recent_login(place)
    invite(place, meeting(-30))
    invite(place, meeting(-20, RegionalMeetingStatus.CANCELLED))
    invite(place, meeting(10, RegionalMeetingStatus.PLANNED))
    assert reasons(place) == []
    invite(place, meeting(-5, RegionalMeetingStatus.PLANNED))  # took place, not marked held
    assert reasons(place) == [Reason.MISSED_MEETINGS]


# ---------------------------------------------------------------- all together


def test_a_dissolved_alliance_is_never_flagged(db):
    gone = alliance("Aufgelöst", status=AllianceStatus.DISSOLVED)
    snapshot(gone, DAY0)
    snapshot(gone, DAY0 + datetime.timedelta(days=400))
    invite(gone, meeting(-60))
    invite(gone, meeting(-10))
    assert gone.pk not in monitoring_flags()


def test_every_reason_at_once_in_their_order(db):
    place = alliance("Alleszugleich")
    snapshot(place, DAY0)
    snapshot(place, DAY0 + datetime.timedelta(days=365))
    invite(place, meeting(-60))
    invite(place, meeting(-10))
    assert reasons(place) == [Reason.STALE_FIGURES, Reason.NO_LOGIN, Reason.MISSED_MEETINGS]


# ---------------------------------------------------------------- the page


@pytest.fixture
def flagged(db):
    return flagged_trio()


def test_the_page_lists_flagged_alliances_with_reasons_and_a_contact_link(flagged, state_client):
    quiet, busy, fine = flagged
    response = state_client.get("/dashboard/monitoring/")
    assert response.status_code == 200
    page = response.content.decode()
    assert quiet.name in page
    assert busy.name in page
    assert fine.name not in page
    assert "No coordinator login for 90 days" in page
    assert "Figures unchanged for a year" in page
    assert f'href="/dashboard/alliances/{quiet.pk}/"' in page
    link = page.split('href="mailto:koordination@ruhigort.example?subject=')[1].split('"')[0]
    assert unquote(link) == "Your alliance: the state coordination office would like to talk"
    assert "Get in touch" in page
    logins = {values[0]: values[4] for _url, values in response.context["rows"]}
    assert logins[quiet.name] == "never"  # a coordinator who never logged in
    assert logins["Lokales Bündnis für Familie Bad Frankenhausen"] == "–"  # no coordinator


def test_the_page_filters_by_reason(flagged, state_client):
    quiet, busy, _fine = flagged
    page = state_client.get("/dashboard/monitoring/", {"reason": "stale_figures"})
    assert busy.name in page.content.decode()
    assert quiet.name not in page.content.decode()
    bad = state_client.get("/dashboard/monitoring/", {"reason": "nonsense"})
    assert bad.status_code == 200  # the list unfiltered, with the field's message
    assert quiet.name in bad.content.decode()


def test_the_page_speaks_german(flagged):
    client = logged_in_client(person_with_role(Role.STATE_COORDINATOR), "localhost")
    page = client.get("/dashboard/monitoring/").content.decode()
    assert "Kontakt aufnehmen" in page
    assert "Keine Anmeldung der Koordination seit 90 Tagen" in page


def test_the_export_has_reasons_and_addresses_not_links(flagged, state_client):
    quiet, busy, _fine = flagged
    response = state_client.get("/dashboard/monitoring/", {"format": "csv"})
    assert response.status_code == 200
    rows = csv_rows(response)
    assert "Coordinators' e-mail addresses" in rows[0]
    by_name = {row[0]: row for row in rows[1:]}
    assert "koordination@ruhigort.example" in by_name[quiet.name]
    assert not any("mailto" in cell for row in rows for cell in row)
    assert busy.name in by_name
    xlsx = state_client.get("/dashboard/monitoring/", {"format": "xlsx", "reason": "no_login"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_menu_leads_to_the_page(state_client):
    page = state_client.get("/dashboard/").content.decode()
    assert 'href="/dashboard/monitoring/"' in page


@pytest.mark.parametrize("role", [Role.MINISTRY, Role.LOCAL_COORDINATOR])
def test_only_the_state_coordinator_sees_the_page(role, jena, flagged):
    user = person_with_role(role, None if role == Role.MINISTRY else jena)
    client = logged_in_client(user, "localhost")
    assert client.get("/dashboard/monitoring/").status_code == 404
    assert client.get("/dashboard/monitoring/", {"format": "csv"}).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(public_client):
    response = public_client.get("/dashboard/monitoring/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_page_costs_the_same_queries_for_few_and_many_alliances(state_client):
    def add(start: int, count: int):
        def create():
            for number in range(start, start + count):
                place = alliance(f"Ort{number:03d}")
                coordinator(place, None)
                snapshot(place, DAY0)
                snapshot(place, DAY0 + datetime.timedelta(days=400))
                invite(place, meeting(-60))

        return create

    assert_same_queries_for_few_and_many(
        state_client, "/dashboard/monitoring/", add(0, 3), add(3, 40)
    )
