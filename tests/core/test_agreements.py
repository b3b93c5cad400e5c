"""Cooperation agreements: recording with the signed PDF, the derived status, the public
page, roles, the reminder before the end (once) and the coordinator's home."""

from __future__ import annotations

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django_tenants.utils import schema_context

from core.models import AgreementStatus, CooperationAgreement
from core.selectors.agreements import agreements_in_force
from core.services import agreements as services
from core.services.partners import partner_delete
from core.tasks import send_agreement_expiry_reminders
from tenants.roles import Role
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.careguides import AgreementFactory
from tests.factories.files import PDF
from tests.factories.partners import PartnerFactory
from tests.pages import assert_page_shows, submit

FORM = {
    "organisation": "Initiative Innenstadt Jena",
    "subject": "Familienfreundliche Innenstadt",
    "status": "signed",
    "signed_on": "2024-10-18",
    "valid_from": "2024-10-18",
    "renewal": "notice",
    "notice_weeks": "12",
    "is_public": "on",
}


def _days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def test_coordinator_records_an_agreement_with_its_pdf_the_board_downloads_it(
    client, jena, media_root
):
    upload = SimpleUploadedFile("vereinbarung.pdf", PDF, content_type="application/pdf")
    response = submit(client, "/workspace/agreements/new/", {**FORM, "document": upload})
    with schema_context("jena"):
        agreement = CooperationAgreement.objects.get()
    assert response["Location"] == f"/workspace/agreements/{agreement.pk}/"
    board = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena), language="en")
    assert_page_shows(
        board.get(f"/workspace/agreements/{agreement.pk}/"),
        ["Initiative Innenstadt Jena", "Signed", "Download (PDF)"],
        ["/edit/"],
    )
    download = board.get(f"/workspace/agreements/{agreement.pk}/document/")
    assert b"".join(download.streaming_content) == PDF
    assert board.get("/workspace/agreements/new/").status_code == 404
    contact = logged_in_client(person_with_role(Role.PARTNER_CONTACT, jena))
    assert contact.get(f"/workspace/agreements/{agreement.pk}/document/").status_code == 404


@pytest.mark.parametrize(
    ("name", "content"),
    [("vereinbarung.docx", b"PK\x03\x04rest"), ("getarnt.pdf", b"MZ\x90\x00"), ("a.png", PDF)],
)
def test_anything_but_a_pdf_is_refused_in_german_and_nothing_saved(
    coordinator_client, jena, media_root, name, content
):
    response = coordinator_client.post(
        "/workspace/agreements/new/", {**FORM, "document": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 400
    assert "Hier können nur PDF-Dateien hochgeladen werden." in response.content.decode()
    with schema_context("jena"):
        assert not CooperationAgreement.objects.exists()
    assert not list(media_root.rglob("*.*"))


def test_status_expires_by_date_and_cannot_be_set_to_expired(jena, coordinator):
    with schema_context("jena"):
        ended = AgreementFactory(valid_until=_days(-1))
        renewing = AgreementFactory(valid_until=_days(-1), renewal="automatic")
        running = AgreementFactory(valid_until=_days(30))
        AgreementFactory(status="terminated")
        assert ended.current_status() == AgreementStatus.EXPIRED
        assert renewing.current_status() == running.current_status() == AgreementStatus.SIGNED
        assert set(agreements_in_force()) == {renewing, running}
        with pytest.raises(Exception, match=r"Enddatum|end date"):
            services.agreement_update(actor=coordinator, agreement=running, status="expired")
    client = logged_in_client(coordinator, language="en")
    listed = client.get("/workspace/agreements/", {"status": "expired"})
    assert listed.context["page"].paginator.count == 1


def test_other_party_is_kept_when_the_partner_is_deleted(jena, coordinator):
    with schema_context("jena"):
        partner = PartnerFactory(name="Stadtwerke Jena")
        agreement = services.agreement_create(
            actor=coordinator, partner=partner, subject="Ferienbetreuung"
        )
        assert agreement.organisation == "Stadtwerke Jena"
        partner_delete(actor=coordinator, partner=partner)
        agreement.refresh_from_db()
        assert (agreement.partner, agreement.other_party) == (None, "Stadtwerke Jena")


def test_api_refuses_an_agreement_without_a_party_and_an_end_before_its_start(jena, coordinator):
    api = logged_in_client(coordinator)
    response = api.post(
        "/api/v1/agreements/",
        {"subject": "Ohne Gegenüber", "valid_from": "2026-05-01", "valid_until": "2026-01-01"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 400
    created = api.post(
        "/api/v1/agreements/",
        {"organisation": "Netzwerk", "subject": "Zusammenarbeit", "status": "signed",
         "signed_on": "2025-01-01"},
        content_type="application/json",
    )  # fmt: skip
    assert created.status_code == 201, created.content
    assert created.json()["current_status"] == "signed"


def test_public_page_shows_public_agreements_in_force_only(jena):
    with schema_context("jena"):
        AgreementFactory(organisation="Initiative Innenstadt Jena", is_public=True)
        AgreementFactory(organisation="Geheimer Kreis", is_public=False)
        AgreementFactory(organisation="Entwurf e.V.", is_public=True, status="draft")
        AgreementFactory(organisation="Vorbei GmbH", is_public=True, valid_until=_days(-10))
    page = host_client("jena.localhost").get("/")
    assert_page_shows(
        page,
        ["Initiative Innenstadt Jena"],
        ["Geheimer Kreis", "Entwurf e.V.", "Vorbei GmbH", "Koordinierungsstelle"],
    )


@pytest.fixture
def queued_mails(monkeypatch):
    from kernel.mail import services as mail_services

    queued = []
    monkeypatch.setattr(mail_services, "email_queue", lambda **kwargs: queued.append(kwargs))
    return queued


def test_reminder_before_the_end_goes_once_and_again_for_a_new_end(
    jena, badfrankenhausen, coordinator, queued_mails, django_capture_on_commit_callbacks
):
    with schema_context("jena"):
        soon = AgreementFactory(organisation="Netzwerk Frühe Hilfen", valid_until=_days(60))
        AgreementFactory(organisation="Später", valid_until=_days(200))
        AgreementFactory(organisation="Gekündigt", valid_until=_days(20), status="terminated")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_agreement_expiry_reminders()["jena"] == 1
    [mail] = queued_mails
    assert "Netzwerk Frühe Hilfen" in mail["subject"]
    assert _days(60).strftime("%d.%m.%Y") in mail["subject"]
    assert f"/workspace/agreements/{soon.pk}/" in mail["body"]
    assert mail["to"] == [coordinator.email]
    with django_capture_on_commit_callbacks(execute=True):
        assert send_agreement_expiry_reminders()["jena"] == 0
    assert len(queued_mails) == 1
    # Extended to a new end: reminded again when that one comes near.
    with schema_context("jena"):
        soon.refresh_from_db()
        services.agreement_update(actor=coordinator, agreement=soon, valid_until=_days(80))
    with django_capture_on_commit_callbacks(execute=True):
        send_agreement_expiry_reminders()
    assert len(queued_mails) == 2
    home = logged_in_client(coordinator, language="en").get("/workspace/")
    assert_page_shows(home, ["Agreements ending within 90 days", "Netzwerk Frühe"])


def test_replaced_cleared_and_deleted_documents_leave_the_disk_after_the_commit(
    jena, coordinator, media_root, django_capture_on_commit_callbacks
):
    """A replaced signed PDF, a cleared one and the file of a deleted agreement are
    removed once the change is committed; a change that is rolled back keeps its file."""

    def pdf(name: str) -> SimpleUploadedFile:
        return SimpleUploadedFile(name, PDF, content_type="application/pdf")

    def committed(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(actor=coordinator, **kwargs)

    def rolled_back(agreement) -> None:
        with transaction.atomic():
            services.agreement_update(actor=coordinator, agreement=agreement, document=pdf("c.pdf"))
            raise RuntimeError("rolled back")

    with schema_context("jena"):
        agreement = committed(
            services.agreement_create,
            organisation="Stadtwerke",
            subject="Ferien",
            document=pdf("a.pdf"),
        )
        first = agreement.document.path
        agreement = committed(services.agreement_update, agreement=agreement, document=pdf("b.pdf"))
        second = agreement.document.path
        assert os.path.isfile(second)
        assert not os.path.exists(first)
        # A form that uploads nothing keeps the stored file.
        committed(services.agreement_update, agreement=agreement, document=None)
        assert os.path.isfile(second)
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
            rolled_back(agreement)
        agreement.refresh_from_db()
        assert os.path.isfile(second)
        agreement = committed(services.agreement_update, agreement=agreement, document=False)
        assert not agreement.document
        assert not os.path.exists(second)
        agreement = committed(services.agreement_update, agreement=agreement, document=pdf("d.pdf"))
        third = agreement.document.path
        committed(services.agreement_delete, agreement=agreement)
        assert not os.path.exists(third)
