"""Spare alliance schemas (tenants.services.spares): copies of the template made ahead,
taken by a new alliance as a rename, replaced by a refill, never taken when they copy an
older template or another transaction holds them."""

from __future__ import annotations

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django_tenants.utils import schema_context, schema_exists
from psycopg import sql

from core.models import Partner
from kernel.audit.models import AuditEntry
from tenants.schemas import metadata_rows, schema_signature
from tenants.services import spares
from tenants.services.alliances import alliance_create
from tenants.services.provisioning import TEMPLATE_SCHEMA, ensure_template_schema
from tenants.services.spares import spare_schemas, spares_refill
from tests.conftest import database_url_for

pytestmark = pytest.mark.slow


@pytest.fixture
def with_spares(db, settings):
    settings.BUENDNISNETZ_SPARE_SCHEMAS = 2
    ensure_template_schema()
    assert spare_schemas() == []  # tests make their own, inside their transaction
    return settings


def _new_alliance(slug: str):
    return alliance_create(
        actor=None, name=f"Bündnis {slug}", slug=slug, district="16051", copy_template=True
    )


def _schema_note(alliance) -> str:
    entry = AuditEntry.objects.filter(action="tenants.alliance.created", object_id=alliance.pk)
    return entry.get().changes["schema"]


def test_a_refill_makes_spares_equal_to_the_template_and_a_second_changes_nothing(with_spares):
    assert spares_refill() == {"made": 2, "dropped": 0, "spares": 2}
    for spare in spare_schemas():
        assert spare.startswith("_alliance_spare_")
        assert schema_signature(spare) == schema_signature(TEMPLATE_SCHEMA)
        assert metadata_rows(spare) == metadata_rows(TEMPLATE_SCHEMA)
    assert spares_refill() == {"made": 0, "dropped": 0, "spares": 2}
    assert spares_refill(count=1) == {"made": 0, "dropped": 1, "spares": 1}


def test_a_new_alliance_takes_a_spare_and_the_refill_replaces_it(
    with_spares, eager_celery, django_capture_on_commit_callbacks
):
    spares_refill()
    before = spare_schemas()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        alliance = _new_alliance("ersatzbank")
    assert _schema_note(alliance) == f"a spare copy of {TEMPLATE_SCHEMA}"
    assert schema_exists(alliance.schema_name)
    assert before[0] not in spare_schemas()  # renamed: the oldest spare went first
    assert spares.request_refill in callbacks  # run by the (eager) worker:
    assert len(spare_schemas()) == 2
    with schema_context(alliance.schema_name):  # the alliance works in it
        Partner.objects.create(name="Stadtwerke", kind="company")
        assert Partner.objects.count() == 1
    connection.set_schema_to_public()
    assert (
        schema_signature(alliance.schema_name)["columns"]
        == (schema_signature(TEMPLATE_SCHEMA)["columns"])
    )


def test_a_spare_of_an_older_template_is_passed_over_and_the_refill_drops_it(with_spares):
    spares_refill(count=1)
    (stale,) = spare_schemas()
    with connection.cursor() as cursor:  # as if the template had been migrated since
        cursor.execute(
            sql.SQL("DELETE FROM {}.django_migrations WHERE app = 'core'").format(
                sql.Identifier(stale)
            )
        )
    alliance = _new_alliance("altbestand")
    assert _schema_note(alliance) == f"copied from {TEMPLATE_SCHEMA}"
    assert spare_schemas() == [stale]
    assert spares_refill(count=1) == {"made": 1, "dropped": 1, "spares": 1}
    assert stale not in spare_schemas()


def test_a_spare_another_transaction_holds_is_left_to_it(with_spares):
    spares_refill()
    held, free = spare_schemas()
    another_session = psycopg.connect(database_url_for(connection.settings_dict), autocommit=True)
    with another_session as other, other.transaction():  # claiming ``held``
        other.execute(
            "SELECT pg_advisory_xact_lock(%s, %s)", [spares._SPARE_LOCKS, spares._lock_key(held)]
        )
        alliance = _new_alliance("nebenan")
    assert _schema_note(alliance) == f"a spare copy of {TEMPLATE_SCHEMA}"
    assert spare_schemas() == [held]
    assert not schema_exists(free)


def test_a_rolled_back_claim_leaves_the_spare_as_it_was(with_spares):
    spares_refill(count=1)
    (spare,) = spare_schemas()

    def fail_after_the_schema():
        with transaction.atomic():
            _new_alliance("zurueck")
            raise RuntimeError("the setup failed after the schema")

    with pytest.raises(RuntimeError):
        fail_after_the_schema()
    assert spare_schemas() == [spare]
    assert not schema_exists("zurueck")


def test_with_spares_switched_off_a_new_alliance_is_copied(with_spares):
    spares_refill(count=1)
    with_spares.BUENDNISNETZ_SPARE_SCHEMAS = 0
    alliance = _new_alliance("ohneersatz")
    assert _schema_note(alliance) == f"copied from {TEMPLATE_SCHEMA}"
    assert len(spare_schemas()) == 1


def test_the_deploy_command_makes_the_spares(with_spares, capsys):
    call_command("ensure_template_schema")
    out = capsys.readouterr().out
    assert "up to date" in out
    assert "spare schemas: 2 ready (2 made" in out
    assert len(spare_schemas()) == 2
