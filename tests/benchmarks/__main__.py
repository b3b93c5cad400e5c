"""Run every benchmark and write the figures into docs/benchmarks.md.

    python -m tests.benchmarks                  # full run (650 / 320 alliances), writes the doc
    python -m tests.benchmarks --quick          # small sizes, prints the table only
    python -m tests.benchmarks --keep           # keep the database for the next run
    python -m tests.benchmarks --only api       # some benchmarks (statistics, provisioning,
                                            # pages, migrations, memory, api)

Everything happens in a database of its own (``bn_bench``, or
``BUENDNISNETZ_BENCH_DATABASE``) on the server that ``DATABASE_URL`` names, else the
embedded PostgreSQL: created here, migrated, filled with synthetic alliances and dropped
at the end unless ``--keep`` (a kept database is reused: alliances that exist are not
made again). The demo database is never touched. The generated part of
docs/benchmarks.md lies between ``<!-- bench:start -->`` and ``<!-- bench:end -->``;
the text around it is written by hand and kept.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from devtools.databases import create_database, drop_database

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DOC = BASE_DIR / "docs" / "benchmarks.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
BENCHMARKS = ("provisioning", "statistics", "pages", "migrations", "memory", "api")

# Each size of a full run and of a quick one (``--quick``).
SIZES = {
    "sizes": ([16, 650], [4, 12]),
    "migrate_alliances": (650, 6),
    "provisioning_runs": (5, 2),
    "refresh_runs": (5, 3),
    "naive_runs": (3, 2),
    "dashboard_requests": (20, 5),
    "api_seconds": (24.0, 8.0),
    "api_warm_up": (3.0, 2.0),
    "api_sweep": ([2, 4, 8], []),
}
FULL = {key: full for key, (full, _quick) in SIZES.items()}
QUICK = {key: quick for key, (_full, quick) in SIZES.items()}


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help="Small sizes, a minute or two.")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, default=list(BENCHMARKS))
    parser.add_argument("--keep", action="store_true", help="Keep the database afterwards.")
    parser.add_argument("--fresh", action="store_true", help="Drop a kept database first.")
    parser.add_argument("--write", action="store_true", help="Write the doc after --quick too.")
    parser.add_argument("--no-write", action="store_true", help="Only print the table.")
    parser.add_argument("--database", default=os.environ.get("BUENDNISNETZ_BENCH_DATABASE"))
    parser.add_argument("--sizes", type=int, nargs="+", help="Alliances for the statistics.")
    parser.add_argument("--migrate-alliances", type=int)
    parser.add_argument("--api-seconds", type=float, help="Measured seconds per variant.")
    parser.add_argument("--api-workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--api-clients", type=int, default=20)
    parser.add_argument("--api-sweep", type=int, nargs="*", help="Worker counts to compare.")
    options = parser.parse_args(argv)
    defaults = QUICK if options.quick else FULL
    for key, value in defaults.items():
        if getattr(options, key, None) is None:
            setattr(options, key, value)
    options.write_doc = not options.no_write and (options.write or not options.quick)
    return options


# ---------------------------------------------------------------- the database


def prepare() -> None:
    """Migrate the public schema, the template and any kept alliance schema."""
    from django.core.management import call_command
    from django.db import connection

    from tenants.services.provisioning import ensure_template_schema

    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
    ensure_template_schema()
    call_command("migrate_schemas", tenant=True, executor="pending", interactive=False, verbosity=0)
    connection.set_schema_to_public()


# ---------------------------------------------------------------- the table


def render(rows, *, options, wall_seconds: float, server_version: str) -> str:
    now = datetime.datetime.now(tz=ZoneInfo("Europe/Berlin"))
    kind = "quick run (`--quick`, small sizes)" if options.quick else "full run"
    minutes, seconds = divmod(round(wall_seconds), 60)
    lines = [
        START,
        "",
        f"_Written by `make bench` on {now:%Y-%m-%d %H:%M} ({kind}, wall time "
        f"{minutes} min {seconds} s): {os.cpu_count()} cores, PostgreSQL {server_version}, "
        f"Python {platform.python_version()}. Do not edit by hand: rerun `make bench`._",
        "",
        "| benchmark | size | result | target | met? |",
        "| --- | --- | --- | --- | --- |",
    ]
    notes = []
    for row in rows:
        met = {True: "yes", False: "**no**", None: "—"}[row.met]
        lines.append(
            f"| {row.benchmark} | {row.size} | {row.result} | {row.target or '—'} | {met} |"
        )
        if row.met is False:
            notes.append(
                f"- **Missed:** {row.benchmark} ({row.size}). "
                + (row.note or "Why: see the explanation below.")
            )
        elif row.note:
            notes.append(f"- {row.benchmark} ({row.size}): {row.note}")
    if notes:
        lines += ["", *notes]
    lines += ["", END]
    return "\n".join(lines)


def write_doc(block: str) -> None:
    text = DOC.read_text() if DOC.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    if START not in text or END not in text:
        raise SystemExit(f"{DOC} lacks the markers {START} / {END}.")
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    DOC.write_text(before + block + after)


# ---------------------------------------------------------------- running


def run(options: argparse.Namespace) -> list:
    from django.db import connection

    from tests.benchmarks.management.commands import (
        benchmark_api,
        benchmark_memory,
        benchmark_migrations,
        benchmark_pages,
        benchmark_provisioning,
        benchmark_statistics,
    )

    def log(message: str) -> None:
        print(message, flush=True)

    rows = []
    if "provisioning" in options.only:
        log("Provisioning ...")
        rows += benchmark_provisioning.measure(options.provisioning_runs)
    if "migrations" in options.only:
        log(f"migrate_schemas over {options.migrate_alliances} alliances ...")
        rows += benchmark_migrations.measure(options.migrate_alliances, log=log)
    if "statistics" in options.only:
        for count in sorted(options.sizes):
            log(f"Statistics with {count} alliances ...")
            rows += benchmark_statistics.measure_size(
                count,
                runs=options.refresh_runs,
                naive_runs=options.naive_runs,
                requests=options.dashboard_requests,
                log=log,
            )
    if "pages" in options.only:
        log("Pages people use most ...")
        rows += benchmark_pages.measure(options.dashboard_requests, log=log)
    if "memory" in options.only:
        count = max(options.sizes)
        log(f"Memory with {count} alliances ...")
        email = benchmark_statistics._state_coordinator().email
        rows += benchmark_memory.measure(count, coordinator_email=email, log=log)
    if "api" in options.only:
        log("Partner list API under load ...")
        rows += benchmark_api.measure(
            workers=options.api_workers,
            clients=options.api_clients,
            seconds=options.api_seconds,
            warm_up=options.api_warm_up,
            sweep=tuple(options.api_sweep),
            log=log,
        )
    connection.close()
    return rows


def main(argv: list[str]) -> int:
    options = parse(argv)
    started = time.perf_counter()
    name = options.database or "bn_bench"
    os.environ["BUENDNISNETZ_BENCH_DATABASE"] = name
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    os.environ.pop("BUENDNISNETZ_BENCH_PINNED_SCHEMA", None)
    kept = create_database(name, fresh=options.fresh)
    print(f"Benchmark database {name}: {'reused' if kept else 'created'}", flush=True)

    import django

    django.setup()
    from django.db import connection

    try:
        prepare()
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server_version = cursor.fetchone()[0].split()[0]
        rows = run(options)
    finally:
        connection.close()
        if not options.keep:
            drop_database(name)
            print(f"Benchmark database {name} dropped (--keep keeps it).", flush=True)
    block = render(
        rows, options=options, wall_seconds=time.perf_counter() - started,
        server_version=server_version,
    )  # fmt: skip
    print(block)
    if options.write_doc:
        write_doc(block)
        print(f"Written into {DOC.relative_to(BASE_DIR)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
