"""The prepared demo database: what ``make demo`` makes of an empty database (migrate
every schema, the template schema, ``seed_demo``; the alliances no journey visits at
their smallest: tests/browser/seed.py), kept on the PostgreSQL server as a template.

Preparing it (above all ``seed_demo``'s two years of invented activity) takes far longer
than using it, so the prepared database is kept as a PostgreSQL template
(``bn_browser_tpl_<fingerprint>``, with its media files under .data/browser/ and the
seed's output beside them) and every user starts from a copy of it: the browser
journeys' web server (tests/browser/server.py) and ``seed_demo``'s own test
(tests/demo/test_seed_demo.py), so that one test run seeds the demo once. The
fingerprint covers the code that shapes the data (models, migrations, services, the
statistics and report files, the demo seeds and management commands, the settings,
this folder's seed) and the day, since the seed's dates are relative to today; a
change to any of them builds it anew. Views, forms and templates are not part of it.
A build starts from the migrated copy that building the test database keeps
(tests/databases.py) when it is current, so that its migration steps find nothing left
to do.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from devtools.embedded import pid_alive
from tests.clock import platform_today

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATABASE_PREFIX = "bn_browser_"
TEMPLATE_PREFIX = "bn_browser_tpl_"
CACHE_DIR = BASE_DIR / ".data" / "browser"
# Serialises building the template between test runs on one PostgreSQL server.
TEMPLATE_LOCK = 0x42_4E_42_52  # "BNBR"
# What shapes the prepared data (patterns below the project folder).
FINGERPRINT_SOURCES = (
    "config/settings/*.py",
    "*/models.py",
    "*/models/**/*.py",
    "*/migrations/*.py",
    "*/services/**/*.py",
    "*/services.py",
    "demo/**/*.py",
    "*/management/commands/*.py",
    "kernel/**/*.py",
    # The statistics engine and the report files the seed's released report is made of.
    "regional/*.py",
    "tests/browser/seed.py",
    "tests/browser/server_settings.py",
)


# ---------------------------------------------------------------- the scratch database


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin_connection(url: str) -> psycopg.Connection:
    """A connection to the server's ``postgres`` database (CREATE/DROP DATABASE)."""
    conn = psycopg.connect(_conninfo(_with_database(url, "postgres")), autocommit=True)
    return conn


def _conninfo(url: str) -> str:
    # Django's URL form may carry a socket directory as a percent-encoded host, which
    # psycopg does not read; dj_database_url does.
    import dj_database_url

    config = dj_database_url.parse(url)
    params = {
        "dbname": config["NAME"],
        "user": config.get("USER") or "",
        "password": config.get("PASSWORD") or "",
        "host": config.get("HOST") or "",
        "port": str(config.get("PORT") or ""),
    }
    return psycopg.conninfo.make_conninfo(**{k: v for k, v in params.items() if v})


def drop_stale_databases(url: str) -> list[str]:
    """Drop scratch databases of earlier runs whose process is gone (a killed run)."""
    dropped = []
    with _admin_connection(url) as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s",
                [DATABASE_PREFIX + "%"],
            )
        ]
        for name in names:
            match = re.fullmatch(rf"{DATABASE_PREFIX}(\d+)(_[a-z]+)?", name)
            if match and not pid_alive(int(match.group(1))):
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                dropped.append(name)
    return dropped


def drop_database(url: str, name: str) -> None:
    with _admin_connection(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fingerprint(day: datetime.date | None = None) -> str:
    """A short hash of the checkout, the code that shapes the prepared data and the day."""
    # The seed's dates are relative to the platform's day (Berlin), not the machine's.
    digest = hashlib.sha256(str(day or platform_today()).encode())
    # Each checkout has its own template: its media files live in its own folder.
    digest.update(str(BASE_DIR).encode())
    files = {
        path
        for pattern in FINGERPRINT_SOURCES
        for path in BASE_DIR.glob(pattern)
        if path.is_file() and not ({".venv", ".data", "__pycache__"} & set(path.parts))
    }
    for path in sorted(files):
        digest.update(str(path.relative_to(BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _database_exists(conn: psycopg.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return row is not None


def _execute_once_unused(conn: psycopg.Connection, statement: str) -> None:
    """Run ``statement``, which needs a database nobody is connected to: its last users
    may take a moment to leave."""
    deadline = time.monotonic() + 15
    while True:
        try:
            conn.execute(statement)
            return
        except psycopg.errors.ObjectInUse:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _copy_database(conn: psycopg.Connection, name: str, template: str) -> None:
    _execute_once_unused(conn, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


# ---------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(
    *, database_url: str, redis_url: str, port: int, media_root: str, mail_dir: str = ""
) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        # The test run's own choices must not leak into the server.
        if not key.startswith(("PYTEST_", "DJANGO_", "BUENDNISNETZ_TEST"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "tests.browser.server_settings",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "BUENDNISNETZ_CELERY_EAGER": "true",
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "DJANGO_EMAIL_FILE_PATH": mail_dir,
            "DJANGO_MEDIA_ROOT": media_root,
            "BUENDNISNETZ_SITE_URL": f"http://localhost:{port}",
            "BUENDNISNETZ_BASE_DOMAIN": "localhost",
            "DJANGO_DEBUG": "false",
            "DJANGO_LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    if mail_dir:
        env["DJANGO_EMAIL_BACKEND"] = "django.core.mail.backends.filebased.EmailBackend"
    else:
        del env["DJANGO_EMAIL_FILE_PATH"]
    return env


# Runs the rest of its arguments with this interpreter, after asking Linux to send it
# SIGTERM when its parent (the test run) dies: no server outlives a killed run. The
# request survives exec; elsewhere it is simply not made.


def manage(*args: str, env: dict, log, timings: dict[str, float], label: str = "") -> None:
    """Run ``manage.py`` with the server's environment; its output goes to the log."""
    started = time.monotonic()
    command = [sys.executable, "manage.py", *args]
    log.write(f"\n$ {' '.join(command)}\n")
    log.flush()
    result = subprocess.run(
        command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({result.returncode})")
    timings[f"prepare: {label or args[0]}"] = time.monotonic() - started


def _prepare(*, env: dict, log, timings: dict[str, float], port: int, output: Path) -> None:
    """What ``make demo`` does to a database, and what the journeys need on top (one
    process; the log has the time of each step, ``output`` what ``seed_demo`` said)."""
    prepare = (
        f"from tests.browser.seed import prepare; prepare(port={port}, output={str(output)!r})"
    )
    label = "migrate, template schema, seed"
    manage("shell", "-c", prepare, env=env, log=log, timings=timings, label=label)


def _drop_templates(conn: psycopg.Connection) -> None:
    """Templates of other code or other days are of no use any more. Another checkout's
    template (a worktree, a CI clone) is dropped only once its folder is gone: dropping it
    while that checkout's run copies it would break the run."""
    rows = conn.execute(
        "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database"
        " WHERE datname LIKE %s",
        [TEMPLATE_PREFIX + "%"],
    ).fetchall()
    for name, folder in rows:
        if folder and folder != str(BASE_DIR) and Path(folder).is_dir():
            continue
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if CACHE_DIR.is_dir():
        for folder in CACHE_DIR.glob("media-*"):
            shutil.rmtree(folder, ignore_errors=True)
        for output in CACHE_DIR.glob("seed-*.txt"):
            output.unlink(missing_ok=True)


def _rename_database(conn: psycopg.Connection, old: str, new: str) -> None:
    _execute_once_unused(conn, f'ALTER DATABASE "{old}" RENAME TO "{new}"')


def prepare_database(
    *,
    database_url: str,
    redis_url: str,
    name: str,
    media_root: Path,
    log,
    timings: dict,
    migrated: str | None = None,
) -> str:
    """Create database ``name`` as a copy of the prepared template (built when missing,
    from a copy of the database ``migrated`` if given: its schemas are migrated already)
    and fill ``media_root`` with the template's files. Returns what ``seed_demo`` said
    when it built the template."""
    key = fingerprint()
    template = f"{TEMPLATE_PREFIX}{key}"
    template_media = CACHE_DIR / f"media-{key}"
    output = CACHE_DIR / f"seed-{key}.txt"
    with _admin_connection(database_url) as conn:
        # One run builds, the others wait; the lock ends with the connection at the latest.
        conn.execute("SELECT pg_advisory_lock(%s)", [TEMPLATE_LOCK])
        try:
            prepared = template_media.is_dir() and output.is_file()
            if not (prepared and _database_exists(conn, template)):
                log.write(f"\n== building the template database {template}\n")
                started = time.monotonic()
                _drop_templates(conn)
                timings["prepare: drop outdated templates"] = time.monotonic() - started
                building = f"{template}_build"
                if migrated:
                    _copy_database(conn, building, migrated)
                else:
                    conn.execute(f'CREATE DATABASE "{building}"')
                template_media.mkdir(parents=True)
                port = free_port()
                env = server_environment(
                    database_url=_with_database(database_url, building),
                    redis_url=redis_url,
                    port=port,
                    media_root=str(template_media),
                )
                try:
                    _prepare(env=env, log=log, timings=timings, port=port, output=output)
                    _rename_database(conn, building, template)
                    folder = str(BASE_DIR).replace("'", "''")
                    conn.execute(f"COMMENT ON DATABASE \"{template}\" IS '{folder}'")
                except BaseException:
                    conn.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
                    shutil.rmtree(template_media, ignore_errors=True)
                    output.unlink(missing_ok=True)
                    raise
            else:
                log.write(f"\n== copying the template database {template}\n")
            started = time.monotonic()
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            _copy_database(conn, name, template)
            shutil.copytree(template_media, media_root, dirs_exist_ok=True)
            timings["prepare: copy of the template"] = time.monotonic() - started
            return output.read_text(encoding="utf-8")
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", [TEMPLATE_LOCK])


# ---------------------------------------------------------------- a copy for a test


@dataclass(frozen=True)
class PreparedCopy:
    database: str  # the copy's name on the test database's server
    media_root: Path  # its files
    seed_output: str  # what seed_demo said when it built the template


@contextlib.contextmanager
def prepared_copy(
    *, database_url: str, redis_url: str, migrated: str | None = None
) -> Iterator[PreparedCopy]:
    """A copy of the prepared demo database (built first when missing) and of its files,
    dropped afterwards: for a test in this process that checks the demo data itself."""
    name = f"{DATABASE_PREFIX}{os.getpid()}_demo"
    drop_stale_databases(database_url)
    with tempfile.TemporaryDirectory(prefix="bn-demo-copy-") as folder:
        media_root = Path(folder) / "media"
        media_root.mkdir()
        log_path = Path(folder) / "prepare.log"
        try:
            with open(log_path, "w") as log:
                output = prepare_database(
                    database_url=database_url,
                    redis_url=redis_url,
                    name=name,
                    media_root=media_root,
                    log=log,
                    timings={},
                    migrated=migrated,
                )
        except RuntimeError as error:
            tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-60:])
            raise RuntimeError(f"{error}:\n{tail}") from error
        try:
            yield PreparedCopy(database=name, media_root=media_root, seed_output=output)
        finally:
            drop_database(database_url, name)
