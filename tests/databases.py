"""Test databases kept between runs (``--reuse-db``, as ``make check`` runs) are only
kept while the migrations are the same as when they were built.

Django applies new migrations to a kept database, but not a migration that was changed
or removed since; such a database would test a schema nobody will ever have. So each
test database carries a fingerprint of every migration file (as its comment), and a kept
one whose fingerprint differs is dropped and built anew.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import psycopg
from psycopg import sql

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


def drop_if_outdated(settings_dict: dict, name: str) -> bool:
    """Drop the kept test database ``name`` if its migrations differ from today's."""
    with _admin(settings_dict) as conn:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        ).fetchone()
        if row is None or row[0] == migrations_fingerprint():
            return False
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        return True


def mark_current(settings_dict: dict, name: str) -> None:
    with _admin(settings_dict) as conn:
        conn.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(name), sql.Literal(migrations_fingerprint())
            )
        )
