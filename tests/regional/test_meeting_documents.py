"""A regional meeting's documents: the agenda with its times and speakers and the
published minutes as PDF under the state office's letterhead, sent to every invitee."""

from __future__ import annotations

import datetime

import pytest

from kernel.audit.models import AuditEntry
from kernel.mail.models import OutboxEmail
from regional.models import RegionalMeetingStatus, RegionalMinutesStatus
from regional.services.meetings import meeting_document_send
from tenants.roles import Role
from tests.clock import in_days
from tests.conftest import logged_in_client, person_with_role, refusal
from tests.factories.regional import (
    InvitationFactory,
    RegionalAgendaItemFactory,
    RegionalMeetingFactory,
)
from tests.pdfs import assert_reads, pdf_text

# They count the e-mails a sending queues.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_outbox")]


def _meeting(**values):
    values.setdefault("date", datetime.date(2026, 9, 24))
    meeting = RegionalMeetingFactory(title="Regionaltreffen Nord", **values)
    RegionalAgendaItemFactory(meeting=meeting, position=1, title="Ankommen",
                              start_time=datetime.time(10, 0), duration_minutes=15)  # fmt: skip
    RegionalAgendaItemFactory(meeting=meeting, position=2, title="Fachvortrag",
                              start_time=datetime.time(10, 15), speaker="Dr. Weber")  # fmt: skip
    return meeting


def test_agenda_pdf_lists_times_speakers_and_the_state_office(state_client):
    meeting = _meeting()
    response = state_client.get(f"/meetings/{meeting.pk}/agenda.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        'filename="tagesordnung-regionaltreffen-nord-2026-09-24.pdf"'
        in (response["Content-Disposition"])
    )
    text = pdf_text(response.content)
    assert_reads(
        text,
        "Landeskoordination Thüringen",
        "Donnerstag, 24. September 2026 um 10:00 Uhr",
        "10:00 bis 15:00 Uhr",
        "10:15 Uhr Fachvortrag",
        "Referent/in: Dr. Weber",
        "15 Minuten",
        "Seite 1 von 1",
    )


def test_alliance_people_do_not_get_the_state_pages_documents(jena):
    meeting = _meeting()
    coordinator = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), "localhost")
    for page in ("agenda.pdf", "minutes.pdf", "agenda/send/", "minutes/send/"):
        assert coordinator.get(f"/meetings/{meeting.pk}/{page}").status_code in (403, 404)
    assert not OutboxEmail.objects.exists()


def test_agenda_goes_to_every_invitee_with_the_pdf(state_client, state_coordinator):
    meeting = _meeting()
    InvitationFactory(meeting=meeting, email="a@example.org")
    InvitationFactory(meeting=meeting, email="b@example.org")
    page = state_client.get(f"/meetings/{meeting.pk}/")
    assert f"/meetings/{meeting.pk}/agenda/send/" in page.content.decode()
    response = state_client.post(f"/meetings/{meeting.pk}/agenda/send/", follow=True)
    assert "The agenda has been queued for 2 invitees." in response.content.decode()
    emails = OutboxEmail.objects.order_by("to")
    assert [email.to for email in emails] == [["a@example.org"], ["b@example.org"]]
    assert emails[0].attachments[0]["mimetype"] == "application/pdf"
    assert AuditEntry.objects.filter(action="regional.regionalmeeting.agenda_sent").exists()


def test_minutes_are_sent_only_once_published(state_client, state_coordinator):
    meeting = _meeting(
        date=in_days(-3),
        status=RegionalMeetingStatus.HELD,
        minutes="Ergebnisse",
        minutes_status=RegionalMinutesStatus.DRAFT,
    )
    InvitationFactory(meeting=meeting, email="a@example.org")
    page = state_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert f"/meetings/{meeting.pk}/minutes/send/" not in page
    error = refusal(meeting_document_send, meeting=meeting, document="minutes")
    assert "once they have been published" in " ".join(error.messages)
    assert state_client.post(f"/meetings/{meeting.pk}/minutes/send/").status_code == 400
    assert not OutboxEmail.objects.exists()
    state_client.post(f"/meetings/{meeting.pk}/minutes/publish/")
    meeting.refresh_from_db()
    assert meeting.minutes_status == RegionalMinutesStatus.PUBLISHED
    assert meeting_document_send(actor=state_coordinator, meeting=meeting, document="minutes") == 1
    [email] = OutboxEmail.objects.all()
    assert email.subject.startswith("Protokoll: Regionaltreffen Nord")
    text = pdf_text(state_client.get(f"/meetings/{meeting.pk}/minutes.pdf").content)
    assert "Ergebnisse" in text
    assert "genehmigt am" in text


def test_a_meeting_without_invitees_sends_nothing(state_client):
    meeting = _meeting()
    response = state_client.get(f"/meetings/{meeting.pk}/agenda/send/", follow=True)
    assert "no invitee of this meeting has an e-mail address" in response.content.decode()
    assert not OutboxEmail.objects.exists()


def test_invited_alliances_download_the_agenda_and_published_minutes_only(jena, badfrankenhausen):
    meeting = _meeting(date=in_days(-2), status=RegionalMeetingStatus.HELD,
                       minutes="VERTRAULICHER ENTWURF",
                       minutes_status=RegionalMinutesStatus.DRAFT)  # fmt: skip
    InvitationFactory(meeting=meeting, alliance=jena, email="jena@example.org")
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), "jena.localhost")
    base = f"/workspace/regional/{meeting.pk}/"
    assert f"{base}agenda.pdf" in client.get(base).content.decode()
    response = client.get(f"{base}agenda.pdf")
    assert response.status_code == 200
    assert "Fachvortrag" in pdf_text(response.content)
    assert client.get(f"{base}minutes.pdf").status_code == 404
    meeting.minutes_status = RegionalMinutesStatus.PUBLISHED
    meeting.minutes_published_on = in_days(-1)
    meeting.save()
    assert f"{base}minutes.pdf" in client.get(base).content.decode()
    assert "VERTRAULICHER ENTWURF" in pdf_text(client.get(f"{base}minutes.pdf").content)
    # An alliance that is not invited gets nothing.
    other = logged_in_client(
        person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen), "badfrankenhausen.localhost"
    )
    for page in ("agenda.pdf", "minutes.pdf"):
        assert other.get(f"{base}{page}").status_code == 404
