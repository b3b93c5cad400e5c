"""``make demo``: prepare the database and run web server, Celery worker and beat together.

Steps: start (or reuse) the embedded PostgreSQL and Redis unless DATABASE_URL /
REDIS_URL are set, apply migrations to every schema, create the demo data
(idempotent), then run the three processes until Ctrl-C, which stops all of them
and the embedded servers this run started.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from config import embedded

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def _step(message: str) -> None:
    print(f"==> {message}", flush=True)


def _manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)  # noqa: S603


def _prepare_services(env: dict[str, str]) -> list[str]:
    """Fill DATABASE_URL / REDIS_URL; returns the embedded servers this run started."""
    started = []
    if not env.get("DATABASE_URL"):
        if not embedded.postgres_running():
            started.append("postgres")
        _step("PostgreSQL: embedded server under .data/postgres")
        env["DATABASE_URL"] = embedded.postgres_url()
    else:
        _step("PostgreSQL: DATABASE_URL")
    if not env.get("REDIS_URL"):
        if not embedded.redis_running():
            started.append("redis")
        _step("Redis: embedded server under .data/redis")
        env["REDIS_URL"] = embedded.redis_url()
    else:
        _step("Redis: REDIS_URL")
    return started


def _stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 15
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    # Explicit handlers: a shell that starts us in the background ignores SIGINT,
    # and a supervisor stops us with SIGTERM; both must stop everything.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    env["PYTHONUNBUFFERED"] = "1"
    host = env.get("DEMO_BIND", "127.0.0.1")
    port = env.get("DEMO_PORT", "8000")

    started = _prepare_services(env)
    _step("Migrating all schemas")
    _manage("migrate_schemas", "--noinput", "--executor=pending", "-v", "0", env=env)
    # New alliances are copied from this schema (seconds instead of replaying migrations).
    _manage("ensure_template_schema", "-v", "0", env=env)
    _step("Demo data")
    _manage("seed_demo", "--port", port, env=env)

    commands = {
        "web": [PYTHON, "manage.py", "runserver", f"{host}:{port}", "--noreload"],
        "worker": [PYTHON, "-m", "celery", "-A", "config", "worker", "-l", "INFO",
                   "--concurrency", "2", "-n", "demo@%h"],
        "beat": [PYTHON, "-m", "celery", "-A", "config", "beat", "-l", "INFO",
                 "--pidfile="],
    }  # fmt: skip
    processes = []
    for name, command in commands.items():
        _step(f"Starting {name}")
        # Own process groups: Ctrl-C reaches us once, and we stop each group in order.
        processes.append(
            subprocess.Popen(command, cwd=BASE_DIR, env=env, start_new_session=True)  # noqa: S603
        )

    print(f"\nReady: http://localhost:{port}/ (Ctrl-C stops everything)\n", flush=True)
    exit_code = 0
    try:
        while True:
            for name, process in zip(commands, processes, strict=True):
                if process.poll() is not None:
                    print(f"{name} exited with {process.returncode}; stopping.", file=sys.stderr)
                    exit_code = 1
                    raise KeyboardInterrupt
            time.sleep(0.5)
    except KeyboardInterrupt:
        _step("Stopping web server, worker and beat")
    finally:
        _stop(processes)
        if "redis" in started:
            _step("Stopping embedded Redis")
            embedded.stop_redis()
        if "postgres" in started:
            _step("Stopping embedded PostgreSQL")
            embedded.stop_postgres()
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
