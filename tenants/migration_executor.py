"""``migrate_schemas --executor=pending``: migrate only the schemas that are behind.

django-tenants' executors run Django's whole ``migrate`` command once per schema: build
the migration graph, check it against the schema's ``django_migrations``, render the
project state and send ``post_migrate``, even when there is nothing to apply. With
hundreds of alliances that is minutes for a release without a tenant migration (see
docs/benchmarks.md). This executor first reads every schema's applied migrations with
one statement and compares them with the migration graph, then hands only the schemas
that lack a migration to the standard executor. A schema that has every migration of
the graph recorded has an empty plan, so skipping it changes nothing.

Only a plain ``migrate_schemas`` (no app label or target, no ``--fake``, ``--plan``,
``--check``, ``--prune`` or ``--run-syncdb``) is filtered; anything else runs in every
schema exactly as the standard executor does.

django-tenants looks executors up among the imported subclasses of its base class;
``GET_EXECUTOR_FUNCTION = "tenants.migration_executor.get_executor"`` makes sure this
module is imported (config/settings/base.py sets it).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from django.db import connections
from django_tenants.migration_executors import get_executor as tenants_get_executor
from django_tenants.migration_executors.base import MigrationExecutor
from django_tenants.migration_executors.standard import StandardExecutor
from psycopg import sql

# Options under which the plan of a schema depends on more than its applied migrations.
_UNFILTERED_OPTIONS = (
    "app_label",
    "migration_name",
    "fake",
    "fake_initial",
    "plan",
    "check_unapplied",
    "prune",
    "run_syncdb",
)


def get_executor(codename: str | None = None):
    """django-tenants' executor lookup, with this module's executor registered."""
    return tenants_get_executor(codename)


def schemas_behind(schema_names: Iterable[str], *, using: str = "default") -> list[str]:
    """The schemas of ``schema_names`` whose ``django_migrations`` lacks a migration of the
    graph (or that have no such table yet), in the order given. Two statements in all."""
    from tenants.schemas import expected_migrations

    names = list(dict.fromkeys(schema_names))
    if not names:
        return []
    connection = connections[using]
    connection.set_schema_to_public()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = 'django_migrations' AND c.relkind = 'r' "
            "AND n.nspname = ANY(%s)",
            [names],
        )
        with_table = {row[0] for row in cursor.fetchall()}
        checkable = [name for name in names if name in with_table]
        behind = set(names) - with_table
        if checkable:
            expected = sorted(expected_migrations())
            # One branch per schema: the schema's name if any expected migration is missing.
            branches = sql.SQL("\nUNION ALL\n").join(
                sql.SQL(
                    "SELECT {name} WHERE EXISTS (SELECT app, name FROM expected "
                    "EXCEPT SELECT app, name FROM {table})"
                ).format(
                    name=sql.Literal(name),
                    table=sql.Identifier(name, "django_migrations"),
                )
                for name in checkable
            )
            statement = sql.SQL(
                "WITH expected AS MATERIALIZED (SELECT * FROM unnest(%s::text[], %s::text[]) "
                "AS e(app, name))\n{}"
            ).format(branches)
            cursor.execute(
                statement.as_string(connection.connection),
                [[app for app, _name in expected], [name for _app, name in expected]],
            )
            behind.update(row[0] for row in cursor.fetchall())
    return [name for name in names if name in behind]


class PendingExecutor(MigrationExecutor):
    """The standard executor, for the schemas that have something to apply."""

    codename = "pending"

    def _filters(self) -> bool:
        return not any(self.options.get(option) for option in _UNFILTERED_OPTIONS)

    def run_migrations(self, tenants=None):
        tenants = list(tenants or [])
        if tenants and self._filters():
            behind = schemas_behind(tenants, using=self.TENANT_DB_ALIAS)
            if int(self.options.get("verbosity", 1)) >= 1:
                sys.stdout.write(
                    f"[pending] {len(behind)} of {len(tenants)} schemas have migrations to "
                    "apply; the others are up to date and skipped.\n"
                )
            tenants = behind
        StandardExecutor(self.args, self.options).run_migrations(tenants=tenants)

    def run_multi_type_migrations(self, tenants):
        # The project has one tenant type; keep django-tenants' behaviour for others.
        StandardExecutor(self.args, self.options).run_multi_type_migrations(tenants)
