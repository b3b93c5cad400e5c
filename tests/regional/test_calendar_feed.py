"""The personal calendar feed of regional meetings: created and renewed on the state
host and on an alliance's host, served without a login by its secret token, listing
only the meetings its person may see, without anyone's personal data."""

from __future__ import annotations

import datetime
import re
import secrets

import pytest

from kernel.audit.models import AuditEntry
from regional.models import CalendarFeed, RegionalMeetingStatus
from regional.services.calendar_feed import calendar_feed_renew
from tenants.models import Membership
from tenants.roles import Role
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.regional import (
    InvitationFactory,
    RegionalAgendaItemFactory,
    RegionalMeetingFactory,
)

pytestmark = pytest.mark.django_db


def _client_address() -> str:
    """A fresh client address, so the rate counters (kept in Redis) start at zero."""
    return f"2001:db8::{secrets.token_hex(2)}:{secrets.token_hex(2)}"


def _poll(feed_path: str, address: str | None = None):
    return host_client("localhost", REMOTE_ADDR=address or _client_address()).get(feed_path)


def _path(feed: CalendarFeed) -> str:
    return f"/meetings/feed/{feed.token}.ics"


def _events(body: str) -> list[str]:
    return re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT\r\n", body, flags=re.S)


def _assert_valid_calendar(body: str) -> None:
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    assert "METHOD:PUBLISH" in body
    lines = body.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "\n" not in body.replace("\r\n", "")
    assert body.count("BEGIN:VEVENT") == body.count("END:VEVENT")


@pytest.fixture
def meetings(jena, badfrankenhausen):
    """One meeting Jena is invited to (with people and an agenda), one only Bad
    Frankenhausen is, one nobody is invited to yet."""
    for_jena = RegionalMeetingFactory(
        title="Treffen Jena", date=datetime.date(2027, 3, 10), start_time=datetime.time(10)
    )
    RegionalAgendaItemFactory(meeting=for_jena, position=1, title="Begrüßung")
    InvitationFactory(
        meeting=for_jena, alliance=jena, name="Jana Geheim", email="jana.geheim@example.org"
    )
    other = RegionalMeetingFactory(title="Treffen Kyffhäuser")
    InvitationFactory(meeting=other, alliance=badfrankenhausen, name="Bruno Geheim")
    lonely = RegionalMeetingFactory(title="Treffen ohne Einladungen")
    return for_jena, other, lonely


def test_state_coordinator_creates_the_address_and_sees_every_meeting(meetings):
    for_jena, _other, _lonely = meetings
    coordinator = person_with_role(Role.STATE_COORDINATOR)
    client = logged_in_client(coordinator, "localhost", language="en")
    page = client.get("/meetings/calendar/")
    assert page.status_code == 200
    assert "Create calendar address" in page.content.decode()
    assert 'action="/meetings/calendar/"' in page.content.decode()  # posts to itself
    assert page["Cache-Control"] == "private, no-store"
    response = client.post("/meetings/calendar/", follow=True)
    feed = CalendarFeed.objects.get(user=coordinator)
    assert f"http://localhost/meetings/feed/{feed.token}.ics" in response.content.decode()
    assert AuditEntry.objects.filter(action="regional.calendarfeed.created").exists()
    assert not AuditEntry.objects.filter(changes__icontains=feed.token).exists()

    answer = _poll(_path(feed))
    assert answer.status_code == 200
    assert answer["Content-Type"] == "text/calendar; charset=utf-8"
    assert answer["X-Robots-Tag"] == "noindex, nofollow"
    body = answer.content.decode()
    _assert_valid_calendar(body)
    assert len(_events(body)) == 3
    # The event is the meeting's own: stable UID, times in UTC (10:00 in Berlin, winter).
    assert f"UID:regional-meeting-{for_jena.pk}@localhost" in body
    assert "DTSTART:20270310T090000Z" in body
    assert "Begrüßung" in body
    # Nobody's personal data: no invitee, no reply link, no attendee.
    assert "Geheim" not in body
    assert "ATTENDEE" not in body
    assert "/reply/" not in body
    # Polled again: the same UIDs.
    again = _poll(_path(feed)).content.decode()
    assert re.findall(r"UID:\S+", again) == re.findall(r"UID:\S+", body)


def test_local_coordinator_sees_only_meetings_of_their_alliance(meetings, jena):
    for_jena, other, lonely = meetings
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    client = logged_in_client(coordinator, "jena.localhost", language="en")
    assert "/workspace/regional/calendar/" in client.get("/workspace/regional/").content.decode()
    response = client.post("/workspace/regional/calendar/", follow=True)
    assert response.status_code == 200
    assert 'action="/workspace/regional/calendar/"' in response.content.decode()
    feed = CalendarFeed.objects.get(user=coordinator)
    assert f"/meetings/feed/{feed.token}.ics" in response.content.decode()
    body = _poll(_path(feed)).content.decode()
    _assert_valid_calendar(body)
    assert f"UID:regional-meeting-{for_jena.pk}@" in body
    assert f"UID:regional-meeting-{other.pk}@" not in body
    assert f"UID:regional-meeting-{lonely.pk}@" not in body
    assert len(_events(body)) == 1


def test_a_cancelled_meeting_stays_in_the_feed_as_cancelled(meetings, jena):
    for_jena, _other, _lonely = meetings
    for_jena.status = RegionalMeetingStatus.CANCELLED
    for_jena.save()
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    feed = calendar_feed_renew(actor=coordinator, user=coordinator)
    body = _poll(_path(feed)).content.decode()
    assert "STATUS:CANCELLED" in body


def test_renewing_invalidates_the_old_address(meetings):
    coordinator = person_with_role(Role.STATE_COORDINATOR)
    client = logged_in_client(coordinator, "localhost", language="en")
    client.post("/meetings/calendar/")
    old = CalendarFeed.objects.get(user=coordinator).token
    response = client.post("/meetings/calendar/", follow=True)
    assert any("renewed" in str(m) for m in response.context["messages"])
    new = CalendarFeed.objects.get(user=coordinator).token
    assert new != old
    assert _poll(f"/meetings/feed/{old}.ics").status_code == 404
    assert _poll(f"/meetings/feed/{new}.ics").status_code == 200
    assert AuditEntry.objects.filter(action="regional.calendarfeed.renewed").count() == 1
    assert CalendarFeed.objects.count() == 1


def test_unknown_token_and_inactive_person_answer_404(meetings):
    assert _poll("/meetings/feed/nicht-vorhanden.ics").status_code == 404
    coordinator = person_with_role(Role.STATE_COORDINATOR)
    feed = calendar_feed_renew(actor=coordinator, user=coordinator)
    coordinator.is_active = False
    coordinator.save()
    assert _poll(_path(feed)).status_code == 404


def test_a_removed_role_empties_the_feed(meetings, jena):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    feed = calendar_feed_renew(actor=coordinator, user=coordinator)
    assert len(_events(_poll(_path(feed)).content.decode())) == 1
    Membership.objects.filter(user=coordinator).delete()
    body = _poll(_path(feed)).content.decode()
    _assert_valid_calendar(body)
    assert _events(body) == []


def test_partner_contacts_board_members_and_ministry_get_no_feed_page(jena):
    anonymous = host_client("localhost")
    assert "/accounts/login/" in anonymous.get("/meetings/calendar/")["Location"]
    ministry = logged_in_client(person_with_role(Role.MINISTRY), "localhost")
    assert ministry.post("/meetings/calendar/").status_code == 404
    board = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena), "jena.localhost")
    assert board.post("/workspace/regional/calendar/").status_code == 404
    assert not CalendarFeed.objects.exists()


def test_polls_are_limited_per_client(meetings, settings):
    settings.CALENDAR_FEED_RATE_PER_CLIENT = "3/hour"
    coordinator = person_with_role(Role.STATE_COORDINATOR)
    feed = calendar_feed_renew(actor=coordinator, user=coordinator)
    address = _client_address()
    for _ in range(3):
        assert _poll(_path(feed), address).status_code == 200
    refused = _poll(_path(feed), address)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    # Guessing tokens counts too; another client is not affected.
    assert _poll("/meetings/feed/geraten.ics", address).status_code == 429
    assert _poll(_path(feed)).status_code == 200
