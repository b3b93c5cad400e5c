"""``migrate_schemas --executor=pending``: behind schemas are migrated, current ones skipped."""

from __future__ import annotations

import contextlib
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django_tenants.migration_executors import get_executor
from django_tenants.signals import schema_pre_migration
from psycopg import sql

from tenants.migration_executor import PendingExecutor, schemas_behind
from tenants.models import Alliance
from tenants.schemas import applied_migrations, expected_migrations, tables_in
from tenants.services.alliances import alliance_create
from tenants.services.provisioning import create_alliance_schema_from_template


@pytest.fixture
def migrated_schemas():
    """The schemas that migrate_schemas ran ``migrate`` for, in order."""
    ran: list[str] = []

    def record(sender, schema_name, **kwargs):
        ran.append(schema_name)

    schema_pre_migration.connect(record)
    yield ran
    schema_pre_migration.disconnect(record)


def _migrate_schemas(*args, **options) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("migrate_schemas", *args, interactive=False, verbosity=0, **options)
    connection.set_schema_to_public()


@pytest.fixture
def behind_alliance(db) -> Alliance:
    """An alliance whose schema lacks the ``core`` app's migrations (taken back to zero)."""
    alliance = alliance_create(
        actor=None,
        name="Rückstand",
        slug="rueckstand",
        district="16051",
        copy_template=True,
    )
    _migrate_schemas("core", "zero", tenant=True, schema_name=alliance.schema_name)
    assert "core_partner" not in tables_in(alliance.schema_name)
    return alliance


def test_executor_is_found_by_its_codename():
    assert get_executor("pending") is PendingExecutor


@pytest.mark.slow
def test_behind_schema_is_migrated_and_current_ones_are_skipped(
    jena, badfrankenhausen, behind_alliance, migrated_schemas
):
    _migrate_schemas(tenant=True, executor="pending")

    assert migrated_schemas == [behind_alliance.schema_name]
    assert "core_partner" in tables_in(behind_alliance.schema_name)
    assert expected_migrations() <= applied_migrations(behind_alliance.schema_name)
    assert schemas_behind([jena.schema_name, behind_alliance.schema_name]) == []


def test_nothing_to_apply_runs_migrate_nowhere(jena, badfrankenhausen, migrated_schemas):
    _migrate_schemas(tenant=True, executor="pending")

    assert migrated_schemas == []


@pytest.mark.slow
def test_schema_missing_one_migration_record_is_behind(jena, badfrankenhausen):
    create_alliance_schema_from_template("halb_migriert")
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM halb_migriert.django_migrations "
            "WHERE id = (SELECT max(id) FROM halb_migriert.django_migrations)"
        )
    with connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA ohne_tabellen")

    behind = schemas_behind(
        [jena.schema_name, "halb_migriert", badfrankenhausen.schema_name, "ohne_tabellen"]
    )

    assert behind == ["halb_migriert", "ohne_tabellen"]


@pytest.mark.slow
def test_schema_migrated_before_the_squash_is_migrated_once_and_keeps_its_rows(
    jena, badfrankenhausen, migrated_schemas
):
    """A schema migrated by the old files (release 1cb4d21) has the replaced migrations
    recorded and not the squashed ones: Django counts the squashes as applied, one
    migrate records them and changes no table, then the schema is current."""
    squashed = MigrationLoader(None, ignore_no_migrations=True).replacements
    assert squashed, "no squashed migration left: this test has nothing to prove"
    for migration in squashed.values():
        assert set(migration.replaces) <= applied_migrations(jena.schema_name)
    schema = sql.Identifier(jena.schema_name)
    partners = sql.SQL("SELECT count(*) FROM {}.core_partner").format(schema)
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL(
                "DELETE FROM {}.django_migrations "
                "WHERE (app, name) IN (SELECT * FROM unnest(%s::text[], %s::text[]))"
            ).format(schema),
            [[app for app, _name in squashed], [name for _app, name in squashed]],
        )
        cursor.execute(partners)
        partners_before = cursor.fetchone()[0]
    tables = tables_in(jena.schema_name)
    assert schemas_behind([jena.schema_name, badfrankenhausen.schema_name]) == [jena.schema_name]

    _migrate_schemas(tenant=True, executor="pending")

    assert migrated_schemas == [jena.schema_name]
    assert expected_migrations() <= applied_migrations(jena.schema_name)
    assert tables_in(jena.schema_name) == tables
    with connection.cursor() as cursor:
        cursor.execute(partners)
        assert cursor.fetchone()[0] == partners_before
    assert schemas_behind([jena.schema_name, badfrankenhausen.schema_name]) == []


def test_targeted_migrate_runs_in_every_schema(jena, badfrankenhausen, migrated_schemas):
    # With an app label the plan depends on the target, not only on what is recorded.
    _migrate_schemas("core", tenant=True, executor="pending")

    assert set(migrated_schemas) >= {jena.schema_name, badfrankenhausen.schema_name}
