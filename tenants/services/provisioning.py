"""New alliance schemas in a fraction of a second: cloned from a migrated template schema.

Replaying every tenant migration for each new alliance costs more with every migration
the project adds; copying the structure of a schema that has already been migrated
costs the same whatever the history.

- ``ensure_template_schema()`` keeps the template schema (``TEMPLATE_SCHEMA``) migrated:
  it holds the tenant apps' tables, their ``django_migrations`` rows and the content
  types that ``migrate`` creates, and never any alliance's data.
  ``manage.py ensure_template_schema`` runs it after ``migrate_schemas`` (deploys, demo);
  provisioning runs it too, so a template that a deploy left behind is migrated first.
- ``create_alliance_schema_from_template(schema_name)`` copies the template's structure
  (tables, identity columns, defaults, constraints and indexes under their original
  names; no rows), then the migration records and content types, and compares the
  result with the template before returning.
- ``alliance_create_from_template(...)`` is ``tenants.services.alliances.alliance_create``
  with the schema cloned instead of migrated: row, schema and domain in one transaction.

Why not django-tenants' ``CloneSchema`` (``TENANT_BASE_SCHEMA``)? Its clone renames
every UNIQUE constraint to PostgreSQL's default name (``agenda_item_position`` becomes
``core_agendaitem_meeting_id_position_key``), so a later migration that removes or
changes such a constraint by name would fail on every cloned alliance; it also
re-installs its clone functions and types in the public schema on every call. The copy
here keeps every name and is checked against the template (``schema_signature``), so a
construct it does not handle (say, a view created by ``RunSQL``) fails loudly and the
transaction leaves nothing behind.

Everything runs in the caller's transaction: PostgreSQL's DDL is transactional.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django_tenants.utils import quote_schema_name, schema_exists
from psycopg import sql

from kernel.audit.services import audit_log
from tenants.models import Alliance
from tenants.services.alliances import alliance_create

# The template every new alliance schema is cloned from. The leading underscore keeps
# it apart from alliance schemas (a slug, and so a schema name, starts with a letter).
TEMPLATE_SCHEMA = getattr(settings, "BUENDNISNETZ_TEMPLATE_SCHEMA", "_alliance_template")

# Rows that are part of a schema's make-up rather than an alliance's data.
METADATA_TABLES = {
    "django_migrations": ("app", "name", "applied"),
    "django_content_type": ("app_label", "model"),
}

# Serialises creating and migrating the template across processes.
_TEMPLATE_LOCK = 0x424E5450  # "BNTP"


class TemplateSchemaError(RuntimeError):
    """The template could not be brought up to date, or a clone differs from it."""


# ---------------------------------------------------------------- reading schemas


def expected_migrations() -> set[tuple[str, str]]:
    """(app, name) of every migration, as ``migrate`` records them in an alliance schema
    (those of shared apps are recorded there too, without touching the schema; a squashed
    migration is recorded under its own name and those of the migrations it replaces)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    replaced = {key for squashed in loader.replacements.values() for key in squashed.replaces}
    return set(loader.graph.nodes) | replaced


def _fetch(query: str | sql.Composable, params: list[Any]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def applied_migrations(schema_name: str) -> set[tuple[str, str]]:
    """(app, name) recorded in ``schema_name``'s own ``django_migrations`` table."""
    if "django_migrations" not in tables_in(schema_name):
        return set()
    query = sql.SQL("SELECT app, name FROM {}.django_migrations").format(
        sql.Identifier(schema_name)
    )
    rows = _fetch(query, [])
    return {(app, name) for app, name in rows}


def tables_in(schema_name: str) -> set[str]:
    rows = _fetch(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
        [schema_name],
    )
    return {row[0] for row in rows}


def metadata_rows(schema_name: str) -> dict[str, list[tuple]]:
    """The migration records and content types of a schema, in id order."""
    present = tables_in(schema_name)
    return {
        table: _fetch(
            sql.SQL("SELECT {} FROM {}.{} ORDER BY id").format(
                sql.SQL(", ").join(map(sql.Identifier, columns)),
                sql.Identifier(schema_name),
                sql.Identifier(table),
            ),
            [],
        )
        for table, columns in METADATA_TABLES.items()
        if table in present
    }


def schema_signature(schema_name: str) -> dict[str, set[tuple]]:
    """Everything that makes up a schema's structure, with its own name taken out:
    relations (tables, sequences, indexes, views), columns, constraints and indexes."""
    prefix = _fetch("SELECT quote_ident(%s) || '.'", [schema_name])[0][0]

    def plain(text: str | None) -> str | None:
        return None if text is None else text.replace(prefix, "")

    relations = _fetch(
        "SELECT c.relname, c.relkind FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s",
        [schema_name],
    )
    columns = _fetch(
        "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
        "pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, "
        "col_description(c.oid, a.attnum) "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'v', 'm') "
        "AND a.attnum > 0 AND NOT a.attisdropped",
        [schema_name],
    )
    constraints = _fetch(
        "SELECT c.relname, con.conname, con.contype, pg_get_constraintdef(con.oid) "
        "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s",
        [schema_name],
    )
    indexes = _fetch(
        "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = %s",
        [schema_name],
    )
    return {
        "relations": set(relations),
        "columns": {(*row[:4], plain(row[4]), *row[5:]) for row in columns},
        "constraints": {(table, name, kind, plain(d)) for table, name, kind, d in constraints},
        "indexes": {(table, name, plain(d)) for table, name, d in indexes},
    }


# ---------------------------------------------------------------- the template


@contextmanager
def _template_lock():
    """One transaction at a time creates or migrates the template."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_TEMPLATE_LOCK])
        yield


def template_is_current() -> bool:
    if not schema_exists(TEMPLATE_SCHEMA):
        return False
    return expected_migrations() <= applied_migrations(TEMPLATE_SCHEMA)


def ensure_template_schema(*, verbosity: int = 0) -> bool:
    """Create the template schema if missing and apply pending tenant migrations to it.

    Returns True if anything was created or migrated, False if it was current. Runs
    in one transaction (nothing half-migrated remains after a failure).
    """
    connection.set_schema_to_public()
    if template_is_current():
        return False
    with _template_lock():
        if template_is_current():  # another process did it while we waited
            return False
        if not schema_exists(TEMPLATE_SCHEMA):
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE SCHEMA {quote_schema_name(TEMPLATE_SCHEMA)}")
        # Inside the transaction, django-tenants keeps the connection open afterwards.
        call_command(
            "migrate_schemas",
            tenant=True,
            schema_name=TEMPLATE_SCHEMA,
            interactive=False,
            verbosity=verbosity,
        )
        connection.set_schema_to_public()
        missing = expected_migrations() - applied_migrations(TEMPLATE_SCHEMA)
        if missing:
            raise TemplateSchemaError(
                f"Migrating {TEMPLATE_SCHEMA} left {len(missing)} migrations unapplied."
            )
    return True


def drop_template_schema() -> None:
    """Remove the template; the next ``ensure_template_schema`` builds it again."""
    connection.set_schema_to_public()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {quote_schema_name(TEMPLATE_SCHEMA)} CASCADE")


# ---------------------------------------------------------------- cloning


def _clone_statements(source: str, target: str) -> list[str]:
    """DDL that re-creates ``source``'s tables in ``target`` with every name unchanged."""
    source_prefix, target_prefix = (
        _fetch("SELECT quote_ident(%s) || '.'", [name])[0][0] for name in (source, target)
    )

    def moved(definition: str) -> str:
        return definition.replace(source_prefix, target_prefix)

    tables = _fetch(
        "SELECT quote_ident(c.relname), quote_literal(obj_description(c.oid, 'pg_class')) "
        "FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind = 'r' ORDER BY c.relname",
        [source],
    )
    constraints = _fetch(
        "SELECT quote_ident(c.relname), quote_ident(con.conname), con.contype, "
        "pg_get_constraintdef(con.oid) FROM pg_constraint con "
        "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND con.contype IN ('p', 'u', 'x', 'f') "
        # Keys first, then foreign keys (which need the keys they point to).
        "ORDER BY position(con.contype IN 'puxf'), c.relname, con.conname",
        [source],
    )
    indexes = _fetch(
        "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid) "
        "ORDER BY c.relname",
        [source],
    )
    statements = [f"CREATE SCHEMA {target_prefix[:-1]}"]
    for table, comment in tables:
        statements.append(
            f"CREATE TABLE {target_prefix}{table} (LIKE {source_prefix}{table} "
            # CHECK constraints come along under their names as parsed expressions (a
            # deparsed CHECK, re-parsed, would differ in its casts from the migrated one).
            "INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED INCLUDING CONSTRAINTS "
            "INCLUDING COMMENTS)"
        )
        if comment is not None:  # already quoted as a literal by PostgreSQL
            statements.append(f"COMMENT ON TABLE {target_prefix}{table} IS {comment}")
    for table, name, _kind, definition in constraints:
        statements.append(
            f"ALTER TABLE {target_prefix}{table} ADD CONSTRAINT {name} {moved(definition)}"
        )
    statements.extend(moved(definition) for (definition,) in indexes)
    return statements


def create_alliance_schema_from_template(schema_name: str) -> None:
    """Create ``schema_name`` as a copy of the (current) template's structure.

    No alliance data exists in the template; the migration records and content types
    are copied so that the schema is exactly what ``migrate_schemas`` would have made.
    Raises ``TemplateSchemaError`` (and the caller's transaction undoes everything) if
    the copy differs from the template in any table, column, constraint or index.
    """
    if schema_name in ("public", TEMPLATE_SCHEMA) or schema_name.startswith("pg_"):
        raise TemplateSchemaError(f"{schema_name!r} cannot be an alliance schema.")
    ensure_template_schema()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(";\n".join(_clone_statements(TEMPLATE_SCHEMA, schema_name)))
        for table, columns in METADATA_TABLES.items():
            listed = sql.SQL(", ").join(map(sql.Identifier, columns))
            cursor.execute(
                sql.SQL("INSERT INTO {}.{} ({}) SELECT {} FROM {}.{} ORDER BY id").format(
                    sql.Identifier(schema_name),
                    sql.Identifier(table),
                    listed,
                    listed,
                    sql.Identifier(TEMPLATE_SCHEMA),
                    sql.Identifier(table),
                )
            )
        _verify_clone(schema_name)


def _verify_clone(schema_name: str) -> None:
    expected, actual = schema_signature(TEMPLATE_SCHEMA), schema_signature(schema_name)
    for part in expected:
        missing, extra = expected[part] - actual[part], actual[part] - expected[part]
        if missing or extra:
            raise TemplateSchemaError(
                f"The copy {schema_name} differs from {TEMPLATE_SCHEMA} in its {part}: "
                f"missing {sorted(missing)[:5]}, unexpected {sorted(extra)[:5]}"
            )
    if metadata_rows(schema_name) != metadata_rows(TEMPLATE_SCHEMA):
        raise TemplateSchemaError(f"The copy {schema_name} lacks migration records.")
    defaults = _fetch(
        "SELECT count(*) FROM information_schema.columns "
        "WHERE table_schema = %s AND column_default LIKE %s",
        [schema_name, f"%{TEMPLATE_SCHEMA}%"],
    )
    if defaults[0][0]:
        raise TemplateSchemaError(f"Defaults in {schema_name} still point at the template.")


# ---------------------------------------------------------------- alliances


@transaction.atomic
def alliance_create_from_template(**fields: Any) -> Alliance:
    """``alliance_create`` with the schema copied from the template (row, schema and
    primary domain in one transaction: if any step fails, none of them remains)."""
    connection.set_schema_to_public()
    return alliance_create(copy_template=True, **fields)


def alliance_discard(*, actor, alliance: Alliance, reason: str = "") -> None:
    """Remove an alliance that was never handed over: its schema, domains and row.

    Only for alliances whose provisioning failed; a live alliance is dissolved instead.
    """
    connection.set_schema_to_public()
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="tenants.alliance.discarded",
            target=alliance,
            changes={"slug": alliance.slug, "reason": reason[:500]},
        )
        alliance.delete(force_drop=True)
