"""The alliance's audit trail page, its exports and the workspace's recent changes read
as German sentences; filters by person, object type, period and search."""

from __future__ import annotations

import io
from functools import partial

import pytest
from django_tenants.utils import schema_context

from kernel.audit.services import audit_log
from tenants.roles import Role
from tests.conftest import csv_rows, logged_in_client, person_with_role
from tests.factories.partners import PartnerFactory
from tests.factories.tenants import UserFactory
from tests.pages import assert_list_scales
from tests.samples_audit import log_admissions, seed_audit_trail

TRAIL = "/workspace/audit/"


@pytest.fixture
def trail(jena, badfrankenhausen):
    """Entries by two people in Jena on two days, and one in another alliance."""
    anna = UserFactory(full_name="Anna Schulz")
    bernd = UserFactory(full_name="Bernd Maier")

    def log(zeiss, application):
        audit_log(
            actor=anna, action="core.partner.updated", target=zeiss,
            changes={"status": ["active", "left"], "public_listing_consent": ["False", "True"]},
        )  # fmt: skip
        audit_log(
            actor=bernd, action="core.application.rejected", target=application,
            changes={"status": ["pending", "rejected"]},
        )  # fmt: skip

    seed_audit_trail(anna, log, dated_back="Bernd Maier")
    return {"anna": anna, "bernd": bernd}


def _page(client, **params) -> str:
    response = client.get(TRAIL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_trail_shows_sentences_and_readable_changes_not_codes(coordinator_client, trail):
    page = _page(coordinator_client)
    assert "Anna Schulz hat den Partner „Zeiss“ geändert." in page
    assert "Bernd Maier hat den Aufnahmeantrag „Schott Antrag“ abgelehnt." in page
    assert "<del>Aktiv</del> → <ins>Ausgetreten</ins>" in page
    assert "Darf öffentlich genannt werden:" in page
    for raw in ("core.partner.updated", "public_listing_consent", "&#x27;left&#x27;", "rejected"):
        assert raw not in page


def test_workspace_recent_changes_read_as_sentences(coordinator_client, trail):
    response = coordinator_client.get("/workspace/")
    page = response.content.decode()
    assert "Anna Schulz hat den Partner „Zeiss“ geändert." in page
    # The changes themselves are on the trail's page (the workspace column is narrow).
    assert "Ausgetreten" not in page
    assert "core.partner.updated" not in page


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"person": "Anna Schulz"}, "Zeiss", "Schott Antrag"),
        ({"object_type": "core.application"}, "Schott Antrag", "„Zeiss“"),
        ({"date_until": "2025-12-31"}, "Schott Antrag", "„Zeiss“"),
        ({"date_from": "2026-01-01"}, "„Zeiss“", "Schott Antrag"),
        ({"q": "schott"}, "Schott Antrag", "„Zeiss“"),
    ],
)
def test_trail_filters_by_person_type_period_and_search(
    coordinator_client, trail, params, shown, hidden
):
    page = _page(coordinator_client, **params)
    assert shown in page
    assert hidden not in page


def test_filters_offer_people_and_types_by_their_german_names(coordinator_client, trail):
    page = _page(coordinator_client)
    assert '<option value="Anna Schulz">Anna Schulz</option>' in page
    assert '<option value="core.application">Aufnahmeantrag</option>' in page
    assert '<label for="id_date_from">Von</label>' in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"person": "Niemand"}, "Bitte eine gültige Auswahl treffen"),
        ({"object_type": "core.nothing"}, "Bitte eine gültige Auswahl treffen"),
        ({"date_from": "2026-02-30"}, "gültiges Datum"),
        ({"date_until": "0001-01-01"}, "Datum"),
    ],
)
def test_bad_filter_values_give_a_german_message_and_change_nothing(
    coordinator_client, trail, params, message
):
    page = _page(coordinator_client, **params)
    assert message in page
    assert 'role="alert"' in page or "error" in page
    # The list stays whole rather than filtered on a value that was refused.
    assert "„Zeiss“" in page
    assert "Schott Antrag" in page


def test_csv_export_has_time_person_sentence_and_changes(coordinator_client, trail):
    response = coordinator_client.get(TRAIL, {"format": "csv", "person": "Bernd Maier"})
    assert response.status_code == 200
    rows = csv_rows(response)
    assert rows[0] == ["Zeitpunkt", "Person", "Was geschah", "Änderungen"]
    assert rows[1:] == [
        [
            "10.03.2025 09:30",
            "Bernd Maier",
            "Bernd Maier hat den Aufnahmeantrag „Schott Antrag“ abgelehnt.",
            "Status: Offen → Abgelehnt",
        ]
    ]


def test_xlsx_export_holds_the_filtered_sentences(coordinator_client, trail):
    from openpyxl import load_workbook

    response = coordinator_client.get(TRAIL, {"format": "xlsx", "person": "Anna Schulz"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Zeitpunkt", "Person", "Was geschah", "Änderungen"]
    assert len(values) == 2
    assert values[1][2] == "Anna Schulz hat den Partner „Zeiss“ geändert."
    assert values[1][3] == "Status: Aktiv → Ausgetreten\nDarf öffentlich genannt werden: Nein → Ja"


def test_another_alliances_entries_never_appear(coordinator_client, trail):
    assert "„Fremd“" not in _page(coordinator_client)
    assert "„Fremd“" not in _page(coordinator_client, q="Fremd")
    export = coordinator_client.get(TRAIL, {"format": "csv"}).content.decode()
    assert "Fremd" not in export
    assert "Zeiss" in export


@pytest.mark.parametrize("role", [Role.BOARD_MEMBER, Role.PARTNER_CONTACT, Role.POOL_STAFF])
def test_people_without_the_audit_permission_are_refused(jena, trail, role):
    with schema_context("jena"):
        own = PartnerFactory(name="Eigener Partner")
    membership = {"partner_id": own.pk} if role == Role.PARTNER_CONTACT else {}
    client = logged_in_client(person_with_role(role, jena, **membership))
    for params in ({}, {"format": "csv"}, {"format": "xlsx"}):
        assert client.get(TRAIL, params).status_code == 404
    workspace = client.get("/workspace/").content.decode()
    assert "Zeiss" not in workspace


def test_trail_page_and_export_cost_the_same_queries_for_many_entries(coordinator_client, jena):
    seed = partial(log_admissions, status=["pending", "admitted"])
    assert_list_scales(coordinator_client, TRAIL, seed, then=45)
    assert_list_scales(coordinator_client, TRAIL, seed, "csv", then=45)
