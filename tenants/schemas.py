"""Reading a schema's make-up: its migration records, tables and structure.

With 650 alliances the catalogue holds some 200,000 relations, and PostgreSQL's
``pg_class`` has no index on a relation's schema: "every table of schema X" reads the
whole catalogue (17-24 ms on the benchmark database, ``information_schema`` views more).
So what a request path asks is asked by name or by object id, which the catalogue's
indexes answer: ``to_regclass`` for one table, ``schema_signature(..., relations=...)``
for the relations a copy of the template must have. Only the template's own signature
(kept per template state by ``tenants.services.provisioning``) reads a whole schema.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from psycopg import sql

# Rows that are part of a schema's make-up rather than an alliance's data.
METADATA_TABLES = {
    "django_migrations": ("app", "name", "applied"),
    "django_content_type": ("app_label", "model"),
}


@functools.cache
def expected_migrations() -> frozenset[tuple[str, str]]:
    """(app, name) of every migration, as ``migrate`` records them in an alliance schema
    (those of shared apps are recorded there too, without touching the schema; a squashed
    migration is recorded under its own name and those of the migrations it replaces).
    Read from the code once per process: the code does not change while it runs."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    replaced = {key for squashed in loader.replacements.values() for key in squashed.replaces}
    return frozenset(set(loader.graph.nodes) | replaced)


def fetch(query: str | sql.Composable, params: list[Any] | dict[str, Any]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def has_table(schema_name: str, table: str) -> bool:
    """Whether ``schema_name`` has ``table`` (one index lookup)."""
    qualified = sql.SQL("{}.{}").format(sql.Identifier(schema_name), sql.Identifier(table))
    connection.ensure_connection()
    name = qualified.as_string(connection.connection)
    return fetch("SELECT to_regclass(%s) IS NOT NULL", [name])[0][0]


def migration_stamp(schema_name: str) -> tuple | None:
    """A schema's state as its migration records tell it: their count, last id and last
    time (a migration adds records; a copy carries its original's). None without them."""
    if not has_table(schema_name, "django_migrations"):
        return None
    query = sql.SQL("SELECT count(*), max(id), max(applied) FROM {}.django_migrations")
    return tuple(fetch(query.format(sql.Identifier(schema_name)), [])[0])


def applied_migrations(schema_name: str) -> set[tuple[str, str]]:
    """(app, name) recorded in ``schema_name``'s own ``django_migrations`` table."""
    if not has_table(schema_name, "django_migrations"):
        return set()
    query = sql.SQL("SELECT app, name FROM {}.django_migrations").format(
        sql.Identifier(schema_name)
    )
    return {(app, name) for app, name in fetch(query, [])}


def tables_in(schema_name: str) -> set[str]:
    """Every table and view of ``schema_name`` (reads the whole catalogue: not for a
    request path)."""
    rows = fetch(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
        [schema_name],
    )
    return {row[0] for row in rows}


def metadata_rows(schema_name: str) -> dict[str, list[tuple]]:
    """The migration records and content types of a schema, in id order."""
    return {
        table: fetch(
            sql.SQL("SELECT {} FROM {}.{} ORDER BY id").format(
                sql.SQL(", ").join(map(sql.Identifier, columns)),
                sql.Identifier(schema_name),
                sql.Identifier(table),
            ),
            [],
        )
        for table, columns in METADATA_TABLES.items()
        if has_table(schema_name, table)
    }


def schema_signature(
    schema_name: str, *, relations: Iterable[str] | None = None
) -> dict[str, set[tuple]]:
    """Everything that makes up a schema's structure, with its own name taken out:
    relations (tables, sequences, indexes, views), columns, constraints and indexes.

    With ``relations``, only the relations of those names are read, each found by the
    catalogue's name index (a copy of the template checked against the template's
    names: a relation the copy lacks is missing from its signature, one it has beyond
    them is not seen); without, every relation of the schema (the whole catalogue).
    """
    namespace_rows = fetch(
        "SELECT oid, quote_ident(nspname) || '.' FROM pg_namespace WHERE nspname = %s",
        [schema_name],
    )
    if not namespace_rows:
        return {"relations": set(), "columns": set(), "constraints": set(), "indexes": set()}
    namespace, prefix = namespace_rows[0]

    def plain(text: str | None) -> str | None:
        return None if text is None else text.replace(prefix, "")

    if relations is None:
        found = fetch(
            "SELECT oid, relname, relkind FROM pg_class WHERE relnamespace = %s", [namespace]
        )
    else:
        found = fetch(
            "SELECT oid, relname, relkind FROM pg_class "
            "WHERE relname = ANY(%s) AND relnamespace = %s",
            [list(relations), namespace],
        )
    oids = [oid for oid, _name, _kind in found]
    columns = fetch(
        "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
        "pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, "
        "col_description(c.oid, a.attnum) "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "WHERE a.attrelid = ANY(%s) AND c.relkind IN ('r', 'p', 'v', 'm') "
        "AND a.attnum > 0 AND NOT a.attisdropped",
        [oids],
    )
    constraints = fetch(
        "SELECT c.relname, con.conname, con.contype, pg_get_constraintdef(con.oid) "
        "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
        "WHERE con.conrelid = ANY(%s)",
        [oids],
    )
    indexes = fetch(
        "SELECT t.relname, i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
        "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
        "WHERE x.indrelid = ANY(%s) AND t.relkind IN ('r', 'm', 'p') "
        "AND i.relkind IN ('i', 'I')",
        [oids],
    )
    return {
        "relations": {(name, kind) for _oid, name, kind in found},
        "columns": {(*row[:4], plain(row[4]), *row[5:]) for row in columns},
        "constraints": {(table, name, kind, plain(d)) for table, name, kind, d in constraints},
        "indexes": {(table, name, plain(d)) for table, name, d in indexes},
    }
