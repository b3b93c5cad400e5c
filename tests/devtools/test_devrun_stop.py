"""``make demo`` (devtools.devrun) stopped by SIGTERM to its process group, as a service
manager or ``kill -TERM -<pgid>`` stops it: every process it started ends, the embedded
PostgreSQL and Redis it started included, whenever the signal comes.

The first test runs the real ``python -m devtools.devrun`` and stops it during the
migrations; the others run the same supervision with light processes
(``tests.ops.light_demo``). All start the embedded servers in a folder of the test's own.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pytest

from devtools import embedded
from tests.ops.processes import BASE_DIR, wait_until

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def data_dir():
    """One folder for the module: initdb runs once, each test starts the servers again.

    Not under pytest's base folder: as root, PostgreSQL runs as user pgserver, and a
    concurrent pytest run resets that folder's permissions to the owner's alone."""
    path = Path(tempfile.mkdtemp(prefix="bn-devrun-"))
    yield path
    # Should a test fail, nothing of it outlives the module.
    previous = embedded.DATA_DIR
    embedded.DATA_DIR = path
    try:
        embedded.stop_redis()
        embedded.stop_postgres()
    finally:
        embedded.DATA_DIR = previous
        shutil.rmtree(path, ignore_errors=True)


def _start(args: list[str], data_dir: Path, log: Path) -> subprocess.Popen:
    env = {
        key: value for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "BUENDNISNETZ_TEST_DATABASE"}
    }  # fmt: skip
    env.update(
        BUENDNISNETZ_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="config.settings.local",
        PYTHONUNBUFFERED="1",
    )
    with open(log, "w") as output:
        # Its own process group, as a shell gives ``make demo`` one.
        return subprocess.Popen(
            args, cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip


def _pid(path: Path) -> int:
    return int(path.read_text().splitlines()[0])


def _everything_started(run: subprocess.Popen, data_dir: Path) -> set[int]:
    """The run, its descendants, and the embedded servers with theirs."""
    roots = {run.pid, _pid(data_dir / "postgres" / "postmaster.pid"),
             _pid(data_dir / "redis" / "redis.pid")}  # fmt: skip
    pids = set(roots)
    for pid in roots:
        pids |= {child.pid for child in psutil.Process(pid).children(recursive=True)}
    return pids


def _survivors(pids: set[int], data_dir: Path) -> list[str]:
    alive = [pid for pid in pids if embedded.pid_alive(pid)]
    # Also anything else that still uses the folder (a server started twice, say).
    for process in psutil.process_iter(["pid", "cmdline", "status"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if str(data_dir) in cmdline and process.info["status"] != psutil.STATUS_ZOMBIE:
            alive.append(process.info["pid"])
    return [
        f"{pid}: {' '.join(psutil.Process(pid).cmdline())}"
        for pid in sorted(set(alive)) if psutil.pid_exists(pid)
    ]  # fmt: skip


def _log_has(log: Path, text: str):
    return lambda: text in log.read_text()


def _stop_group_and_check(run, data_dir: Path, log: Path, *, twice: bool = False) -> None:
    started = _everything_started(run, data_dir)
    assert len(started) >= 3
    os.killpg(run.pid, signal.SIGTERM)
    if twice:  # impatient: a second SIGTERM while the first one's shutdown runs
        time.sleep(0.3)
        os.killpg(run.pid, signal.SIGTERM)
    try:
        run.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        raise AssertionError(log.read_text()[-4000:]) from None

    def report() -> str:
        return "\n".join(_survivors(started, data_dir)) + "\n" + log.read_text()

    wait_until(lambda: not _survivors(started, data_dir), timeout=10, details=report)
    assert not embedded.pid_alive(run.pid)


def test_sigterm_to_the_demos_group_during_the_migrations_ends_it_and_its_servers(
    data_dir, tmp_path
):
    log = tmp_path / "demo.log"
    run = _start([sys.executable, "-m", "devtools.devrun"], data_dir, log)
    wait_until(_log_has(log, "Migrating all schemas"), timeout=120,
               details=log.read_text)  # fmt: skip
    _stop_group_and_check(run, data_dir, log)
    assert "Stopping embedded PostgreSQL" in log.read_text()


@pytest.mark.parametrize("twice", [False, True], ids=["once", "twice"])
def test_sigterm_to_the_group_while_the_processes_run_ends_every_one(data_dir, tmp_path, twice):
    """Grandchildren and a process that ignores SIGTERM end too; a second SIGTERM does
    not cut the shutdown short."""
    log = tmp_path / "demo.log"
    run = _start([sys.executable, "-m", "tests.ops.light_demo", "run"], data_dir, log)
    wait_until(_log_has(log, "Ready"), timeout=60, details=log.read_text)
    wait_until(lambda: len(psutil.Process(run.pid).children(recursive=True)) >= 6, timeout=10)
    _stop_group_and_check(run, data_dir, log, twice=twice)
    assert run.returncode == 0


def test_sigterm_to_the_group_during_a_preparation_step_ends_it_and_the_servers(data_dir, tmp_path):
    log = tmp_path / "demo.log"
    run = _start([sys.executable, "-m", "tests.ops.light_demo", "step"], data_dir, log)
    wait_until(_log_has(log, "Light step"), timeout=60, details=log.read_text)
    _stop_group_and_check(run, data_dir, log)
    assert "Stopping embedded Redis" in log.read_text()
