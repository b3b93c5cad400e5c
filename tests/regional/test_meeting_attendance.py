"""Reminding the invitees who have not replied, and recording who came to a regional
meeting (state host): the pages, the services' refusals, the audit trail, and what an
alliance sees of its own attendance."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from kernel.audit.models import AuditEntry
from regional.models import Invitation, RegionalMeetingStatus, Response, WalkIn
from regional.selectors.attendance import attendance_of_alliance
from regional.services import attendance as attendance_services
from regional.services import invitations as invitation_services
from tenants.roles import Role
from tests.clock import in_days
from tests.conftest import logged_in_client, person_with_role
from tests.factories.regional import InvitationFactory, RegionalMeetingFactory

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def _sent(**values) -> Invitation:
    return InvitationFactory(sent_at=timezone.now() - datetime.timedelta(days=3), **values)


# ---------------------------------------------------------------- remind non-responders


def test_remind_emails_only_pending_invitees_once_within_the_hour(
    state_client, eager_celery, django_capture_on_commit_callbacks
):
    meeting = RegionalMeetingFactory(title="Regionaltreffen Mitte")
    pending = _sent(meeting=meeting, name="Paula Offen", email="offen@example.org")
    _sent(meeting=meeting, email="zugesagt@example.org", response=Response.ATTENDING)
    _sent(meeting=meeting, email="abgesagt@example.org", response=Response.DECLINED)
    InvitationFactory(meeting=meeting, email="ungesendet@example.org")  # never sent
    url = f"/meetings/{meeting.pk}/remind/"
    with django_capture_on_commit_callbacks(execute=True):
        response = state_client.post(url, follow=True)
    assert response.status_code == 200
    # Back at the page's top, where the confirmation is shown (not scrolled past it).
    assert response.redirect_chain == [(f"/meetings/{meeting.pk}/", 302)]
    assert [m.to for m in mail.outbox] == [["offen@example.org"]]
    message = mail.outbox[0]
    assert "Regionaltreffen Mitte" in message.subject
    assert f"/meetings/reply/{pending.token}/" in message.body
    reminded = "1 person who has not replied yet is being reminded"
    assert any(reminded in m for m in _messages(response))
    pending.refresh_from_db()
    assert pending.reminded_at is not None
    assert pending.reminder_count == 1
    entry = AuditEntry.objects.get(action="regional.regionalmeeting.reminded_to_reply")
    assert entry.object_id == str(meeting.pk)
    assert entry.changes["reminded"] == 1
    # A second click (or a repeated request) within the hour reminds nobody.
    with django_capture_on_commit_callbacks(execute=True):
        response = state_client.post(url, follow=True)
    assert len(mail.outbox) == 1
    assert any("Nobody to remind" in m for m in _messages(response))
    pending.refresh_from_db()
    assert pending.reminder_count == 1
    # After the pause the same person can be reminded again.
    later = timezone.now() + invitation_services.REPLY_REMINDER_PAUSE
    with django_capture_on_commit_callbacks(execute=True):
        count = invitation_services.invitations_remind_pending(
            actor=None, meeting=meeting, now=later
        )
    assert count == 1
    pending.refresh_from_db()
    assert pending.reminder_count == 2


def test_reminder_email_is_german_with_the_reply_link(
    state_client, eager_celery, django_capture_on_commit_callbacks
):
    meeting = RegionalMeetingFactory(title="Regionaltreffen West")
    invitation = _sent(meeting=meeting, name="Otto Offen", email="otto@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        logged_in_client(person_with_role(Role.STATE_COORDINATOR), "localhost").post(
            f"/meetings/{meeting.pk}/remind/"
        )
    body = mail.outbox[0].body
    assert "noch keine Antwort" in body
    assert "Bitte um Ihre Antwort" in mail.outbox[0].subject
    assert f"http://localhost/meetings/reply/{invitation.token}/" in body


def test_remind_refuses_past_and_cancelled_meetings_and_changes_nothing(
    state_client, django_capture_on_commit_callbacks
):
    past = RegionalMeetingFactory(date=in_days(-2))
    invitation = _sent(meeting=past)
    with django_capture_on_commit_callbacks(execute=True):
        response = state_client.post(f"/meetings/{past.pk}/remind/", follow=True)
    assert response.status_code == 200
    assert any("already begun" in m for m in _messages(response))
    assert mail.outbox == []
    invitation.refresh_from_db()
    assert invitation.reminded_at is None
    assert invitation.reminder_count == 0
    cancelled = RegionalMeetingFactory(status=RegionalMeetingStatus.CANCELLED)
    _sent(meeting=cancelled)
    response = state_client.post(f"/meetings/{cancelled.pk}/remind/", follow=True)
    assert any("cancelled" in m for m in _messages(response))
    assert not AuditEntry.objects.filter(action__endswith="reminded_to_reply").exists()


def test_remind_with_nobody_pending_says_so(state_client):
    meeting = RegionalMeetingFactory()
    _sent(meeting=meeting, response=Response.ATTENDING)
    response = state_client.post(f"/meetings/{meeting.pk}/remind/", follow=True)
    assert any("Nobody to remind" in m for m in _messages(response))
    assert mail.outbox == []


def test_remind_get_changes_nothing_and_others_are_refused(jena, state_client):
    meeting = RegionalMeetingFactory()
    _sent(meeting=meeting)
    response = state_client.get(f"/meetings/{meeting.pk}/remind/")
    assert response.status_code == 302
    assert Invitation.objects.get().reminder_count == 0
    assert state_client.post("/meetings/999999/remind/").status_code == 404
    ministry = logged_in_client(person_with_role(Role.MINISTRY), "localhost")
    assert ministry.post(f"/meetings/{meeting.pk}/remind/").status_code == 404
    coordinator = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), "localhost")
    assert coordinator.post(f"/meetings/{meeting.pk}/remind/").status_code == 404
    assert Invitation.objects.get().reminder_count == 0


def test_meeting_page_offers_the_reminder_only_while_someone_is_pending(state_client):
    meeting = RegionalMeetingFactory()
    invitation = _sent(meeting=meeting)
    body = state_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert f"/meetings/{meeting.pk}/remind/" in body
    invitation.response = Response.ATTENDING
    invitation.save()
    body = state_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert f"/meetings/{meeting.pk}/remind/" not in body


# ---------------------------------------------------------------- attendance


@pytest.fixture
def held(jena, badfrankenhausen):
    """A meeting two days ago: two of Jena, one of Bad Frankenhausen, one without alliance."""
    meeting = RegionalMeetingFactory(title="Regionaltreffen Ost", date=in_days(-2))
    people = {
        "jana": InvitationFactory(meeting=meeting, alliance=jena, name="Jana Jenaer"),
        "jens": InvitationFactory(meeting=meeting, alliance=jena, name="Jens Jenaer"),
        "bruno": InvitationFactory(
            meeting=meeting, alliance=badfrankenhausen, name="Bruno Frankenhäuser"
        ),
        "gast": InvitationFactory(meeting=meeting, name="Gisela Gast"),
    }
    return meeting, people


def test_recording_attendance_with_walk_ins_shows_it_on_the_meeting_page(
    state_client, held, jena, badfrankenhausen
):
    meeting, people = held
    url = f"/meetings/{meeting.pk}/attendance/"
    page = state_client.get(url)
    assert page.status_code == 200
    assert "Jana Jenaer" in page.content.decode()
    response = state_client.post(
        url,
        {
            "attended": [people["jana"].pk, people["gast"].pk],
            "walk_ins": f"Walter Spontan; {badfrankenhausen.name.upper()}\nGustav Gast\n",
        },
    )
    assert response.status_code == 302
    attended = dict(Invitation.objects.values_list("name", "attended"))
    assert attended == {
        "Jana Jenaer": True,
        "Jens Jenaer": False,
        "Bruno Frankenhäuser": False,
        "Gisela Gast": True,
    }
    walk_ins = {(w.name, w.alliance_id) for w in WalkIn.objects.all()}
    assert walk_ins == {("Walter Spontan", badfrankenhausen.pk), ("Gustav Gast", None)}
    entry = AuditEntry.objects.get(action="regional.regionalmeeting.attendance_recorded")
    assert entry.object_id == str(meeting.pk)
    assert "walk_ins" in entry.changes
    assert "attended" in entry.changes
    body = state_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "present: 4 people from 2 alliances" in body
    assert "Walter Spontan" in body
    # Saved unchanged: no new audit entry; the form shows what was recorded.
    form = state_client.get(url).content.decode()
    assert "Walter Spontan; " in form
    state_client.post(
        url,
        {
            "attended": [people["jana"].pk, people["gast"].pk],
            "walk_ins": f"Walter Spontan; {badfrankenhausen.name}\nGustav Gast",
        },
    )
    assert AuditEntry.objects.filter(action__endswith="attendance_recorded").count() == 1


def test_german_summary_on_the_meeting_page(held):
    meeting, people = held
    attendance_services.attendance_record(
        actor=None, meeting=meeting, attended=[p.pk for p in people.values()]
    )
    client = logged_in_client(person_with_role(Role.STATE_COORDINATOR), "localhost")
    body = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "anwesend: 4 aus 2 Bündnissen" in body


def test_bad_attendance_input_changes_nothing(state_client, held):
    meeting, people = held
    other = InvitationFactory(meeting=RegionalMeetingFactory(date=in_days(-2)))
    url = f"/meetings/{meeting.pk}/attendance/"
    for data in (
        {"attended": [other.pk], "walk_ins": ""},  # a foreign meeting's invitation
        {"attended": ["kein-id"], "walk_ins": ""},
        {"attended": [people["jana"].pk], "walk_ins": "Nora Niemand; Bündnis Nirgendwo"},
        {"attended": [], "walk_ins": "; " + "x"},  # no name
        {"attended": [], "walk_ins": "N" * 201},
        {"attended": [], "walk_ins": "Steuer\x07zeichen"},
    ):
        response = state_client.post(url, data)
        assert response.status_code == 400, data
    assert not Invitation.objects.filter(attended__isnull=False).exists()
    assert not WalkIn.objects.exists()
    with pytest.raises(ValidationError, match="keine Einladungen zu diesem Treffen"):
        attendance_services.attendance_record(actor=None, meeting=meeting, attended=[other.pk])


def test_attendance_is_refused_before_the_day_and_for_cancelled_meetings(state_client):
    future = RegionalMeetingFactory(date=in_days(3))
    invitation = InvitationFactory(meeting=future)
    response = state_client.post(
        f"/meetings/{future.pk}/attendance/", {"attended": [invitation.pk]}, follow=True
    )
    assert any("from the day of the meeting" in m for m in _messages(response))
    cancelled = RegionalMeetingFactory(date=in_days(-1), status=RegionalMeetingStatus.CANCELLED)
    response = state_client.get(f"/meetings/{cancelled.pk}/attendance/", follow=True)
    assert any("cancelled" in m for m in _messages(response))
    invitation.refresh_from_db()
    assert invitation.attended is None
    assert state_client.get("/meetings/999999/attendance/").status_code == 404


def test_attendance_page_is_refused_to_other_roles(jena, held):
    meeting, people = held
    for user, host in (
        (person_with_role(Role.MINISTRY), "localhost"),
        (person_with_role(Role.LOCAL_COORDINATOR, jena), "localhost"),
        (person_with_role(Role.LOCAL_COORDINATOR, jena), "jena.localhost"),
    ):
        response = logged_in_client(user, host).post(
            f"/meetings/{meeting.pk}/attendance/", {"attended": [people["jana"].pk]}
        )
        assert response.status_code == 404
    assert not Invitation.objects.filter(attended__isnull=False).exists()


# ---------------------------------------------------------------- the alliance's history


def test_alliance_sees_only_its_own_attendance(held, jena, badfrankenhausen):
    meeting, people = held
    attendance_services.attendance_record(
        actor=None,
        meeting=meeting,
        attended=[people["jana"].pk, people["bruno"].pk],
        walk_ins=[attendance_services.WalkInData(name="Bea Besuch", alliance=badfrankenhausen)],
    )
    jena_lc = person_with_role(Role.LOCAL_COORDINATOR, jena)
    body = logged_in_client(jena_lc, language="en").get("/workspace/regional/").content.decode()
    assert "present: Jana Jenaer" in body
    assert "Bruno" not in body
    assert "Bea Besuch" not in body
    history = attendance_of_alliance(badfrankenhausen)
    assert [(row.meeting.pk, row.recorded, row.people) for row in history] == [
        (meeting.pk, True, ["Bruno Frankenhäuser", "Bea Besuch"])
    ]


def test_alliance_history_tells_not_recorded_from_absent(held, jena, badfrankenhausen):
    meeting, people = held
    unrecorded = RegionalMeetingFactory(date=in_days(-30))
    InvitationFactory(meeting=unrecorded, alliance=jena)
    InvitationFactory(meeting=RegionalMeetingFactory(date=in_days(5)), alliance=jena)  # future
    attendance_services.attendance_record(
        actor=None, meeting=meeting, attended=[people["bruno"].pk]
    )
    rows = attendance_of_alliance(jena)
    assert [(r.meeting.pk, r.recorded, r.attended) for r in rows] == [
        (meeting.pk, True, False),
        (unrecorded.pk, False, False),
    ]
    # An alliance that only came uninvited has the meeting in its history too.
    walk_in_only = RegionalMeetingFactory(date=in_days(-1))
    attendance_services.attendance_record(
        actor=None,
        meeting=walk_in_only,
        attended=[],
        walk_ins=[attendance_services.WalkInData(name="Jo Spontan", alliance=jena)],
    )
    assert attendance_of_alliance(jena)[0].people == ["Jo Spontan"]
    jena_lc = person_with_role(Role.LOCAL_COORDINATOR, jena)
    body = logged_in_client(jena_lc, language="en").get("/workspace/regional/").content.decode()
    assert "not present" in body
    assert "not recorded" in body
