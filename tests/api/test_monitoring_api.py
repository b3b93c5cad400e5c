"""The monitoring list in the API: the same reasons as the page, as codes and German
labels, for the state coordination office only."""

from __future__ import annotations

import datetime

import pytest

from tenants.models import Alliance
from tenants.roles import Role
from tests.api.calls import api_client, api_token
from tests.clock import AT_NOON, in_days
from tests.conftest import person_with_role
from tests.factories.monitoring import alliance_row, flagged_trio, recent_login
from tests.factories.regional import InvitationFactory, RegionalMeetingFactory
from tests.regional.test_dashboard import snapshot

pytestmark = AT_NOON
PATH = "/api/v1/monitoring/"


@pytest.fixture(autouse=True)
def _no_schemas(monkeypatch):
    monkeypatch.setattr(Alliance, "auto_create_schema", False)


@pytest.fixture
def flagged(db):
    return flagged_trio()


def client_of(role):
    user = person_with_role(role)
    return api_client("localhost", api_token(user.email, host="localhost"))


def test_the_state_coordinator_reads_the_flagged_alliances(flagged):
    quiet, busy, fine = flagged
    response = client_of(Role.STATE_COORDINATOR).get(PATH, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    rows = {row["name"]: row for row in response.json()["results"]}
    assert fine.name not in rows
    assert rows[quiet.name]["reasons"] == [
        {"code": "no_login", "label": "Keine Anmeldung der Koordination seit 90 Tagen"}
    ]
    assert rows[quiet.name]["coordinator_emails"] == ["koordination@ruhigort.example"]
    assert rows[quiet.name]["last_login"] is None
    assert [r["code"] for r in rows[busy.name]["reasons"]] == ["stale_figures"]
    assert rows[busy.name]["unchanged_since"] == "2024-03-01"


def test_filter_by_reason_and_refuse_an_unknown_one(flagged):
    _quiet, busy, _fine = flagged
    client = client_of(Role.STATE_COORDINATOR)
    names = [r["name"] for r in client.get(PATH, {"reason": "stale_figures"}).json()["results"]]
    assert names == [busy.name]
    bad = client.get(PATH, {"reason": "nonsense"})
    assert bad.status_code == 400
    assert "reason" in bad.json()["errors"]


def test_missed_meetings_carry_their_dates(db):
    place = alliance_row("Fernort")
    recent_login(place)
    days = []
    for offset in (-40, -8):
        meeting = RegionalMeetingFactory(date=in_days(offset))
        InvitationFactory(meeting=meeting, alliance=place)
        days.append(meeting.date.isoformat())
    rows = client_of(Role.STATE_COORDINATOR).get(PATH, {"reason": "missed_meetings"}).json()
    assert rows["results"][0]["missed_meetings"] == list(reversed(days))


@pytest.mark.parametrize("role", [Role.MINISTRY])
def test_the_ministry_is_refused(role, flagged):
    assert client_of(role).get(PATH).status_code == 404


def test_an_alliance_coordinator_and_anonymous_callers_are_refused(jena):
    user = person_with_role(Role.LOCAL_COORDINATOR, jena)
    assert api_client("localhost", api_token(user.email)).get(PATH).status_code == 404
    assert api_client("localhost").get(PATH).status_code == 401
    # Nor is it on an alliance's host.
    assert api_client("jena.localhost", api_token(user.email)).get(PATH).status_code == 404


# ---------------------------------------------------------------- the state's median


def test_the_state_median_for_the_state_coordinator_only(jena, badfrankenhausen):
    snapshot(jena, datetime.date(2026, 6, 1), partners_total=3)
    snapshot(badfrankenhausen, datetime.date(2026, 6, 1), partners_total=8)
    answer = client_of(Role.STATE_COORDINATOR).get("/api/v1/snapshots/median/")
    assert answer.status_code == 200
    assert answer.json()["alliances"] == 2
    assert answer.json()["values"]["partners_total"] == 5.5
    assert client_of(Role.MINISTRY).get("/api/v1/snapshots/median/").status_code == 404
    history = client_of(Role.STATE_COORDINATOR).get("/api/v1/snapshots/", {"alliance": jena.pk})
    assert [row["partners_total"] for row in history.json()["results"]] == [3]
