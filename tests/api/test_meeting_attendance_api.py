"""The state area's API for a regional meeting's reminder to reply and its attendance:
``POST /api/v1/regional-meetings/<id>/remind/`` and ``GET/PUT .../attendance/``, for the
state coordination office only, through the same services as the pages."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from kernel.audit.models import AuditEntry
from regional.models import Invitation, Response, WalkIn
from tenants.roles import Role
from tests.api.calls import api_client, api_token
from tests.clock import in_days
from tests.conftest import person_with_role
from tests.factories.regional import InvitationFactory, RegionalMeetingFactory

pytestmark = pytest.mark.django_db
STATE = "localhost"
JSON = "application/json"


def _client(user, host: str = STATE) -> Client:
    return api_client(host, api_token(user.email, host=host))


@pytest.fixture
def office(db) -> Client:
    return _client(person_with_role(Role.STATE_COORDINATOR))


@pytest.fixture
def held(jena, badfrankenhausen):
    meeting = RegionalMeetingFactory(date=in_days(-1))
    jana = InvitationFactory(meeting=meeting, alliance=jena, name="Jana Jenaer")
    bruno = InvitationFactory(meeting=meeting, alliance=badfrankenhausen, name="Bruno B.")
    return meeting, jana, bruno


def test_remind_through_the_api(office, django_capture_on_commit_callbacks):
    meeting = RegionalMeetingFactory()
    pending = InvitationFactory(
        meeting=meeting, sent_at=timezone.now() - datetime.timedelta(days=2)
    )
    url = f"/api/v1/regional-meetings/{meeting.pk}/remind/"
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(url, content_type=JSON)
    assert response.status_code == 200
    assert response.json() == {"reminded": 1}
    pending.refresh_from_db()
    assert pending.reminder_count == 1
    # Idempotent: asked again at once, nobody is reminded twice.
    assert office.post(url, content_type=JSON).json() == {"reminded": 0}
    assert Invitation.objects.get().reminder_count == 1
    invitation = office.get(f"/api/v1/invitations/{pending.pk}/").json()
    assert invitation["reminder_count"] == 1
    assert invitation["reminded_at"]


def test_remind_refuses_a_past_meeting_with_the_error_shape(office):
    past = RegionalMeetingFactory(date=in_days(-1))
    InvitationFactory(meeting=past, sent_at=timezone.now() - datetime.timedelta(days=9))
    refused = office.post(f"/api/v1/regional-meetings/{past.pk}/remind/", content_type=JSON)
    assert refused.status_code == 400
    assert set(refused.json()) == {"status", "code", "detail", "errors"}
    assert mail.outbox == []
    assert office.post("/api/v1/regional-meetings/999999/remind/").status_code == 404


def test_attendance_read_and_write(office, held, badfrankenhausen):
    meeting, jana, bruno = held
    url = f"/api/v1/regional-meetings/{meeting.pk}/attendance/"
    before = office.get(url).json()
    assert before["recorded"] is False
    assert {row["name"]: row["attended"] for row in before["invitations"]} == {
        "Jana Jenaer": None,
        "Bruno B.": None,
    }
    payload = {
        "attended": [jana.pk],
        "walk_ins": [{"name": "Walter Spontan", "alliance": badfrankenhausen.pk}],
    }
    response = office.put(url, payload, content_type=JSON)
    assert response.status_code == 200
    body = response.json()
    assert body["recorded"] is True
    assert body["people"] == 2
    assert body["alliances"] == 2
    assert {row["name"]: row["attended"] for row in body["invitations"]} == {
        "Jana Jenaer": True,
        "Bruno B.": False,
    }
    assert body["walk_ins"][0]["alliance_name"] == badfrankenhausen.name
    assert WalkIn.objects.get().name == "Walter Spontan"
    assert AuditEntry.objects.filter(action__endswith="attendance_recorded").count() == 1
    bruno.refresh_from_db()
    assert bruno.attended is False
    assert bruno.response == Response.PENDING  # the reply is left alone


def test_bad_attendance_answers_400_and_changes_nothing(office, held):
    meeting, jana, _bruno = held
    foreign = InvitationFactory(meeting=RegionalMeetingFactory(date=in_days(-1)))
    url = f"/api/v1/regional-meetings/{meeting.pk}/attendance/"
    for payload in (
        {"attended": [foreign.pk]},
        {"attended": ["eins"]},
        {"attended": [jana.pk], "walk_ins": [{"name": ""}]},
        {"attended": [jana.pk], "walk_ins": [{"name": "X", "alliance": 999999}]},
        {},
    ):
        response = office.put(url, payload, content_type=JSON)
        assert response.status_code == 400, payload
        assert response.json()["detail"]
    future = RegionalMeetingFactory(date=in_days(4))
    refused = office.put(
        f"/api/v1/regional-meetings/{future.pk}/attendance/", {"attended": []}, content_type=JSON
    )
    assert refused.status_code == 400
    assert not Invitation.objects.filter(attended__isnull=False).exists()
    assert not WalkIn.objects.exists()


def test_nobody_but_the_office_reads_or_writes_attendance(held, jena):
    meeting, jana, _bruno = held
    url = f"/api/v1/regional-meetings/{meeting.pk}/attendance/"
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    for client in (
        _client(person_with_role(Role.MINISTRY)),
        _client(coordinator, "jena.localhost"),
    ):
        assert client.get(url).status_code == 404
        assert client.put(url, {"attended": [jana.pk]}, content_type=JSON).status_code == 404
    assert api_client(STATE).get(url).status_code == 401
    assert not Invitation.objects.filter(attended__isnull=False).exists()
