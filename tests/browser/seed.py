"""The journeys' database: what ``make demo`` does to one, plus what the journeys need
beyond ``seed_demo``. Run in the journeys' scratch database in one process
(``manage.py shell -c "from tests.browser.seed import prepare; prepare(port=...)"``),
for the prepared demo database (tests/browser/prepared.py) that the journeys and
``seed_demo``'s own test (tests/demo/test_seed_demo.py) start from.

The 14 alliances the journeys never visit get the demo's smallest workspaces (as in
tests/tenants/test_demo.py, whose full sizes are checked there); Jena and Bad
Frankenhausen, whose pages the journeys walk, are seeded at full size. That halves the
time the preparation takes.

The additions are idempotent and additive: whatever ``seed_demo`` already provides (it
grows) is left as it is, only what is missing is created, through the same services the
pages use.
"""

from __future__ import annotations

import dataclasses
import io
import time
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from regional.models import AllianceSnapshot, Report, ReportStatus
from regional.services import reports as report_services
from regional.services.statistics import statistics_refresh
from tenants.models import User

STATE_COORDINATOR = "land@demo.example"
# Journey 3 downloads a released report with this title unless the seed released one.
REPORT_TITLE = "Jahresbericht (Browser-Test)"
# The alliances whose pages the journeys visit: seeded at their full demo size.
VISITED = ("jena", "badfrankenhausen")
SMALLEST_WORKSPACE = 10  # partners; as tests/tenants/test_demo.py seeds the others


def ensure_snapshots() -> None:
    """The dashboards and the report need statistics; take them once if there are none."""
    if not AllianceSnapshot.objects.exists():
        statistics_refresh(actor=None)


def ensure_released_report() -> Report:
    """A released report with its files, made synchronously (no worker here)."""
    released = Report.objects.filter(status=ReportStatus.RELEASED).order_by("-pk").first()
    if released is not None:
        return released
    actor = User.objects.get(email=STATE_COORDINATOR)
    today = timezone.localdate()
    report = report_services.report_create(
        actor=actor,
        **{
            "title": REPORT_TITLE,
            "period_kind": "year",
            "year": today.year,
            "quarter": None,
            "summary": "Die lokalen Bündnisse für Familie in Thüringen im Überblick.",
            "highlights": "Neue Partner aus der Wirtschaft.",
            "problems": "Kinderbetreuung in Randzeiten.",
            "plans": "Mehr Pflegelotsen in den Betrieben.",
        },
    )
    report_services.report_generate(actor=actor, report=report)
    # Eager Celery ran the task on commit already; building again is a no-op then.
    report = report_services.report_build(report_id=report.pk)
    if report.status != ReportStatus.READY:
        raise RuntimeError(f"the report was not generated: {report.generation_error}")
    return report_services.report_release(actor=actor, report=report)


def seed_demo(*, port: int, output: str | None = None) -> None:
    """``manage.py seed_demo``, with the alliances nobody visits at their smallest; what
    it says goes to the log and to the file ``output`` (seed_demo's own test reads it)."""
    from demo.workspace_vocabulary import PROFILES

    for slug, profile in list(PROFILES.items()):
        if slug not in VISITED:
            PROFILES[slug] = dataclasses.replace(profile, partners=SMALLEST_WORKSPACE)
    said = io.StringIO()
    call_command("seed_demo", port=port, stdout=said)
    print(said.getvalue(), flush=True)
    if output:
        Path(output).write_text(said.getvalue(), encoding="utf-8")


def main() -> None:
    connection.set_schema_to_public()
    ensure_snapshots()
    report = ensure_released_report()
    print(f"browser seed: released report {report.pk} ({report.title})")


def prepare(*, port: int, output: str | None = None) -> None:
    """Every step in one process (each ``manage.py`` would start Django again)."""
    steps = (
        (
            "migrate_schemas",
            lambda: call_command("migrate_schemas", interactive=False, verbosity=0),
        ),
        ("ensure_template_schema", lambda: call_command("ensure_template_schema", verbosity=0)),
        ("seed_demo", lambda: seed_demo(port=port, output=output)),
        ("journeys' additions", main),
    )
    for name, step in steps:
        started = time.monotonic()
        step()
        connection.set_schema_to_public()
        print(f"browser prepare: {name} took {time.monotonic() - started:.1f} s", flush=True)
