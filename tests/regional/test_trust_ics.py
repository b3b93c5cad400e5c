"""The regional meetings' calendar files stay well-formed whatever date is stored: years
are written with four digits, and a meeting with an implausible date (a row written
before the range was enforced) gets no calendar file instead of an OverflowError (500)
or a malformed one; its pages, e-mails and reply link keep working."""

from __future__ import annotations

import datetime

import pytest

from kernel.meetings.ics import utc_stamp
from regional.ics import meeting_calendar
from regional.models import RegionalMeeting
from regional.selectors.meetings import meeting_agenda
from regional.services.meeting_mail import build_meeting_email
from tenants.roles import Role
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.regional import (
    InvitationFactory,
    RegionalAgendaItemFactory,
    RegionalMeetingFactory,
)

pytestmark = pytest.mark.django_db

# Year 1 at 00:30 in Berlin (local mean time, +0:53) is year 0 in UTC: an OverflowError.
YEAR_1 = datetime.date(1, 1, 1)
YEAR_9999 = datetime.date(9999, 12, 31)


def _stored(meeting: RegionalMeeting, day: datetime.date) -> RegionalMeeting:
    """Write ``day`` past the validators, as a row from before the range would have it."""
    RegionalMeeting.objects.filter(pk=meeting.pk).update(
        date=day, start_time=datetime.time(0, 30), end_time=datetime.time(23, 45)
    )
    return RegionalMeeting.objects.get(pk=meeting.pk)


def test_utc_stamps_have_four_digit_years():
    assert utc_stamp(datetime.datetime(999, 6, 1, 12, tzinfo=datetime.UTC)) == "09990601T120000Z"
    assert utc_stamp(datetime.datetime(2027, 1, 14, 9, tzinfo=datetime.UTC)) == "20270114T090000Z"


def test_plausible_edges_are_written_in_full():
    meeting = RegionalMeetingFactory(date=datetime.date(1900, 1, 1))
    ics = meeting_calendar(meeting, [])
    assert "DTSTART:19000101T090000Z" in ics  # 10:00 CET
    assert ics.endswith("END:VCALENDAR\r\n")


@pytest.mark.parametrize("day", [YEAR_1, YEAR_9999])
def test_an_implausible_meeting_date_gives_no_calendar_file_not_an_overflow(day):
    meeting = _stored(RegionalMeetingFactory(), day)
    RegionalAgendaItemFactory(meeting=meeting, position=1)
    for method in ("REQUEST", "CANCEL", "PUBLISH"):
        assert meeting_calendar(meeting, meeting_agenda(meeting), method=method) is None


@pytest.mark.parametrize("day", [YEAR_1, YEAR_9999])
def test_pages_mail_and_reply_link_of_an_implausible_meeting_never_fail(day):
    meeting = _stored(RegionalMeetingFactory(title="Zeitreisetreffen"), day)
    invitation = InvitationFactory(meeting=meeting, email="gast@example.org")
    organiser = person_with_role(Role.STATE_COORDINATOR)
    client = logged_in_client(organiser, "localhost", language="de")
    answer = client.get(f"/meetings/{meeting.pk}/calendar.ics", follow=True)
    assert answer.status_code == 200
    assert answer.redirect_chain[-1][0] == f"/meetings/{meeting.pk}/"
    assert "Datum der Sitzung liegt außerhalb des plausiblen Bereichs" in answer.content.decode()
    assert client.get(f"/meetings/{meeting.pk}/").status_code == 200
    message = build_meeting_email(invitation, "invitation")
    assert "Zeitreisetreffen" in message.subject
    assert message.attachments == []  # no calendar file rather than a broken one
    assert "angehängte" not in message.body  # nor a mention of one
    assert message.body.count("\n\n\n") == 0
    reply = host_client("localhost")
    assert reply.get(f"/meetings/reply/{invitation.token}/").status_code == 200
    answer = reply.post(f"/meetings/reply/{invitation.token}/", {"response": "attending"})
    assert answer.status_code in (200, 302, 400)


def test_a_plausible_meeting_mail_carries_and_mentions_its_calendar_file():
    invitation = InvitationFactory(meeting=RegionalMeetingFactory(), email="gast@example.org")
    message = build_meeting_email(invitation, "invitation")
    assert len(message.attachments) == 1
    assert "angehängten Kalenderdatei" in message.body
    cancelled = build_meeting_email(invitation, "cancellation")
    assert len(cancelled.attachments) == 1
    assert "angehängte Kalenderdatei" in cancelled.body
