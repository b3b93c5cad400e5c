"""Regional meetings and the yearly strategy meeting, as the state coordination office
organises them: meetings, agenda, invitations with calendar files, replies through the
personal link, reminders, minutes and attachments."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tenants.utils import schema_context

from kernel.audit.models import AuditEntry
from kernel.meetings.ics import escape, fold
from regional.ics import meeting_calendar
from regional.models import (
    AgendaItem,
    Invitation,
    MeetingKind,
    RegionalAttachment,
    RegionalMeeting,
    RegionalMeetingStatus,
    RegionalMinutesStatus,
    Response,
)
from regional.selectors.meetings import meeting_agenda
from regional.services import invitations
from regional.services import meetings as services
from regional.tasks.meetings import send_meeting_reminders
from tenants.roles import Role
from tests.clock import in_days
from tests.conftest import (
    assert_same_queries_for_few_and_many,
    csv_rows,
    host_client,
    logged_in_client,
    person_with_role,
)
from tests.factories.files import PDF
from tests.factories.regional import (
    InvitationFactory,
    RegionalAgendaItemFactory,
    RegionalMeetingFactory,
)
from tests.factories.tenants import account_with_role
from tests.pages import assert_page_shows, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def state_coordinator(db):
    return account_with_role(
        Role.STATE_COORDINATOR, email="land@lks.example", full_name="Landeskoordination"
    )


def _form(**overrides):
    data = {
        "title": "Regionaltreffen Nordthüringen",
        "kind": MeetingKind.REGIONAL,
        "date": in_days(20).isoformat(),
        "start_time": "10:00",
        "end_time": "15:00",
        "place": "Rathaus Sondershausen",
        "host_alliance": "",
        "moderation": "Dr. Ines Moderato",
        "description": "Austausch der Bündnisse",
    }
    data.update(overrides)
    return data


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# ---------------------------------------------------------------- meetings


def test_meeting_is_created_with_host_and_shown_on_its_page(state_client, badfrankenhausen):
    response = state_client.post(
        "/meetings/new/", _form(host_alliance=badfrankenhausen.pk), follow=True
    )
    assert response.status_code == 200
    meeting = RegionalMeeting.objects.get(title="Regionaltreffen Nordthüringen")
    assert meeting.host_alliance == badfrankenhausen
    assert meeting.status == RegionalMeetingStatus.PLANNED
    body = response.content.decode()
    assert "Rathaus Sondershausen" in body
    assert "Dr. Ines Moderato" in body
    assert AuditEntry.objects.filter(
        action="regional.regionalmeeting.created", object_id=str(meeting.pk)
    ).exists()


def test_meeting_that_ends_before_it_begins_is_refused_with_the_constraint_message(
    state_client,
):
    response = state_client.post("/meetings/new/", _form(start_time="15:00", end_time="10:00"))
    assert response.status_code == 400
    assert "The meeting must end after it begins." in response.content.decode()
    assert not RegionalMeeting.objects.exists()


def test_meeting_form_is_german_by_default(state_coordinator):
    client = logged_in_client(state_coordinator, "localhost")
    response = client.get("/meetings/new/")
    assert response.status_code == 200
    assert 'lang="de"' in response.content.decode()


def test_overlapping_meeting_is_saved_with_a_warning_naming_the_other(state_client):
    other = RegionalMeetingFactory(
        title="Strategietreffen Erfurt",
        date=in_days(20),
        start_time=datetime.time(13, 0),
        end_time=datetime.time(17, 0),
    )
    response = state_client.post("/meetings/new/", _form(), follow=True)
    meeting = RegionalMeeting.objects.exclude(pk=other.pk).get()
    warnings = [m for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert "Strategietreffen Erfurt" in str(warnings[0])
    assert "13:00–17:00" in str(warnings[0])
    # The detail page keeps saying so.
    detail = state_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "overlap-warning" in detail
    assert "Strategietreffen Erfurt" in detail


def test_meetings_that_only_touch_or_are_cancelled_give_no_warning(state_client):
    RegionalMeetingFactory(
        title="Vormittag", date=in_days(20), start_time=datetime.time(8), end_time=datetime.time(10)
    )
    RegionalMeetingFactory(
        title="Abgesagt",
        date=in_days(20),
        start_time=datetime.time(11),
        end_time=datetime.time(12),
        status=RegionalMeetingStatus.CANCELLED,
    )
    response = state_client.post("/meetings/new/", _form(), follow=True)
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]


def test_editing_a_meeting_into_an_overlap_warns(state_client):
    RegionalMeetingFactory(title="Nachmittagstreffen", date=in_days(9))
    meeting = RegionalMeetingFactory(date=in_days(8))
    response = state_client.post(
        f"/meetings/{meeting.pk}/edit/", _form(date=in_days(9).isoformat()), follow=True
    )
    assert any("Nachmittagstreffen" in m for m in _messages(response))
    meeting.refresh_from_db()
    assert meeting.date == in_days(9)


def test_upcoming_list_and_archive_are_split_by_date_and_filter(state_client, jena):
    RegionalMeetingFactory(title="Künftig Regional", date=in_days(5))
    RegionalMeetingFactory(
        title="Künftig Strategie", date=in_days(40), kind=MeetingKind.STRATEGY, host_alliance=jena
    )
    RegionalMeetingFactory(
        title="Vergangen",
        date=datetime.date(2024, 5, 3),
        status=RegionalMeetingStatus.HELD,
    )
    upcoming = state_client.get("/meetings/").content.decode()
    assert "Künftig Regional" in upcoming
    assert "Vergangen" not in upcoming
    archive = state_client.get("/meetings/archive/").content.decode()
    assert "Vergangen" in archive
    assert "Künftig" not in archive
    strategy = state_client.get("/meetings/", {"kind": "strategy"}).content.decode()
    assert "Künftig Strategie" in strategy
    assert "Künftig Regional" not in strategy
    hosted = state_client.get("/meetings/", {"host_alliance": jena.pk}).content.decode()
    assert "Künftig Strategie" in hosted
    assert "Künftig Regional" not in hosted
    by_year = state_client.get("/meetings/archive/", {"year": 2024}).content.decode()
    assert "Vergangen" in by_year
    assert (
        "Vergangen" not in state_client.get("/meetings/archive/", {"year": 2023}).content.decode()
    )
    found = state_client.get("/meetings/", {"q": "strategie"}).content.decode()
    assert "Künftig Strategie" in found
    assert "Künftig Regional" not in found


def test_meeting_lists_export_csv_and_xlsx(state_client):
    meeting = RegionalMeetingFactory(title="Export, mit Komma", date=in_days(3))
    InvitationFactory(meeting=meeting, response=Response.ATTENDING)
    InvitationFactory(meeting=meeting)
    rows = csv_rows(state_client.get("/meetings/", {"format": "csv"}))
    assert rows[0][0] == "Title"
    row = rows[1]
    assert row[0] == "Export, mit Komma"
    header = rows[0]
    assert row[header.index("Invited")] == "2"
    assert row[header.index("Attending")] == "1"
    assert row[header.index("No reply yet")] == "1"
    xlsx = state_client.get("/meetings/archive/", {"format": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"


def _meetings(count: int, start: int, *, past: bool):
    meetings = RegionalMeeting.objects.bulk_create(
        RegionalMeeting(
            title=f"Treffen {start + n}",
            date=in_days(-(n % 300) - 1 if past else (n % 300) + 1),
            start_time=datetime.time(10),
            end_time=datetime.time(12),
            place="Erfurt",
            status=RegionalMeetingStatus.HELD if past else RegionalMeetingStatus.PLANNED,
        )
        for n in range(count)
    )
    Invitation.objects.bulk_create(
        Invitation(meeting=m, name="Gast", email=f"gast{m.pk}@example.org") for m in meetings
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=m, position=1, title="Begrüßung") for m in meetings
    )


@pytest.mark.slow
@pytest.mark.parametrize(("path", "past"), [("/meetings/", False), ("/meetings/archive/", True)])
def test_meeting_lists_cost_the_same_queries_for_5_and_200_meetings(state_client, jena, path, past):
    assert_same_queries_for_few_and_many(
        state_client,
        path,
        lambda: _meetings(5, 0, past=past),
        lambda: _meetings(195, 5, past=past),
        params={"page": 1},
    )
    assert_same_queries_for_few_and_many(
        state_client, path, lambda: None, lambda: _meetings(10, 500, past=past),
        params={"format": "csv"},
    )  # fmt: skip


@pytest.mark.slow
def test_a_meeting_page_costs_the_same_queries_for_few_and_many_items_and_invitations(
    state_client,
):
    meeting = RegionalMeetingFactory()

    def add(items: int, invited: int) -> None:
        for position in range(meeting.agenda.count(), meeting.agenda.count() + items):
            RegionalAgendaItemFactory(meeting=meeting, position=position + 1)
        InvitationFactory.create_batch(invited, meeting=meeting)

    assert_same_queries_for_few_and_many(
        state_client, f"/meetings/{meeting.pk}/", lambda: add(2, 3), lambda: add(30, 60)
    )


def test_state_meeting_pages_are_closed_to_everyone_but_the_state_coordinator(jena):
    meeting = RegionalMeetingFactory()
    entry = RegionalAgendaItemFactory(meeting=meeting)
    paths = [
        "/meetings/",
        "/meetings/archive/",
        "/meetings/new/",
        f"/meetings/{meeting.pk}/",
        f"/meetings/{meeting.pk}/edit/",
        f"/meetings/{meeting.pk}/invitations/",
        f"/meetings/{meeting.pk}/invitations/send/",
        f"/meetings/{meeting.pk}/agenda/{entry.pk}/edit/",
        f"/meetings/{meeting.pk}/minutes/",
        f"/meetings/{meeting.pk}/calendar.ics",
        "/meetings/?format=csv",
    ]
    ministry = person_with_role(Role.MINISTRY)
    local = person_with_role(Role.LOCAL_COORDINATOR, jena)
    for user in (ministry, local):
        client = logged_in_client(user, "localhost")
        for path in paths:
            assert client.get(path).status_code == 404, (user, path)
        assert client.post("/meetings/new/", _form()).status_code == 404
    anonymous = host_client("localhost")
    for path in paths:
        response = anonymous.get(path)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert RegionalMeeting.objects.count() == 1


def test_meeting_is_marked_held_only_once_its_day_has_come(state_client):
    future = RegionalMeetingFactory(date=in_days(3))
    assert state_client.post(f"/meetings/{future.pk}/held/").status_code == 400
    today = RegionalMeetingFactory(date=in_days(0))
    assert state_client.post(f"/meetings/{today.pk}/held/").status_code == 302
    today.refresh_from_db()
    assert today.status == RegionalMeetingStatus.HELD
    assert state_client.post(f"/meetings/{today.pk}/held/").status_code == 400


def test_cancelling_tells_everyone_who_got_the_invitation(
    state_client, eager_celery, django_capture_on_commit_callbacks
):
    meeting = RegionalMeetingFactory(title="Abgesagtes Treffen")
    InvitationFactory(meeting=meeting, email="bekam@example.org", sent_at=timezone.now())
    InvitationFactory(meeting=meeting, email="nie@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert state_client.post(f"/meetings/{meeting.pk}/cancel/").status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == RegionalMeetingStatus.CANCELLED
    assert [m.to for m in mail.outbox] == [["bekam@example.org"]]
    ics = _ics_of(mail.outbox[0])
    assert "METHOD:CANCEL" in ics
    assert "STATUS:CANCELLED" in ics
    # Cancelled is final: no second cancellation, no editing.
    assert state_client.post(f"/meetings/{meeting.pk}/cancel/").status_code == 400
    response = state_client.post(f"/meetings/{meeting.pk}/edit/", _form(), follow=True)
    assert "can no longer be changed" in " ".join(_messages(response))


# ---------------------------------------------------------------- agenda


STRATEGY_AGENDA = """\
10:00 | 15 | Begrüßung durch den Bürgermeister der gastgebenden Stadt | Bürgermeister Jan Gastgeber
30 | Rede der Ministerin | Ministerin für Soziales, Familie und Gesundheit
10 | Imagefilm der Lokalen Bündnisse
20 | Bericht der Landeskoordinierungsstelle | Landeskoordinierungsstelle
11:15 | 45 | Diskussion | Moderation
60 | Weltcafé 1: Vereinbarkeit von Familie und Pflege
60 | Weltcafé 2: Familienfreundliche Arbeitgeber im ländlichen Raum
"""


def test_strategy_meeting_agenda_is_entered_in_one_go_with_times_following_each_other(
    state_client,
):
    meeting = RegionalMeetingFactory(kind=MeetingKind.STRATEGY, start_time=datetime.time(10))
    response = state_client.post(
        f"/meetings/{meeting.pk}/agenda/bulk/", {"lines": STRATEGY_AGENDA}, follow=True
    )
    assert response.status_code == 200
    entries = list(meeting.agenda.order_by("position"))
    assert [e.position for e in entries] == [1, 2, 3, 4, 5, 6, 7]
    assert [e.start_time.strftime("%H:%M") for e in entries] == [
        "10:00", "10:15", "10:45", "10:55", "11:15", "12:00", "13:00",
    ]  # fmt: skip
    assert entries[1].speaker == "Ministerin für Soziales, Familie und Gesundheit"
    assert entries[2].speaker == ""
    assert entries[2].duration_minutes == 10
    assert entries[6].title.startswith("Weltcafé 2")
    body = response.content.decode()
    assert "Imagefilm der Lokalen Bündnisse" in body


def test_unreadable_agenda_lines_are_listed_and_nothing_is_saved(state_client):
    meeting = RegionalMeetingFactory()
    lines = "10:00 | 15 | Begrüßung\n10:15 | 0 | Null Minuten\n| | \n1 | 2 | 3 | 4 | 5"
    response = state_client.post(f"/meetings/{meeting.pk}/agenda/bulk/", {"lines": lines})
    assert_page_shows(response, ["These lines could not be read", "Null Minuten"], status=400)
    assert not meeting.agenda.exists()


def test_agenda_positions_stay_contiguous_when_adding_moving_and_removing(state_client):
    meeting = RegionalMeetingFactory()
    base = f"/meetings/{meeting.pk}/agenda/"
    for title in ("A", "B", "C"):
        assert state_client.post(base + "new/", {"title": title}).status_code == 302
    assert state_client.post(base + "new/", {"title": "X", "position": 2}).status_code == 302

    def order():
        return list(meeting.agenda.order_by("position").values_list("title", "position"))

    assert order() == [("A", 1), ("X", 2), ("B", 3), ("C", 4)]
    c = meeting.agenda.get(title="C")
    assert state_client.post(base + f"{c.pk}/move/", {"direction": "up"}).status_code == 302
    assert order() == [("A", 1), ("X", 2), ("C", 3), ("B", 4)]
    # A GET does not move anything.
    assert state_client.get(base + f"{c.pk}/move/?direction=up").status_code == 302
    assert order() == [("A", 1), ("X", 2), ("C", 3), ("B", 4)]
    a = meeting.agenda.get(title="A")
    state_client.post(base + f"{a.pk}/move/", {"direction": "up"})  # already first
    assert order()[0] == ("A", 1)
    x = meeting.agenda.get(title="X")
    response = state_client.post(base + f"{x.pk}/edit/", {"title": "X2", "position": 4})
    assert response.status_code == 302
    assert order() == [("A", 1), ("C", 2), ("B", 3), ("X2", 4)]
    assert state_client.post(base + f"{c.pk}/delete/").status_code == 302
    assert order() == [("A", 1), ("B", 2), ("X2", 3)]


def test_new_agenda_item_begins_when_the_previous_one_ends(state_client):
    meeting = RegionalMeetingFactory(start_time=datetime.time(9, 30))
    base = f"/meetings/{meeting.pk}/agenda/new/"
    state_client.post(base, {"title": "Ankommen", "duration_minutes": 30})
    form = state_client.get(base).context["form"]
    assert form.initial["start_time"] == datetime.time(10, 0)
    state_client.post(base, {"title": "Begrüßung", "duration_minutes": 0})
    assert meeting.agenda.count() == 1  # 0 minutes refused


# ---------------------------------------------------------------- invitations


def test_inviting_alliances_invites_their_local_coordinators_once(
    state_client, jena, badfrankenhausen
):
    jena_lc = account_with_role(Role.LOCAL_COORDINATOR, jena, email="koordination@jena.example")
    account_with_role(Role.BOARD_MEMBER, jena, email="kuratorium@jena.example")
    bfh_lc = account_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen, email="lb@bfh.example")
    meeting = RegionalMeetingFactory()
    url = f"/meetings/{meeting.pk}/invitations/"
    response = state_client.post(url, {"alliances": [jena.pk, badfrankenhausen.pk]}, follow=True)
    assert response.status_code == 200
    invitations = {i.email: i for i in meeting.invitations.all()}
    assert set(invitations) == {"koordination@jena.example", "lb@bfh.example"}
    assert invitations["koordination@jena.example"].alliance == jena
    assert invitations["koordination@jena.example"].user == jena_lc
    assert invitations["lb@bfh.example"].user == bfh_lc
    # The reply token is a credential: it stays out of the audit trail.
    created = AuditEntry.objects.filter(action="regional.invitation.created")
    assert created.count() == 2
    assert all("token" not in entry.changes for entry in created)
    # Again, plus the same address in other letters: nobody twice.
    response = state_client.post(
        url,
        {"alliances": [jena.pk], "people": "Koordination <KOORDINATION@jena.example>"},
        follow=True,
    )
    assert meeting.invitations.count() == 2
    assert any("Already invited" in m for m in _messages(response))


def test_people_are_invited_by_name_and_address_or_address_alone(state_client):
    meeting = RegionalMeetingFactory()
    typed = "Dr. Maria Muster <maria@ministerium.example>\n\nreferent@stadt.example\n"
    submit(state_client, f"/meetings/{meeting.pk}/invitations/", {"people": typed})
    people = dict(meeting.invitations.values_list("email", "name"))
    assert people == {
        "maria@ministerium.example": "Dr. Maria Muster",
        "referent@stadt.example": "referent@stadt.example",
    }
    assert not meeting.invitations.exclude(alliance=None).exists()


def test_invalid_invitee_lines_are_listed_and_nothing_is_saved(state_client, jena):
    person_with_role(Role.LOCAL_COORDINATOR, jena)
    meeting = RegionalMeetingFactory()
    response = state_client.post(
        f"/meetings/{meeting.pk}/invitations/",
        {
            "alliances": [jena.pk],
            "people": "Gut <gut@example.org>\nMax Mustermann\nkaputt@\nName <nicht-gueltig>",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "These lines are not a name with an e-mail address" in body
    for bad in ("Max Mustermann", "kaputt@", "nicht-gueltig"):
        assert bad in body
    # The message (in the summary at the top and at the field) names only the bad lines.
    messages = [part.split("<")[0] for part in body.split("These lines")[1:]]
    assert len(messages) == 2
    assert all("gut@example.org" not in message for message in messages)
    assert not meeting.invitations.exists()


def test_empty_invitation_form_is_refused(state_client):
    meeting = RegionalMeetingFactory()
    response = state_client.post(f"/meetings/{meeting.pk}/invitations/", {})
    assert response.status_code == 400
    assert "Please choose alliances or enter people" in response.content.decode()


def _ics_of(message) -> str:
    parts = [a for a in message.attachments if getattr(a, "get_content_type", None)]
    assert parts, "no calendar attachment"
    part = parts[0]
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") in ("REQUEST", "CANCEL")
    return part.get_payload(decode=True).decode("utf-8")


def test_sending_emails_each_invitee_once_with_calendar_file_and_reply_link(
    state_client, eager_celery, django_capture_on_commit_callbacks
):
    meeting = RegionalMeetingFactory(title="Regionaltreffen Süd")
    RegionalAgendaItemFactory(meeting=meeting, position=1, title="Begrüßung", speaker="Landrätin")
    first = InvitationFactory(meeting=meeting, name="Erika Gast", email="erika@example.org")
    second = InvitationFactory(meeting=meeting, email="zweite@example.org")
    url = f"/meetings/{meeting.pk}/invitations/send/"
    with django_capture_on_commit_callbacks(execute=True):
        response = state_client.post(url, {}, follow=True)
    assert response.status_code == 200
    assert sorted(m.to[0] for m in mail.outbox) == ["erika@example.org", "zweite@example.org"]
    message = next(m for m in mail.outbox if m.to == ["erika@example.org"])
    assert "Regionaltreffen Süd" in message.subject
    first.refresh_from_db()
    assert first.sent_at is not None
    reply_link = f"http://localhost/meetings/reply/{first.token}/"
    assert reply_link in message.body
    assert "Begrüßung" in message.body
    ics = _ics_of(message)
    assert "METHOD:REQUEST" in ics
    assert f"UID:regional-meeting-{meeting.pk}@localhost" in ics
    assert 'ATTENDEE;CN="Erika Gast"' in ics
    # Sent again without "resend": nobody gets a second e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        response = state_client.post(url, {}, follow=True)
    assert len(mail.outbox) == 2
    assert any("already received" in m for m in _messages(response))
    # A newcomer gets only theirs; "resend" then reaches all three.
    InvitationFactory(meeting=meeting, email="neu@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        state_client.post(url, {})
    assert [m.to for m in mail.outbox[2:]] == [["neu@example.org"]]
    with django_capture_on_commit_callbacks(execute=True):
        state_client.post(url, {"resend": "on"})
    assert len(mail.outbox) == 6
    assert second.pk  # both kept their single invitation row
    assert meeting.invitations.count() == 3


def test_invitations_of_a_cancelled_meeting_cannot_be_sent(state_client):
    meeting = RegionalMeetingFactory(status=RegionalMeetingStatus.CANCELLED)
    InvitationFactory(meeting=meeting)
    response = state_client.post(f"/meetings/{meeting.pk}/invitations/send/", {})
    assert response.status_code == 400
    assert not meeting.invitations.filter(sent_at__isnull=False).exists()


# ---------------------------------------------------------------- calendar file


def test_calendar_file_follows_rfc_5545():
    meeting = RegionalMeetingFactory(
        title="Strategietreffen; Familie, Beruf & Pflege",
        date=datetime.date(2027, 1, 14),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(16, 30),
        place="Kaisersaal, Futterstraße 15, Erfurt",
        description="Zeile eins\nZeile zwei mit Backslash \\",
    )
    RegionalAgendaItemFactory(
        meeting=meeting,
        position=1,
        start_time=datetime.time(10),
        duration_minutes=15,
        title="Begrüßung durch den Oberbürgermeister der Landeshauptstadt Erfurt, "
        "mit anschließendem Grußwort der Ministerin für Soziales, Familie und Gesundheit",
        speaker="Oberbürgermeister",
    )
    ics = meeting_calendar(
        meeting,
        meeting_agenda(meeting),
        attendee_name="Ülrike Ößwald",
        attendee_email="u@example.org",
        reply_url="https://localhost/meetings/reply/abc/",
    )
    assert ics.startswith("BEGIN:VCALENDAR\r\n")
    assert ics.endswith("END:VCALENDAR\r\n")
    assert "\n" not in ics.replace("\r\n", "")
    for line in ics.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    unfolded = ics.replace("\r\n ", "")
    lines = unfolded.split("\r\n")
    assert "METHOD:REQUEST" in lines
    assert f"UID:regional-meeting-{meeting.pk}@localhost" in lines
    # 10:00 in Erfurt in January is 09:00 UTC.
    assert "DTSTART:20270114T090000Z" in lines
    assert "DTEND:20270114T153000Z" in lines
    assert "SUMMARY:Strategietreffen\\; Familie\\, Beruf & Pflege" in lines
    assert "LOCATION:Kaisersaal\\, Futterstraße 15\\, Erfurt" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "Zeile eins\\nZeile zwei mit Backslash \\\\" in description
    assert "10:00 Begrüßung durch den Oberbürgermeister" in description
    assert "Oberbürgermeister" in description
    assert "reply/abc/" in description
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in lines)
    assert sum(1 for line in lines if line == "BEGIN:VEVENT") == 1


def test_calendar_times_follow_summer_time():
    meeting = RegionalMeetingFactory(date=datetime.date(2027, 7, 1))
    ics = meeting_calendar(meeting, [])
    assert "DTSTART:20270701T080000Z" in ics


def test_escape_and_fold_by_the_rules():
    assert escape("a,b;c\\d\r\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("DESCRIPTION:" + "ä" * 80)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == "DESCRIPTION:" + "ä" * 80


def test_organiser_downloads_the_calendar_file(state_client):
    meeting = RegionalMeetingFactory(title="Treffen mit Datei")
    response = state_client.get(f"/meetings/{meeting.pk}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Treffen mit Datei" in response.content


# ---------------------------------------------------------------- replies


def test_reply_link_shows_the_meeting_and_only_the_own_reply(jena):
    meeting = RegionalMeetingFactory(title="Treffen mit Link", description="Interne Notiz")
    RegionalAgendaItemFactory(meeting=meeting, position=1, title="Weltcafé")
    mine = InvitationFactory(meeting=meeting, name="Ich Selbst", email="ich@example.org")
    InvitationFactory(meeting=meeting, name="Andere Person", email="andere@example.org")
    client = host_client("localhost")
    client.cookies["django_language"] = "en"
    response = client.get(f"/meetings/reply/{mine.token}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Treffen mit Link" in body
    assert "Weltcafé" in body
    assert meeting.place in body
    for private in ("Andere Person", "andere@example.org", "ich@example.org"):
        assert private not in body
    assert response["X-Robots-Tag"].startswith("noindex")


def test_invitee_replies_through_the_link_and_changes_their_mind():
    meeting = RegionalMeetingFactory()
    invitation = InvitationFactory(meeting=meeting)
    client = host_client("localhost")
    url = f"/meetings/reply/{invitation.token}/"
    assert client.post(url, {"response": "attending"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.response == Response.ATTENDING
    assert invitation.responded_at
    assert client.post(url, {"response": "declined"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.response == Response.DECLINED
    entry = AuditEntry.objects.filter(action="regional.invitation.replied").latest("pk")
    assert entry.actor_id is None
    assert invitation.name in entry.actor_label


def test_reply_by_get_or_with_a_bad_value_changes_nothing():
    invitation = InvitationFactory()
    client = host_client("localhost")
    url = f"/meetings/reply/{invitation.token}/"
    assert client.get(url + "?response=attending").status_code == 200
    assert client.post(url, {"response": "vielleicht"}).status_code == 400
    invitation.refresh_from_db()
    assert invitation.response == Response.PENDING
    assert invitation.responded_at is None


def test_unknown_reply_token_is_not_found():
    InvitationFactory()
    client = host_client("localhost")
    assert client.get("/meetings/reply/unbekannt/").status_code == 404
    assert client.post("/meetings/reply/unbekannt/", {"response": "attending"}).status_code == 404


def test_replies_to_a_cancelled_or_past_meeting_are_refused():
    cancelled = InvitationFactory(meeting=RegionalMeetingFactory(status="cancelled"))
    past = InvitationFactory(meeting=RegionalMeetingFactory(date=in_days(-2)))
    client = host_client("localhost")
    for invitation in (cancelled, past):
        url = f"/meetings/reply/{invitation.token}/"
        assert client.post(url, {"response": "attending"}).status_code == 400
        invitation.refresh_from_db()
        assert invitation.response == Response.PENDING


def test_organiser_sees_reply_counts_in_total_and_per_alliance(state_client, jena):
    meeting = RegionalMeetingFactory()
    InvitationFactory(meeting=meeting, alliance=jena, response=Response.ATTENDING)
    InvitationFactory(meeting=meeting, alliance=jena, response=Response.DECLINED)
    InvitationFactory(meeting=meeting, alliance=jena)
    InvitationFactory(meeting=meeting, response=Response.ATTENDING, name="Frau Ministerin")
    response = state_client.get(f"/meetings/{meeting.pk}/")
    replies = response.context["replies"]
    assert (replies.counts.attending, replies.counts.declined, replies.counts.pending) == (2, 1, 1)
    jena_group = replies.by_alliance[0]
    assert jena_group.alliance == jena
    assert (jena_group.counts.attending, jena_group.counts.declined) == (1, 1)
    assert jena_group.counts.pending == 1
    assert replies.by_alliance[-1].alliance is None
    assert "Frau Ministerin" in response.content.decode()


# ---------------------------------------------------------------- reminders


def _sent_long_ago(**kwargs):
    return InvitationFactory(sent_at=timezone.now() - datetime.timedelta(days=20), **kwargs)


def test_reminders_go_out_once_a_week_and_once_a_day_before_even_if_run_twice(
    eager_celery, django_capture_on_commit_callbacks
):
    week = RegionalMeetingFactory(title="In einer Woche", date=in_days(7))
    day = RegionalMeetingFactory(title="Morgen", date=in_days(1))
    _sent_long_ago(meeting=week, email="woche@example.org")
    _sent_long_ago(meeting=day, email="tag@example.org", response=Response.ATTENDING)
    _sent_long_ago(meeting=day, email="abgesagt@example.org", response=Response.DECLINED)
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            send_meeting_reminders()
    assert sorted(m.to[0] for m in mail.outbox) == ["tag@example.org", "woche@example.org"]
    assert any("Morgen" in m.subject for m in mail.outbox)
    assert all(_ics_of(m).count("METHOD:REQUEST") == 1 for m in mail.outbox)
    assert Invitation.objects.filter(reminder_week_sent_at__isnull=False).count() == 1
    assert Invitation.objects.filter(reminder_day_sent_at__isnull=False).count() == 1


def test_reminder_claim_succeeds_only_once():
    invitation = _sent_long_ago(meeting=RegionalMeetingFactory(date=in_days(7)))
    assert invitations.reminder_claim(invitation_id=invitation.pk, which="week") is True
    assert invitations.reminder_claim(invitation_id=invitation.pk, which="week") is False
    assert invitations.reminder_claim(invitation_id=invitation.pk, which="day") is True


def test_no_reminders_for_cancelled_far_or_uninvited_meetings(
    eager_celery, django_capture_on_commit_callbacks
):
    _sent_long_ago(meeting=RegionalMeetingFactory(date=in_days(7), status="cancelled"))
    _sent_long_ago(meeting=RegionalMeetingFactory(date=in_days(30)))
    InvitationFactory(meeting=RegionalMeetingFactory(date=in_days(1)))  # never sent
    # Invited only yesterday: no "one week" reminder right after the invitation.
    InvitationFactory(
        meeting=RegionalMeetingFactory(date=in_days(6)),
        sent_at=timezone.now() - datetime.timedelta(days=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert send_meeting_reminders() == {"week": 0, "day": 0}
    assert mail.outbox == []


def test_a_missed_run_is_made_up_by_the_next_one():
    invitation = _sent_long_ago(meeting=RegionalMeetingFactory(date=in_days(5)))
    assert send_meeting_reminders()["week"] == 1
    invitation.refresh_from_db()
    assert invitation.reminder_week_sent_at is not None


# ---------------------------------------------------------------- minutes


def test_minutes_are_drafted_then_published_and_then_frozen(state_client):
    meeting = RegionalMeetingFactory(date=in_days(-1), status=RegionalMeetingStatus.HELD)
    url = f"/meetings/{meeting.pk}/minutes/"
    assert state_client.post(url, {"minutes": "Entwurf"}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_status == RegionalMinutesStatus.DRAFT
    assert state_client.post(url + "publish/").status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_status == RegionalMinutesStatus.PUBLISHED
    assert meeting.minutes_published_on == timezone.localdate()
    response = state_client.get(url, follow=True)
    assert "published and can no longer be changed" in " ".join(_messages(response))
    response = state_client.post(url, {"minutes": "Nachträglich"})
    assert response.status_code == 400
    meeting.refresh_from_db()
    assert meeting.minutes == "Entwurf"
    assert state_client.post(url + "publish/").status_code == 400


def test_minutes_wait_until_the_meeting_has_taken_place(state_client):
    meeting = RegionalMeetingFactory(date=in_days(3))
    response = state_client.post(f"/meetings/{meeting.pk}/minutes/", {"minutes": "Zu früh"})
    assert response.status_code == 400
    assert "once the meeting has taken place" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes == ""


# ---------------------------------------------------------------- attachments


def test_attachment_is_uploaded_to_public_storage_downloaded_and_deleted(
    state_client, media_root, django_capture_on_commit_callbacks
):
    meeting = RegionalMeetingFactory()
    upload = SimpleUploadedFile("bericht.pdf", PDF, content_type="application/pdf")
    response = state_client.post(
        f"/meetings/{meeting.pk}/attachments/new/", {"title": "Bericht", "file": upload}
    )
    assert response.status_code == 302
    attachment = RegionalAttachment.objects.get(meeting=meeting)
    assert attachment.file.name == f"regional/{meeting.pk}/bericht.pdf"
    with schema_context("public"):
        assert default_storage.path(attachment.file.name).startswith(str(media_root / "public"))
    url = f"/meetings/{meeting.pk}/attachments/{attachment.pk}/"
    download = state_client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    other = RegionalMeetingFactory()
    assert state_client.get(f"/meetings/{other.pk}/attachments/{attachment.pk}/").status_code == (
        404
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert state_client.post(url + "delete/").status_code == 302
    assert not RegionalAttachment.objects.exists()
    with schema_context("public"):
        assert not default_storage.exists(f"regional/{meeting.pk}/bericht.pdf")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("programm.exe", b"MZ\x90\x00"),
        ("flyer.pdf", b"MZ\x90\x00 not a pdf"),
        ("bild.png", b"\xff\xd8\xff\xe0 a jpeg"),
        ("tabelle.xls", b"\xd0\xcf\x11\xe0 old excel"),
    ],
)
def test_attachment_of_a_wrong_type_is_refused(state_client, media_root, name, content):
    meeting = RegionalMeetingFactory()
    response = state_client.post(
        f"/meetings/{meeting.pk}/attachments/new/",
        {"title": "X", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert "Only these file types can be uploaded" in response.content.decode()
    assert not RegionalAttachment.objects.exists()


def test_attachment_over_20_mb_is_refused(state_coordinator, media_root):
    meeting = RegionalMeetingFactory()
    big = SimpleUploadedFile("gross.pdf", PDF)
    big.size = 20 * 1024 * 1024 + 1
    with pytest.raises(services.ValidationError):
        services.attachment_create(actor=state_coordinator, meeting=meeting, title="", file=big)
    assert not RegionalAttachment.objects.exists()


def test_allowed_office_and_image_files_are_accepted(state_coordinator, media_root):
    meeting = RegionalMeetingFactory()
    for name, head in (
        ("programm.docx", b"PK\x03\x04"),
        ("liste.xlsx", b"PK\x03\x04"),
        ("text.odt", b"PK\x03\x04"),
        ("foto.jpg", b"\xff\xd8\xff\xe0"),
        ("logo.png", b"\x89PNG\r\n\x1a\n"),
    ):
        services.attachment_create(
            actor=state_coordinator,
            meeting=meeting,
            title="",
            file=SimpleUploadedFile(name, head + b"0" * 32),
        )
    titles = set(meeting.attachments.values_list("title", flat=True))
    assert titles == {"programm", "liste", "text", "foto", "logo"}


def test_reply_page_offers_no_form_once_cancelled():
    invitation = InvitationFactory(meeting=RegionalMeetingFactory(status="cancelled"))
    client = host_client("localhost")
    client.cookies["django_language"] = "en"
    body = client.get(f"/meetings/reply/{invitation.token}/").content.decode()
    assert "The meeting has been cancelled." in body
    assert re.search(r'name="response"', body) is None


def test_invitee_is_removed_from_the_list(state_client):
    meeting = RegionalMeetingFactory()
    invitation = InvitationFactory(meeting=meeting, email="weg@example.org")
    url = f"/meetings/{meeting.pk}/invitations/{invitation.pk}/remove/"
    assert state_client.get(url).status_code == 200
    assert meeting.invitations.count() == 1
    assert state_client.post(url).status_code == 302
    assert not meeting.invitations.exists()
    entry = AuditEntry.objects.get(action="regional.invitation.deleted")
    assert entry.changes["email"] == "weg@example.org"
    assert "token" not in entry.changes
    other = RegionalMeetingFactory()
    stranger = InvitationFactory(meeting=other)
    assert (
        state_client.post(f"/meetings/{meeting.pk}/invitations/{stranger.pk}/remove/").status_code
        == 404
    )
