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

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django_tenants.utils import quote_schema_name, schema_exists
from psycopg import sql

from kernel.audit.services import audit_log
from tenants.models import Alliance
from tenants.schemas import (
    METADATA_TABLES,
    applied_migrations,
    expected_migrations,
    metadata_rows,
    migration_stamp,
    schema_signature,
)
from tenants.schemas import fetch as _fetch
from tenants.services.alliances import alliance_create

# The template every new alliance schema is cloned from. The leading underscore keeps
# it apart from alliance schemas (a slug, and so a schema name, starts with a letter).
TEMPLATE_SCHEMA = getattr(settings, "BUENDNISNETZ_TEMPLATE_SCHEMA", "_alliance_template")

# Serialises creating and migrating the template across processes.
_TEMPLATE_LOCK = 0x424E5450  # "BNTP"

__all__ = [
    "METADATA_TABLES",
    "TEMPLATE_SCHEMA",
    "TemplateSchemaError",
    "alliance_create_from_template",
    "alliance_discard",
    "applied_migrations",
    "clone_plan",
    "copy_template_to",
    "create_alliance_schema_from_template",
    "drop_template_schema",
    "ensure_template_schema",
    "expected_migrations",
    "forget_clone_plan",
    "metadata_rows",
    "schema_signature",
    "template_is_current",
]


class TemplateSchemaError(RuntimeError):
    """The template could not be brought up to date, or a clone differs from it."""


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
    forget_clone_plan()
    return True


def drop_template_schema() -> None:
    """Remove the template; the next ``ensure_template_schema`` builds it again."""
    connection.set_schema_to_public()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {quote_schema_name(TEMPLATE_SCHEMA)} CASCADE")
    forget_clone_plan()


# ---------------------------------------------------------------- the clone plan

# The new schema's name in a plan's statements (``quote_ident`` leaves it unquoted).
_TARGET = "__bn_clone_target__"


@dataclass
class ClonePlan:
    """What copying the template takes, for one state of the template (``stamp``): the
    DDL with ``_TARGET`` for the new schema, and the template's signature and rows to
    check a copy against. Reading them costs 300 ms with 650 alliances in the catalogue;
    the template changes only when it is migrated."""

    stamp: tuple  # (database, the template's ``migration_stamp``)
    statements: str
    signature: dict[str, set[tuple]]
    metadata: dict[str, list[tuple]]
    relations: list[str]
    # Whether a copy made with these statements was checked against the whole catalogue
    # (see ``_verify_clone``).
    checked_in_full: bool = field(default=False)


_plans: dict[tuple, ClonePlan] = {}
_plans_lock = threading.Lock()


def _template_stamp() -> tuple | None:
    """The template's state (a rebuilt template has new record times), in this
    database. None without a template."""
    stamp = migration_stamp(TEMPLATE_SCHEMA)
    return None if stamp is None else (connection.settings_dict["NAME"], stamp)


def clone_plan() -> ClonePlan:
    """The plan for the template as it is (the template made current first)."""
    connection.set_schema_to_public()
    stamp = _template_stamp()
    with _plans_lock:
        plan = _plans.get(stamp) if stamp is not None else None
    if plan is not None:
        return plan
    ensure_template_schema()
    stamp = _template_stamp()
    signature = schema_signature(TEMPLATE_SCHEMA)
    statements = [
        *_clone_statements(TEMPLATE_SCHEMA, _TARGET),
        *(
            sql.SQL("INSERT INTO {}.{} ({}) SELECT {} FROM {}.{} ORDER BY id")
            .format(
                sql.SQL(_TARGET),
                sql.Identifier(table),
                sql.SQL(", ").join(map(sql.Identifier, columns)),
                sql.SQL(", ").join(map(sql.Identifier, columns)),
                sql.Identifier(TEMPLATE_SCHEMA),
                sql.Identifier(table),
            )
            .as_string(connection.connection)
            for table, columns in METADATA_TABLES.items()
        ),
    ]
    plan = ClonePlan(
        stamp=stamp,
        statements=";\n".join(statements),
        signature=signature,
        metadata=metadata_rows(TEMPLATE_SCHEMA),
        relations=sorted(name for name, _kind in signature["relations"]),
    )
    with _plans_lock:
        _plans.clear()  # one template state at a time
        _plans[stamp] = plan
    return plan


def forget_clone_plan() -> None:
    """Read the template afresh for the next copy (after migrating or dropping it)."""
    with _plans_lock:
        _plans.clear()


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
    # Keys (primary, unique, exclusion) go into their table's CREATE TABLE: an ALTER
    # TABLE of its own per key cost a third of the copy. Foreign keys follow once every
    # table, with the keys they point to, exists.
    keys: dict[str, list[str]] = {}
    foreign_keys = []
    for table, name, kind, definition in constraints:
        if kind == "f":
            foreign_keys.append(
                f"ALTER TABLE {target_prefix}{table} ADD CONSTRAINT {name} {moved(definition)}"
            )
        else:
            keys.setdefault(table, []).append(f", CONSTRAINT {name} {moved(definition)}")
    statements = [f"CREATE SCHEMA {target_prefix[:-1]}"]
    for table, comment in tables:
        statements.append(
            f"CREATE TABLE {target_prefix}{table} (LIKE {source_prefix}{table} "
            # CHECK constraints come along under their names as parsed expressions (a
            # deparsed CHECK, re-parsed, would differ in its casts from the migrated one).
            "INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED INCLUDING CONSTRAINTS "
            f"INCLUDING COMMENTS{''.join(keys.get(table, ()))})"
        )
        if comment is not None:  # already quoted as a literal by PostgreSQL
            statements.append(f"COMMENT ON TABLE {target_prefix}{table} IS {comment}")
    statements.extend(foreign_keys)
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
    copy_template_to(schema_name, clone_plan())


def copy_template_to(schema_name: str, plan: ClonePlan) -> None:
    """Run ``plan``'s DDL for ``schema_name`` and check the copy (in a transaction)."""
    target = sql.Identifier(schema_name).as_string(connection.connection)
    with transaction.atomic(), connection.cursor() as cursor:
        # The target's name is quoted by psycopg; the rest is the template's own DDL.
        cursor.execute(plan.statements.replace(_TARGET, target))
        _verify_clone(schema_name, plan)


def _verify_clone(schema_name: str, plan: ClonePlan) -> None:
    """Compare the copy with the template. The first copy made from a plan is read
    from the whole catalogue, so that a relation the DDL makes beyond the template's
    is seen too; the same DDL makes the same relations every time, so later copies are
    read by the template's relation names (the catalogue's index: 20 ms instead of 110)."""
    full = not plan.checked_in_full
    actual = schema_signature(schema_name, relations=None if full else plan.relations)
    problem = ""
    for part, expected in plan.signature.items():
        missing, extra = expected - actual[part], actual[part] - expected
        if missing or extra:
            problem = (
                f"The copy {schema_name} differs from {TEMPLATE_SCHEMA} in its {part}: "
                f"missing {sorted(missing)[:5]}, unexpected {sorted(extra)[:5]}"
            )
            break
    if not problem and metadata_rows(schema_name) != plan.metadata:
        problem = f"The copy {schema_name} lacks migration records."
    # A default still naming the template would read the template's sequence.
    if not problem and any(TEMPLATE_SCHEMA in (row[4] or "") for row in actual["columns"]):
        problem = f"Defaults in {schema_name} still point at the template."
    if problem:
        forget_clone_plan()  # a plan whose copy differs is never used again
        raise TemplateSchemaError(problem)
    plan.checked_in_full = True


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
