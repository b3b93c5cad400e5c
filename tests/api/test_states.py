"""/api/v1/states/: the 16 states with their offices and alliance counts for the state
roles; the state coordination office changes its office through the same service."""

from __future__ import annotations

import pytest

from kernel.audit.models import AuditEntry
from tenants.models import State
from tenants.roles import Role
from tests.api.calls import JSON, api_client, api_token
from tests.conftest import person_with_role

LIST, THURINGIA = "/api/v1/states/", "/api/v1/states/16/"


def _client(role, alliance=None):
    person = person_with_role(role, alliance)
    return api_client("localhost", api_token(person.email, host="localhost"))


@pytest.fixture
def coordinator(db):
    return _client(Role.STATE_COORDINATOR)


def test_the_list_has_all_16_states_by_key_with_their_alliance_counts(jena, coordinator):
    body = coordinator.get(LIST).json()
    assert body["count"] == 16
    rows = body["results"]
    assert [row["key"] for row in rows] == sorted(row["key"] for row in rows)
    thuringia = next(row for row in rows if row["key"] == "16")
    assert thuringia["name"] == "Thüringen"
    assert thuringia["alliance_count"] == 2
    assert thuringia["logo_url"] is None
    assert {"office_title", "host_organisation", "address", "email", "ministry"} <= set(thuringia)


def test_the_detail_is_addressed_by_the_official_key(jena, coordinator):
    saxony = coordinator.get("/api/v1/states/14/").json()
    assert (saxony["name"], saxony["alliance_count"]) == ("Sachsen", 0)
    State.objects.filter(key="16").update(logo="states/16/logo-abc.png")
    assert coordinator.get(THURINGIA).json()["logo_url"] == "/state/16/logo/"
    assert coordinator.get("/api/v1/states/99/").status_code == 404


def test_the_coordinator_patches_the_office_with_an_audit_entry(jena, coordinator):
    response = coordinator.patch(
        THURINGIA,
        {"email": "land@example.org", "address": "Anger 7\n99084 Erfurt", "name": "Anders"},
        content_type=JSON,
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["email"], body["name"], body["alliance_count"]) == (
        "land@example.org",
        "Thüringen",  # read only: the official lists name the states
        2,
    )
    assert State.objects.get(key="16").address_lines == ["Anger 7", "99084 Erfurt"]
    assert AuditEntry.objects.filter(action="tenants.state.updated").count() == 1


def test_a_bad_patch_is_refused_and_changes_nothing(db, coordinator):
    response = coordinator.patch(THURINGIA, {"email": "keine-adresse"}, content_type=JSON)
    assert response.status_code == 400
    assert response.json()["errors"]["email"] == ["Gib eine gültige E-Mail Adresse an."]
    assert State.objects.get(key="16").email == ""


def test_the_ministry_reads_but_does_not_patch(db):
    ministry = _client(Role.MINISTRY)
    assert ministry.get(LIST).status_code == 200
    assert (
        ministry.patch(THURINGIA, {"email": "x@example.org"}, content_type=JSON).status_code == 404
    )
    assert State.objects.get(key="16").email == ""


def test_alliance_people_and_anonymous_callers_are_refused(jena):
    local = _client(Role.LOCAL_COORDINATOR, jena)
    assert local.get(LIST).status_code == 404
    assert local.patch(THURINGIA, {"email": "x@example.org"}, content_type=JSON).status_code == 404
    anonymous = api_client("localhost")
    assert anonymous.get(LIST).status_code == 401
    assert anonymous.patch(THURINGIA, {}, content_type=JSON).status_code == 401
    # The states are no resource of an alliance's host.
    assert api_client("jena.localhost").get(LIST).status_code == 404
