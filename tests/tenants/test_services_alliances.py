"""Creating alliances: schema, domain and audit entry, or nothing at all."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django_tenants.utils import schema_exists

from kernel.audit.models import AuditEntry
from tenants.models import Alliance, Domain
from tenants.services.alliances import alliance_create, alliance_update
from tests.factories.tenants import UserFactory


def _tables_in(schema: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", [schema]
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.slow
def test_alliance_create_makes_schema_domain_and_audit_entry(db):
    actor = UserFactory(email="land@example.org")
    alliance = alliance_create(
        actor=actor,
        name="Lokales Bündnis für Familie Weimar",
        slug="weimar-land",
        district="16071",
    )
    assert alliance.schema_name == "weimar_land"
    assert schema_exists("weimar_land")
    assert "audit_auditentry" in _tables_in("weimar_land")
    assert "tenants_user" not in _tables_in("weimar_land")  # shared tables stay public
    assert Domain.objects.get(tenant=alliance).domain == "weimar-land.localhost"
    entry = AuditEntry.objects.get(action="tenants.alliance.created", object_id=str(alliance.pk))
    assert entry.actor_id == actor.pk
    assert entry.changes["domain"] == "weimar-land.localhost"


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("Jena", "Kleinbuchstaben"),
        ("a", "Kleinbuchstaben"),
        ("-jena", "Kleinbuchstaben"),
        ("jena_nord", "Kleinbuchstaben"),
        ("www", "reserviert"),
        ("public", "reserviert"),
        ("pgadmin", "reserviert"),
    ],
)
def test_bad_slug_is_rejected_in_german_and_nothing_is_created(db, slug, message):
    before = (Alliance.objects.count(), Domain.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ValidationError) as error:
        alliance_create(actor=None, name="Neues Bündnis", slug=slug, district="16052")
    assert message in str(error.value)
    assert (Alliance.objects.count(), Domain.objects.count(), AuditEntry.objects.count()) == before


def test_duplicate_name_is_rejected_case_insensitively(jena):
    with pytest.raises(ValidationError):
        alliance_create(
            actor=None,
            name="lokales bündnis für familie jena",
            slug="jena-zwei",
            district="16053",
        )
    assert not schema_exists("jena_zwei")


def test_duplicate_slug_is_rejected(jena):
    with pytest.raises(ValidationError):
        alliance_create(actor=None, name="Noch ein Bündnis", slug="jena", district="16053")


def test_unknown_district_is_rejected(db):
    with pytest.raises(ValidationError) as error:
        alliance_create(actor=None, name="Bündnis X", slug="buendnis-x", district="bayern")
    assert "district" in error.value.message_dict
    assert not schema_exists("buendnis_x")


def test_alliance_update_records_changes_and_refuses_the_slug(jena):
    alliance_update(actor=None, alliance=jena, host_organisation="Jenaer Familienbüro")
    entry = AuditEntry.objects.filter(action="tenants.alliance.updated").latest("id")
    assert entry.changes == {"host_organisation": ["Stadt Jena", "Jenaer Familienbüro"]}
    with pytest.raises(ValidationError):
        alliance_update(actor=None, alliance=jena, slug="jena-neu")
    jena.refresh_from_db()
    assert jena.slug == "jena"


def test_alliance_update_without_change_writes_no_audit_entry(jena):
    before = AuditEntry.objects.count()
    alliance_update(actor=None, alliance=jena, name=jena.name)
    assert AuditEntry.objects.count() == before
