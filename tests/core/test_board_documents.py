"""The board's printed documents: agenda and minutes as PDF under the alliance's
letterhead, sending them to the board members by e-mail, the decision letter to an
applicant, and the print stylesheet."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context
from PIL import Image
from pypdf import PdfReader

from core.models import MeetingStatus, MinutesStatus
from core.services.board import meeting_document_send
from kernel.audit.models import AuditEntry
from kernel.mail.models import OutboxEmail, OutboxStatus
from tenants.roles import Role
from tests.clock import AT_NOON
from tests.conftest import host_client, logged_in_client, person_with_role, refusal
from tests.factories.admissions import ApplicationFactory, DecisionFactory
from tests.factories.board import AgendaItemFactory, BoardMeetingFactory, BoardMemberFactory
from tests.pdfs import assert_reads, pdf_pages

# They count the e-mails a sending queues.
pytestmark = [AT_NOON, pytest.mark.usefixtures("empty_outbox")]

ALLIANCE = "Lokales Bündnis für Familie Jena"


def _meeting(**values):
    with schema_context("jena"):
        meeting = BoardMeetingFactory(
            title="Kuratoriumssitzung Frühjahr",
            date=datetime.date(2026, 3, 5),
            start_time=datetime.time(14, 30),
            location="Rathaus Jena, Raum 101",
            **values,
        )
        AgendaItemFactory(meeting=meeting, position=1, title="Begrüßung", notes="")
        AgendaItemFactory(
            meeting=meeting, position=2, title="Bericht der Koordination", notes="Folien anbei"
        )
    return meeting


def _url(meeting, page: str) -> str:
    return f"/workspace/board/meetings/{meeting.pk}/{page}"


# ---------------------------------------------------------------- PDFs


def test_agenda_pdf_has_the_invitation_items_german_date_page_numbers_and_letterhead(
    jena, coordinator_client
):
    meeting = _meeting()
    response = coordinator_client.get(_url(meeting, "agenda.pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition == (
        'attachment; filename="tagesordnung-kuratoriumssitzung-fruhjahr-2026-03-05.pdf"'
    )
    [text] = pdf_pages(response.content)
    assert_reads(
        text,
        ALLIANCE,
        "Tagesordnung",
        "Donnerstag, 5. März 2026 um 14:30 Uhr",
        "Rathaus Jena, Raum 101",
        "Begrüßung",
        "Bericht der Koordination",
        "Folien anbei",
        "Seite 1 von 1",
    )


def test_a_long_agenda_runs_over_pages_numbered_of_the_total(jena, coordinator_client):
    meeting = _meeting()
    with schema_context("jena"):
        for position in range(3, 60):
            AgendaItemFactory(
                meeting=meeting, position=position, title=f"Punkt {position}", notes="Details"
            )
    pages = pdf_pages(coordinator_client.get(_url(meeting, "agenda.pdf")).content)
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in text
        assert ALLIANCE in text  # the letterhead on every page
    assert "Punkt 59" in pages[-1]


def test_the_alliance_logo_and_address_are_in_the_letterhead(
    jena, coordinator_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (60, 30), "#7a1f5c").save(buffer, format="PNG")
    response = coordinator_client.post(
        "/workspace/site/identity/",
        {"primary_colour": "#7a1f5c", "accent_colour": "#f2c14e", "street": "Markt 1",
         "postcode": "07743", "town": "Jena",
         "logo_upload": SimpleUploadedFile("logo.png", buffer.getvalue(), "image/png")},
    )  # fmt: skip
    assert response.status_code == 302
    meeting = _meeting()
    data = coordinator_client.get(_url(meeting, "agenda.pdf")).content
    reader = PdfReader(io.BytesIO(data))
    assert list(reader.pages[0].images), "the logo is drawn"
    assert "07743 Jena" in reader.pages[0].extract_text()


def test_minutes_pdf_goes_to_board_members_only_once_approved(jena, coordinator_client):
    meeting = _meeting(minutes="TOP 1: Alle sind da.", minutes_status=MinutesStatus.DRAFT)
    member = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena))
    response = member.get(_url(meeting, "minutes.pdf"))
    assert response.status_code == 302
    # The coordinator (who manages the meetings) sees the draft, marked as one.
    [text] = pdf_pages(coordinator_client.get(_url(meeting, "minutes.pdf")).content)
    assert "Entwurf, noch nicht genehmigt" in text
    assert "TOP 1: Alle sind da." in text
    with schema_context("jena"):
        meeting.minutes_status = MinutesStatus.APPROVED
        meeting.minutes_approved_on = datetime.date(2026, 3, 10)
        meeting.save()
    response = member.get(_url(meeting, "minutes.pdf"))
    assert response.status_code == 200
    [text] = pdf_pages(response.content)
    assert_reads(
        text,
        "genehmigt am 10.03.2026",
        "Protokoll",
        "TOP 1: Alle sind da.",
    )
    assert response["Content-Disposition"].endswith(
        'protokoll-kuratoriumssitzung-fruhjahr-2026-03-05.pdf"'
    )


def test_meeting_without_minutes_has_no_minutes_pdf(jena, coordinator_client):
    meeting = _meeting()
    response = coordinator_client.get(_url(meeting, "minutes.pdf"), follow=True)
    assert response.redirect_chain
    assert "Dieses Protokoll ist noch nicht als PDF verfügbar." in response.content.decode()


def test_outsiders_get_no_documents(jena, badfrankenhausen):
    meeting = _meeting(minutes="Geheim", minutes_status=MinutesStatus.APPROVED,
                       minutes_approved_on=datetime.date(2026, 3, 10))  # fmt: skip
    foreign = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen))
    for page in ("agenda.pdf", "minutes.pdf", "agenda/send/", "minutes/send/"):
        assert foreign.get(_url(meeting, page)).status_code in (403, 404), page
        response = host_client("jena.localhost").get(_url(meeting, page))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    # The other alliance's own host does not know the meeting.
    other = logged_in_client(
        person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen), "badfrankenhausen.localhost"
    )
    assert other.get(_url(meeting, "agenda.pdf")).status_code == 404


# ---------------------------------------------------------------- meeting page


def test_meeting_page_offers_the_documents_and_sending_to_managers_only(jena, coordinator_client):
    meeting = _meeting(minutes="Text", minutes_status=MinutesStatus.APPROVED,
                       minutes_approved_on=datetime.date(2026, 3, 10))  # fmt: skip
    body = coordinator_client.get(_url(meeting, "")).content.decode()
    for page in ("agenda.pdf", "minutes.pdf", "agenda/send/", "minutes/send/"):
        assert _url(meeting, page) in body
    assert "Tagesordnung versenden" in body
    assert "Protokoll versenden" in body
    member = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena))
    body = member.get(_url(meeting, "")).content.decode()
    assert _url(meeting, "minutes.pdf") in body
    assert _url(meeting, "agenda/send/") not in body
    assert member.post(_url(meeting, "agenda/send/")).status_code == 404
    assert not OutboxEmail.objects.exists()


# ---------------------------------------------------------------- sending


def _members(*emails):
    with schema_context("jena"):
        for email in emails:
            BoardMemberFactory(email=email)
        # Left the board before the meeting: not invited.
        BoardMemberFactory(email="frueher@example.org", term_end=datetime.date(2025, 12, 31))


def test_sending_the_agenda_queues_one_email_per_board_member_with_the_pdf(
    jena, coordinator_client, eager_celery, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = _meeting()
    _members("anna@example.org", "ben@example.org", "")
    question = coordinator_client.get(_url(meeting, "agenda/send/"))
    assert "an 2 Eingeladene senden" in question.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(_url(meeting, "agenda/send/"), follow=True)
    assert "Die Tagesordnung wird an 2 Eingeladene versendet." in response.content.decode()
    emails = OutboxEmail.objects.order_by("pk")
    # One each, in the order of the members' names (the factory's, random): compared
    # as a set, so that the test does not depend on which name came first.
    assert sorted(email.to for email in emails) == [["anna@example.org"], ["ben@example.org"]]
    assert all(email.status == OutboxStatus.SENT for email in emails)
    assert emails[0].subject == "Tagesordnung: Kuratoriumssitzung Frühjahr am 05.03.2026"
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@example.org", "ben@example.org"]
    [(filename, content, mimetype)] = mailoutbox[0].attachments
    assert filename == "tagesordnung-kuratoriumssitzung-fruhjahr-2026-03-05.pdf"
    assert mimetype == "application/pdf"
    assert "Bericht der Koordination" in pdf_pages(content)[0]
    assert "im Anhang finden Sie die Tagesordnung" in mailoutbox[0].body
    with schema_context("jena"):
        entry = AuditEntry.objects.get(action="core.boardmeeting.agenda_sent")
    assert entry.changes == {"recipients": 2}


def test_draft_minutes_are_not_sent(jena, coordinator_client):
    meeting = _meeting(minutes="Entwurf", minutes_status=MinutesStatus.DRAFT)
    _members("anna@example.org")
    response = coordinator_client.get(_url(meeting, "minutes/send/"), follow=True)
    assert "Das Protokoll kann erst versendet werden, wenn es genehmigt ist." in (
        response.content.decode()
    )
    response = coordinator_client.post(_url(meeting, "minutes/send/"))
    assert response.status_code == 400
    assert not OutboxEmail.objects.exists()


def test_approved_minutes_are_sent_as_pdf(jena, coordinator, mailoutbox):
    meeting = _meeting(minutes="Beschlüsse gefasst.", minutes_status=MinutesStatus.APPROVED,
                       minutes_approved_on=datetime.date(2026, 3, 10))  # fmt: skip
    _members("anna@example.org")
    with schema_context("jena"):
        assert meeting_document_send(actor=coordinator, meeting=meeting, document="minutes") == 1
    [email] = OutboxEmail.objects.all()
    [attachment] = email.attachments
    assert attachment["mimetype"] == "application/pdf"
    assert attachment["filename"].startswith("protokoll-")


def test_nothing_is_sent_without_a_board_member_with_an_address(jena):
    meeting = _meeting()
    _members("")
    with schema_context("jena"):
        error = refusal(meeting_document_send, meeting=meeting, document="agenda")
    assert "no invitee of this meeting has an e-mail address" in " ".join(error.messages)
    assert not OutboxEmail.objects.exists()


# ---------------------------------------------------------------- decision letters


def _decision(outcome: str, note: str = ""):
    meeting = _meeting()
    with schema_context("jena"):
        application = ApplicationFactory(
            organisation_name="Optik Müller GmbH", contact_name="Frau Müller", city="Jena"
        )
        decision = DecisionFactory(application=application, meeting=meeting, outcome=outcome,
                                   note=note)  # fmt: skip
    return application, decision


def test_decision_letter_tells_the_applicant_with_reasons(jena, coordinator_client):
    application, decision = _decision("admit", note="Vorbildliche Arbeitszeitmodelle.")
    url = f"/workspace/applications/{application.pk}/decisions/{decision.pk}/letter.pdf"
    page = coordinator_client.get(f"/workspace/applications/{application.pk}/")
    assert url in page.content.decode()
    response = coordinator_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="bescheid-optik-muller-gmbh-2026-03-05.pdf"'
    )
    [text] = pdf_pages(response.content)
    assert_reads(
        text,
        ALLIANCE,
        "Optik Müller GmbH",
        "Frau Müller",
        "5. März 2026",
        "als Partner in das Bündnis aufzunehmen",
        "Begründung: Vorbildliche Arbeitszeitmodelle.",
        "Seite 1 von 1",
    )


def test_rejection_letter_and_no_letter_for_a_deferral(jena, coordinator_client):
    application, decision = _decision("reject")
    url = f"/workspace/applications/{application.pk}/decisions/{decision.pk}/letter.pdf"
    [text] = pdf_pages(coordinator_client.get(url).content)
    assert "nicht aufzunehmen" in text
    application, deferred = _decision("defer")
    url = f"/workspace/applications/{application.pk}/decisions/{deferred.pk}/letter.pdf"
    assert coordinator_client.get(url).status_code == 404


def test_decision_letter_is_refused_to_people_without_the_applications(jena, badfrankenhausen):
    application, decision = _decision("admit")
    url = f"/workspace/applications/{application.pk}/decisions/{decision.pk}/letter.pdf"
    foreign = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen))
    assert foreign.get(url).status_code in (403, 404)
    other_host = logged_in_client(
        person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen), "badfrankenhausen.localhost"
    )
    assert other_host.get(url).status_code == 404


# ---------------------------------------------------------------- print stylesheet


def test_print_stylesheet_hides_the_chrome_and_keeps_agenda_items_whole():
    css = "".join(
        path.read_text() for path in Path(settings.BASE_DIR, "config", "static").rglob("*.css")
    )
    assert "@media print" in css
    print_rules = css[css.index("@media print") :]
    for rule in ("display: none", "break-inside: avoid", 'content: " (" attr(href) ")"'):
        assert rule in print_rules, rule


def test_a_cancelled_meetings_agenda_is_not_sent(jena, coordinator_client):
    meeting = _meeting(status=MeetingStatus.CANCELLED)
    _members("anna@example.org")
    page = coordinator_client.get(_url(meeting, "")).content.decode()
    assert _url(meeting, "agenda/send/") not in page
    response = coordinator_client.post(_url(meeting, "agenda/send/"))
    assert response.status_code == 400
    assert "Die Sitzung wurde abgesagt" in response.content.decode()
    assert not OutboxEmail.objects.exists()
