"""Test databases kept between runs (``--reuse-db``, as ``make check`` runs) are only
kept while the migrations are the same as when they were built.

Django applies new migrations to a kept database, but not a migration that was changed
or removed since; such a database would test a schema nobody will ever have. So each
test database carries a fingerprint of every migration file (as its comment), and a kept
one whose fingerprint differs is replaced by a new one (below: copied from the kept
template, or built).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from tests.clock import platform_today

BASE_DIR = Path(__file__).resolve().parent.parent
# Apps at the top (core/) and one level down (kernel/audit/); never .venv's packages.
MIGRATION_PATTERNS = ("*/migrations/*.py", "*/*/migrations/*.py")
COMMENT_PREFIX = "buendnisnetz migrations "


def migrations_fingerprint() -> str:
    digest = hashlib.sha256()
    files = {
        path
        for pattern in MIGRATION_PATTERNS
        for path in BASE_DIR.glob(pattern)
        if not ({".venv", ".data"} & set(path.relative_to(BASE_DIR).parts))
    }
    for path in sorted(files):
        digest.update(str(path.relative_to(BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return COMMENT_PREFIX + digest.hexdigest()[:16]


def _admin(settings_dict: dict) -> psycopg.Connection:
    params = {
        "dbname": "postgres",
        "host": settings_dict.get("HOST") or None,
        "port": settings_dict.get("PORT") or None,
        "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None,
    }
    return psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True)


def is_current(settings_dict: dict, name: str) -> bool:
    """Whether the kept test database ``name`` exists and has today's migrations."""
    with _admin(settings_dict) as conn:
        return _comment(conn, name) == migrations_fingerprint()


def mark_current(settings_dict: dict, name: str) -> None:
    with _admin(settings_dict) as conn:
        conn.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(name), sql.Literal(migrations_fingerprint())
            )
        )


# ---------------------------------------------------------------- the kept template

# ``make test`` builds each worker's database afresh. Migrating one (the public schema,
# the template schema, the session's alliances) costs seconds per worker and run, so the
# first one built is kept as a PostgreSQL template and the others are copies of it, as
# long as nothing that shapes it changed.

# Serialises building the template between the workers of a run (and between runs).
TEMPLATE_LOCK = 0x42_4E_54_44  # "BNTD"
# What the database holds besides the migrations: the session's alliances, made by the
# provisioning service.
TEMPLATE_SOURCES = (
    "tests/conftest.py",
    "tests/databases.py",
    "tests/factories/tenants.py",
    "tenants/services/alliances.py",
    "tenants/services/provisioning.py",
)


def template_name(test_name: str) -> str:
    """The kept template behind ``test_name`` and the other workers' databases
    (pytest-django appends ``_gw0``, ``_gw1``... to the name)."""
    return re.sub(r"_gw\d+$", "", test_name) + "_tpl"


def template_fingerprint() -> str:
    """The migrations, the code that adds the session's alliances, and the day (their
    audit entries and dates are those of the day the database was built)."""
    digest = hashlib.sha256(migrations_fingerprint().encode())
    digest.update(str(platform_today()).encode())  # the platform's day, not the machine's
    for source in TEMPLATE_SOURCES:
        digest.update((BASE_DIR / source).read_bytes())
    return f"{COMMENT_PREFIX}template {digest.hexdigest()[:16]}"


@dataclass
class TemplateCopy:
    copied: bool  # the test database is a copy of a current template
    built: bool = False  # set by the caller once it built the database itself


def _comment(conn: psycopg.Connection, name: str) -> str | None:
    row = conn.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
        [name],
    ).fetchone()
    return None if row is None else (row[0] or "")


def _create(conn: psycopg.Connection, name: str, template: str) -> None:
    conn.execute(
        sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
            sql.Identifier(name), sql.Identifier(template)
        )
    )


def _drop(conn: psycopg.Connection, name: str) -> None:
    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _keep(conn: psycopg.Connection, source: str, name: str) -> None:
    """Replace ``name`` by a copy of ``source`` (nobody may be connected to it), marked
    with today's template fingerprint."""
    _drop(conn, name)
    _create(conn, name, source)
    conn.execute(
        sql.SQL("COMMENT ON DATABASE {} IS {}").format(
            sql.Identifier(name), sql.Literal(template_fingerprint())
        )
    )


def migrated_name(test_name: str) -> str:
    """The kept copy of a test database before the session's alliances were added: every
    schema migrated, the template schema, no alliance. The browser journeys start their
    demo database from it (tests/browser/server.py) instead of migrating an empty one."""
    return template_name(test_name) + "_migrated"


def keep_migrated(settings_dict: dict, test_name: str) -> None:
    with _admin(settings_dict) as conn:
        _keep(conn, test_name, migrated_name(test_name))


def current_migrated(settings_dict: dict, test_name: str) -> str | None:
    """``migrated_name(test_name)`` if that database is kept and current, else None."""
    name = migrated_name(test_name)
    with _admin(settings_dict) as conn:
        return name if _comment(conn, name) == template_fingerprint() else None


@contextmanager
def fresh_from_template(settings_dict: dict, test_name: str) -> Iterator[TemplateCopy]:
    """A new ``test_name``: a copy of the kept template if that is current, else absent.

    In the second case the caller builds the database inside the block (keeping its
    migrated state on the way: ``keep_migrated``), closes its connections to it and sets
    ``built``; the block then keeps it as the new template. The lock is held
    throughout, so the workers of one run build it once.
    """
    template = template_name(test_name)
    with _admin(settings_dict) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", [TEMPLATE_LOCK])
        try:
            _drop(conn, test_name)
            state = TemplateCopy(copied=_comment(conn, template) == template_fingerprint())
            if state.copied:
                _create(conn, test_name, template)
            yield state
            if state.built and not state.copied:
                _keep(conn, test_name, template)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", [TEMPLATE_LOCK])
