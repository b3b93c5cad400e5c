"""Scratch databases for the tooling (benchmarks, upgrade check) on the development server.

The server is the one ``DATABASE_URL`` names, else the embedded PostgreSQL; a scratch
database sits beside the demo's and never replaces it.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit


def server_url() -> str:
    """``DATABASE_URL``, else the embedded server's URL (started if needed)."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    from devtools import embedded

    return embedded.postgres_url()


def database_url(name: str) -> str:
    """The server's URL with the database name replaced by ``name``."""
    parts = urlsplit(server_url())
    return urlunsplit(parts._replace(path=f"/{name}"))


def connect(url: str):
    """An autocommit psycopg connection to ``url``."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    return psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname=config["NAME"],
        autocommit=True,
    )


def create_database(name: str, *, fresh: bool) -> bool:
    """Create database ``name`` (dropped first if ``fresh``); True if it existed and was kept."""
    from psycopg import sql

    with connect(database_url("postgres")) as admin, admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
        if exists and fresh:
            drop_database(name)
            exists = False
        if not exists:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return exists


def drop_database(name: str) -> None:
    from psycopg import sql

    with connect(database_url("postgres")) as admin, admin.cursor() as cursor:
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
