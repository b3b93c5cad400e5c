"""What the benchmark commands share: the guard, the measurement, synthetic alliances.

The benchmarks (``python -m tests.benchmarks``, ``make bench``) create and drop hundreds
of alliances; they run only under ``config.settings.bench``, whose database is their
own (``bn_bench``), never the demo's. Each command returns ``Measurement`` rows that
the runner writes into docs/benchmarks.md.
"""

from __future__ import annotations

import contextlib
import io
import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection
from django_tenants.utils import schema_context

from kernel import geo
from tenants.models import Alliance, AllianceStatus, State
from tenants.services.alliances import alliance_create
from tenants.services.provisioning import ensure_template_schema

SLUG_PREFIX = "bench-"
NAME_PREFIX = "Benchmark "


@dataclass
class Measurement:
    """One row of the benchmark table (docs/benchmarks.md)."""

    benchmark: str
    size: str
    result: str
    target: str = ""
    met: bool | None = None  # None: no target
    note: str = ""  # why a target was missed, or what the figure needs to be read with


def require_benchmark_database() -> None:
    """Refuse to run anywhere but in the benchmark settings' own database."""
    if not getattr(settings, "BUENDNISNETZ_BENCHMARK", False):
        raise CommandError(
            "Benchmarks create and drop alliances: run them with `make bench` or with "
            "--settings=config.settings.bench (database "
            f"{getattr(settings, 'BENCHMARK_DATABASE', 'bn_bench')}), never on the demo data."
        )


# ---------------------------------------------------------------- figures


def median_ms(seconds: Sequence[float]) -> float:
    return statistics.median(seconds) * 1000


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (``share`` between 0 and 1) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("No values.")
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def format_seconds(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 120:
        return f"{seconds:.2f} s"
    return f"{seconds / 60:.1f} min"


# ---------------------------------------------------------------- synthetic alliances


def bench_slug(number: int) -> str:
    return f"{SLUG_PREFIX}{number:03d}"


def bench_alliances():
    return Alliance.objects.filter(
        slug__startswith=SLUG_PREFIX, name__startswith=NAME_PREFIX
    ).order_by("slug")


def bench_place(number: int) -> tuple[State, str]:
    """(state, district key) of benchmark alliance ``number``: Germany's 16 states in
    turn, and within a state its districts in turn (650 alliances: about 41 a state)."""
    states = sorted(geo.states(), key=lambda item: item.key)
    state = states[number % len(states)]
    districts = sorted(row.ags for row in geo.districts(state.key))
    return State.objects.get(key=state.key), districts[(number // len(states)) % len(districts)]


def ensure_alliances(
    count: int, *, seed: Callable[[], None] | None = None, log: Callable[[str], None] = print
) -> int:
    """Make sure alliances ``bench-001`` ... ``bench-<count>`` exist, each with data.

    New ones are copied from the template schema (a fraction of a second each);
    ``seed`` writes an alliance's records inside its schema. Returns how many were made.
    """
    require_benchmark_database()
    if not 1 <= count <= 999:
        raise CommandError("Between 1 and 999 benchmark alliances.")
    connection.set_schema_to_public()
    ensure_template_schema()
    existing = set(bench_alliances().values_list("slug", flat=True))
    created = 0
    for number in range(1, count + 1):
        slug = bench_slug(number)
        if slug in existing:
            continue
        state, district = bench_place(number)
        alliance = alliance_create(
            actor=None,
            name=f"{NAME_PREFIX}{number:03d}",
            slug=slug,
            state=state,
            district=district,
            host_organisation="Benchmark",
            copy_template=True,
        )
        connection.set_schema_to_public()
        if seed is not None:
            with schema_context(alliance.schema_name):
                seed()
        created += 1
        if created % 50 == 0:
            log(f"  {created} alliances created ({slug})")
    return created


def keep_only(count: int, *, log: Callable[[str], None] = print) -> int:
    """Delete (and drop the schemas of) benchmark alliances numbered above ``count``;
    any other alliance in the benchmark database too. Returns how many went."""
    require_benchmark_database()
    connection.set_schema_to_public()
    wanted = {bench_slug(number) for number in range(1, count + 1)}
    removed = 0
    for alliance in Alliance.objects.exclude(slug__in=wanted).order_by("slug"):
        with contextlib.redirect_stdout(io.StringIO()):
            alliance.delete(force_drop=True)
        connection.set_schema_to_public()
        removed += 1
    if removed:
        log(f"  {removed} alliances removed")
    return removed


@contextlib.contextmanager
def counted_only(count: int):
    """Within the block only ``bench-001`` ... ``bench-<count>`` count as active (the
    others are marked dissolved, which the statistics skip); restored afterwards."""
    require_benchmark_database()
    connection.set_schema_to_public()
    wanted = [bench_slug(number) for number in range(1, count + 1)]
    others = Alliance.objects.exclude(slug__in=wanted).exclude(status=AllianceStatus.DISSOLVED)
    hidden = list(others.values_list("pk", flat=True))
    Alliance.objects.filter(pk__in=hidden).update(status=AllianceStatus.DISSOLVED)
    try:
        yield
    finally:
        connection.set_schema_to_public()
        Alliance.objects.filter(pk__in=hidden).update(status=AllianceStatus.ACTIVE)
