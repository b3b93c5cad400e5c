"""State-area API resources: statistics snapshots and regional meetings."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from kernel.audit.models import AuditEntry
from regional.models import AllianceSetup, AllianceSnapshot, RegionalMeeting, Report, SetupTask
from regional.services.setups import DEFAULT_CHECKLIST
from tenants.roles import Role
from tests.api.calls import api_client, api_token, create_then_change
from tests.conftest import assert_same_queries_for_few_and_many, person_with_role
from tests.factories.regional import (
    InvitationFactory,
    RegionalAgendaItemFactory,
    RegionalMeetingFactory,
)

STATE = "localhost"


def _api(host: str = STATE, token: str | None = None) -> Client:
    return api_client(host, token)


def _token(email: str, host: str = STATE) -> str:
    return api_token(email, host=host)


@pytest.fixture
def state_coordinator(db):
    return _api(token=_token(person_with_role(Role.STATE_COORDINATOR).email))


@pytest.fixture
def ministry(db):
    return _api(token=_token(person_with_role(Role.MINISTRY).email))


@pytest.fixture
def other_coordinator(badfrankenhausen):
    user = person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen)
    return _api(token=_token(user.email, host="badfrankenhausen.localhost"))


def _snapshot(alliance, day, **values) -> AllianceSnapshot:
    figures = {"year": day.year, "partners_total": 10, "families_reached": 5, **values}
    return AllianceSnapshot.objects.create(alliance=alliance, taken_on=day, **figures)


# ---------------------------------------------------------------- snapshots


def test_snapshots_for_the_state_coordinator_only(
    jena, badfrankenhausen, state_coordinator, ministry, other_coordinator
):
    day = datetime.date(2026, 3, 31)
    _snapshot(jena, day, partners_total=42)
    _snapshot(badfrankenhausen, day)
    _snapshot(jena, datetime.date(2025, 12, 31))
    response = state_coordinator.get("/api/v1/snapshots/", {"taken_on": "2026-03-31"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    jena_row = next(r for r in body["results"] if r["alliance_slug"] == "jena")
    assert jena_row["partners_total"] == 42
    by_district = state_coordinator.get("/api/v1/snapshots/", {"district": jena.district}).json()
    assert {r["alliance_slug"] for r in by_district["results"]} == {"jena"}
    assert by_district["count"] == 2
    detail = state_coordinator.get(f"/api/v1/snapshots/{jena_row['id']}/")
    assert detail.status_code == 200
    # The ministry sees aggregated figures only: per-alliance rows do not exist for it.
    assert ministry.get("/api/v1/snapshots/").status_code == 404
    assert ministry.get(f"/api/v1/snapshots/{jena_row['id']}/").status_code == 404
    assert other_coordinator.get("/api/v1/snapshots/").status_code == 404
    assert _api().get("/api/v1/snapshots/").status_code == 401
    # An alliance host does not offer the state's resources at all.
    jena_token = _token(person_with_role(Role.LOCAL_COORDINATOR, jena).email, "jena.localhost")
    assert _api("jena.localhost", jena_token).get("/api/v1/snapshots/").status_code == 404


def test_snapshots_are_read_only(jena, state_coordinator):
    snapshot = _snapshot(jena, datetime.date(2026, 3, 31))
    assert state_coordinator.post(
        "/api/v1/snapshots/", {"alliance": jena.pk}, content_type="application/json"
    ).status_code in (404, 405)
    assert state_coordinator.delete(f"/api/v1/snapshots/{snapshot.pk}/").status_code in (404, 405)
    assert AllianceSnapshot.objects.filter(pk=snapshot.pk).exists()


def test_bad_snapshot_filter_answers_400_with_the_error_shape(state_coordinator):
    response = state_coordinator.get("/api/v1/snapshots/", {"taken_on": "gestern"})
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert "taken_on" in body["errors"]


def test_snapshot_list_costs_the_same_queries(jena, badfrankenhausen, state_coordinator):
    start = datetime.date(2020, 1, 1)

    def add(first, count):
        def create():
            for i in range(first, first + count):
                _snapshot(jena, start + datetime.timedelta(days=i))
                _snapshot(badfrankenhausen, start + datetime.timedelta(days=i))

        return create

    assert_same_queries_for_few_and_many(
        state_coordinator, "/api/v1/snapshots/", add(0, 3), add(3, 97), {"page_size": 500}
    )
    assert state_coordinator.get("/api/v1/snapshots/").json()["count"] == 200


# ---------------------------------------------------------------- regional meetings


def test_meetings_for_the_state_coordinator_with_agenda_and_reply_counts(
    jena, state_coordinator, ministry, other_coordinator
):
    meeting = RegionalMeetingFactory(title="Regionaltreffen Mitte")
    RegionalAgendaItemFactory(meeting=meeting, position=2, title="Zweiter Punkt")
    RegionalAgendaItemFactory(meeting=meeting, position=1, title="Erster Punkt")
    InvitationFactory(meeting=meeting, alliance=jena, name="Erika Geheim", response="attending")
    InvitationFactory(meeting=meeting, email="zweite@example.org", response="declined")
    InvitationFactory(meeting=meeting, email="dritte@example.org")
    response = state_coordinator.get("/api/v1/regional-meetings/")
    assert response.status_code == 200
    row = response.json()["results"][0]
    assert [item["title"] for item in row["agenda"]] == ["Erster Punkt", "Zweiter Punkt"]
    assert row["replies"] == {"invited": 3, "attending": 1, "declined": 1, "pending": 1}
    text = response.content.decode()
    assert "Erika Geheim" not in text
    assert "example.org" not in text
    detail = state_coordinator.get(f"/api/v1/regional-meetings/{meeting.pk}/")
    assert detail.status_code == 200
    assert detail.json()["title"] == "Regionaltreffen Mitte"
    for client in (ministry, other_coordinator):
        assert client.get("/api/v1/regional-meetings/").status_code == 404
        assert client.get(f"/api/v1/regional-meetings/{meeting.pk}/").status_code == 404
    assert (
        ministry.post(
            "/api/v1/regional-meetings/", {"title": "X"}, content_type="application/json"
        ).status_code
        == 404
    )
    assert _api().get("/api/v1/regional-meetings/").status_code == 401


def test_meeting_create_and_update_go_through_the_service(jena, state_coordinator):
    payload = {
        "title": "Strategietreffen 2026", "kind": "strategy", "date": "2026-06-01",
        "start_time": "10:00", "end_time": "14:00", "place": "Staatskanzlei Erfurt",
        "host_alliance": jena.pk,
    }  # fmt: skip
    created, changed = create_then_change(
        state_coordinator, "/api/v1/regional-meetings/", payload, {"place": "Landtag Erfurt"}
    )
    body = created.json()
    assert body["host_alliance_name"] == jena.name
    assert body["replies"]["invited"] == 0
    assert RegionalMeeting.objects.filter(pk=body["id"]).exists()
    assert AuditEntry.objects.filter(action="regional.regionalmeeting.created").count() == 1
    assert changed.json()["place"] == "Landtag Erfurt"
    assert AuditEntry.objects.filter(action="regional.regionalmeeting.updated").count() == 1


def test_meeting_bad_input_answers_400_with_the_error_shape(state_coordinator):
    bad = state_coordinator.post(
        "/api/v1/regional-meetings/",
        {"title": "", "kind": "picknick", "date": "2026-06-01", "start_time": "10:00",
         "end_time": "11:00", "place": "Erfurt"},
        content_type="application/json",
    )  # fmt: skip
    assert bad.status_code == 400
    body = bad.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert {"title", "kind"} <= set(body["errors"])
    backwards = state_coordinator.post(
        "/api/v1/regional-meetings/",
        {"title": "Rückwärts", "date": "2026-06-01", "start_time": "12:00",
         "end_time": "11:00", "place": "Erfurt"},
        content_type="application/json",
    )  # fmt: skip
    assert backwards.status_code == 400
    assert backwards.json()["detail"]
    assert not RegionalMeeting.objects.filter(title="Rückwärts").exists()
    cancelled = RegionalMeetingFactory(status="cancelled")
    refused = state_coordinator.patch(
        f"/api/v1/regional-meetings/{cancelled.pk}/", {"place": "Anderswo"},
        content_type="application/json",
    )  # fmt: skip
    assert refused.status_code == 400
    assert refused.json()["detail"]


def test_meeting_list_costs_the_same_queries(state_coordinator):
    def add(count):
        def create():
            for _ in range(count):
                meeting = RegionalMeetingFactory()
                RegionalAgendaItemFactory(meeting=meeting, position=1)
                InvitationFactory(meeting=meeting)

        return create

    assert_same_queries_for_few_and_many(
        state_coordinator, "/api/v1/regional-meetings/", add(5), add(195), {"page_size": 500}
    )


# ---------------------------------------------------------------- new-alliance setups


def _setup(**values) -> AllianceSetup:
    return AllianceSetup.objects.create(**{"place": "Apolda", "district": "16051", **values})


def test_setups_for_the_state_coordinator_only(
    jena, state_coordinator, ministry, other_coordinator
):
    setup = _setup(place="Sömmerda", coordinator_name="Erika Geheim")
    SetupTask.objects.create(setup=setup, position=1, title="Erste Beratung")
    response = state_coordinator.get("/api/v1/setups/", {"stage": "interest"})
    assert response.status_code == 200
    row = response.json()["results"][0]
    assert row["place"] == "Sömmerda"
    assert [t["title"] for t in row["tasks"]] == ["Erste Beratung"]
    assert row["open_task_count"] == 1
    for client in (ministry, other_coordinator):
        assert client.get("/api/v1/setups/").status_code == 404
        assert client.get(f"/api/v1/setups/{setup.pk}/").status_code == 404
        assert client.post(f"/api/v1/setups/{setup.pk}/move/", {"stage": "consultation"},
                           content_type="application/json").status_code == 404  # fmt: skip
    assert _api().get("/api/v1/setups/").status_code == 401


def test_setup_create_update_and_move_go_through_the_services(jena, state_coordinator):
    created, _ = create_then_change(
        state_coordinator,
        "/api/v1/setups/",
        {"place": "Arnstadt", "district": "16051", "stage": "active"},
        {"alliance_name": "Bündnis Arnstadt"},
    )
    body = created.json()
    assert body["stage"] == "interest"  # the stage changes only through move
    assert len(body["tasks"]) == len(DEFAULT_CHECKLIST)
    assert AuditEntry.objects.filter(action="regional.alliancesetup.created").count() == 1
    assert AuditEntry.objects.filter(action="regional.alliancesetup.updated").count() == 1
    moved = state_coordinator.post(
        f"/api/v1/setups/{body['id']}/move/", {"stage": "consultation"},
        content_type="application/json",
    )  # fmt: skip
    assert moved.status_code == 200, moved.content
    assert moved.json()["stage"] == "consultation"
    assert AuditEntry.objects.filter(action="regional.alliancesetup.stage_changed").count() == 1
    # Not ready for the platform yet: refused, nothing changes.
    refused = state_coordinator.post(
        f"/api/v1/setups/{body['id']}/move/", {"stage": "active"},
        content_type="application/json",
    )  # fmt: skip
    assert refused.status_code == 400
    assert set(refused.json()["errors"]) == {"stage"}
    assert AllianceSetup.objects.get(pk=body["id"]).stage == "consultation"


def test_setup_bad_input_answers_400_with_the_error_shape(jena, state_coordinator):
    bad = state_coordinator.post(
        "/api/v1/setups/", {"place": "", "district": "atlantis", "slug": "jena"},
        content_type="application/json",
    )  # fmt: skip
    assert bad.status_code == 400
    body = bad.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert {"place", "district", "slug"} <= set(body["errors"])
    unknown = state_coordinator.post(
        f"/api/v1/setups/{_setup().pk}/move/", {"stage": "mond"}, content_type="application/json"
    )
    assert unknown.status_code == 400
    assert "stage" in unknown.json()["errors"]
    assert not AllianceSetup.objects.filter(place="").exists()


def test_setup_list_costs_the_same_queries(state_coordinator):
    def add(count):
        def create():
            for i in range(count):
                setup = _setup(place=f"Ort {i}")
                SetupTask.objects.create(setup=setup, position=1, title="Punkt")

        return create

    assert_same_queries_for_few_and_many(
        state_coordinator, "/api/v1/setups/", add(5), add(195), {"page_size": 500}
    )


# ---------------------------------------------------------------- reports to the ministry


def _report(title: str, status: str = "draft", **values) -> Report:
    return Report.objects.create(
        title=title, period_kind="year", year=2025, status=status, **values
    )


def test_reports_the_ministry_sees_released_ones_only(
    state_coordinator, ministry, other_coordinator
):
    released = _report("Freigegebener Bericht", "released", pdf_file="reports/1/bericht.pdf",
                       summary="Gute Entwicklung")  # fmt: skip
    draft = _report("Entwurf des Berichts")
    seen = ministry.get("/api/v1/reports/")
    assert seen.status_code == 200
    assert [r["title"] for r in seen.json()["results"]] == ["Freigegebener Bericht"]
    row = seen.json()["results"][0]
    assert row["downloads"] == {"pdf": f"http://localhost/reports/{released.pk}/files/pdf/"}
    assert row["html_url"] == f"http://localhost/reports/{released.pk}/"
    assert "released_by" not in row
    detail = ministry.get(f"/api/v1/reports/{released.pk}/")
    assert detail.status_code == 200
    assert detail.json()["summary"] == "Gute Entwicklung"
    assert ministry.get(f"/api/v1/reports/{draft.pk}/").status_code == 404
    assert ministry.patch(f"/api/v1/reports/{released.pk}/", {"title": "X"},
                          content_type="application/json").status_code == 404  # fmt: skip
    assert ministry.post("/api/v1/reports/", {"title": "X", "period_kind": "year", "year": 2025},
                         content_type="application/json").status_code == 404  # fmt: skip
    everything = state_coordinator.get("/api/v1/reports/", {"status": "draft"}).json()
    assert [r["title"] for r in everything["results"]] == ["Entwurf des Berichts"]
    assert everything["results"][0]["downloads"] == {}
    assert state_coordinator.get(f"/api/v1/reports/{draft.pk}/").status_code == 200
    assert other_coordinator.get("/api/v1/reports/").status_code == 404
    assert _api().get("/api/v1/reports/").status_code == 401


def test_report_create_and_update_go_through_the_services(state_coordinator):
    created, changed = create_then_change(
        state_coordinator,
        "/api/v1/reports/",
        {"title": "Jahresbericht 2025", "period_kind": "year", "year": 2025},
        {"summary": "Ein gutes Jahr.", "year": 2030},
    )
    assert created.json()["status"] == "draft"
    assert AuditEntry.objects.filter(action="regional.report.created").count() == 1
    assert changed.json()["summary"] == "Ein gutes Jahr."
    assert changed.json()["year"] == 2025  # the period is fixed
    assert AuditEntry.objects.filter(action="regional.report.updated").count() == 1


def test_report_bad_input_answers_400_with_the_error_shape(state_coordinator):
    quarter_missing = state_coordinator.post(
        "/api/v1/reports/", {"title": "Quartal", "period_kind": "quarter", "year": 2025},
        content_type="application/json",
    )  # fmt: skip
    assert quarter_missing.status_code == 400
    body = quarter_missing.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert "quarter" in body["errors"]
    report = _report("Bericht")
    contact = state_coordinator.patch(
        f"/api/v1/reports/{report.pk}/", {"summary": "Fragen an jemand@example.org"},
        content_type="application/json",
    )  # fmt: skip
    assert contact.status_code == 400
    assert "summary" in contact.json()["errors"]
    frozen = _report("Freigegeben", "released")
    refused = state_coordinator.patch(
        f"/api/v1/reports/{frozen.pk}/", {"title": "Neu"}, content_type="application/json"
    )
    assert refused.status_code == 400
    assert Report.objects.get(pk=frozen.pk).title == "Freigegeben"


@pytest.mark.parametrize("role", [Role.STATE_COORDINATOR, Role.MINISTRY])
def test_report_list_costs_the_same_queries(db, role):
    client = _api(token=_token(person_with_role(role).email))

    def add(count):
        def create():
            for i in range(count):
                _report(f"Bericht {i}", "released", pdf_file=f"reports/{i}/b.pdf")

        return create

    assert_same_queries_for_few_and_many(
        client, "/api/v1/reports/", add(5), add(195), {"page_size": 500}
    )
