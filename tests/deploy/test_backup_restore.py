"""deploy/bin/backup-* and restore-* against real PostgreSQL (the server the suite uses).

The scripts run as an IT provider runs them, as subprocesses with DATABASE_URL, on a
scratch database that this module creates on the same server (migrated, or copied from
the suite's migrated database, with two alliances copied from the template schema and a
few partners), so the test session's own database is never touched. Every scratch
database is dropped at the end, also when a test fails.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from devtools.databases import database_url, server_url

pytestmark = pytest.mark.slow

BASE_DIR = Path(__file__).resolve().parents[2]
BIN = BASE_DIR / "deploy" / "bin"
SCRIPTS = ("backup-database", "backup-alliance", "restore-database", "restore-alliance")
SCRATCH = f"bn_backup_{os.getpid()}"
COPY = f"{SCRATCH}_copy"
CREATED = f"{SCRATCH}_created"

# Runs in a subprocess against the scratch database: the shared schema migrated, the
# template schema, two alliances copied from it and their partners, as in production.
SETUP = """
import django
django.setup()
from django.core.management import call_command
from django_tenants.utils import schema_context
from tenants.services.alliances import alliance_create
from tests.factories.partners import PartnerFactory

call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
for slug, name, district, partners in (
    ("jena", "Lokales Bündnis für Familie Jena", "16053", ["Zeiss", "Stadtwerke", "Uniklinikum"]),
    ("erfurt", "Lokales Bündnis für Familie Erfurt", "16051", ["Bosch", "Messe Erfurt"]),
):
    alliance_create(actor=None, name=name, slug=slug, district=district, copy_template=True)
    with schema_context(slug):
        for partner in partners:
            PartnerFactory(name=f"{partner} ({slug})")
"""


def _load_pgtools():
    spec = importlib.util.spec_from_file_location("_pgtools", BIN / "_pgtools.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


pgtools = _load_pgtools()
# Loading the entry loads its siblings (deploy/bin/_pg_base.py: connection, tools, exit codes).
pgbase = sys.modules["_pg_base"]


# ---------------------------------------------------------------- fixtures and helpers


# The server the test suite uses; url_for(name) names another database on it.
_server_url = server_url
url_for = database_url


def _pg_bin() -> str:
    """The client tools for the scripts: PG_BIN if given, else the newer of those that
    ship with the embedded server (pgserver) and those on PATH (here: 16 and 15)."""
    if os.environ.get("PG_BIN"):
        return os.environ["PG_BIN"]
    candidates = [pgbase.embedded_bin_dir()]
    on_path = shutil.which("pg_dump")
    if on_path:
        candidates.append(Path(on_path).parent)
    candidates = [path for path in candidates if path is not None]
    assert candidates, "no PostgreSQL client tools: set PG_BIN"
    return str(max(candidates, key=_major))


def _major(bin_dir: Path) -> int:
    tools = pgbase.Tools(bin_dir, "test")
    return pgbase.client_major(tools, "pg_dump", pgbase.parse_database_url(_server_url()))


PG_BIN = _pg_bin()


def _admin():
    return psycopg.connect(url_for("postgres"), autocommit=True)


def _drop_databases() -> None:
    with _admin() as conn:
        for name in (SCRATCH, COPY, CREATED):
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture(scope="module")
def scratch(django_db_setup):
    """The scratch database, migrated, with alliances jena and erfurt and their partners.

    It starts as a copy of the migrated database that building the test database keeps
    (tests/databases.py: every schema migrated, the template schema, no alliance) when
    that one is current, so that SETUP's migration finds nothing left to do; else empty.
    """
    from django.db import connection

    from tests import databases

    migrated = databases.current_migrated(
        connection.settings_dict, connection.settings_dict["NAME"]
    )
    _drop_databases()
    try:
        with _admin() as conn:
            create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(SCRATCH))
            if migrated:
                create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(migrated))
            conn.execute(create)
        env = {
            **os.environ,
            "DATABASE_URL": url_for(SCRATCH),
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
        }
        result = subprocess.run(
            [sys.executable, "-c", SETUP],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        yield SCRATCH
    finally:
        _drop_databases()


def run_script(name: str, *args: str, database: str = SCRATCH, cwd=None, **env_extra):
    env = {**os.environ, "DATABASE_URL": url_for(database), **env_extra}
    env.setdefault("PG_BIN", PG_BIN)
    return subprocess.run(
        [str(BIN / name), *args],
        env=env,
        cwd=cwd or BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def query(database: str, statement, params=None) -> list[tuple]:
    with psycopg.connect(url_for(database), autocommit=True) as conn:
        cursor = conn.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


def add_partner(database: str, schema: str, name: str) -> None:
    """A partner like the schema's first one, by SQL (whatever columns Partner has)."""
    columns = [
        row[0]
        for row in query(
            database,
            "SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
            "AND table_name = 'core_partner' AND column_name NOT IN ('id', 'name')",
            [schema],
        )
    ]
    listed = sql.SQL(", ").join(map(sql.Identifier, columns))
    table = sql.Identifier(schema, "core_partner")
    query(
        database,
        sql.SQL("INSERT INTO {} (name, {}) SELECT %s, {} FROM {} LIMIT 1").format(
            table, listed, listed, table
        ),
        [name],
    )


def partners(database: str, schema: str) -> list[str]:
    statement = sql.SQL("SELECT name FROM {}.core_partner ORDER BY name").format(
        sql.Identifier(schema)
    )
    return [row[0] for row in query(database, statement)]


def public_rows(database: str) -> dict[str, list[tuple]]:
    """Every row of the public tables a restore of an alliance must never touch."""
    return {
        table: query(
            database, sql.SQL("SELECT * FROM public.{} ORDER BY id").format(sql.Identifier(table))
        )
        for table in ("tenants_alliance", "tenants_domain", "tenants_user", "audit_auditentry")
    }


def schemas(database: str) -> list[str]:
    rows = query(
        database,
        "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
        "AND nspname <> 'information_schema' ORDER BY 1",
    )
    return [row[0] for row in rows]


def state(database: str = SCRATCH) -> dict:
    """Everything the unhappy paths must leave as it was."""
    return {
        "schemas": schemas(database),
        "public": public_rows(database),
        "jena": partners(database, "jena"),
        "erfurt": partners(database, "erfurt"),
    }


# ---------------------------------------------------------------- the server and the scripts


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="checks the embedded server")
def test_embedded_server_allows_enough_locks_for_a_dump_of_many_schemas():
    rows = query("postgres", "SELECT current_setting('max_locks_per_transaction')::int")
    assert rows[0][0] >= pgbase.RECOMMENDED_MAX_LOCKS


@pytest.mark.parametrize("script", SCRIPTS)
def test_scripts_are_executable_bash_with_strict_mode_and_help(script):
    path = BIN / script
    text = path.read_text()
    assert os.access(path, os.X_OK)
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text
    result = run_script(script, "-h")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: {script}")
    assert "DATABASE_URL" in result.stdout
    assert "exit codes" in result.stdout


@pytest.mark.parametrize("script", ["backup-alliance", "restore-database", "restore-alliance"])
def test_missing_arguments_are_a_usage_error(script):
    result = run_script(script)
    assert result.returncode == pgbase.EXIT_USAGE
    assert "the following arguments are required" in result.stderr


def test_database_url_keeps_libpq_parameters_and_moves_the_password_out():
    connection = pgbase.parse_database_url(
        "pgsql://app:s%40cret@db.example:5433/buendnisnetz?sslmode=require&conn_max_age=60"
    )
    assert connection.url == "postgresql://app@db.example:5433/buendnisnetz?sslmode=require"
    assert connection.password == "s@cret"
    assert connection.env()["PGPASSWORD"] == "s@cret"
    socket = pgbase.parse_database_url("postgres://postgres@%2Fvar%2Frun%2Fpostgresql/bn")
    assert socket.url == "postgresql://postgres@%2Fvar%2Frun%2Fpostgresql/bn"
    assert socket.password is None
    with pytest.raises(pgbase.ToolError, match="PostgreSQL URL"):
        pgbase.parse_database_url("sqlite:///db.sqlite3")


# ---------------------------------------------------------------- one alliance


def test_restore_alliance_brings_back_a_deleted_partner_and_touches_nothing_else(scratch, tmp_path):
    backup = tmp_path / "jena.dump"
    result = run_script("backup-alliance", "jena", "--output", str(backup))
    assert result.returncode == 0, result.stderr
    assert backup.stat().st_mode & 0o077 == 0  # personal data: readable by its owner only
    jena_at_backup = partners(scratch, "jena")
    assert "Zeiss (jena)" in jena_at_backup

    # After the backup: a partner deleted in Jena, one added in Erfurt, the alliance's
    # row in the public schema changed.
    query(scratch, "DELETE FROM jena.core_partner WHERE name = 'Zeiss (jena)'")
    add_partner(scratch, "erfurt", "Helios Klinikum (erfurt)")
    query(
        scratch,
        "UPDATE public.tenants_alliance SET host_organisation = 'Stadt Jena, FB Soziales' "
        "WHERE slug = 'jena'",
    )
    erfurt_before = partners(scratch, "erfurt")
    public_before = public_rows(scratch)

    result = run_script("restore-alliance", "jena", str(backup))

    assert result.returncode == 0, result.stderr
    assert "schema jena restored" in result.stdout
    assert partners(scratch, "jena") == jena_at_backup
    assert partners(scratch, "erfurt") == erfurt_before
    assert "Helios Klinikum (erfurt)" in erfurt_before
    assert public_rows(scratch) == public_before
    assert schemas(scratch) == ["_alliance_template", "erfurt", "jena", "public"]
    # The restored schema is usable: its sequences go on after the restored rows.
    add_partner(scratch, "jena", "Jenoptik (jena)")
    query(scratch, "DELETE FROM jena.core_partner WHERE name = 'Jenoptik (jena)'")


def test_restore_alliance_keep_old_keeps_the_replaced_schema_aside(scratch, tmp_path):
    backup = tmp_path / "erfurt.dump"
    assert run_script("backup-alliance", "erfurt", "--output", str(backup)).returncode == 0
    before = partners(scratch, "erfurt")
    result = run_script("restore-alliance", "erfurt", str(backup), "--keep-old")
    try:
        assert result.returncode == 0, result.stderr
        aside = [name for name in schemas(scratch) if name.startswith("erfurt_before_restore_")]
        assert len(aside) == 1
        assert aside[0] in result.stdout
        assert partners(scratch, aside[0]) == before == partners(scratch, "erfurt")
    finally:
        for name in schemas(scratch):
            if name.startswith("erfurt_before_restore_"):
                query(scratch, sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)))


def test_restore_alliance_refuses_another_alliances_backup_and_changes_nothing(scratch, tmp_path):
    erfurt_backup = tmp_path / "erfurt.dump"
    whole_backup = tmp_path / "all.dump"
    assert run_script("backup-alliance", "erfurt", "--output", str(erfurt_backup)).returncode == 0
    assert run_script("backup-database", "--output", str(whole_backup)).returncode == 0
    before = state()

    other = run_script("restore-alliance", "jena", str(erfurt_backup))
    whole = run_script("restore-alliance", "jena", str(whole_backup))

    assert other.returncode == pgbase.EXIT_REFUSED
    assert "holds schema(s) erfurt, not exactly 'jena'" in other.stderr
    assert "nothing was changed" in other.stderr
    assert whole.returncode == pgbase.EXIT_REFUSED
    assert "use restore-database" in whole.stderr
    assert state() == before


def test_unknown_and_protected_alliances_are_refused(scratch, tmp_path):
    backup = tmp_path / "jena.dump"
    assert run_script("backup-alliance", "jena", "--output", str(backup)).returncode == 0
    before = state()
    for slug in ("weimar", "public", "_alliance_template", "pg_catalog"):
        dumped = run_script("backup-alliance", slug, "--output", str(tmp_path / f"{slug}.dump"))
        restored = run_script("restore-alliance", slug, str(backup))
        for result in (dumped, restored):
            assert result.returncode == pgbase.EXIT_REFUSED, (slug, result.stderr)
        assert not (tmp_path / f"{slug}.dump").exists()
    unknown = run_script("backup-alliance", "weimar")
    assert "there is no alliance 'weimar' " in unknown.stderr
    assert "(known: erfurt, jena)" in unknown.stderr
    protected = run_script("restore-alliance", "_alliance_template", str(backup))
    assert "is not an alliance's short name" in protected.stderr
    assert state() == before


def test_missing_damaged_or_existing_files_are_refused(scratch, tmp_path):
    before = state()
    missing = run_script("restore-alliance", "jena", str(tmp_path / "nowhere.dump"))
    assert missing.returncode == pgbase.EXIT_USAGE
    assert "does not exist" in missing.stderr
    missing_db = run_script("restore-database", str(tmp_path / "nowhere.dump"))
    assert missing_db.returncode == pgbase.EXIT_USAGE
    assert "does not exist" in missing_db.stderr

    damaged = tmp_path / "damaged.dump"
    damaged.write_bytes(b"PGDMP this is not an archive")
    broken = run_script("restore-alliance", "jena", str(damaged))
    assert broken.returncode == pgbase.EXIT_REFUSED
    assert "not a readable pg_dump archive" in broken.stderr

    existing = tmp_path / "existing.dump"
    existing.write_text("keep me")
    overwrite = run_script("backup-database", "--output", str(existing))
    assert overwrite.returncode == pgbase.EXIT_USAGE
    assert "exists already" in overwrite.stderr
    assert existing.read_text() == "keep me"
    assert state() == before


def test_client_tools_older_than_the_server_are_refused(scratch, tmp_path):
    """pg_dump 15 cannot dump a PostgreSQL 16 server (as on this machine's PATH)."""
    fake_bin = bin_with_fake(tmp_path, "pg_dump", "echo 'pg_dump (PostgreSQL) 9.6.24'")
    output = tmp_path / "old.dump"

    result = run_script("backup-database", "--output", str(output), PG_BIN=str(fake_bin))

    assert result.returncode == pgbase.EXIT_REFUSED
    assert "pg_dump is version 9" in result.stderr
    assert "older than the server" in result.stderr
    assert "PG_BIN" in result.stderr
    assert not output.exists()
    assert list(tmp_path.glob("*.partial")) == []


def test_a_running_transaction_blocking_the_restore_rolls_it_back(scratch, tmp_path):
    backup = tmp_path / "jena.dump"
    assert run_script("backup-alliance", "jena", "--output", str(backup)).returncode == 0
    query(scratch, "DELETE FROM jena.core_partner WHERE name = 'Stadtwerke (jena)'")
    before = state()
    with psycopg.connect(url_for(scratch)) as blocker:
        # A web request in the middle of a transaction on the alliance's tables.
        blocker.execute("SELECT count(*) FROM jena.core_partner").fetchone()
        result = run_script("restore-alliance", "jena", str(backup), "--lock-wait-timeout", "1")
        blocker.rollback()
    assert result.returncode == pgbase.EXIT_FAILED
    assert "rolled back; nothing was changed" in result.stderr
    assert "lock timeout" in result.stderr
    assert state() == before
    # Once the transaction has ended, the same restore succeeds.
    assert run_script("restore-alliance", "jena", str(backup)).returncode == 0
    assert "Stadtwerke (jena)" in partners(scratch, "jena")


# ---------------------------------------------------------------- the whole database


def test_whole_database_backup_restores_into_a_new_database(scratch, tmp_path):
    backup = tmp_path / "all.dump"
    # A spare copy of the template (tenants.services.spares) holds no data: not backed up.
    query(scratch, 'CREATE SCHEMA "_alliance_spare_0123456789ab"')
    query(scratch, 'CREATE TABLE "_alliance_spare_0123456789ab".core_partner (id int)')
    result = run_script("backup-database", "--output", str(backup))
    assert result.returncode == 0, result.stderr
    assert "2 alliances" in result.stdout

    restored = run_script("restore-database", str(backup), "--target-db", COPY)

    assert restored.returncode == 0, restored.stderr
    assert f"into database {COPY} (2 alliances)" in restored.stdout
    alliances = "SELECT slug, schema_name, name FROM public.tenants_alliance ORDER BY slug"
    assert query(COPY, alliances) == query(scratch, alliances)
    assert public_rows(COPY) == public_rows(scratch)
    assert schemas(COPY) == [s for s in schemas(scratch) if not s.startswith("_alliance_spare_")]
    assert "_alliance_spare_0123456789ab" in schemas(scratch)
    for schema in ("jena", "erfurt"):
        assert partners(COPY, schema) == partners(scratch, schema)


def test_restore_database_refuses_a_non_empty_target_unless_clean(scratch, tmp_path):
    backup = tmp_path / "all.dump"
    assert run_script("backup-database", "--output", str(backup)).returncode == 0
    alliance_backup = tmp_path / "jena.dump"
    assert run_script("backup-alliance", "jena", "--output", str(alliance_backup)).returncode == 0
    before = state()

    into_itself = run_script("restore-database", str(backup))
    wrong_kind = run_script("restore-database", str(alliance_backup), "--target-db", CREATED)

    assert into_itself.returncode == pgbase.EXIT_REFUSED
    assert f"database {SCRATCH} is not empty" in into_itself.stderr
    assert wrong_kind.returncode == pgbase.EXIT_REFUSED
    assert "restore-alliance" in wrong_kind.stderr
    assert query("postgres", "SELECT 1 FROM pg_database WHERE datname = %s", [CREATED]) == []
    assert state() == before

    # --clean replaces the backup's objects: a partner deleted afterwards comes back.
    query(scratch, "DELETE FROM erfurt.core_partner WHERE name = 'Bosch (erfurt)'")
    cleaned = run_script("restore-database", str(backup), "--clean")
    assert cleaned.returncode == 0, cleaned.stderr
    assert state() == before


def bin_with_fake(tmp_path: Path, tool: str, script: str) -> Path:
    """A bin directory with PG_BIN's client tools, but ``tool`` a shell ``script``."""
    fake_bin = tmp_path / f"fake-{tool}-bin"
    fake_bin.mkdir()
    for other in {"psql", "pg_dump", "pg_restore"} - {tool}:
        (fake_bin / other).symlink_to(Path(PG_BIN) / other)
    fake = fake_bin / tool
    fake.write_text(f"#!/bin/sh\n{script}\n")
    fake.chmod(0o755)
    return fake_bin


def fake_pg_restore(tmp_path: Path, behaviour: str) -> Path:
    """A bin directory whose pg_restore lists and reports its version like the real one,
    but fails when it restores (``behaviour``: a shell snippet run instead)."""
    real = Path(PG_BIN) / "pg_restore"
    return bin_with_fake(
        tmp_path,
        "pg_restore",
        f'case "$1" in -l|--version) exec "{real}" "$@";; esac\nREAL="{real}"\n{behaviour}',
    )


def test_an_archive_that_breaks_off_while_restoring_an_alliance_is_never_committed(
    scratch, tmp_path
):
    backup = tmp_path / "jena.dump"
    assert run_script("backup-alliance", "jena", "--output", str(backup)).returncode == 0
    query(scratch, "DELETE FROM jena.core_partner WHERE name = 'Uniklinikum (jena)'")
    before = state()
    # The archive's SQL stops half way (CREATE SCHEMA and some tables are through).
    fake_bin = fake_pg_restore(
        tmp_path,
        '"$REAL" "$@" | head -c 20000\n'
        'echo "pg_restore: error: could not read from input file: end of file" >&2\nexit 1',
    )

    result = run_script("restore-alliance", "jena", str(backup), PG_BIN=str(fake_bin))

    assert result.returncode == pgbase.EXIT_FAILED
    assert f"pg_restore could not read {backup}; nothing was changed" in result.stderr
    assert "end of file" in result.stderr
    assert state() == before


def test_a_failed_restore_into_a_new_database_drops_it_again(scratch, tmp_path):
    backup = tmp_path / "all.dump"
    assert run_script("backup-database", "--output", str(backup)).returncode == 0
    fake_bin = fake_pg_restore(
        tmp_path, 'echo "pg_restore: error: could not execute query: simulated" >&2\nexit 1'
    )

    result = run_script(
        "restore-database", str(backup), "--target-db", CREATED, PG_BIN=str(fake_bin)
    )

    assert result.returncode == pgbase.EXIT_FAILED
    assert f"the new database {CREATED} was dropped again" in result.stderr
    assert "simulated" in result.stderr
    assert query("postgres", "SELECT 1 FROM pg_database WHERE datname = %s", [CREATED]) == []
