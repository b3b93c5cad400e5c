"""``make demo``: prepare the database and run web server, Celery worker and beat together.

Steps: start (or reuse) the embedded PostgreSQL and Redis unless DATABASE_URL /
REDIS_URL are set, apply migrations to every schema, create the demo data
(idempotent), then run the three processes until Ctrl-C, SIGTERM or SIGHUP, which stops
all of them and the embedded servers this run started.

Whatever the moment a stop signal arrives (while an embedded server starts, during the
migrations, while the processes run, or a second time during the shutdown), every
process this run started ends: :class:`Supervisor` starts each one in a session of its
own, so a signal to our process group reaches only us, and then stops them in order,
each with its process group (a worker's pool processes, a shell's children), by SIGKILL
when SIGTERM is not enough.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from devtools import embedded

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# SIGHUP: the terminal that ran ``make demo`` was closed.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
STOP_TIMEOUT = 15.0


def _step(message: str) -> None:
    print(f"==> {message}", flush=True)


class Stop(Exception):
    """A stop signal arrived."""


class StepFailed(Exception):
    """A preparation step (migrations, demo data) exited with an error."""


# ---------------------------------------------------------------- supervision


def _descendants(pids: set[int]) -> set[int]:
    """Every living process below ``pids`` (by parent pid, from /proc; empty elsewhere)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            ppid = int(Path(entry, "stat").read_text().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found: set[int] = set()
    todo = list(pids)
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _kill(pids: set[int], signum: int) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signum)


class Supervisor:
    """The processes of one run, and what to undo when it ends.

    Used as a context manager: inside, SIGINT, SIGTERM and SIGHUP raise :class:`Stop`;
    on the way out (normal, signal, error) the processes are stopped and then the
    cleanups run (newest first), with further stop signals ignored so that nothing cuts
    the shutdown short. The shutdown takes at most about ``stop_timeout`` seconds.
    """

    def __init__(self, *, stop_timeout: float = STOP_TIMEOUT):
        self.stop_timeout = stop_timeout
        self.processes: dict[str, subprocess.Popen] = {}
        self.cleanups: list[Callable[[], None]] = []
        self._stopping = False
        # While a child is being created, a signal only takes note (see ``start``).
        self._deferring = False
        self._deferred: int | None = None

    def __enter__(self) -> Supervisor:
        for signum in STOP_SIGNALS:
            signal.signal(signum, self._on_signal)
        return self

    def __exit__(self, *exc_info) -> None:
        self._stopping = True  # first: from here on a signal no longer raises
        # Then ignore further signals (a pending one is discarded).
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        for signum in STOP_SIGNALS:
            signal.signal(signum, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
        self.stop_processes()
        for cleanup in reversed(self.cleanups):
            try:
                cleanup()
            except Exception as error:  # the other cleanups must still run
                print(f"cleanup {cleanup.__name__} failed: {error}", file=sys.stderr)

    def _on_signal(self, signum, frame) -> None:
        if self._stopping:
            return
        if self._deferring:
            self._deferred = signum
            return
        self._stopping = True
        raise Stop(signal.Signals(signum).name)

    def start(self, name: str, command: Sequence[str], env: dict[str, str]):
        # A session (and process group) of its own: Ctrl-C in the terminal and a signal
        # to our group reach only us, and we stop each group in order.
        # No Stop while Popen runs: a child forked but not yet recorded would be lost.
        # (Blocking the signals instead would leave them blocked in the child.)
        self._deferring = True
        try:
            process = subprocess.Popen(  # noqa: S603
                list(command), cwd=BASE_DIR, env=env, start_new_session=True
            )
            self.processes[name] = process
        finally:
            self._deferring = False
        if self._deferred is not None and not self._stopping:
            self._stopping = True
            raise Stop(signal.Signals(self._deferred).name)
        return process

    def run_step(self, name: str, command: Sequence[str], env: dict[str, str]) -> None:
        """Run a preparation step to its end (a stop signal stops it too)."""
        process = self.start(name, command, env)
        if process.wait() != 0:
            raise StepFailed(f"{name} exited with {process.returncode}")
        del self.processes[name]

    def watch(self, interval: float = 0.5) -> int:
        """Wait until a process exits (1) or a stop signal arrives (:class:`Stop`)."""
        while True:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    print(f"{name} exited with {process.returncode}; stopping.", file=sys.stderr)
                    return 1
            time.sleep(interval)

    def stop_processes(self) -> None:
        """SIGTERM to every process group, SIGKILL to what is left after the timeout,
        including descendants that left their group."""
        running = [p for p in self.processes.values() if p.poll() is None]
        below = _descendants({p.pid for p in running})
        for process in running:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + self.stop_timeout
        for process in running:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
        for process in self.processes.values():
            # A leader that is gone may leave members of its group (pool processes).
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
        _kill({pid for pid in below if embedded.pid_alive(pid)}, signal.SIGKILL)
        for process in self.processes.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)


def _prepare_services(env: dict[str, str], supervisor: Supervisor) -> None:
    """Fill DATABASE_URL / REDIS_URL; the embedded servers this run starts are stopped
    at its end (their stop is registered before they start: a signal may come meanwhile)."""
    services = (
        ("PostgreSQL", "DATABASE_URL", "postgres", embedded.postgres_running,
         embedded.stop_postgres, embedded.postgres_url),
        ("Redis", "REDIS_URL", "redis", embedded.redis_running,
         embedded.stop_redis, embedded.redis_url),
    )  # fmt: skip
    for name, variable, folder, running, stop, url in services:
        if env.get(variable):
            _step(f"{name}: {variable}")
            continue
        if not running():
            supervisor.cleanups.append(_announced(name, stop))
        _step(f"{name}: embedded server under .data/{folder}")
        env[variable] = url()


def _announced(name: str, stop: Callable[[], None]) -> Callable[[], None]:
    def stop_embedded_server() -> None:
        _step(f"Stopping embedded {name}")
        stop()

    return stop_embedded_server


def supervise(
    *,
    env: dict[str, str],
    steps: Sequence[tuple[str, Sequence[str]]],
    commands: dict[str, Sequence[str]],
    ready_message: str = "",
    stop_timeout: float = STOP_TIMEOUT,
) -> int:
    """Prepare the services, run ``steps`` one after the other, then run ``commands``
    together until one exits or a stop signal arrives; everything started ends."""
    with Supervisor(stop_timeout=stop_timeout) as supervisor:
        try:
            _prepare_services(env, supervisor)
            for message, command in steps:
                _step(message)
                supervisor.run_step(message, command, env)
            for name, command in commands.items():
                _step(f"Starting {name}")
                supervisor.start(name, command, env)
            if ready_message:
                print(ready_message, flush=True)
            return supervisor.watch()
        except Stop as stop:
            _step(f"{stop}: stopping everything this run started")
            return 0
        except StepFailed as failed:
            print(f"{failed}; stopping.", file=sys.stderr)
            return 1


def main() -> int:
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    env["PYTHONUNBUFFERED"] = "1"
    host = env.get("DEMO_BIND", "127.0.0.1")
    port = env.get("DEMO_PORT", "8000")
    # Links in e-mails come from the configured site address, never from a request's
    # Host header; on another port the demo's mails must carry that port.
    env.setdefault("BUENDNISNETZ_SITE_URL", f"http://localhost:{port}")
    manage = [PYTHON, "manage.py"]
    steps = [
        ("Migrating all schemas",
         [*manage, "migrate_schemas", "--noinput", "--executor=pending", "-v", "0"]),
        # New alliances are copied from this schema (seconds instead of replaying migrations).
        ("Template schema", [*manage, "ensure_template_schema", "-v", "0"]),
        ("Demo data", [*manage, "seed_demo", "--port", port]),
    ]  # fmt: skip
    commands = {
        "web": [*manage, "runserver", f"{host}:{port}", "--noreload"],
        "worker": [PYTHON, "-m", "celery", "-A", "config", "worker", "-l", "INFO",
                   "--concurrency", "2", "-n", "demo@%h"],
        "beat": [PYTHON, "-m", "celery", "-A", "config", "beat", "-l", "INFO",
                 "--pidfile="],
    }  # fmt: skip
    return supervise(
        env=env,
        steps=steps,
        commands=commands,
        ready_message=f"\nReady: http://localhost:{port}/ (Ctrl-C stops everything)\n",
    )


if __name__ == "__main__":
    sys.exit(main())
