"""Time creating an alliance by replaying migrations against copying the template schema.

    manage.py benchmark_provisioning --settings=config.settings.bench [--runs 5]

Part of ``make bench`` (tests/benchmarks). Runs only in the benchmark database. Creates
``runs`` throw-away alliances each way (slugs ``provbench-...``: row, schema, primary
domain, audit entry), reports the median and range, and removes them again.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection

from tenants.models import Alliance
from tenants.services.alliances import alliance_create
from tenants.services.provisioning import ensure_template_schema
from tests.benchmarks.common import Measurement, format_seconds, require_benchmark_database

PREFIX = "provbench"
TARGET_SECONDS = 0.2  # issue 18: a new alliance in under 200 ms


def _remove_leftovers() -> None:
    connection.set_schema_to_public()
    for alliance in Alliance.objects.filter(slug__startswith=PREFIX):
        alliance.delete(force_drop=True)
        connection.set_schema_to_public()


def _time(copy_template: bool, runs: int) -> list[float]:
    seconds = []
    for run in range(runs):
        slug = f"{PREFIX}-{'copy' if copy_template else 'migrate'}-{run}"
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):  # migrate's progress lines
            alliance_create(
                actor=None,
                name=f"Provisioning benchmark {slug}",
                slug=slug,
                district="16051",
                copy_template=copy_template,
            )
        seconds.append(time.perf_counter() - started)
        connection.set_schema_to_public()
    return seconds


def measure(runs: int) -> list[Measurement]:
    require_benchmark_database()
    _remove_leftovers()
    ensure_template_schema()
    try:
        results = {
            "copying `_alliance_template`": _time(True, runs),
            "replaying all migrations": _time(False, runs),
        }
    finally:
        _remove_leftovers()
    rows = []
    for how, seconds in results.items():
        median = statistics.median(seconds)
        # The target is for provisioning as the platform does it (the copy); replaying
        # the migrations is the comparison.
        copied = how.startswith("copying")
        rows.append(
            Measurement(
                f"provisioning one alliance, {how}, median",
                "1 alliance",
                f"{format_seconds(median)} ({runs} runs, {format_seconds(min(seconds))}–"
                f"{format_seconds(max(seconds))})",
                f"< {TARGET_SECONDS * 1000:.0f} ms" if copied else "",
                median < TARGET_SECONDS if copied else None,
            )
        )
    return rows


class Command(BaseCommand):
    help = (
        "Benchmark database only: compare creating an alliance by migrations and by "
        "copying the template schema."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, runs: int, **options):
        for row in measure(runs):
            self.stdout.write(f"{row.benchmark}: {row.result}; target {row.target}")
