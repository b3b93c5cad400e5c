"""GDPR in the alliance's records: find, export and anonymise people; retention runs."""

import datetime
import json

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from core.models import Application, BoardMember, ContactPerson, Partner
from core.retention import apply_retention_everywhere
from core.services.partners import contact_create
from core.services.personal_data import apply_retention, record_anonymise
from kernel.audit.models import AuditEntry
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.admissions import ApplicationFactory
from tests.factories.partners import ContactPersonFactory, PartnerFactory

HELGA = {"contact_name": "Helga Teststein", "contact_email": "helga.teststein@example.org"}


def _application(**extra):
    """Helga Teststein's application for the Bäckerei Sonnenschein (her name also in the
    statement, as applicants sign it); ``extra`` changes any field."""
    fields = {"organisation_name": "Bäckerei Sonnenschein", **HELGA}
    fields["statement"] = "Wir bieten flexible Arbeitszeiten. Helga Teststein"
    return ApplicationFactory(**(fields | extra))


def test_search_finds_a_person_across_contacts_board_and_applications(coordinator_client):
    with schema_context("jena"):
        partner = PartnerFactory(name="Stadtwerke Jena")
        ContactPersonFactory(partner=partner, first_name="Helga", last_name="Teststein")
        BoardMember.objects.create(
            full_name="Helga Teststein", term_start=datetime.date(2024, 1, 1)
        )
        _application()
        ContactPersonFactory(partner=partner, first_name="Otto", last_name="Andersmann")
    response = coordinator_client.get("/workspace/personal-data/", {"q": "teststein"})
    assert response.status_code == 200
    kinds = sorted(r.kind for r in response.context["records"])
    assert kinds == ["application", "board_member", "contact"]
    assert "Andersmann" not in response.content.decode()


def test_search_needs_three_characters(coordinator_client):
    coordinator_client.cookies["django_language"] = "en"
    response = coordinator_client.get("/workspace/personal-data/", {"q": "ab"})
    assert response.context["records"] == []
    assert "at least three characters" in response.content.decode()


def test_export_returns_the_records_and_audits_without_the_query(coordinator_client):
    with schema_context("jena"):
        ContactPersonFactory(first_name="Helga", last_name="Teststein", email="h@t.example")
    response = coordinator_client.post("/workspace/personal-data/export/", {"q": "Teststein"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["records"][0]["data"]["email"] == "h@t.example"
    with schema_context("jena"):
        entry = AuditEntry.objects.get(action="core.personal_data.exported")
        assert entry.changes == {"records": 1}
        assert "Teststein" not in json.dumps(entry.changes)


def test_anonymising_a_contact_keeps_the_record_and_the_figures_and_scrubs_the_trail(
    coordinator_client, coordinator
):
    with schema_context("jena"):
        partner = PartnerFactory(name="Stadtwerke Jena")
        contact = contact_create(
            actor=coordinator,
            partner=partner,
            first_name="Helga",
            last_name="Teststein",
            email="helga@sw.example",
            phone="03641 112233",
        )
        partners_before = Partner.objects.count()
        contacts_before = ContactPerson.objects.count()
    response = coordinator_client.post(f"/workspace/personal-data/contact/{contact.pk}/anonymise/")
    assert response.status_code == 302
    with schema_context("jena"):
        contact.refresh_from_db()
        assert contact.last_name == "Anonymisiert"
        assert contact.first_name == ""
        assert contact.email == ""
        assert contact.phone == ""
        assert contact.anonymised_at is not None
        assert Partner.objects.count() == partners_before
        assert ContactPerson.objects.count() == contacts_before
        trail = json.dumps(
            list(AuditEntry.objects.values("object_repr", "changes", "actor_label")), default=str
        )
        for secret in ("Teststein", "helga@sw.example", "112233"):
            assert secret not in trail
        assert AuditEntry.objects.filter(action="core.personal_data.anonymised").count() == 1


def test_anonymising_twice_changes_nothing_more(coordinator, jena):
    with schema_context("jena"):
        member = BoardMember.objects.create(
            full_name="Karl Kurator", email="karl@example.org", term_start=datetime.date(2022, 1, 1)
        )
        record_anonymise(actor=coordinator, kind="board_member", pk=member.pk)
        record_anonymise(actor=coordinator, kind="board_member", pk=member.pk)
        member.refresh_from_db()
        assert member.full_name == "Anonymisiert"
        assert AuditEntry.objects.filter(action="core.personal_data.anonymised").count() == 1


def test_unknown_kind_or_record_is_not_found(coordinator_client):
    base = "/workspace/personal-data/"
    assert coordinator_client.get(base + "partner/1/anonymise/").status_code == 404
    assert coordinator_client.get(base + "contact/999999/anonymise/").status_code == 404


@pytest.mark.parametrize("role", [Role.BOARD_MEMBER, Role.PARTNER_CONTACT])
def test_only_the_local_coordinator_handles_personal_data(jena, role):
    client = logged_in_client(person_with_role(role, jena))
    assert client.get("/workspace/personal-data/", {"q": "abc"}).status_code == 404
    assert client.post("/workspace/personal-data/export/", {"q": "abc"}).status_code == 404


def test_state_coordinator_cannot_handle_an_alliances_personal_data(jena):
    client = logged_in_client(person_with_role(Role.STATE_COORDINATOR))
    assert client.get("/workspace/personal-data/").status_code == 404


# ---------------------------------------------------------------- retention


def _age(obj, **delta):
    """Move a record's last change into the past (auto_now would undo a plain save)."""
    type(obj).objects.filter(pk=obj.pk).update(
        updated_at=timezone.now() - datetime.timedelta(**delta)
    )


def test_retention_anonymises_old_rejected_applications_and_contacts_of_partners_who_left(
    jena, settings
):
    settings.BUENDNISNETZ_RETENTION_MONTHS = 24
    today = timezone.localdate()
    with schema_context("jena"):
        old_rejected = _application(status="rejected")
        _age(old_rejected, days=25 * 31)
        recent_rejected = _application(organisation_name="Neu GmbH", status="rejected")
        _age(recent_rejected, days=23 * 30)
        pending = _application(organisation_name="Offen GmbH")
        _age(pending, days=30 * 31)

        gone = PartnerFactory(status="left", left_on=today - datetime.timedelta(days=25 * 31),
                              joined_on=datetime.date(2015, 1, 1))  # fmt: skip
        gone_contact = ContactPersonFactory(partner=gone, last_name="Weggezogen")
        recently_gone = PartnerFactory(status="left", left_on=today - datetime.timedelta(days=100))
        kept_contact = ContactPersonFactory(partner=recently_gone, last_name="Nochda")
        active_contact = ContactPersonFactory(last_name="Aktiv")

        assert apply_retention() == {
            "applications": 1,
            "contacts": 1,
            "care_guides": 0,
            "placements": 0,
            "carers": 0,
            "workshop_registrations": 0,
            "supporters": 0,
        }
        assert apply_retention() == dict.fromkeys(
            [
                "applications",
                "contacts",
                "care_guides",
                "placements",
                "carers",
                "workshop_registrations",
                "supporters",
            ],
            0,
        )

        old_rejected.refresh_from_db()
        assert old_rejected.contact_name == "Anonymisiert"
        assert old_rejected.contact_phone == ""
        assert "Teststein" not in old_rejected.statement
        assert old_rejected.organisation_name == "Bäckerei Sonnenschein"  # an organisation
        for untouched in (recent_rejected, pending):
            untouched.refresh_from_db()
            assert untouched.contact_name == "Helga Teststein"
        gone_contact.refresh_from_db()
        assert gone_contact.last_name == "Anonymisiert"
        for contact, name in ((kept_contact, "Nochda"), (active_contact, "Aktiv")):
            contact.refresh_from_db()
            assert contact.last_name == name
        assert Partner.objects.filter(pk=gone.pk).exists()


def test_retention_period_is_configurable(jena, settings):
    settings.BUENDNISNETZ_RETENTION_MONTHS = 6
    with schema_context("jena"):
        rejected = _application(status="rejected")
        _age(rejected, days=7 * 31)
        assert apply_retention()["applications"] == 1


def test_nightly_task_runs_in_every_alliance_and_only_there(jena, badfrankenhausen, settings):
    settings.BUENDNISNETZ_RETENTION_MONTHS = 24
    with schema_context("jena"):
        _age(_application(status="rejected"), days=25 * 31)
    with schema_context("badfrankenhausen"):
        _age(_application(status="withdrawn", contact_name="Bernd Bad"), days=26 * 31)
        _application(status="rejected", contact_name="Frisch Abgelehnt")
    results = apply_retention_everywhere()
    assert results["jena"]["applications"] == 1
    assert results["badfrankenhausen"]["applications"] == 1
    with schema_context("badfrankenhausen"):
        assert Application.objects.filter(contact_name="Frisch Abgelehnt").exists()
        assert not Application.objects.filter(contact_name="Bernd Bad").exists()
    assert not any(apply_retention_everywhere()["jena"].values())
