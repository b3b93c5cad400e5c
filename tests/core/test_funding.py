"""The funding circle: entries, their list and exports, and the totals per year."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context
from openpyxl import load_workbook

from core.models import FundingEntry, Partner
from core.selectors.funding import funding_totals_by_year
from core.services import funding as services
from kernel.audit.models import AuditEntry
from tests.conftest import csv_rows, logged_in_client, person_with_role, refusal
from tests.factories.partners import PartnerFactory
from tests.factories.projects import FundingEntryFactory
from tests.pages import (
    assert_list_scales,
    assert_not_found,
    assert_readable,
    assert_sent_to_login,
    record_pages,
    submit,
)


@pytest.fixture
def partner(jena):
    with schema_context("jena"):
        return PartnerFactory(name="Sparkasse Jena")


# What the funding form sends for a donation; a test changes single fields.
ENTRY_FORM = {
    "kind": "donation",
    "amount": "500.00",
    "received_on": "2025-04-03",
    "partner": "",
    "donor": "Rotary Club Jena",
    "purpose": "Familienwandertag",
}


def entry_count() -> int:
    with schema_context("jena"):
        return FundingEntry.objects.count()


def only_selects(queries) -> list[dict]:
    return [q for q in queries.captured_queries if not q["sql"].startswith("SET ")]


# ---------------------------------------------------------------- writing


def test_coordinator_records_a_funding_entry(client, partner):
    response = client.post(
        "/workspace/funding/new/", ENTRY_FORM | {"partner": partner.pk, "donor": ""}
    )
    assert response.status_code == 302
    with schema_context("jena"):
        entry = FundingEntry.objects.get()
        assert response["Location"] == f"/workspace/funding/{entry.pk}/"
        assert entry.amount == Decimal("500.00")
        assert entry.partner == partner
        assert entry.received_on == datetime.date(2025, 4, 3)
        assert AuditEntry.objects.filter(
            action="core.fundingentry.created", object_id=str(entry.pk)
        ).exists()


@pytest.mark.parametrize("amount", ["0", "0.00", "-10", "-0.01"])
def test_funding_entry_of_zero_or_less_is_refused(client, amount):
    response = client.post("/workspace/funding/new/", ENTRY_FORM | {"amount": amount})
    assert response.status_code == 400
    assert "The amount must be greater than zero." in response.content.decode()
    assert entry_count() == 0


def test_funding_entry_without_date_or_kind_is_refused(client):
    response = client.post(
        "/workspace/funding/new/", ENTRY_FORM | {"received_on": "", "kind": "gift"}
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "received_on" in errors
    assert "kind" in errors
    assert entry_count() == 0


def test_funding_service_refuses_a_zero_amount(jena):
    with schema_context("jena"):
        refused = refusal(
            services.funding_entry_create,
            kind="grant",
            amount=Decimal("0"),
            received_on=datetime.date(2025, 1, 1),
        )
        assert "The amount must be greater than zero." in refused.messages
        assert not FundingEntry.objects.exists()


def test_editing_an_entry_to_a_negative_amount_changes_nothing(client):
    with schema_context("jena"):
        entry = FundingEntryFactory(amount=Decimal("80.00"))
    response = client.post(f"/workspace/funding/{entry.pk}/edit/", ENTRY_FORM | {"amount": "-80"})
    assert response.status_code == 400
    with schema_context("jena"):
        entry.refresh_from_db()
        assert entry.amount == Decimal("80.00")
        assert not AuditEntry.objects.filter(action="core.fundingentry.updated").exists()


def test_coordinator_edits_a_funding_entry(client):
    with schema_context("jena"):
        entry = FundingEntryFactory()
    changed = ENTRY_FORM | {"kind": "membership_fee", "amount": "120"}
    submit(client, f"/workspace/funding/{entry.pk}/edit/", changed)
    with schema_context("jena"):
        entry.refresh_from_db()
        assert entry.kind == "membership_fee"
        assert entry.amount == Decimal("120.00")
        assert AuditEntry.objects.filter(action="core.fundingentry.updated").exists()


def test_deleting_a_funding_entry_asks_first(client):
    with schema_context("jena"):
        entry = FundingEntryFactory()
    assert client.get(f"/workspace/funding/{entry.pk}/delete/").status_code == 200
    assert entry_count() == 1
    response = client.post(f"/workspace/funding/{entry.pk}/delete/")
    assert response.status_code == 302
    assert response["Location"] == "/workspace/funding/"
    assert entry_count() == 0
    with schema_context("jena"):
        assert AuditEntry.objects.filter(action="core.fundingentry.deleted").exists()


def test_funding_detail_shows_the_entry(client, partner):
    with schema_context("jena"):
        entry = FundingEntryFactory(partner=partner, purpose="Ferienfreizeit")
    response = client.get(f"/workspace/funding/{entry.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sparkasse Jena" in body
    assert "Ferienfreizeit" in body
    assert client.get("/workspace/funding/999999/").status_code == 404


# ---------------------------------------------------------------- list and exports


@pytest.fixture
def entries(jena, partner):
    with schema_context("jena"):
        other = PartnerFactory(name="Stadtwerke Jena")
        FundingEntryFactory(
            kind="donation", amount=Decimal("100.00"), received_on=datetime.date(2024, 3, 1),
            partner=partner, purpose="Spende Kita",
        )  # fmt: skip
        FundingEntryFactory(
            kind="membership_fee", amount=Decimal("50.00"), received_on=datetime.date(2024, 7, 1),
            partner=other,
        )  # fmt: skip
        FundingEntryFactory(
            kind="donation", amount=Decimal("25.50"), received_on=datetime.date(2024, 12, 31),
            donor="Familie Muster",
        )  # fmt: skip
        FundingEntryFactory(
            kind="grant", amount=Decimal("1000.00"), received_on=datetime.date(2025, 1, 1),
            donor="Land Thüringen",
        )  # fmt: skip
        FundingEntryFactory(
            kind="donation", amount=Decimal("10.00"), received_on=datetime.date(2025, 2, 2),
            partner=partner,
        )  # fmt: skip
    return {"partner": partner, "other": other}


def _amounts(response) -> list[Decimal]:
    return sorted(e.amount for e in response.context["page"].object_list)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["10.00", "25.50", "50.00", "100.00", "1000.00"]),
        ({"kind": "donation"}, ["10.00", "25.50", "100.00"]),
        ({"year": "2024"}, ["25.50", "50.00", "100.00"]),
        ({"kind": "donation", "year": "2025"}, ["10.00"]),
        ({"q": "muster"}, ["25.50"]),
        ({"q": "Sparkasse"}, ["10.00", "100.00"]),
    ],
)
def test_funding_list_filters(client, entries, params, expected):
    response = client.get("/workspace/funding/", params)
    assert response.status_code == 200
    assert _amounts(response) == [Decimal(a) for a in expected]


def test_funding_list_filters_by_partner_and_sorts_by_amount(client, entries):
    response = client.get("/workspace/funding/", {"partner": entries["other"].pk})
    assert _amounts(response) == [Decimal("50.00")]
    response = client.get("/workspace/funding/", {"sort": "-amount"})
    amounts = [e.amount for e in response.context["page"].object_list]
    assert amounts == sorted(amounts, reverse=True)
    assert "/workspace/funding/totals/" in response.content.decode()


def test_funding_exports_follow_the_filters(client, entries):
    header, *rows = csv_rows(client.get("/workspace/funding/", {"format": "csv", "year": 2024}))
    assert header == [
        "Received on", "Kind", "Amount (EUR)", "From partner", "From (if not a partner)",
        "Purpose",
    ]  # fmt: skip
    assert rows == [
        ["31.12.2024", "Donation", "25,50", "", "Familie Muster", ""],
        ["01.07.2024", "Membership fee", "50,00", "Stadtwerke Jena", "", ""],
        ["01.03.2024", "Donation", "100,00", "Sparkasse Jena", "", "Spende Kita"],
    ]
    response = client.get("/workspace/funding/", {"format": "xlsx", "kind": "grant"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    first = list(sheet.iter_rows(values_only=True))[1]
    assert first[0].date() == datetime.date(2025, 1, 1)  # a date cell, not text
    assert first[1:] == ("Grant", 1000, None, "Land Thüringen", None)


def _seed_entries(total: int) -> None:
    with schema_context("jena"):
        start = FundingEntry.objects.count()
        pool = list(Partner.objects.all()[:3]) or [PartnerFactory()]
        FundingEntry.objects.bulk_create(
            FundingEntry(
                kind=("donation", "membership_fee", "grant")[i % 3],
                amount=Decimal(10 + i),
                received_on=datetime.date(2020 + i % 6, 1 + i % 12, 1),
                partner=pool[i % len(pool)] if i % 2 else None,
                donor="" if i % 2 else f"Spender {i}",
            )
            for i in range(start, total)
        )


@pytest.mark.parametrize("fmt", ["", "csv", "xlsx"])
def test_funding_list_and_exports_cost_the_same_queries_for_5_and_200_rows(client, jena, fmt):
    assert_list_scales(client, "/workspace/funding/", _seed_entries, fmt)
    assert entry_count() == 200


# ---------------------------------------------------------------- totals per year


def test_funding_totals_by_year_sums_each_kind_and_the_total_in_one_query(entries):
    with schema_context("jena"):
        with CaptureQueriesContext(connection) as queries:
            totals = funding_totals_by_year()
        assert len(only_selects(queries)) == 1
    assert totals == [
        {
            "year": 2025,
            "by_kind": {
                "donation": Decimal("10.00"),
                "membership_fee": Decimal("0"),
                "grant": Decimal("1000.00"),
                "other": Decimal("0"),
            },
            "total": Decimal("1010.00"),
        },
        {
            "year": 2024,
            "by_kind": {
                "donation": Decimal("125.50"),
                "membership_fee": Decimal("50.00"),
                "grant": Decimal("0"),
                "other": Decimal("0"),
            },
            "total": Decimal("175.50"),
        },
    ]


def test_funding_totals_by_year_is_empty_without_entries(jena):
    with schema_context("jena"):
        assert funding_totals_by_year() == []


def test_funding_totals_stay_in_their_alliance(entries, badfrankenhausen):
    with schema_context("badfrankenhausen"):
        FundingEntryFactory(amount=Decimal("9999.00"), received_on=datetime.date(2024, 5, 5))
        assert funding_totals_by_year()[0]["total"] == Decimal("9999.00")
    with schema_context("jena"):
        assert funding_totals_by_year()[1]["total"] == Decimal("175.50")


def test_totals_page_shows_a_table_per_year_with_a_grand_total(client, entries):
    response = client.get("/workspace/funding/totals/")
    assert response.status_code == 200
    zero = Decimal("0")
    assert response.context["table"] == [
        (2025, [Decimal("10.00"), zero, Decimal("1000.00"), zero], Decimal("1010.00")),
        (2024, [Decimal("125.50"), Decimal("50.00"), zero, zero], Decimal("175.50")),
    ]
    assert response.context["grand"] == (
        [Decimal("135.50"), Decimal("50.00"), Decimal("1000.00"), Decimal("0")],
        Decimal("1185.50"),
    )
    body = response.content.decode()
    assert '<th scope="col">Membership fee</th>' in body
    assert "1.185,50" in body  # German forms in the English interface too


def test_totals_page_without_entries_says_so(client):
    response = client.get("/workspace/funding/totals/")
    assert response.status_code == 200
    assert "No entries." in response.content.decode()


# ---------------------------------------------------------------- permissions


@pytest.fixture
def entry(jena, partner):
    with schema_context("jena"):
        return FundingEntryFactory(partner=partner, donor="Geheimer Spender")


def _read_urls(entry) -> list[str]:
    read, _write = record_pages("/workspace/funding/", entry.pk)
    extra = ["?format=csv", "?format=xlsx", "totals/"]
    return read + [f"/workspace/funding/{suffix}" for suffix in extra]


def _write_urls(entry) -> list[str]:
    return record_pages("/workspace/funding/", entry.pk)[1]


@pytest.mark.parametrize("role", ["board_member", "partner_contact"])
def test_board_members_and_partner_contacts_find_no_funding_pages(jena, entry, partner, role):
    partner_id = partner.pk if role == "partner_contact" else None
    client = logged_in_client(person_with_role(role, jena, partner_id=partner_id), language="en")
    assert_not_found(client, _read_urls(entry) + _write_urls(entry), post_data=ENTRY_FORM)
    assert entry_count() == 1


def test_state_coordinator_may_read_the_funding_circle_but_not_change_it(jena, entry):
    client = logged_in_client(person_with_role("state_coordinator"), language="en")
    assert_readable(client, _read_urls(entry))
    assert "/edit/" not in client.get(f"/workspace/funding/{entry.pk}/").content.decode()
    assert_not_found(client, _write_urls(entry), post_data=ENTRY_FORM | {"amount": "1"})
    with schema_context("jena"):
        entry.refresh_from_db()
        assert entry.amount == Decimal("250.00")
        assert FundingEntry.objects.count() == 1


def test_coordinator_of_another_alliance_finds_no_funding_here(jena, badfrankenhausen, entry):
    client = logged_in_client(
        person_with_role("local_coordinator", badfrankenhausen), language="en"
    )
    assert_not_found(client, _read_urls(entry) + _write_urls(entry))


def test_funding_ids_of_another_alliance_are_not_found(client, badfrankenhausen):
    with schema_context("badfrankenhausen"):
        foreign = FundingEntryFactory(pk=880001, donor="Spender in Bad Frankenhausen")
    for suffix in ("", "edit/", "delete/"):
        assert client.get(f"/workspace/funding/{foreign.pk}/{suffix}").status_code == 404
    response = client.get("/workspace/funding/", {"q": "Bad Frankenhausen"})
    assert list(response.context["page"].object_list) == []


def test_anonymous_visitors_are_sent_to_the_login_page_for_funding(jena, entry):
    client = logged_in_client(None, language="en")
    assert_sent_to_login(client, _read_urls(entry) + _write_urls(entry))
