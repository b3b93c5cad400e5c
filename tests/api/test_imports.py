"""Imports over the API: the same kinds, checks, permissions and all-or-nothing run as
the upload page; a kind the caller may not change is not found; nothing leaks between
alliances."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context

from core.models import Carer, Partner
from kernel.audit.models import AuditEntry
from tenants.roles import Role
from tests.api.calls import api_client, api_token
from tests.conftest import person_with_role
from tests.core.test_imports import PARTNER_HEADER, csv_bytes, partner_row

pytestmark = pytest.mark.django_db


def _row(**values) -> list:
    return partner_row(Maßnahmen="", **values)  # the test alliance has no measures catalogue


GOOD = [PARTNER_HEADER, _row(Name="Kita Sternschnuppe"), _row(Name="Optik Brillenglas")]
# Row 3 names an unknown kind of partner: the whole file is refused.
BAD = [PARTNER_HEADER, _row(Name="Kita Sternschnuppe"), _row(Name="X", Art="Raumschiff")]


def _client(role: str, alliance, host: str = "jena.localhost"):
    return api_client(host, api_token(person_with_role(role, alliance).email, host=host))


def _upload(content: bytes, name: str = "partner.csv") -> dict:
    return {"file": SimpleUploadedFile(name, content, content_type="text/csv")}


def _partner_names(schema: str = "jena") -> set[str]:
    with schema_context(schema):
        return set(Partner.objects.values_list("name", flat=True))


@pytest.fixture
def coordinator_api(jena):
    return _client(Role.LOCAL_COORDINATOR, jena)


def test_kinds_are_those_the_caller_may_change_with_their_columns(jena, coordinator_api):
    kinds = coordinator_api.get("/api/v1/imports/").json()["results"]
    codes = [kind["code"] for kind in kinds]
    assert {"partners", "projects", "carers", "care-guides", "funding"} <= set(codes)
    partners = next(kind for kind in kinds if kind["code"] == "partners")
    assert partners["label"] == "Partner"
    name = partners["columns"][0]
    assert (name["header"], name["required"]) == ("Name", True)
    assert "Website" in [column["header"] for column in partners["columns"]]
    pool = _client(Role.POOL_STAFF, jena).get("/api/v1/imports/").json()["results"]
    assert [kind["code"] for kind in pool] == ["carers"]


def test_check_lists_every_problem_in_german_and_writes_nothing(jena, coordinator_api):
    before = _partner_names()
    answer = coordinator_api.post("/api/v1/imports/partners/check/", _upload(csv_bytes(BAD)))
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert (body["kind"], body["can_import"], body["valid_count"], body["invalid_count"]) == (
        "partners",
        False,
        1,
        1,
    )
    problem = body["rows"][1]["problems"][0]
    assert (problem["row"], problem["column"]) == (3, "Art")
    assert "Raumschiff" in problem["message"]
    good = coordinator_api.post("/api/v1/imports/partners/check/", _upload(csv_bytes(GOOD)))
    assert good.json()["can_import"] is True
    assert _partner_names() == before


def test_run_writes_every_row_with_audit_entries_or_none(jena, coordinator_api):
    before = _partner_names()
    refused = coordinator_api.post("/api/v1/imports/partners/run/", _upload(csv_bytes(BAD)))
    assert refused.status_code == 400
    assert refused.json()["invalid_count"] == 1
    assert _partner_names() == before
    done = coordinator_api.post("/api/v1/imports/partners/run/", _upload(csv_bytes(GOOD)))
    assert done.status_code == 201, done.content
    assert done.json() == {"kind": "partners", "imported": 2}
    assert _partner_names() == before | {"Kita Sternschnuppe", "Optik Brillenglas"}
    with schema_context("jena"):
        assert AuditEntry.objects.filter(action="core.partner.created").count() >= 2
    again = coordinator_api.post("/api/v1/imports/partners/run/", _upload(csv_bytes(GOOD)))
    assert again.status_code == 400  # the names exist now: nothing is written twice


@pytest.mark.parametrize(
    ("files", "field", "message"),
    [
        ({}, "file", "Dieses Feld ist zwingend erforderlich."),
        (_upload(b"MZ\x90\x00", "partner.exe"), "file", "Nur CSV-Dateien (.csv)"),
        (_upload(b"", "partner.csv"), "file", "Die Datei ist leer."),
    ],
)
def test_bad_uploads_get_a_german_message_and_change_nothing(
    jena, coordinator_api, files, field, message
):
    before = _partner_names()
    answer = coordinator_api.post("/api/v1/imports/partners/run/", files)
    assert answer.status_code == 400
    assert message in " ".join(answer.json()["errors"][field]), answer.content
    assert _partner_names() == before


def test_unknown_or_forbidden_kinds_are_not_found_and_others_are_refused(jena):
    pool = _client(Role.POOL_STAFF, jena)
    assert pool.post("/api/v1/imports/partners/run/", _upload(csv_bytes(GOOD))).status_code == 404
    assert pool.post("/api/v1/imports/nonsense/check/", _upload(b"a")).status_code == 404
    board = _client(Role.BOARD_MEMBER, jena)
    assert board.get("/api/v1/imports/").status_code == 404
    assert board.post("/api/v1/imports/partners/run/", _upload(csv_bytes(GOOD))).status_code == 404
    assert api_client("jena.localhost").get("/api/v1/imports/").status_code == 401
    with schema_context("jena"):
        assert not Carer.objects.filter(last_name="Regenbogen").exists()
    assert "Kita Sternschnuppe" not in _partner_names()


def test_a_token_of_one_alliance_imports_nothing_into_another(jena, badfrankenhausen):
    token = api_token(person_with_role(Role.LOCAL_COORDINATOR, jena).email)
    other = api_client("badfrankenhausen.localhost", token)
    before = _partner_names("badfrankenhausen")
    answer = other.post("/api/v1/imports/partners/run/", _upload(csv_bytes(GOOD)))
    assert answer.status_code in (401, 404)
    assert _partner_names("badfrankenhausen") == before
    assert "Kita Sternschnuppe" not in _partner_names()
