"""The platform as a browser meets it: its own scratch database and a real web server.

pytest-django's live_server is not used on purpose: it flushes the test database after
each test, which would wipe the session's alliances and the public schema. Instead the
journeys get a database of their own on the same PostgreSQL server (``bn_browser_<pid>``),
prepared as ``make demo`` prepares one (migrate every schema, the template schema,
``seed_demo``, the alliances no journey visits at their smallest: tests/browser/seed.py),
and ``manage.py runserver`` in a subprocess with the local
settings. Celery tasks run eagerly inside that process (BUENDNISNETZ_CELERY_EAGER), and
e-mails go through the outbox to files (Django's file backend), where a journey reads
the e-mails actually sent and follows their links (``Server.mails``).

Preparing that database (above all ``seed_demo``'s two years of invented activity) takes
far longer than the journeys, so the prepared database is kept as a PostgreSQL template
(``bn_browser_tpl_<fingerprint>``, with its media files under .data/browser/) and each run
starts from a copy of it. The fingerprint covers the code that shapes the data (models,
migrations, services, the statistics and report files, the demo seeds and management
commands, the settings, this folder's seed) and the day, since the seed's dates are
relative to today; a change to any of them builds it anew. Views, forms and templates
are not part of it: the server always runs the current code. A build starts from the
migrated copy that building the test database keeps (tests/databases.py) when it is
current, so that its migration steps find nothing left to do.
"""

from __future__ import annotations

import contextlib
import datetime
import email
import email.policy
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from devtools.embedded import pid_alive

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATABASE_PREFIX = "bn_browser_"
TEMPLATE_PREFIX = "bn_browser_tpl_"
CACHE_DIR = BASE_DIR / ".data" / "browser"
READY_TIMEOUT_SECONDS = 60
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
)


@dataclass
class Server:
    """A running web server; ``url(host)`` builds addresses on it."""

    port: int
    database: str
    log_path: Path
    mail_dir: Path | None = None
    process: subprocess.Popen | None = None
    timings: dict[str, float] = field(default_factory=dict)

    def url(self, host: str = "localhost", path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    def mails(self, to: str = "") -> list[email.message.EmailMessage]:
        """The e-mails the server has sent (to ``to``, if given), oldest first."""
        if self.mail_dir is None or not self.mail_dir.is_dir():
            return []
        found = []
        for path in sorted(self.mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime_ns):
            # The file backend writes the messages of one connection into one file, each
            # followed by a line of 79 dashes.
            for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if not chunk.strip():
                    continue
                message = email.message_from_bytes(chunk.lstrip(), policy=email.policy.default)
                if not to or to in str(message.get("To", "")):
                    found.append(message)
        return found

    def mail_text(self, message) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


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
            match = re.fullmatch(rf"{DATABASE_PREFIX}(\d+)", name)
            if match and not pid_alive(int(match.group(1))):
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                dropped.append(name)
    return dropped


def drop_database(url: str, name: str) -> None:
    with _admin_connection(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fingerprint(day: datetime.date | None = None) -> str:
    """A short hash of the code that shapes the prepared data, and of the day."""
    digest = hashlib.sha256(str(day or datetime.date.today()).encode())  # noqa: DTZ011
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
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
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
DIE_WITH_PARENT = (
    "import contextlib, ctypes, os, signal, sys\n"
    "with contextlib.suppress(OSError, AttributeError):\n"
    "    ctypes.CDLL('libc.so.6').prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG\n"
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])\n"
)


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


def wait_until_ready(server: Server) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    last = "no answer"
    while time.monotonic() < deadline:
        if server.process is not None and server.process.poll() is not None:
            raise RuntimeError(
                f"the web server exited with {server.process.returncode}:\n{server.log_tail()}"
            )
        try:
            # 127.0.0.1 with the state host's name: Python may try ::1 for "localhost".
            request = urllib.request.Request(
                f"http://127.0.0.1:{server.port}/readyz", headers={"Host": "localhost"}
            )
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
                last = f"HTTP {response.status}"
        except urllib.error.HTTPError as error:
            last = f"HTTP {error.code}: {error.read()[:300]!r}"
        except OSError as error:
            last = str(error)
        time.sleep(0.2)
    raise RuntimeError(f"/readyz did not answer 200 in time ({last}):\n{server.log_tail()}")


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def _prepare(*, env: dict, log, timings: dict[str, float], port: int) -> None:
    """What ``make demo`` does to a database, and what the journeys need on top (one
    process; the log has the time of each step)."""
    prepare = f"from tests.browser.seed import prepare; prepare(port={port})"
    label = "migrate, template schema, seed"
    manage("shell", "-c", prepare, env=env, log=log, timings=timings, label=label)


def _drop_templates(conn: psycopg.Connection) -> None:
    """Templates of other code or other days are of no use any more."""
    rows = conn.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s", [TEMPLATE_PREFIX + "%"]
    ).fetchall()
    for (name,) in rows:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if CACHE_DIR.is_dir():
        for folder in CACHE_DIR.glob("media-*"):
            shutil.rmtree(folder, ignore_errors=True)


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
) -> None:
    """Create database ``name`` as a copy of the prepared template (built when missing,
    from a copy of the database ``migrated`` if given: its schemas are migrated already)
    and fill ``media_root`` with the template's files."""
    key = fingerprint()
    template = f"{TEMPLATE_PREFIX}{key}"
    template_media = CACHE_DIR / f"media-{key}"
    with _admin_connection(database_url) as conn:
        # One run builds, the others wait; the lock ends with the connection at the latest.
        conn.execute("SELECT pg_advisory_lock(%s)", [TEMPLATE_LOCK])
        try:
            if not (_database_exists(conn, template) and template_media.is_dir()):
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
                    _prepare(env=env, log=log, timings=timings, port=port)
                    _rename_database(conn, building, template)
                except BaseException:
                    conn.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
                    shutil.rmtree(template_media, ignore_errors=True)
                    raise
            else:
                log.write(f"\n== copying the template database {template}\n")
            started = time.monotonic()
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            _copy_database(conn, name, template)
            shutil.copytree(template_media, media_root, dirs_exist_ok=True)
            timings["prepare: copy of the template"] = time.monotonic() - started
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", [TEMPLATE_LOCK])


def forget_rate_limits(redis_url: str) -> int:
    """Delete the rate-limit counters of earlier servers (``bn-rate:`` keys, the throttle
    cache's prefix in config/settings/base.py): the journeys ask for a password reset,
    which counts three per address and hour, so a fourth run within the hour would be
    refused. The tests' own counters (``bn-rate-<uuid>:``) are left alone."""
    import redis

    client = redis.Redis.from_url(redis_url, socket_timeout=5)
    keys = list(client.scan_iter(match="bn-rate:*", count=1000))
    return client.delete(*keys) if keys else 0


@contextlib.contextmanager
def running_server(
    *, database_url: str, redis_url: str, log_dir: Path, migrated: str | None = None
):
    """Prepare the scratch database (from the database ``migrated``, if given), start
    the server, yield it; always clean up."""
    name = f"{DATABASE_PREFIX}{os.getpid()}"
    port = free_port()
    log_dir.mkdir(parents=True, exist_ok=True)
    mail_dir = log_dir / "mail"
    shutil.rmtree(mail_dir, ignore_errors=True)
    mail_dir.mkdir()
    server = Server(port=port, database=name, log_path=log_dir / "server.log", mail_dir=mail_dir)
    media = tempfile.TemporaryDirectory(prefix="bn-browser-media-")
    env = server_environment(
        database_url=_with_database(database_url, name),
        redis_url=redis_url,
        port=port,
        media_root=media.name,
        mail_dir=str(mail_dir),
    )
    drop_stale_databases(database_url)
    forget_rate_limits(redis_url)
    started = time.monotonic()
    try:
        with open(server.log_path, "w") as log:
            prepare_database(
                database_url=database_url,
                redis_url=redis_url,
                name=name,
                media_root=Path(media.name),
                log=log,
                timings=server.timings,
                migrated=migrated,
            )
            server.timings["prepare database"] = time.monotonic() - started
            started = time.monotonic()
            log.write("\n$ runserver\n")
            log.flush()
            server.process = subprocess.Popen(
                [
                    sys.executable, "-c", DIE_WITH_PARENT, "manage.py", "runserver",
                    f"127.0.0.1:{port}", "--noreload", "--skip-checks",
                ],
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
            wait_until_ready(server)
            server.timings["start server"] = time.monotonic() - started
            yield server
    finally:
        if server.process is not None:
            stop_process(server.process)
        drop_database(database_url, name)
        media.cleanup()
