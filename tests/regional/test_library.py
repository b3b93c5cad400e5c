"""The state office's document library: who sees which state document in the state area
and on an alliance's host (by role and alliance), versions, downloads, search, bad
uploads and refusals."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context

from core.services.library import alliance_document_create
from kernel.audit.models import AuditEntry
from regional.models import StateDocument, StateDocumentVersion
from regional.services.library import (
    state_document_add_version,
    state_document_create,
    state_document_update,
)
from tenants.roles import Role
from tests.conftest import csv_rows, logged_in_client, person_with_role
from tests.factories.files import PDF
from tests.library_files import page_text, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(jena, badfrankenhausen, state_coordinator, media_root):
    """A guide for every alliance's coordinators and boards, a template only for Bad
    Frankenhausen's coordinators, a report for the ministry, an internal note."""
    actor = state_coordinator
    return {
        "guide": state_document_create(
            actor=actor, title="Leitfaden Öffentlichkeitsarbeit", file=pdf(),
            tags="Leitfaden, Presse", audience=[Role.LOCAL_COORDINATOR, Role.BOARD_MEMBER],
        ),
        "template": state_document_create(
            actor=actor, title="Vorlage Kooperationsvereinbarung", file=pdf("vorlage.pdf"),
            tags=["Vorlage"], audience=[Role.LOCAL_COORDINATOR], for_all_alliances=False,
            alliances=[badfrankenhausen],
        ),
        "report": state_document_create(
            actor=actor, title="Jahresbericht 2025", file=pdf("bericht.pdf"),
            tags="Bericht", audience=[Role.MINISTRY],
        ),
        "internal": state_document_create(
            actor=actor, title="Interne Notiz", file=pdf("notiz.pdf"),
        ),
    }  # fmt: skip


def test_state_office_sees_every_state_document(documents, state_client):
    body = page_text(state_client, "/documents/")
    for title in ("Leitfaden", "Vorlage Kooperationsvereinbarung", "Jahresbericht", "Interne"):
        assert title in body


def test_ministry_sees_only_documents_shared_with_it(documents, ministry_client):
    body = page_text(ministry_client, "/documents/")
    assert "Jahresbericht 2025" in body
    assert "Leitfaden" not in body
    assert "Interne Notiz" not in body
    guide = documents["guide"]
    assert ministry_client.get(f"/documents/{guide.pk}/").status_code == 404
    assert ministry_client.get(f"/documents/{guide.pk}/versions/1/").status_code == 404
    assert ministry_client.get("/documents/new/").status_code == 404


def test_state_document_for_chosen_alliances_is_invisible_to_others(
    documents, jena, badfrankenhausen
):
    template = documents["template"]
    jena_lc = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), language="en")
    body = page_text(jena_lc, "/workspace/documents/")
    assert "Leitfaden Öffentlichkeitsarbeit" in body
    assert "Vorlage Kooperationsvereinbarung" not in body
    assert jena_lc.get(f"/workspace/documents/state/{template.pk}/").status_code == 404
    assert jena_lc.get(f"/workspace/documents/state/{template.pk}/versions/1/").status_code == 404

    bfh_lc = logged_in_client(
        person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen),
        "badfrankenhausen.localhost",
        language="en",
    )
    assert "Vorlage Kooperationsvereinbarung" in page_text(bfh_lc, "/workspace/documents/")
    response = bfh_lc.get(f"/workspace/documents/state/{template.pk}/versions/1/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_state_document_visible_by_role_in_the_alliance(documents, jena):
    board = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena), language="en")
    contact = logged_in_client(person_with_role(Role.PARTNER_CONTACT, jena), language="en")
    assert "Leitfaden Öffentlichkeitsarbeit" in page_text(board, "/workspace/documents/")
    body = page_text(contact, "/workspace/documents/")
    assert "Leitfaden" not in body
    assert "Jahresbericht" not in body
    guide = documents["guide"]
    assert contact.get(f"/workspace/documents/state/{guide.pk}/").status_code == 404
    pool = logged_in_client(person_with_role(Role.POOL_STAFF, jena), language="en")
    assert pool.get("/workspace/documents/").status_code == 404


def test_alliance_page_lists_own_and_shared_documents_searched_by_title_and_tag(
    documents, jena, coordinator
):
    with schema_context("jena"):
        alliance_document_create(
            actor=coordinator, title="Protokollvorlage Kuratorium", file=pdf("p.pdf"),
            tags="Vorlage, Kuratorium",
        )  # fmt: skip
    client = logged_in_client(coordinator, language="en")
    body = page_text(client, "/workspace/documents/")
    assert "Protokollvorlage Kuratorium" in body
    assert "Leitfaden Öffentlichkeitsarbeit" in body
    guide, own = "Leitfaden Öffentlichkeitsarbeit", "Protokollvorlage Kuratorium"
    body = page_text(client, "/workspace/documents/", q="presse")  # a tag, any case
    assert guide in body
    assert own not in body
    body = page_text(client, "/workspace/documents/", tag="Kuratorium")
    assert own in body
    assert guide not in body
    body = page_text(client, "/workspace/documents/", q="protokoll", sort="title")
    assert own in body
    assert guide not in body
    # Nonsense in the query string is ignored, never an error.
    assert (
        client.get("/workspace/documents/", {"sort": "x", "page": "zz", "tag": "?"}).status_code
        == 200
    )


def test_new_version_is_numbered_and_shown_first(documents, state_coordinator, state_client):
    guide = documents["guide"]
    state_document_add_version(
        actor=state_coordinator, document=guide, file=pdf("neu.pdf", PDF + b"%v2"), note="Neu"
    )
    assert list(guide.versions.values_list("number", flat=True).order_by("number")) == [1, 2]
    body = page_text(state_client, f"/documents/{guide.pk}/")
    assert "neu.pdf" in body
    assert "leitfaden.pdf" in body
    old = state_client.get(f"/documents/{guide.pk}/versions/1/")
    assert b"".join(old.streaming_content) == PDF
    new = state_client.get(f"/documents/{guide.pk}/versions/2/")
    assert b"".join(new.streaming_content) == PDF + b"%v2"
    assert state_client.get(f"/documents/{guide.pk}/versions/3/").status_code == 404
    assert AuditEntry.objects.filter(action="regional.statedocument.uploaded").count() == 1


def test_upload_page_creates_document_and_version(state_client, jena, media_root):
    response = state_client.post(
        "/documents/new/",
        {"title": "Handreichung", "tags": "Leitfaden", "audience": [Role.LOCAL_COORDINATOR],
         "alliances": [jena.pk], "file": pdf(), "note": "Erste Fassung"},
    )  # fmt: skip
    assert response.status_code == 302
    document = StateDocument.objects.get(title="Handreichung")
    assert not document.for_all_alliances
    assert list(document.alliances.all()) == [jena]
    assert document.versions.get().note == "Erste Fassung"
    response = state_client.post(
        f"/documents/{document.pk}/versions/new/", {"file": pdf("v2.pdf"), "note": "Zweite"}
    )
    assert response.status_code == 302
    assert document.versions.count() == 2


def test_bad_upload_is_refused_in_german_and_nothing_is_stored(state_coordinator, media_root):
    german = logged_in_client(state_coordinator, "localhost")
    fake = SimpleUploadedFile("programm.pdf", b"MZ\x90\x00 not a pdf")
    response = german.post("/documents/new/", {"title": "Schadcode", "file": fake,
                                               "for_all_alliances": "on"})  # fmt: skip
    assert response.status_code == 400
    assert "Nur diese Dateitypen" in response.content.decode()
    assert not StateDocument.objects.exists()
    assert not StateDocumentVersion.objects.exists()
    assert not any(media_root.rglob("*.pdf"))


def test_document_not_for_all_alliances_needs_chosen_ones(state_coordinator, media_root):
    with pytest.raises(ValidationError) as refused:
        state_document_create(
            actor=state_coordinator, title="Ohne Bündnis", file=pdf(), for_all_alliances=False
        )
    assert "alliances" in refused.value.message_dict
    assert not StateDocument.objects.exists()


def test_visibility_change_hides_the_document(documents, state_coordinator, jena, badfrankenhausen):
    guide = documents["guide"]
    state_document_update(
        actor=state_coordinator,
        document=guide,
        for_all_alliances=False,
        alliances=[badfrankenhausen],
    )
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), language="en")
    assert "Leitfaden" not in page_text(client, "/workspace/documents/")


def test_only_the_state_office_changes_state_documents(documents, jena, ministry_client):
    guide = documents["guide"]
    for path in (f"/documents/{guide.pk}/edit/", f"/documents/{guide.pk}/delete/",
                 f"/documents/{guide.pk}/versions/new/"):  # fmt: skip
        assert ministry_client.post(path, {"title": "x"}).status_code == 404
    lc = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), language="en")
    assert lc.get(f"/workspace/documents/state/{guide.pk}/edit/").status_code == 404
    assert StateDocument.objects.get(pk=guide.pk).title == "Leitfaden Öffentlichkeitsarbeit"


def test_deleting_removes_versions_and_files(documents, state_client, media_root):
    guide = documents["guide"]
    response = state_client.post(f"/documents/{guide.pk}/delete/")
    assert response.status_code == 302
    assert not StateDocument.objects.filter(pk=guide.pk).exists()
    assert not StateDocumentVersion.objects.filter(document_id=guide.pk).exists()


def test_the_lists_download_what_they_show_as_csv_and_xlsx(
    documents, jena, coordinator, state_coordinator, ministry_client
):
    """The state office's list and an alliance's (its own and the shared documents):
    the same rows as the page, filtered as asked, in German CSV and typed XLSX; only for
    those who may download lists."""
    import openpyxl

    state = logged_in_client(state_coordinator, "localhost")  # in German
    header, *rows = csv_rows(state.get("/documents/", {"format": "csv", "q": "vorlage"}))
    assert header == ["Titel", "Schlagwörter", "Version", "Zuletzt geändert"]
    assert [row[:3] for row in rows] == [["Vorlage Kooperationsvereinbarung", "Vorlage", "1"]]
    # The ministry downloads what it sees, nothing more (the state area's lists export
    # for whoever may open them).
    titles = [row[0] for row in csv_rows(ministry_client.get("/documents/?format=csv"))[1:]]
    assert titles == ["Jahresbericht 2025"]

    with schema_context("jena"):
        alliance_document_create(actor=coordinator, title="Satzung", file=pdf("s.pdf"))
    client = logged_in_client(coordinator)
    page = client.get("/workspace/documents/")
    assert b"format=csv" in page.content
    response = client.get("/workspace/documents/", {"format": "xlsx", "sort": "title"})
    assert response["Content-Disposition"].startswith('attachment; filename="dokumente-')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0] == ("Titel", "Schlagwörter", "Von", "Version", "Zuletzt geändert")
    assert [row[0] for row in values[1:]] == ["Leitfaden Öffentlichkeitsarbeit", "Satzung"]
    assert values[1][2] == "Landeskoordinierungsstelle"
    assert isinstance(values[1][4], datetime.datetime)  # a date cell, not text

    # A board member sees the list but may not download lists: no links, and refused.
    board = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena))
    assert b"format=csv" not in board.get("/workspace/documents/").content
    assert board.get("/workspace/documents/?format=csv").status_code == 404


def test_an_alliance_downloads_only_its_own_and_the_documents_shared_with_it(
    documents, jena, badfrankenhausen, coordinator
):
    with schema_context("jena"):
        alliance_document_create(actor=coordinator, title="Satzung Jena", file=pdf("s.pdf"))
    jena_rows = csv_rows(logged_in_client(coordinator).get("/workspace/documents/?format=csv"))
    jena_titles = [row[0] for row in jena_rows[1:]]
    assert sorted(jena_titles) == ["Leitfaden Öffentlichkeitsarbeit", "Satzung Jena"]

    outsider = person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen)
    client = logged_in_client(outsider, "badfrankenhausen.localhost")
    titles = [row[0] for row in csv_rows(client.get("/workspace/documents/?format=csv"))[1:]]
    assert "Satzung Jena" not in titles  # another alliance's own document
    assert "Vorlage Kooperationsvereinbarung" in titles  # chosen for Bad Frankenhausen
    assert "Vorlage Kooperationsvereinbarung" not in jena_titles
    assert "Interne Notiz" not in titles + jena_titles  # the state office's own
