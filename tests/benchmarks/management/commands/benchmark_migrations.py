"""Time ``migrate_schemas`` over N alliances: nothing to apply, and one new field.

    manage.py benchmark_migrations --settings=config.settings.bench --alliances 320

Part of ``make bench`` (tests/benchmarks). Runs only in the benchmark database, whose
settings add the tenant app ``tests.benchmarks.bench_app`` (0001 creates a table, 0002
adds a field). Keeps exactly N benchmark alliances (creating or removing some), then, for each
executor (``standard``, ``multiprocessing``, ``pending``), times the command a release
runs, ``manage.py migrate_schemas --noinput``, as its own process:

- with nothing to apply;
- with one new field: every alliance schema is first taken back to ``bench_app 0001``
  (not timed), so that the timed run applies ``0002`` everywhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tests.benchmarks.alliance_data import seed_alliance_data
from tests.benchmarks.common import (
    Measurement,
    ensure_alliances,
    format_seconds,
    keep_only,
    require_benchmark_database,
)

EXECUTORS = ("standard", "multiprocessing", "pending")
# Issue 18: a release with nothing to apply, over 650 alliances, with the executor
# releases use (``pending``); the others are the comparison.
NO_OP_TARGET_SECONDS = 10.0
RELEASE_EXECUTOR = "pending"
LOG_DIR = settings.BASE_DIR / ".data" / "bench"


def _manage(*arguments: str, log: Path) -> float:
    """Run ``manage.py <arguments>`` with the benchmark settings; its wall time."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), *arguments]
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a") as output:
        output.write(f"\n$ {' '.join(command)}\n")
        output.flush()
        started = time.perf_counter()
        result = subprocess.run(
            command, env=environment, stdout=output, stderr=subprocess.STDOUT, check=False
        )
        elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise CommandError(f"{' '.join(arguments)} failed ({result.returncode}); see {log}")
    return elapsed


def _migrate(executor: str, log: Path, *target: str) -> float:
    return _manage("migrate_schemas", "--noinput", f"--executor={executor}", *target, log=log)


def measure(count: int, *, executors=EXECUTORS, log=print) -> list[Measurement]:
    require_benchmark_database()
    removed = keep_only(count, log=log)
    created = ensure_alliances(count, seed=seed_alliance_data, log=log)
    log(f"  {count} alliances ready ({created} created, {removed} removed)")
    logfile = LOG_DIR / "migrate_schemas.log"
    logfile.unlink(missing_ok=True)
    # Everything current first (a kept database may be behind the code).
    _migrate("pending", logfile)
    size = f"{count} alliances"
    rows = []
    for executor in executors:
        seconds = _migrate(executor, logfile)
        log(f"  no-op, {executor}: {format_seconds(seconds)}")
        rows.append(
            Measurement(
                f"`migrate_schemas`, nothing to apply, `--executor={executor}`",
                size,
                format_seconds(seconds),
                f"< {NO_OP_TARGET_SECONDS:.0f} s" if executor == RELEASE_EXECUTOR else "",
                seconds < NO_OP_TARGET_SECONDS if executor == RELEASE_EXECUTOR else None,
            )
        )
    for executor in executors:
        _migrate("multiprocessing", logfile, "--tenant", "bench_app", "0001")
        seconds = _migrate(executor, logfile)
        log(f"  one new field, {executor}: {format_seconds(seconds)}")
        rows.append(
            Measurement(
                f"`migrate_schemas`, one new field, `--executor={executor}`",
                size,
                format_seconds(seconds),
            )
        )
    return rows


class Command(BaseCommand):
    help = "Benchmark database only: time migrate_schemas over N alliances per executor."

    def add_arguments(self, parser):
        parser.add_argument("--alliances", type=int, default=320)
        parser.add_argument("--executor", action="append", choices=EXECUTORS, default=None)

    def handle(self, *args, alliances: int, executor, **options):
        rows = measure(alliances, executors=executor or EXECUTORS, log=self.stdout.write)
        for row in rows:
            self.stdout.write(f"{row.benchmark} [{row.size}]: {row.result} {row.target}")
