"""What the browser journeys need beyond ``seed_demo``; run in the journeys' scratch
database after it (``manage.py shell -c "from tests.browser.seed import main; main()"``).

Idempotent and additive: whatever ``seed_demo`` already provides (it grows) is left as
it is, only what is missing is created, through the same services the pages use.
"""

from __future__ import annotations

from django.db import connection
from django.utils import timezone

from regional.models import AllianceSnapshot, Report, ReportStatus
from regional.services import reports as report_services
from regional.services.statistics import statistics_refresh
from tenants.models import User

STATE_COORDINATOR = "land@demo.example"
# Journey 3 downloads a released report with this title unless the seed released one.
REPORT_TITLE = "Jahresbericht (Browser-Test)"


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


def main() -> None:
    connection.set_schema_to_public()
    ensure_snapshots()
    report = ensure_released_report()
    print(f"browser seed: released report {report.pk} ({report.title})")
