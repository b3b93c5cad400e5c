"""The board's decision letter sent to the applicant by e-mail as a PDF, from the
application's page: one e-mail with the letter attached, an audit entry, and refusals
without an address, for a deferral and for people who may not decide."""

from __future__ import annotations

import datetime

import pytest
from django_tenants.utils import schema_context

from core.services.admissions import decision_letter_send
from kernel.audit.models import AuditEntry
from kernel.audit.presenter import describe
from kernel.mail.models import OutboxEmail
from tenants.roles import Role
from tests.clock import AT_NOON
from tests.conftest import logged_in_client, person_with_role, refusal
from tests.core.test_board_documents import pdf_pages
from tests.factories.admissions import ApplicationFactory, DecisionFactory
from tests.factories.board import BoardMeetingFactory

pytestmark = [AT_NOON, pytest.mark.usefixtures("empty_outbox")]


def _decision(outcome: str = "admit", **application):
    with schema_context("jena"):
        meeting = BoardMeetingFactory(title="Kuratoriumssitzung Frühjahr",
                                      date=datetime.date(2026, 3, 5))  # fmt: skip
        values = {"organisation_name": "Optik Müller GmbH", "contact_name": "Frau Müller",
                  "contact_email": "mueller@optik.example", **application}  # fmt: skip
        applied = ApplicationFactory(**values)
        decision = DecisionFactory(application=applied, meeting=meeting, outcome=outcome,
                                   note="Vorbildliche Arbeitszeitmodelle.")  # fmt: skip
    return applied, decision


def _send_url(application, decision) -> str:
    return f"/workspace/applications/{application.pk}/decisions/{decision.pk}/letter/send/"


def test_the_letter_goes_to_the_applicant_as_pdf_with_an_audit_entry(
    jena, coordinator_client, django_capture_on_commit_callbacks
):
    application, decision = _decision()
    url = _send_url(application, decision)
    page = coordinator_client.get(f"/workspace/applications/{application.pk}/").content.decode()
    assert url in page
    question = coordinator_client.get(url).content.decode()
    assert "als PDF per E-Mail an mueller@optik.example senden?" in question
    response = coordinator_client.post(url, follow=True)
    assert "Das Schreiben wird an mueller@optik.example versendet." in response.content.decode()
    [email] = OutboxEmail.objects.all()
    assert email.to == ["mueller@optik.example"]
    assert email.subject == "Ihr Antrag auf Aufnahme: Lokales Bündnis für Familie Jena"
    assert "Frau Müller" in email.body
    assert "das Schreiben unseres Kuratoriums zu Ihrem Antrag" in email.body
    [attachment] = email.attachments
    assert attachment["mimetype"] == "application/pdf"
    assert attachment["filename"] == "bescheid-optik-muller-gmbh-2026-03-05.pdf"
    with schema_context("jena"):
        entry = AuditEntry.objects.get(action="core.decision.letter_sent")
        sentence = describe(entry).sentence
    assert entry.object_id == str(decision.pk)
    assert entry.changes == {"recipients": 1}
    assert "hat das Schreiben zu dem Beschluss „Optik Müller GmbH" in sentence
    assert sentence.endswith("an die antragstellende Organisation verschickt.")


def test_the_attached_letter_is_the_boards_letter(jena, coordinator):
    import base64

    _application, decision = _decision("reject")
    with schema_context("jena"):
        assert decision_letter_send(actor=coordinator, decision=decision) == (
            "mueller@optik.example"
        )
    [email] = OutboxEmail.objects.all()
    [text] = pdf_pages(base64.b64decode(email.attachments[0]["content_base64"]))
    assert "Optik Müller GmbH" in text
    assert "nicht aufzunehmen" in text
    assert "Begründung: Vorbildliche Arbeitszeitmodelle." in text


def test_no_letter_is_sent_for_a_deferral_or_without_an_address(jena, coordinator_client):
    _application, deferred = _decision("defer")
    with schema_context("jena"):
        error = refusal(decision_letter_send, decision=deferred)
    assert "A deferred decision has no letter." in error.messages
    application, decision = _decision(contact_email="")
    with schema_context("jena"):
        error = refusal(decision_letter_send, decision=decision)
    assert "no e-mail address" in " ".join(error.messages)
    page = coordinator_client.get(f"/workspace/applications/{application.pk}/").content.decode()
    assert _send_url(application, decision) not in page
    response = coordinator_client.get(_send_url(application, decision), follow=True)
    assert "keine E-Mail-Adresse" in response.content.decode()
    assert coordinator_client.post(_send_url(application, decision)).status_code == 400
    assert not OutboxEmail.objects.exists()


def test_only_people_who_decide_may_send_the_letter(jena, badfrankenhausen):
    application, decision = _decision()
    url = _send_url(application, decision)
    partner_contact = logged_in_client(person_with_role(Role.PARTNER_CONTACT, jena))
    assert partner_contact.post(url).status_code in (403, 404)
    foreign = logged_in_client(
        person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen), "badfrankenhausen.localhost"
    )
    assert foreign.post(url).status_code == 404
    assert not OutboxEmail.objects.exists()
