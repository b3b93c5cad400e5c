"""Celery tasks of the statistics: a refresh on demand and the nightly one."""

from __future__ import annotations

import logging

from celery import shared_task
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context

__all__ = ["refresh_statistics", "refresh_statistics_nightly"]

logger = logging.getLogger(__name__)


@shared_task(name="regional.refresh_statistics", acks_late=True, reject_on_worker_lost=True)
def refresh_statistics(run_id: int) -> dict:
    """Carry out the queued run ``run_id``; a finished run is left as it is (idempotent)."""
    from regional.models import RunStatus, StatisticsRun
    from regional.services.statistics import statistics_refresh

    with schema_context(get_public_schema_name()):
        run = StatisticsRun.objects.select_related("requested_by").filter(pk=run_id).first()
        if run is None:
            logger.warning("statistics run %s does not exist", run_id)
            return {"run": run_id, "status": "missing"}
        if run.status == RunStatus.DONE:
            return {"run": run.pk, "status": run.status, "alliances": run.alliances_done}
        run = statistics_refresh(actor=run.requested_by, run=run)
        return {"run": run.pk, "status": run.status, "alliances": run.alliances_done}


@shared_task(name="regional.refresh_statistics_nightly", acks_late=True, reject_on_worker_lost=True)
def refresh_statistics_nightly() -> dict:
    """The nightly refresh (Celery beat). Safe to run twice: snapshots are upserted per day,
    and a run of today that a dead worker left behind is resumed rather than doubled."""
    from regional.models import RunStatus, StatisticsRun
    from regional.services.statistics import statistics_refresh

    with schema_context(get_public_schema_name()):
        today = timezone.localdate()
        run = (
            StatisticsRun.objects.filter(
                taken_on=today, status=RunStatus.RUNNING, requested_by__isnull=True
            )
            .order_by("-created_at")
            .first()
        )
        run = statistics_refresh(actor=None, taken_on=today, run=run)
        return {"run": run.pk, "status": run.status, "alliances": run.alliances_done}
