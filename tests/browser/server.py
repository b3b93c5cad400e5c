"""The platform as a browser meets it: its own scratch database and a real web server.

pytest-django's live_server is not used on purpose: it flushes the test database after
each test, which would wipe the session's alliances and the public schema. Instead the
journeys get a database of their own on the same PostgreSQL server (``bn_browser_<pid>``),
prepared as ``make demo`` prepares one (migrate every schema, the template schema,
``seed_demo``, the alliances no journey visits at their smallest: tests/browser/seed.py),
and ``manage.py runserver`` in a subprocess with the local settings (with the suite's
fast password hasher: tests/browser/server_settings.py). Celery tasks run eagerly inside
that process (BUENDNISNETZ_CELERY_EAGER), and e-mails go through the outbox to files
(Django's file backend), where a journey reads the e-mails actually sent and follows
their links (``Server.mails``).

The database is a copy of the prepared demo database (tests/browser/prepared.py, kept
as a PostgreSQL template and shared with ``seed_demo``'s own test). Views, forms and
templates are not part of it: the server always runs the current code.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from devtools.embedded import pid_alive
from tests.browser.prepared import (
    BASE_DIR,
    DATABASE_PREFIX,
    _with_database,
    drop_database,
    drop_stale_databases,
    fingerprint,
    free_port,
    prepare_database,
    server_environment,
)

__all__ = ["Server", "fingerprint", "running_server"]

READY_TIMEOUT_SECONDS = 60


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


# ---------------------------------------------------------------- processes

# Runs the rest of its arguments with this interpreter, after asking Linux to send it
# SIGTERM when its parent (the test run) dies: no server outlives a killed run. The
# request survives exec; elsewhere it is simply not made.
DIE_WITH_PARENT = (
    "import contextlib, ctypes, os, signal, sys\n"
    "with contextlib.suppress(OSError, AttributeError):\n"
    "    ctypes.CDLL('libc.so.6').prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG\n"
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])\n"
)


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


def server_folders(log_dir: Path, name: str) -> tuple[Path, Path]:
    """The mail folder (made anew, empty) and the log file of the server of database
    ``name``; another running server's are left alone, those of ended ones removed."""
    _forget_dead_servers(log_dir)
    mail_dir = log_dir / "mail" / name
    shutil.rmtree(mail_dir, ignore_errors=True)
    mail_dir.mkdir(parents=True)
    return mail_dir, log_dir / f"server-{name}.log"


def _forget_dead_servers(log_dir: Path) -> None:
    """The mail folders and logs of servers whose test process has ended (and the one
    shared mail folder's files and log of the layout before)."""
    for path in [*log_dir.glob("mail/*.log"), log_dir / "server.log"]:
        path.unlink(missing_ok=True)
    for path in [*log_dir.glob(f"mail/{DATABASE_PREFIX}*"), *log_dir.glob("server-*.log")]:
        pid = path.name.removesuffix(".log").rsplit("_", 1)[-1]
        if pid.isdigit() and not pid_alive(int(pid)):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


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
    # Each test process's server has a log and a mail folder of its own: the journeys'
    # server and the crawl modules' run at the same time in other test processes, and a
    # server that started emptied the one mail folder while a journey was counting the
    # e-mails it had been sent.
    mail_dir, log_path = server_folders(log_dir, name)
    server = Server(port=port, database=name, log_path=log_path, mail_dir=mail_dir)
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
