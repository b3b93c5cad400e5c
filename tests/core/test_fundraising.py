"""The fundraising circle: members and donors, totals, donation receipts (PDF, no double
receipt), who sees what, GDPR with the tax retention, the migration of existing entries."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django_tenants.utils import schema_context
from pypdf import PdfReader

from core.models import (
    DonationReceipt,
    FundingEntry,
    FundraisingAction,
    GrantStatus,
    ProjectGrant,
    Supporter,
)
from core.selectors.fundraising import fundraising_overview
from core.services import funding as funding_services
from core.services import fundraising as services
from core.services.personal_data import (
    apply_retention,
    personal_data_export,
    record_anonymise,
)
from kernel.audit.models import AuditEntry
from tests.conftest import logged_in_client, person_with_role
from tests.factories.partners import PartnerFactory

TODAY = timezone.localdate()


# The receiving body's details that a donation receipt prints.
RECEIPT_SETTINGS = {
    "recipient": "Förderkreis Lokales Bündnis für Familie Jena e. V.",
    "recipient_address": "Markt 1, 07743 Jena",
    "purpose": "der Jugendhilfe",
    "tax_office": "Finanzamt Jena",
    "tax_number": "162/141/12345",
    "exemption_notice_on": TODAY - datetime.timedelta(days=300),
    "assessment_period": "2022 bis 2024",
    "place": "Jena",
    "signatory": "Anna Beispiel, Vorsitz",
}


def _settings(**overrides):
    return services.settings_update(actor=None, **(RECEIPT_SETTINGS | overrides))


# A member of the circle since 2015 with a yearly fee.
MEMBER = {
    "name": "Erika Mustermann",
    "street": "Saalstraße 5",
    "postcode": "07743",
    "city": "Jena",
    "joined_on": datetime.date(2015, 3, 1),
    "yearly_fee": Decimal("36"),
}


def _member(**overrides) -> Supporter:
    return services.supporter_create(actor=None, **(MEMBER | overrides))


def _money(supporter, amount, day, kind="donation") -> FundingEntry:
    return funding_services.funding_entry_create(
        actor=None, kind=kind, amount=Decimal(amount), received_on=day, supporter=supporter
    )


@pytest.fixture
def circle(jena):
    with schema_context("jena"):
        _settings()
        member = _member()
        donation = _money(member, "1250.50", TODAY)
        fee = _money(member, "36", TODAY, kind="membership_fee")
        return {"member": member, "donation": donation, "fee": fee}


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


# ---------------------------------------------------------------- receipts


def test_receipt_pdf_has_the_official_wording_and_the_amount_in_words(circle, coordinator_client):
    with schema_context("jena"):
        receipt = services.receipt_issue(actor=None, entry=circle["donation"])
    assert receipt.number == f"{TODAY.year}-0001"
    response = coordinator_client.get(f"/workspace/fundraising/receipts/{receipt.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    for phrase in (
        "Bestätigung über Geldzuwendungen/Mitgliedsbeitrag",
        "im Sinne des § 10b des Einkommensteuergesetzes an eine der in § 5 Abs. 1 Nr. 9 des "
        "Körperschaftsteuergesetzes bezeichneten Körperschaften",
        "eintausendzweihundertfünfzig Euro und 50 Cent",
        "1.250,50 €",
        "Finanzamt Jena",
        "StNr. 162/141/12345",
        "Erika Mustermann",
        "Saalstraße 5",
        "(Ort, Datum und Unterschrift des Zuwendungsempfängers)",
        "haftet für die entgangene Steuer",
    ):
        assert phrase in text, phrase
    assert "Zweitschrift" not in text
    again = coordinator_client.get(f"/workspace/fundraising/receipts/{receipt.pk}/pdf/")
    assert "Zweitschrift" in _pdf_text(again.content)
    with schema_context("jena"):
        assert AuditEntry.objects.filter(action="core.donation_receipt.issued").count() == 1
        assert AuditEntry.objects.filter(action="core.donation_receipt.printed").count() == 2


def test_money_is_confirmed_only_once(circle):
    with schema_context("jena"), translation.override("en"):
        services.receipt_issue(actor=None, entry=circle["donation"])
        with pytest.raises(ValidationError, match="already been confirmed"):
            services.receipt_issue(actor=None, entry=circle["donation"])
        collective = services.receipt_issue_collective(
            actor=None, supporter=circle["member"], year=TODAY.year
        )
        # The year's fee, not the donation a second time.
        assert collective.total == Decimal("36.00")
        assert list(collective.entries.all()) == [circle["fee"]]
        with pytest.raises(ValidationError, match="no money left"):
            services.receipt_issue_collective(
                actor=None, supporter=circle["member"], year=TODAY.year
            )


def test_collective_receipt_lists_every_entry_in_an_annex(circle, coordinator_client):
    with schema_context("jena"):
        receipt = services.receipt_issue_collective(
            actor=None, supporter=circle["member"], year=circle["fee"].received_on.year
        )
    text = _pdf_text(
        coordinator_client.get(f"/workspace/fundraising/receipts/{receipt.pk}/pdf/").content
    )
    assert "Sammelbestätigung über Geldzuwendungen/Mitgliedsbeiträge" in text
    assert "Anlage zur Sammelbestätigung" in text
    assert "keine weiteren Bestätigungen" in text


def test_confirmed_entries_can_no_longer_change(circle):
    with schema_context("jena"), translation.override("en"):
        services.receipt_issue(actor=None, entry=circle["donation"])
        entry = FundingEntry.objects.get(pk=circle["donation"].pk)
        with pytest.raises(ValidationError, match="receipt has been issued"):
            funding_services.funding_entry_update(actor=None, entry=entry, amount=Decimal("9"))
        with pytest.raises(ValidationError, match="receipt has been issued"):
            funding_services.funding_entry_delete(actor=None, entry=entry)
        # What the receipt does not state may still change.
        funding_services.funding_entry_update(actor=None, entry=entry, purpose="Ferien")
        assert FundingEntry.objects.get(pk=entry.pk).amount == Decimal("1250.50")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("no_address", "full address"),
        ("grant", "Only donations and membership fees"),
        ("old_notice", "older than five years"),
        ("no_settings", "incomplete"),
    ],
)
def test_receipt_is_refused_without_its_conditions(circle, change, message):
    with schema_context("jena"), translation.override("en"):
        entry = circle["donation"]
        if change == "no_address":
            services.supporter_update(actor=None, supporter=circle["member"], street="")
        elif change == "grant":
            entry = _money(circle["member"], "500", TODAY, kind="grant")
        elif change == "old_notice":
            _settings(exemption_notice_on=TODAY - datetime.timedelta(days=6 * 366))
        else:
            _settings(tax_number="")
        with pytest.raises(ValidationError, match=message):
            services.receipt_issue(actor=None, entry=FundingEntry.objects.get(pk=entry.pk))
        assert not DonationReceipt.objects.exists()


def test_coordinator_issues_a_receipt_from_the_entry_page(circle, coordinator_client):
    entry = circle["donation"]
    page = coordinator_client.get(f"/workspace/funding/{entry.pk}/")
    assert f"/workspace/funding/{entry.pk}/receipt/" in page.content.decode()
    assert coordinator_client.get(f"/workspace/funding/{entry.pk}/receipt/").status_code == 200
    response = coordinator_client.post(f"/workspace/funding/{entry.pk}/receipt/")
    assert response.status_code == 302
    again = coordinator_client.post(f"/workspace/funding/{entry.pk}/receipt/")
    assert again.status_code == 400
    with schema_context("jena"):
        assert DonationReceipt.objects.count() == 1


# ---------------------------------------------------------------- totals


@pytest.mark.time_machine(datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC))
def test_the_overview_chart_marks_the_running_year(jena, coordinator_client):
    with schema_context("jena"):
        member = _member()
        _money(member, "900", datetime.date(2025, 5, 1))
        _money(member, "20", datetime.date(2026, 1, 10))
    page = coordinator_client.get("/workspace/fundraising/").content.decode()
    chart = page.split('id="chart-fundraising-title"')[1].split("</svg>")[0]
    assert "laufend, bis 15.01.2026" in chart  # the workspace reads German
    assert 'stroke-dasharray="2 3"' in chart  # 2026 drawn apart, not as a drop from 2025


def test_overview_adds_up_income_actions_and_grants_per_year_and_since_founding(jena):
    with schema_context("jena"):
        member = _member()
        _money(member, "100", datetime.date(2024, 5, 1))
        _money(member, "36", datetime.date(2025, 3, 1), kind="membership_fee")
        services.action_create(
            actor=None,
            title="Familienwandertag",
            date=datetime.date(2025, 6, 1),
            income=Decimal("2500"),
            costs=Decimal("600"),
        )
        for amount, status in (("4000", GrantStatus.PAID), ("300", GrantStatus.WITHDRAWN)):
            services.grant_create(
                actor=None,
                amount=Decimal(amount),
                purpose="Ferien",
                decided_on=datetime.date(2025, 4, 1),
                status=status,
            )
        overview = fundraising_overview()
    by_year = {row["year"]: row for row in overview["rows"]}
    assert by_year[2025]["income"] == Decimal("36")
    assert by_year[2025]["action_net"] == Decimal("1900")
    assert by_year[2025]["grants"] == Decimal("4000")  # the withdrawn one does not count
    assert by_year[2024]["by_kind"]["donation"] == Decimal("100")
    assert overview["total"]["income"] == Decimal("136")
    assert overview["total"]["grants"] == Decimal("4000")
    assert overview["total"]["first_year"] == 2024
    assert overview["total"]["members"] == 1


def test_grant_with_proof_status_needs_the_date(jena):
    with schema_context("jena"), translation.override("en"):
        with pytest.raises(ValidationError, match="proof of use was received"):
            services.grant_create(
                actor=None,
                amount=Decimal("10"),
                purpose="x",
                decided_on=TODAY,
                status=GrantStatus.PROOF_RECEIVED,
            )
        assert not ProjectGrant.objects.exists()


def test_action_with_negative_costs_is_refused_on_the_page(coordinator_client):
    response = coordinator_client.post(
        "/workspace/fundraising/actions/new/",
        {"title": "Weihnachtskarten", "date": "2025-12-01", "income": "100", "costs": "-5"},
    )
    assert response.status_code == 400
    with schema_context("jena"):
        assert not FundraisingAction.objects.exists()


# ---------------------------------------------------------------- who sees what


def test_board_and_state_see_the_totals_but_no_donor(circle, jena):
    member = circle["member"]
    for role, alliance in (("board_member", jena), ("state_coordinator", None)):
        client = logged_in_client(person_with_role(role, alliance))
        assert client.get("/workspace/fundraising/").status_code == 200
        assert client.get("/workspace/fundraising/grants/").status_code == 200
        assert client.get("/workspace/fundraising/supporters/").status_code == 404
        assert client.get(f"/workspace/fundraising/supporters/{member.pk}/").status_code == 404
        assert client.get("/api/v1/fundraising/supporters/").status_code in (403, 404)
        assert client.post("/workspace/fundraising/actions/new/", {}).status_code == 404
    state = logged_in_client(person_with_role("state_coordinator"))
    page = state.get(f"/workspace/funding/{circle['donation'].pk}/").content.decode()
    assert "Erika Mustermann" not in page


def test_coordinator_lists_and_exports_members(circle, coordinator_client):
    page = coordinator_client.get("/workspace/fundraising/supporters/")
    assert "Erika Mustermann" in page.content.decode()
    export = coordinator_client.get("/workspace/fundraising/supporters/?format=csv")
    assert export.status_code == 200
    assert "Saalstraße 5" in export.content.decode("utf-8-sig")
    api = coordinator_client.get("/api/v1/fundraising/supporters/")
    assert api.status_code == 200
    assert api.json()["results"][0]["name"] == "Erika Mustermann"


# ---------------------------------------------------------------- personal data


def test_donor_data_is_kept_while_tax_law_needs_it_then_anonymised(circle):
    with schema_context("jena"), translation.override("en"):
        member = circle["member"]
        with pytest.raises(ValidationError, match="Tax law requires keeping"):
            record_anonymise(actor=None, kind="supporter", pk=member.pk)
        # Left long ago, money older than ten years: the nightly run anonymises.
        FundingEntry.objects.filter(supporter=member).update(received_on=datetime.date(2012, 5, 1))
        Supporter.objects.filter(pk=member.pk).update(
            joined_on=datetime.date(2010, 1, 1), left_on=datetime.date(2013, 1, 1)
        )
        assert apply_retention()["supporters"] == 1
        member.refresh_from_db()
        assert member.name == "Anonymisiert"
        assert member.street == ""
        assert member.anonymised_at is not None
        assert FundingEntry.objects.filter(supporter=member).count() == 2  # money stays
        assert apply_retention()["supporters"] == 0


def test_personal_data_search_and_export_find_the_donor(circle, coordinator_client):
    page = coordinator_client.get("/workspace/personal-data/?q=Mustermann").content.decode()
    assert "Erika Mustermann" in page
    assert "Mitglied oder Spender" in page
    with schema_context("jena"):
        exported = personal_data_export(actor=None, query="Erika Mustermann")
    (record,) = exported["records"]
    assert record["kind"] == "supporter"
    assert record["data"]["street"] == "Saalstraße 5"


# ---------------------------------------------------------------- migration


def test_migration_links_existing_entries_to_supporters_without_loss(jena):
    from importlib import import_module

    migration = import_module("core.migrations.0006_squashed_0008_fundraising")
    with schema_context("jena"):
        partner = PartnerFactory(name="Sparkasse Jena")
        day = datetime.date(2024, 1, 10)
        made = [
            ("donation", 10, {"partner": partner}),
            ("membership_fee", 20, {"partner": partner}),
            ("donation", 30, {"donor": "Rotary Club"}),
            ("donation", 40, {"donor": "rotary club "}),
            ("grant", 50, {"donor": "Land"}),
        ]
        rows = [
            FundingEntry.objects.create(kind=kind, amount=amount, received_on=day, **source)
            for kind, amount, source in made
        ]
        before = list(FundingEntry.objects.order_by("pk").values("kind", "amount", "donor"))
        migration.link_existing_entries(apps, None)
        linked = {e.pk: e.supporter for e in FundingEntry.objects.select_related("supporter")}
        assert linked[rows[0].pk] == linked[rows[1].pk]
        assert linked[rows[0].pk].partner == partner
        assert linked[rows[0].pk].kind == "organisation"
        assert linked[rows[2].pk] == linked[rows[3].pk]
        assert linked[rows[2].pk].name == "Rotary Club"
        assert linked[rows[4].pk] is None  # grants have no donor to receipt
        after = list(FundingEntry.objects.order_by("pk").values("kind", "amount", "donor"))
        assert after == before
        migration.unlink_entries(apps, None)
        assert not FundingEntry.objects.filter(supporter__isnull=False).exists()
        assert not Supporter.objects.exists()
