"""Company care guides (Pflegelotsen): records per guide, the partner's number and the
figures counted from them, the partner contact's own guides, the coordinator's lists,
GDPR, and the data migration from the former number."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tenants.utils import schema_context

from core.figures import ALLIANCE_FIGURES
from core.models import CareGuide, Partner, PartnerKind, PartnerStatus
from core.models.careguides import TAKEN_OVER_NAME
from core.services import careguides as services
from core.services.partners import partner_update
from core.services.personal_data import apply_retention, record_anonymise
from kernel.audit.models import AuditEntry
from kernel.figures import Counting
from tenants.roles import Role
from tests.conftest import csv_rows, logged_in_client, person_with_role
from tests.factories.partners import CareGuideFactory, PartnerFactory
from tests.pages import assert_page_shows, submit

MIGRATION = importlib.import_module("core.migrations.0002_squashed_0005_careguides")


def _count(partner: Partner) -> int:
    return Partner.objects.get(pk=partner.pk).care_guides_count


# ---------------------------------------------------------------- services and the number


def test_a_guide_gets_its_refresher_two_years_on_and_counts_for_its_partner(jena, coordinator):
    with schema_context("jena"):
        partner = PartnerFactory(name="Carl Zeiss Jena")
        guide = services.care_guide_create(
            actor=coordinator,
            partner=partner,
            name="Anja Keller",
            training_course="Pflegelotsen – IHK",
            trained_on=datetime.date(2024, 2, 29),
        )
        assert guide.refresher_due == datetime.date(2026, 2, 28)
        assert _count(partner) == 1
        assert AuditEntry.objects.filter(action="core.careguide.created").count() == 1
        # Given by hand, the refresher date is kept.
        other = services.care_guide_create(
            actor=coordinator,
            partner=partner,
            name="Jan Vogt",
            trained_on=datetime.date(2025, 5, 1),
            refresher_due=datetime.date(2026, 5, 1),
        )
        assert other.refresher_due == datetime.date(2026, 5, 1)
        assert _count(partner) == 2


def test_stopping_moving_and_removing_guides_keep_every_partners_number(jena, coordinator):
    with schema_context("jena"):
        first, second = PartnerFactory(), PartnerFactory()
        guides = [
            services.care_guide_create(actor=coordinator, partner=first, name=f"Lotse {n}")
            for n in range(3)
        ]
        services.care_guide_update(actor=coordinator, guide=guides[0], is_active=False)
        assert _count(first) == 2
        services.care_guide_update(actor=coordinator, guide=guides[1], partner=second)
        assert (_count(first), _count(second)) == (1, 1)
        services.care_guide_delete(actor=coordinator, guide=guides[2])
        assert (_count(first), _count(second)) == (0, 1)
        # A stale copy of the partner, saved later, does not overwrite the number.
        stale = Partner.objects.get(pk=second.pk)
        services.care_guide_create(actor=coordinator, partner=second, name="Neu")
        stale.city = "Weimar"
        stale.save()
        assert _count(second) == 2


def test_refresher_before_training_is_refused_with_a_german_message(jena, coordinator):
    with schema_context("jena"), pytest.raises(ValidationError) as refused:
        services.care_guide_create(
            actor=coordinator,
            partner=PartnerFactory(),
            name="Falsch",
            trained_on=datetime.date(2025, 5, 1),
            refresher_due=datetime.date(2025, 1, 1),
        )
    assert "refresher" in str(refused.value).lower() or "Auffrischung" in str(refused.value)
    with schema_context("jena"):
        assert not CareGuide.objects.exists()


def test_a_higher_number_records_guides_to_name_and_a_lower_one_is_refused(jena, coordinator):
    with schema_context("jena"):
        partner = PartnerFactory()
        partner_update(actor=coordinator, partner=partner, care_guides_count=2)
        assert _count(partner) == 2
        assert set(partner.care_guides.values_list("name", "taken_over")) == {
            (TAKEN_OVER_NAME, True)
        }
        with pytest.raises(ValidationError):
            partner_update(actor=coordinator, partner=partner, care_guides_count=1)
        assert _count(partner) == 2
        # Named, a placeholder is one no longer.
        guide = partner.care_guides.first()
        services.care_guide_update(actor=coordinator, guide=guide, name="Heike Otto")
        guide.refresh_from_db()
        assert not guide.taken_over


def test_figures_count_active_guides_of_active_partners(jena, coordinator):
    with schema_context("jena"):
        company = PartnerFactory(kind=PartnerKind.COMPANY)
        gone = PartnerFactory(
            status=PartnerStatus.LEFT,
            joined_on=datetime.date(2015, 1, 1),
            left_on=datetime.date(2020, 1, 1),
        )
        PartnerFactory()
        for partner, active in [(company, True), (company, True), (company, False), (gone, True)]:
            services.care_guide_create(
                actor=coordinator, partner=partner, name="X", is_active=active
            )
        today = timezone.localdate()
        counted = ALLIANCE_FIGURES.count(Counting(today=today, year=today.year))
    assert counted["partners_with_care_guides"] == 1
    assert counted["care_guides_total"] == 2
    assert counted["care_guides_share"] == 0.5


# ---------------------------------------------------------------- the data migration


def test_migration_turns_numbers_into_records_and_back_without_loss(jena):
    with schema_context("jena"):
        partners = [PartnerFactory() for _ in range(3)]
        numbers = [0, 1, 4]
        # As before the migration: a number and no records.
        for partner, number in zip(partners, numbers, strict=True):
            Partner.objects.filter(pk=partner.pk).update(care_guides_count=number)
        MIGRATION.guides_from_counts(apps, None)
        assert [_count(p) for p in partners] == numbers
        assert [p.care_guides.filter(taken_over=True).count() for p in partners] == numbers
        # Back: each number from the active records (one stopped meanwhile).
        CareGuide.objects.filter(partner=partners[2]).first().delete()
        Partner.objects.filter(pk=partners[0].pk).update(care_guides_count=7)
        MIGRATION.counts_from_guides(apps, None)
        assert [_count(p) for p in partners] == [0, 1, 3]


# ---------------------------------------------------------------- pages and roles


def test_partner_contact_keeps_its_own_partners_guides_and_no_others(jena):
    with schema_context("jena"):
        own, other = PartnerFactory(name="Eigene GmbH"), PartnerFactory(name="Fremde AG")
        foreign = CareGuideFactory(partner=other, name="Fremder Lotse")
    contact = logged_in_client(
        person_with_role(Role.PARTNER_CONTACT, jena, partner_id=own.pk), language="en"
    )
    submit(
        contact,
        f"/workspace/partners/{own.pk}/care-guides/new/",
        {"name": "Susanne Lange", "trained_on": "2025-09-01", "is_active": "on"},
    )
    assert_page_shows(contact.get(f"/workspace/partners/{own.pk}/"), ["Susanne Lange"])
    with schema_context("jena"):
        assert _count(own) == 1
    assert contact.get(f"/workspace/partners/{other.pk}/care-guides/new/").status_code == 404
    edit = f"/workspace/partners/{other.pk}/care-guides/{foreign.pk}/edit/"
    assert contact.post(edit, {"name": "Übernommen"}).status_code == 404
    assert contact.get("/workspace/partners/care-guides/").status_code == 404


def test_coordinator_lists_refreshers_due_exports_and_sees_partners_to_approach(client, jena):
    today = timezone.localdate()
    with schema_context("jena"):
        company = PartnerFactory(name="Aktive Firma", kind=PartnerKind.COMPANY)
        PartnerFactory(name="Aktiver Verein", kind=PartnerKind.ASSOCIATION)
        PartnerFactory(name="Bewerber GmbH", status=PartnerStatus.APPLICANT)
        with_guide = PartnerFactory(name="Hat Lotsen AG", care_guides_count=1)
        CareGuide.objects.filter(partner=with_guide).update(
            refresher_due=today + datetime.timedelta(days=30)
        )
        CareGuideFactory(partner=company, is_active=False, name="Inaktiv", refresher_due=today)
    due = client.get("/workspace/partners/care-guides/", {"refresher_due": "true"})
    assert_page_shows(due, ["Hat Lotsen AG"], ["Inaktiv"])
    rows = csv_rows(client.get("/workspace/partners/care-guides/", {"format": "csv"}))
    assert len(rows) == 3  # header and both guides
    page = assert_page_shows(client.get("/workspace/partners/without-care-guides/"))
    assert page.index("Aktive Firma") < page.index("Aktiver Verein") < page.index("Bewerber")
    assert "Hat Lotsen AG" not in page
    home = assert_page_shows(client.get("/workspace/"), ["Care guide refreshers due"])
    assert "Hat Lotsen AG" in home


def test_board_member_sees_the_partners_guides_but_not_the_coordinators_lists(jena):
    with schema_context("jena"):
        partner = PartnerFactory(care_guides_count=1)
    board = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena), language="en")
    assert_page_shows(board.get(f"/workspace/partners/{partner.pk}/"), ["Pflegelotse 1"])
    assert board.get("/workspace/partners/without-care-guides/").status_code == 404
    assert board.get(f"/workspace/partners/{partner.pk}/care-guides/new/").status_code == 404


def test_api_creates_a_guide_and_refuses_a_refresher_before_training(jena, coordinator):
    with schema_context("jena"):
        partner = PartnerFactory()
    api = logged_in_client(coordinator)
    created = api.post(
        "/api/v1/care-guides/",
        {"partner": partner.pk, "name": "Lars Engel", "trained_on": "2025-03-01"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["refresher_due"] == "2027-03-01"
    assert api.get(f"/api/v1/partners/{partner.pk}/").json()["care_guides_count"] == 1
    bad = api.post(
        "/api/v1/care-guides/",
        {"partner": partner.pk, "name": "X", "trained_on": "2025-03-01",
         "refresher_due": "2024-01-01"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )  # fmt: skip
    assert bad.status_code == 400


# ---------------------------------------------------------------- personal data


def test_gdpr_finds_exports_and_anonymises_a_guide_and_retention_reaches_left_partners(
    coordinator_client, coordinator, jena
):
    today = timezone.localdate()
    with schema_context("jena"):
        guide = CareGuideFactory(name="Ramona Teststein", email="ramona@lotsen.example")
        gone = PartnerFactory(
            status=PartnerStatus.LEFT,
            joined_on=datetime.date(2015, 1, 1),
            left_on=today - datetime.timedelta(days=25 * 31),
        )
        old = CareGuideFactory(partner=gone, name="Alte Lotsin")
    found = coordinator_client.get("/workspace/personal-data/", {"q": "teststein"})
    assert_page_shows(found, ["Ramona Teststein", "Pflegelotse"])
    export = coordinator_client.post("/workspace/personal-data/export/", {"q": "Teststein"})
    assert b"ramona@lotsen.example" in export.content
    with schema_context("jena"):
        record_anonymise(actor=coordinator, kind="care_guide", pk=guide.pk)
        guide.refresh_from_db()
        assert (guide.name, guide.email, guide.anonymised_at is not None) == (
            "Anonymisiert",
            "",
            True,
        )
        assert apply_retention()["care_guides"] == 1
        old.refresh_from_db()
        assert old.name == "Anonymisiert"
        assert apply_retention()["care_guides"] == 0
