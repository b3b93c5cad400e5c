"""Writes of the statistics: runs and the dated snapshots of every alliance's figures."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from core.audit.services import audit_log
from core.broker import TaskQueueUnavailable, publish
from regional import statistics as engine
from regional.models import AllianceSnapshot, RunStatus, StatisticsRun

# The figures a snapshot stores, as the engine names them.
SNAPSHOT_FIELDS = (
    "year",
    "partners_total",
    "companies",
    "partners_with_care_guides",
    "care_guides_total",
    "valid_seals",
    "projects_total",
    "families_reached",
    "events",
    "event_participants",
    "funding_total",
    "board_meetings_held",
    "partners_by_kind",
    "projects_by_topic",
    "projects_by_status",
    "funding_by_kind",
)


def snapshot_values(figures: engine.AllianceStatistics) -> dict:
    """The snapshot's field values for ``figures`` (amounts per kind kept as exact text)."""
    values = {name: getattr(figures, name) for name in SNAPSHOT_FIELDS}
    values["funding_by_kind"] = {
        kind: str(amount) for kind, amount in sorted(figures.funding_by_kind.items())
    }
    values["partners_by_kind"] = dict(sorted(figures.partners_by_kind.items()))
    values["projects_by_topic"] = dict(sorted(figures.projects_by_topic.items()))
    values["projects_by_status"] = dict(sorted(figures.projects_by_status.items()))
    return values


def _upsert(
    run: StatisticsRun, taken_on: datetime.date, batch: Sequence[engine.AllianceStatistics]
) -> None:
    """One INSERT ... ON CONFLICT (alliance, taken_on) DO UPDATE for the whole batch."""
    now = timezone.now()
    rows = [
        AllianceSnapshot(
            alliance_id=item.alliance_id,
            taken_on=taken_on,
            run=run,
            created_at=now,
            updated_at=now,
            **snapshot_values(item),
        )
        for item in batch
    ]
    AllianceSnapshot.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["alliance", "taken_on"],
        update_fields=[*SNAPSHOT_FIELDS, "run", "updated_at"],
    )


@transaction.atomic
def statistics_run_request(*, actor, taken_on: datetime.date | None = None) -> StatisticsRun:
    """Queue a refresh: a run that the Celery task picks up once this transaction commits."""

    run = StatisticsRun.objects.create(
        taken_on=taken_on or timezone.localdate(),
        status=RunStatus.QUEUED,
        requested_by=actor if getattr(actor, "pk", None) else None,
        task_id=str(uuid.uuid4()),
    )
    audit_log(
        actor=actor,
        action="regional.statisticsrun.requested",
        target=run,
        changes={"taken_on": run.taken_on.isoformat()},
    )
    transaction.on_commit(lambda: _hand_over(run, actor))
    return run


def _hand_over(run: StatisticsRun, actor) -> None:
    """Give the committed run to a worker. With the broker down the run is marked failed
    (so a new refresh can be asked for at once) and ``TaskQueueUnavailable`` is raised."""
    from regional.tasks.statistics import refresh_statistics

    if publish(refresh_statistics, args=[run.pk], task_id=run.task_id):
        return
    run.status = RunStatus.FAILED
    run.finished_at = timezone.now()
    run.error = "The task queue (broker) was not reachable; the run was not started."
    updated = StatisticsRun.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
        status=run.status, finished_at=run.finished_at, error=run.error, updated_at=timezone.now()
    )
    if updated:
        audit_log(
            actor=actor,
            action="regional.statisticsrun.failed",
            target=run,
            changes={"taken_on": run.taken_on.isoformat(), "error": run.error},
        )
    raise TaskQueueUnavailable


def statistics_refresh(
    *,
    actor=None,
    taken_on: datetime.date | None = None,
    run: StatisticsRun | None = None,
    batch_size: int = engine.DEFAULT_BATCH_SIZE,
) -> StatisticsRun:
    """Compute every alliance's figures and store them as the snapshots of ``taken_on``.

    Uses ``run`` (or creates one) and keeps its progress up to date after each batch;
    each batch is one transaction, so the progress is visible while the run goes on.
    Snapshots are upserted on (alliance, day): running again on the same day, or
    resuming an interrupted run, replaces them and never doubles them. A run that was
    interrupted continues with the alliances it has not stored yet. On an error the run
    is marked failed with the error's text and the error is raised again.
    """
    if run is None:
        run = StatisticsRun.objects.create(
            taken_on=taken_on or timezone.localdate(),
            status=RunStatus.QUEUED,
            requested_by=actor if getattr(actor, "pk", None) else None,
        )
    elif taken_on is not None and taken_on != run.taken_on:
        raise ValueError("The run is for another day.")
    taken_on = run.taken_on
    try:
        alliances = engine.counted_alliances()
        already = set()
        if run.status == RunStatus.RUNNING:  # interrupted (a worker died): go on
            already = set(
                run.snapshots.filter(taken_on=taken_on).values_list("alliance_id", flat=True)
            )
        pending = [ref for ref in alliances if ref.alliance_id not in already]
        run.status = RunStatus.RUNNING
        run.started_at = run.started_at or timezone.now()
        run.finished_at = None
        run.error = ""
        run.alliances_total = len(alliances)
        run.alliances_done = len(alliances) - len(pending)
        run.save(
            update_fields=[
                "status", "started_at", "finished_at", "error", "alliances_total",
                "alliances_done", "updated_at",
            ]
        )  # fmt: skip
        for batch in engine.batches(pending, batch_size):
            with transaction.atomic():
                figures = engine.figures_for_batch(batch, today=taken_on)
                _upsert(run, taken_on, figures)
                run.alliances_done += len(batch)
                run.save(update_fields=["alliances_done", "updated_at"])
        with transaction.atomic():
            run.status = RunStatus.DONE
            run.finished_at = timezone.now()
            run.save(update_fields=["status", "finished_at", "updated_at"])
            audit_log(
                actor=actor,
                action="regional.statisticsrun.done",
                target=run,
                changes={"taken_on": taken_on.isoformat(), "alliances": run.alliances_done},
            )
    except Exception as error:
        run.status = RunStatus.FAILED
        run.finished_at = timezone.now()
        run.error = f"{type(error).__name__}: {error}"
        run.save(update_fields=["status", "finished_at", "error", "updated_at"])
        audit_log(
            actor=actor,
            action="regional.statisticsrun.failed",
            target=run,
            changes={"taken_on": taken_on.isoformat(), "error": run.error[:500]},
        )
        raise
    return run
