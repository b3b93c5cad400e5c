"""Partners: list, search, filters, sorting, exports, forms, leaving, contacts, measures."""

from __future__ import annotations

import csv
import io

import pytest
from django_tenants.utils import schema_context
from openpyxl import load_workbook

from core.models import ContactPerson, Partner
from kernel.audit.models import AuditEntry
from tenants.roles import Role
from tests.conftest import (
    assert_same_queries_for_few_and_many,
    logged_in_client,
    person_with_role,
)
from tests.factories.partners import (
    ContactPersonFactory,
    MeasureFactory,
    PartnerFactory,
    partner_form,
)
from tests.pages import submit


def _partners(count: int, start: int = 0):
    with schema_context("jena"):
        measures = [MeasureFactory() for _ in range(3)]
        for i in range(start, start + count):
            partner = PartnerFactory(name=f"Betrieb {i:03d}", care_guides_count=i % 3)
            partner.measures.set(measures[: i % 4])
            ContactPersonFactory(partner=partner)


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["", "?format=csv", "?format=xlsx", "?sort=-contacts&q=Betrieb"])
def test_partner_list_and_exports_cost_the_same_queries_for_5_and_200_rows(
    coordinator_client, suffix
):
    assert_same_queries_for_few_and_many(
        coordinator_client,
        "/workspace/partners/" + suffix,
        few=lambda: _partners(5),
        many=lambda: _partners(195, start=5),
    )


def test_list_searches_filters_sorts_and_paginates(coordinator_client):
    _partners(30)
    with schema_context("jena"):
        PartnerFactory(name="Zeiss Werk", kind="science", city="Jena-Göschwitz")
    response = coordinator_client.get("/workspace/partners/", {"q": "zeiss"})
    assert response.context["page"].paginator.count == 1
    assert response.context["rows"][0][0].endswith("/")  # linked to the detail page
    response = coordinator_client.get("/workspace/partners/", {"kind": "science"})
    assert response.context["page"].paginator.count == 1
    response = coordinator_client.get("/workspace/partners/", {"sort": "-name"})
    assert response.context["rows"][0][1][0] == "Zeiss Werk"
    response = coordinator_client.get("/workspace/partners/", {"page": 2})
    assert len(response.context["rows"]) == 6  # 31 partners, 25 a page
    response = coordinator_client.get("/workspace/partners/", {"sort": "nonsense';--"})
    assert response.status_code == 200  # unknown sort keys fall back to the default


def test_csv_export_has_german_headers_and_every_filtered_row(coordinator_client):
    _partners(3)
    coordinator_client.cookies["django_language"] = "de"
    response = coordinator_client.get("/workspace/partners/", {"format": "csv", "q": "Betrieb 00"})
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Name"
    assert [row[0] for row in rows[1:]] == ["Betrieb 000", "Betrieb 001", "Betrieb 002"]


def test_xlsx_export_opens_as_a_workbook(coordinator_client):
    _partners(4)
    response = coordinator_client.get("/workspace/partners/", {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 5


def test_create_edit_and_leave_a_partner_through_the_forms(coordinator_client):
    with schema_context("jena"):
        measure = MeasureFactory(name="Betriebliche Pflegelotsen")
    response = coordinator_client.post(
        "/workspace/partners/new/",
        {"name": "Stadtwerke Jena", "kind": "company", "size_class": "large",
         "status": "active", "care_guides_count": 4, "measures": [measure.pk],
         "joined_on": "2024-03-01", "website": "stadtwerke-jena.de"},
    )  # fmt: skip
    assert response.status_code == 302
    with schema_context("jena"):
        partner = Partner.objects.get(name="Stadtwerke Jena")
        assert list(partner.measures.all()) == [measure]
        assert partner.website == "https://stadtwerke-jena.de"
        assert AuditEntry.objects.filter(action="core.partner.created").count() == 1
    response = coordinator_client.post(f"/workspace/partners/{partner.pk}/leave/")
    assert response.status_code == 302
    with schema_context("jena"):
        partner.refresh_from_db()
        assert partner.status == "left"
        assert AuditEntry.objects.filter(action="core.partner.left").count() == 1
    again = coordinator_client.post(f"/workspace/partners/{partner.pk}/leave/")
    assert again.status_code == 400


def test_duplicate_partner_name_is_refused_in_german_and_nothing_is_saved(coordinator_client):
    with schema_context("jena"):
        PartnerFactory(name="Stadtwerke Jena")
    response = coordinator_client.post("/workspace/partners/new/", partner_form("stadtwerke jena"))
    assert response.status_code == 400
    assert "Ein Partner mit diesem Namen existiert bereits." in response.content.decode()
    with schema_context("jena"):
        assert Partner.objects.filter(name__iexact="stadtwerke jena").count() == 1


def test_left_before_joined_is_refused(coordinator_client):
    # The care guides are recorded one by one (tests/core/test_careguides.py): the form
    # has no number of them to get wrong.
    response = coordinator_client.post(
        "/workspace/partners/new/",
        partner_form("Neu", joined_on="2024-05-01", left_on="2024-01-01"),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "care_guides_count" not in response.context["form"].fields
    body = response.content.decode()
    assert "Das Austrittsdatum darf nicht vor dem Beitrittsdatum liegen." in body or errors
    with schema_context("jena"):
        assert not Partner.objects.filter(name="Neu").exists()


def test_contact_persons_are_added_edited_and_removed(coordinator_client):
    with schema_context("jena"):
        partner = PartnerFactory()
    contacts = f"/workspace/partners/{partner.pk}/contacts/"
    erika = {"first_name": "Erika", "last_name": "Muster", "email": "erika@example.org"}
    submit(coordinator_client, f"{contacts}new/", erika)
    with schema_context("jena"):
        contact = ContactPerson.objects.get(partner=partner)
    changed = erika | {"last_name": "Muster-Neu", "email": "not-an-address"}
    submit(coordinator_client, f"{contacts}{contact.pk}/edit/", changed, status=400)
    submit(coordinator_client, f"{contacts}{contact.pk}/delete/", {})
    with schema_context("jena"):
        assert not ContactPerson.objects.filter(pk=contact.pk).exists()


def test_board_member_reads_partners_but_cannot_change_or_export(jena):
    client = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena))
    _partners(2)
    assert client.get("/workspace/partners/").status_code == 200
    assert client.get("/workspace/partners/new/").status_code == 404
    assert client.get("/workspace/partners/?format=csv").status_code == 404


def test_partner_contact_sees_and_edits_only_their_own_organisation(jena):
    with schema_context("jena"):
        own = PartnerFactory(name="Eigene Firma")
        other = PartnerFactory(name="Fremde Firma")
    client = logged_in_client(person_with_role(Role.PARTNER_CONTACT, jena, partner_id=own.pk))
    assert client.get("/workspace/partners/").status_code == 404
    assert client.get(f"/workspace/partners/{own.pk}/").status_code == 200
    assert client.get(f"/workspace/partners/{own.pk}/edit/").status_code == 200
    assert client.get(f"/workspace/partners/{other.pk}/").status_code == 404
    assert client.get(f"/workspace/partners/{other.pk}/edit/").status_code == 404
    assert client.get(f"/workspace/partners/{own.pk}/delete/").status_code == 404
    home = client.get("/workspace/")
    assert "Eigene Firma" in home.content.decode()


def test_state_coordinator_reads_but_cannot_change(jena):
    client = logged_in_client(person_with_role(Role.STATE_COORDINATOR))
    _partners(1)
    assert client.get("/workspace/partners/").status_code == 200
    assert client.get("/workspace/partners/?format=csv").status_code == 200
    assert client.get("/workspace/partners/new/").status_code == 404


def test_another_alliances_coordinator_gets_nothing(badfrankenhausen, jena):
    client = logged_in_client(
        person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen), "badfrankenhausen.localhost"
    )
    assert client.get("/workspace/partners/", HTTP_HOST="jena.localhost").status_code == 404


def test_measures_catalogue(coordinator_client):
    response = coordinator_client.post(
        "/workspace/partners/measures/new/",
        {"name": "Belegplätze in der Kita", "category": "childcare", "is_active": "on"},
    )
    assert response.status_code == 302
    duplicate = coordinator_client.post(
        "/workspace/partners/measures/new/",
        {"name": "belegplätze in der kita", "category": "childcare"},
    )
    assert duplicate.status_code == 400
    assert coordinator_client.get("/workspace/partners/measures/").status_code == 200
