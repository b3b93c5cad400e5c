"""REST API v1: sending a meeting's agenda or minutes as PDF to its invitees, for the
board's meetings and the regional meetings, with the same rules as the meeting page."""

from __future__ import annotations

import datetime

import pytest
from django_tenants.utils import schema_context

from core.models import MinutesStatus
from kernel.mail.models import OutboxEmail
from tenants.roles import Role
from tests.api.calls import JSON
from tests.api.calls import api_client as _api
from tests.api.calls import api_token as _token
from tests.conftest import person_with_role
from tests.factories.board import AgendaItemFactory, BoardMeetingFactory, BoardMemberFactory
from tests.factories.regional import InvitationFactory, RegionalMeetingFactory

# They count the e-mails a sending queues.
pytestmark = pytest.mark.usefixtures("empty_outbox")


def _board_meeting(**values):
    with schema_context("jena"):
        meeting = BoardMeetingFactory(date=datetime.date(2026, 3, 5), **values)
        AgendaItemFactory(meeting=meeting, position=1, title="Begrüßung")
        BoardMemberFactory(email="anna@example.org")
    return meeting


def test_board_meeting_agenda_is_sent_through_the_api_by_the_coordinator_only(jena):
    meeting = _board_meeting()
    url = f"/api/v1/board-meetings/{meeting.pk}/send/"
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    assert board.post(url, {"document": "agenda"}, content_type=JSON).status_code == 404
    assert not OutboxEmail.objects.exists()
    coordinator = _api(
        "jena.localhost", _token(person_with_role(Role.LOCAL_COORDINATOR, jena).email)
    )
    response = coordinator.post(url, {"document": "agenda"}, content_type=JSON)
    assert response.status_code == 200, response.content
    assert response.json() == {"document": "agenda", "recipients": 1}
    [email] = OutboxEmail.objects.all()
    assert email.to == ["anna@example.org"]
    assert email.attachments[0]["mimetype"] == "application/pdf"
    response = coordinator.post(url, {"document": "protokoll"}, content_type=JSON)
    assert response.status_code == 400
    assert "document" in response.json()["errors"]


def test_draft_minutes_are_refused_through_the_api_in_german(jena):
    meeting = _board_meeting(minutes="Entwurf", minutes_status=MinutesStatus.DRAFT)
    coordinator = _api(
        "jena.localhost", _token(person_with_role(Role.LOCAL_COORDINATOR, jena).email)
    )
    response = coordinator.post(
        f"/api/v1/board-meetings/{meeting.pk}/send/",
        {"document": "minutes"},
        content_type=JSON,
        headers={"Accept-Language": "de"},
    )
    assert response.status_code == 400
    assert "erst versendet werden, wenn es genehmigt ist" in response.content.decode()
    assert not OutboxEmail.objects.exists()


def test_another_alliance_cannot_send_this_alliances_documents(jena, badfrankenhausen):
    meeting = _board_meeting()
    user = person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen)
    stranger = _api("jena.localhost", _token(user.email, host="badfrankenhausen.localhost"))
    response = stranger.post(
        f"/api/v1/board-meetings/{meeting.pk}/send/", {"document": "agenda"}, content_type=JSON
    )
    assert response.status_code in (401, 404)
    assert not OutboxEmail.objects.exists()


def test_regional_meeting_agenda_is_sent_through_the_api(db):
    meeting = RegionalMeetingFactory()
    InvitationFactory(meeting=meeting, email="a@example.org")
    token = _token(person_with_role(Role.STATE_COORDINATOR).email, host="localhost")
    state = _api("localhost", token)
    response = state.post(
        f"/api/v1/regional-meetings/{meeting.pk}/send/", {"document": "agenda"}, content_type=JSON
    )
    assert response.status_code == 200, response.content
    assert response.json()["recipients"] == 1
    assert OutboxEmail.objects.get().to == ["a@example.org"]


def test_meeting_pdfs_through_the_api_with_the_minutes_rule(jena):
    meeting = _board_meeting(minutes="Entwurf", minutes_status=MinutesStatus.DRAFT)
    url = f"/api/v1/board-meetings/{meeting.pk}/pdf/"
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    response = board.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert board.get(url, {"document": "minutes"}).status_code == 404
    assert board.get(url, {"document": "brief"}).status_code == 400
    coordinator = _api(
        "jena.localhost", _token(person_with_role(Role.LOCAL_COORDINATOR, jena).email)
    )
    assert coordinator.get(url, {"document": "minutes"}).content.startswith(b"%PDF")
    assert _api("jena.localhost").get(url).status_code == 401


def test_decision_letter_through_the_api(jena, badfrankenhausen):
    from tests.factories.admissions import ApplicationFactory, DecisionFactory

    meeting = _board_meeting()
    with schema_context("jena"):
        admitted = DecisionFactory(
            application=ApplicationFactory(organisation_name="Optik Müller GmbH"),
            meeting=meeting,
            outcome="admit",
        )
        deferred = DecisionFactory(meeting=meeting, outcome="defer")
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    response = board.get(f"/api/v1/decisions/{admitted.pk}/letter/")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert "bescheid-optik-muller-gmbh" in response["Content-Disposition"]
    assert board.get(f"/api/v1/decisions/{deferred.pk}/letter/").status_code == 404
    user = person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen)
    stranger = _api("jena.localhost", _token(user.email, host="badfrankenhausen.localhost"))
    assert stranger.get(f"/api/v1/decisions/{admitted.pk}/letter/").status_code in (401, 404)


def test_decision_letter_is_sent_through_the_api_by_those_who_decide(jena):
    from tests.factories.admissions import ApplicationFactory, DecisionFactory

    meeting = _board_meeting()
    with schema_context("jena"):
        application = ApplicationFactory(contact_email="mueller@optik.example")
        admitted = DecisionFactory(application=application, meeting=meeting, outcome="admit")
        deferred = DecisionFactory(meeting=meeting, outcome="defer")
    url = f"/api/v1/decisions/{admitted.pk}/send-letter/"
    contact = _api("jena.localhost", _token(person_with_role(Role.PARTNER_CONTACT, jena).email))
    assert contact.post(url).status_code in (403, 404)
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    response = board.post(url)
    assert response.status_code == 200, response.content
    assert response.json() == {"recipients": 1}
    [email] = OutboxEmail.objects.all()
    assert email.to == ["mueller@optik.example"]
    assert email.attachments[0]["mimetype"] == "application/pdf"
    response = board.post(f"/api/v1/decisions/{deferred.pk}/send-letter/")
    assert response.status_code == 400
    assert OutboxEmail.objects.count() == 1


def test_attendance_list_through_the_api_for_managers_only(jena):
    meeting = _board_meeting()
    url = f"/api/v1/board-meetings/{meeting.pk}/pdf/"
    coordinator = _api(
        "jena.localhost", _token(person_with_role(Role.LOCAL_COORDINATOR, jena).email)
    )
    response = coordinator.get(url, {"document": "attendance"})
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert "teilnahmeliste-" in response["Content-Disposition"]
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    assert board.get(url, {"document": "attendance"}).status_code == 404
