"""Real Celery processes the integration tests start, and how they stop them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]


def worker_args(queue: str) -> list[str]:
    """A worker in one process that consumes ``queue`` alone and talks to no other worker."""
    return ["worker", "--pool=solo", "-Q", queue, "-n", f"{queue}@%h", "-l", "INFO",
            "--without-gossip", "--without-mingle", "--without-heartbeat"]  # fmt: skip


def start_celery(args: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen:
    """``celery -A config <args>`` with the broker of these settings, on top of this
    environment and ``env``, writing everything to ``log``."""
    env = {**os.environ, "REDIS_URL": settings.CELERY_BROKER_URL, "PYTHONUNBUFFERED": "1", **env}
    with open(log, "w") as log_file:
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", *args],
            cwd=BASE_DIR, env=env, stdout=log_file, stderr=subprocess.STDOUT,
        )  # fmt: skip


def stop(process: subprocess.Popen) -> None:
    """Ask ``process`` to end; kill it if it has not after 20 seconds."""
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
