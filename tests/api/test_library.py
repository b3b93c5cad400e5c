"""The document libraries over the API: visible documents on each host, detail with
versions, multipart upload and new versions for those allowed, refusals."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context

from core.models import AllianceDocument
from core.services.library import alliance_document_create
from regional.models import StateDocument
from regional.services.library import state_document_create
from tenants.roles import Role
from tests.api.calls import api_client, api_token
from tests.conftest import person_with_role
from tests.factories.files import PDF, media_root  # noqa: F401 (fixture)
from tests.library_files import pdf

pytestmark = pytest.mark.django_db


def _client(role, alliance=None, host: str = "jena.localhost"):
    return api_client(host, api_token(person_with_role(role, alliance).email, host=host))


@pytest.fixture
def library(jena, badfrankenhausen, media_root):  # noqa: F811
    with schema_context("jena"):
        board = alliance_document_create(
            actor=None, title="Geschäftsordnung", file=pdf(), tags="Kuratorium",
            audience=[Role.BOARD_MEMBER],
        )  # fmt: skip
        internal = alliance_document_create(actor=None, title="Intern", file=pdf())
    shared = state_document_create(
        actor=None, title="Leitfaden", file=pdf(), audience=[Role.BOARD_MEMBER], tags="Leitfaden"
    )
    other = state_document_create(
        actor=None, title="Nur Bad Frankenhausen", file=pdf(), audience=[Role.BOARD_MEMBER],
        for_all_alliances=False, alliances=[badfrankenhausen],
    )  # fmt: skip
    return {"board": board, "internal": internal, "shared": shared, "other": other}


def test_board_member_lists_what_is_shared_with_them(library, jena):
    client = _client(Role.BOARD_MEMBER, jena)
    own = client.get("/api/v1/documents/").json()
    assert [row["title"] for row in own["results"]] == ["Geschäftsordnung"]
    state = client.get("/api/v1/documents/state/").json()
    assert [row["title"] for row in state["results"]] == ["Leitfaden"]
    assert client.get(f"/api/v1/documents/{library['internal'].pk}/").status_code == 404
    assert client.get(f"/api/v1/documents/state/{library['other'].pk}/").status_code == 404


def test_detail_has_versions_with_downloads(library, jena):
    client = _client(Role.BOARD_MEMBER, jena)
    detail = client.get(f"/api/v1/documents/{library['board'].pk}/").json()
    assert detail["latest_version"] == 1
    assert detail["tags"] == ["Kuratorium"]
    (version,) = detail["versions"]
    download = client.get(version["download"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    shared = client.get(f"/api/v1/documents/state/{library['shared'].pk}/").json()
    download = client.get(shared["versions"][0]["download"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_search_by_title_and_tag(library, jena):
    client = _client(Role.LOCAL_COORDINATOR, jena)
    titles = lambda **q: [r["title"] for r in client.get("/api/v1/documents/", q).json()["results"]]  # noqa: E731
    assert titles(q="kurat") == ["Geschäftsordnung"]
    assert titles(tag="Kuratorium") == ["Geschäftsordnung"]
    assert titles(q="intern") == ["Intern"]


def test_coordinator_uploads_a_document_and_a_new_version(jena, media_root):  # noqa: F811
    client = _client(Role.LOCAL_COORDINATOR, jena)
    created = client.post(
        "/api/v1/documents/",
        {"title": "Satzung", "tags": ["Verein"], "audience": [Role.PARTNER_CONTACT], "file": pdf()},
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    version = client.post(f"/api/v1/documents/{pk}/versions/", {"file": pdf("v2.pdf"), "note": "2"})
    assert version.status_code == 201
    assert version.json()["number"] == 2
    changed = client.patch(
        f"/api/v1/documents/{pk}/", {"title": "Satzung 2026"}, content_type="application/json"
    )
    assert changed.status_code == 200
    assert changed.json()["latest_version"] == 2
    with schema_context("jena"):
        assert AllianceDocument.objects.get().title == "Satzung 2026"


def test_bad_upload_is_a_400_and_stores_nothing(jena, media_root):  # noqa: F811
    client = _client(Role.LOCAL_COORDINATOR, jena)
    client.cookies["django_language"] = "de"
    response = client.post(
        "/api/v1/documents/", {"title": "X", "file": SimpleUploadedFile("x.pdf", b"MZ")},
        HTTP_ACCEPT_LANGUAGE="de",
    )  # fmt: skip
    assert response.status_code == 400
    assert "file" in response.json()["errors"]
    with schema_context("jena"):
        assert not AllianceDocument.objects.exists()


def test_board_member_may_not_upload(library, jena):
    client = _client(Role.BOARD_MEMBER, jena)
    assert client.post("/api/v1/documents/", {"title": "X", "file": pdf()}).status_code == 404
    path = f"/api/v1/documents/{library['board'].pk}/versions/"
    assert client.post(path, {"file": pdf()}).status_code == 404
    assert client.delete(f"/api/v1/documents/{library['board'].pk}/").status_code == 404


def test_state_host_api(library, jena):
    office = _client(Role.STATE_COORDINATOR, host="localhost")
    titles = {row["title"] for row in office.get("/api/v1/documents/").json()["results"]}
    assert titles == {"Leitfaden", "Nur Bad Frankenhausen"}
    created = office.post(
        "/api/v1/documents/",
        {"title": "Bericht", "audience": [Role.MINISTRY], "for_all_alliances": "false",
         "alliances": [jena.pk], "file": pdf()},
    )  # fmt: skip
    assert created.status_code == 201, created.content
    ministry = _client(Role.MINISTRY, host="localhost")
    rows = ministry.get("/api/v1/documents/").json()["results"]
    assert [row["title"] for row in rows] == ["Bericht"]
    assert ministry.post("/api/v1/documents/", {"title": "X", "file": pdf()}).status_code == 404
    assert StateDocument.objects.filter(title="X").count() == 0
    assert (
        _client(Role.LOCAL_COORDINATOR, jena, host="localhost")
        .get("/api/v1/documents/")
        .status_code
        == 404
    )
