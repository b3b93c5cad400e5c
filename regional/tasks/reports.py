"""Celery tasks of the ministry reports: generating a report's figures and files."""

from __future__ import annotations

import logging

from celery import shared_task
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.scope import state_key_of, state_scope

__all__ = ["generate_report"]

logger = logging.getLogger(__name__)


@shared_task(name="regional.generate_report", acks_late=True, reject_on_worker_lost=True)
def generate_report(report_id: int) -> dict:
    """Build report ``report_id``'s figures and files. Idempotent: only a report that is
    "being generated" is built, so a second run (or a redelivered task) does nothing, and
    a released report is never touched."""
    from regional.models import Report
    from regional.services.reports import report_build

    with schema_context(get_public_schema_name()):
        # The report counts its own state's alliances and carries its office's letterhead.
        with state_scope(state_key_of(Report, report_id)):
            report = report_build(report_id=report_id)
        if report is None:
            logger.warning("report %s does not exist", report_id)
            return {"report": report_id, "status": "missing"}
        return {"report": report.pk, "status": report.status}
