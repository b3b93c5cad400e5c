"""The alliance's own document library: visibility per alliance role, versions,
downloads through the permission check, bad uploads, refusals, tenant isolation."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context

from core.models import AllianceDocument, AllianceDocumentVersion
from core.services.library import (
    alliance_document_add_version,
    alliance_document_create,
    alliance_document_update,
)
from kernel.audit.models import AuditEntry
from kernel.library.models import safe_file_name
from kernel.library.services import clean_tags
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.files import PDF
from tests.library_files import page_text, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(jena, coordinator, media_root):
    """Jena's documents: one for coordinators only, one for the board, one for partners."""
    with schema_context("jena"):
        return {
            "internal": alliance_document_create(
                actor=coordinator, title="Haushaltsplan intern", file=pdf("plan.pdf")
            ),
            "board": alliance_document_create(
                actor=coordinator, title="Geschäftsordnung Kuratorium", file=pdf("satzung.pdf"),
                tags="Kuratorium", audience=[Role.BOARD_MEMBER],
            ),
            "partners": alliance_document_create(
                actor=coordinator, title="Logo und Gestaltung", file=pdf("logo.pdf"),
                tags="Vorlage", audience=[Role.PARTNER_CONTACT, Role.BOARD_MEMBER],
            ),
        }  # fmt: skip


def _body(client, path: str = "/workspace/documents/", **params) -> str:
    return page_text(client, path, **params)


def test_coordinator_sees_every_document_of_the_alliance(library, coordinator_client):
    body = _body(coordinator_client)
    for title in ("Haushaltsplan intern", "Geschäftsordnung Kuratorium", "Logo und Gestaltung"):
        assert title in body


def test_board_and_partner_contacts_see_only_what_is_shared_with_them(library, jena):
    board = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena))
    body = _body(board)
    assert "Geschäftsordnung Kuratorium" in body
    assert "Logo und Gestaltung" in body
    assert "Haushaltsplan intern" not in body
    internal = library["internal"]
    assert board.get(f"/workspace/documents/{internal.pk}/").status_code == 404
    assert board.get(f"/workspace/documents/{internal.pk}/versions/1/").status_code == 404

    contact = logged_in_client(person_with_role(Role.PARTNER_CONTACT, jena))
    body = _body(contact)
    assert "Logo und Gestaltung" in body
    assert "Geschäftsordnung" not in body
    shared = library["partners"]
    response = contact.get(f"/workspace/documents/{shared.pk}/versions/1/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_other_alliances_never_see_the_document(library, badfrankenhausen):
    outsider = logged_in_client(
        person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen), "badfrankenhausen.localhost"
    )
    shared = library["partners"]
    assert "Logo und Gestaltung" not in _body(outsider)
    assert outsider.get(f"/workspace/documents/{shared.pk}/").status_code == 404
    assert outsider.get(f"/workspace/documents/{shared.pk}/versions/1/").status_code == 404


def test_versions_are_numbered_and_any_can_be_downloaded(library, coordinator, coordinator_client):
    document = library["board"]
    with schema_context("jena"):
        second = alliance_document_add_version(
            actor=coordinator, document=document, file=pdf("neu.pdf", PDF + b"%2"), note="Neu"
        )
    assert second.number == 2
    body = _body(coordinator_client, f"/workspace/documents/{document.pk}/")
    assert body.index("v2-neu.pdf") < body.index("v1-satzung.pdf")  # the latest first
    first = coordinator_client.get(f"/workspace/documents/{document.pk}/versions/1/")
    assert b"".join(first.streaming_content) == PDF
    with schema_context("jena"):
        assert AuditEntry.objects.filter(action="core.alliancedocument.uploaded").exists()


def test_pages_create_edit_upload_and_delete(jena, coordinator_client, media_root):
    response = coordinator_client.post(
        "/workspace/documents/new/",
        {"title": "Satzung", "tags": "Satzung, Satzung, Verein", "audience": [Role.BOARD_MEMBER],
         "file": pdf()},
    )  # fmt: skip
    assert response.status_code == 302
    with schema_context("jena"):
        document = AllianceDocument.objects.get(title="Satzung")
    assert document.tags == ["Satzung", "Verein"]
    edit = f"/workspace/documents/{document.pk}/edit/"
    assert "Satzung, Verein" in _body(coordinator_client, edit)
    response = coordinator_client.post(edit, {"title": "Satzung 2026", "tags": "Satzung"})
    assert response.status_code == 302
    response = coordinator_client.post(
        f"/workspace/documents/{document.pk}/versions/new/", {"file": pdf("s2.pdf")}
    )
    assert response.status_code == 302
    with schema_context("jena"):
        document.refresh_from_db()
        assert (document.title, document.tags, document.audience) == (
            "Satzung 2026",
            ["Satzung"],
            [],
        )
        assert document.versions.count() == 2
    response = coordinator_client.post(f"/workspace/documents/{document.pk}/delete/")
    assert response.status_code == 302
    with schema_context("jena"):
        assert not AllianceDocument.objects.exists()
        assert not AllianceDocumentVersion.objects.exists()


def test_bad_upload_is_refused_in_german_and_nothing_is_stored(coordinator_client, media_root):
    too_big = SimpleUploadedFile("gross.pdf", PDF + b"0" * (20 * 1024 * 1024 + 1))
    for bad, message in (
        (SimpleUploadedFile("virus.exe", b"MZ\x90"), "Nur diese Dateitypen"),
        (SimpleUploadedFile("getarnt.pdf", b"MZ\x90 not a pdf"), "Nur diese Dateitypen"),
        (too_big, "größer als 20 MB"),
    ):
        response = coordinator_client.post(
            "/workspace/documents/new/", {"title": "Schlecht", "file": bad}
        )
        assert response.status_code == 400
        assert message in response.content.decode()
    with schema_context("jena"):
        assert not AllianceDocument.objects.exists()
    assert not any(path.is_file() for path in media_root.rglob("*"))


def test_bad_new_version_leaves_the_document_as_it_was(library, coordinator_client):
    document = library["board"]
    response = coordinator_client.post(
        f"/workspace/documents/{document.pk}/versions/new/",
        {"file": SimpleUploadedFile("x.pdf", b"not a pdf")},
    )
    assert response.status_code == 400
    with schema_context("jena"):
        assert document.versions.count() == 1


def test_only_the_coordinator_changes_documents(library, jena):
    board = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena))
    document = library["board"]
    assert board.get("/workspace/documents/new/").status_code == 404
    for path in ("edit/", "delete/", "versions/new/"):
        assert (
            board.post(f"/workspace/documents/{document.pk}/{path}", {"title": "x"}).status_code
            == 404
        )
    assert "/edit/" not in _body(board, f"/workspace/documents/{document.pk}/")
    with schema_context("jena"):
        assert AllianceDocument.objects.get(pk=document.pk).title == "Geschäftsordnung Kuratorium"


def test_anonymous_visitors_are_sent_to_the_login(library, jena_client):
    response = jena_client.get(f"/workspace/documents/{library['board'].pk}/versions/1/")
    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_unknown_audience_and_bad_tags_are_refused(jena, coordinator, media_root):
    with schema_context("jena"):
        with pytest.raises(ValidationError):
            alliance_document_create(
                actor=coordinator, title="X", file=pdf(), audience=["ministry"]
            )
        with pytest.raises(ValidationError):
            alliance_document_create(actor=coordinator, title="X", file=pdf(), tags="x" * 41)
        document = alliance_document_create(actor=coordinator, title="Y", file=pdf())
        with pytest.raises(ValidationError):
            alliance_document_update(actor=coordinator, document=document, title="")
        assert AllianceDocument.objects.get().title == "Y"


def test_tags_and_file_names_are_cleaned():
    assert clean_tags(" Leitfaden ,leitfaden,  Presse  Arbeit,") == ["Leitfaden", "Presse Arbeit"]
    assert (
        safe_file_name("../Leitfaden Öffentlichkeit (2026).PDF")
        == "leitfaden-offentlichkeit-2026.pdf"
    )
    assert safe_file_name("") == "dokument"


def test_alliance_documents_are_never_stored_in_the_public_schema(jena):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('public.core_alliancedocument')")
        assert cursor.fetchone()[0] is None
        cursor.execute("SELECT to_regclass('jena.core_alliancedocument')")
        assert cursor.fetchone()[0] is not None
