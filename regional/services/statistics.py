"""Writes of the statistics: runs and the dated snapshots of every alliance's figures."""

from __future__ import annotations

import datetime
import functools
import json
import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext
from psycopg import sql

from core.figures import ALLIANCE_FIGURES
from kernel.audit.services import audit_log
from kernel.broker import TaskQueueUnavailable, publish
from kernel.dates import validate_plausible_date
from kernel.figures import MONEY
from regional import statistics as engine
from regional.models import AllianceSnapshot, RunStatus, StatisticsRun

# The figures a snapshot stores, as the registry names them.
SNAPSHOT_FIELDS = (
    "year",
    *ALLIANCE_FIGURES.keys(summed=True),
    *ALLIANCE_FIGURES.breakdown_keys(),
)
_MONEY_BREAKDOWNS = frozenset(ALLIANCE_FIGURES.breakdown_keys(unit=MONEY))
_MONEY_FIGURES = frozenset(ALLIANCE_FIGURES.keys(summed=True, unit=MONEY))


def snapshot_values(figures: engine.AllianceStatistics) -> dict:
    """The snapshot's field values for ``figures`` (amounts per kind kept as exact text)."""
    values = {name: getattr(figures, name) for name in SNAPSHOT_FIELDS}
    for key in ALLIANCE_FIGURES.breakdown_keys():
        values[key] = {
            choice: str(value) if key in _MONEY_BREAKDOWNS else value
            for choice, value in sorted(values[key].items())
        }
    return values


@functools.cache
def _upsert_statement() -> str:
    """``INSERT ... SELECT FROM jsonb_to_recordset(...) ON CONFLICT (alliance, day) DO
    UPDATE``: the batch travels as one JSON parameter and PostgreSQL converts it, which
    costs far less than Django's per-value conversion of ``bulk_create``. Built from the
    model, so a column added to the snapshot and to ``SNAPSHOT_FIELDS`` is included."""
    meta = AllianceSnapshot._meta
    fields = [meta.get_field(name) for name in SNAPSHOT_FIELDS]
    columns = [sql.Identifier(field.column) for field in fields]
    record = sql.SQL(", ").join(
        [
            sql.SQL("alliance_id bigint"),
            # The types come from the model's own metadata, never from input.
            *(
                sql.SQL("{} {}").format(
                    sql.Identifier(field.column), sql.SQL(field.db_type(connection))
                )
                for field in fields
            ),
        ]
    )
    updated = [*columns, sql.Identifier("run_id"), sql.Identifier("updated_at")]
    statement = sql.SQL(
        "INSERT INTO {table} (alliance_id, taken_on, run_id, created_at, updated_at, {columns}) "
        "SELECT r.alliance_id, %(taken_on)s, %(run_id)s, %(now)s, %(now)s, {values} "
        "FROM jsonb_to_recordset(%(rows)s::jsonb) AS r({record}) "
        "ON CONFLICT (alliance_id, taken_on) DO UPDATE SET {updates}"
    ).format(
        table=sql.Identifier(meta.db_table),
        columns=sql.SQL(", ").join(columns),
        values=sql.SQL(", ").join(sql.SQL("r.{}").format(column) for column in columns),
        record=record,
        updates=sql.SQL(", ").join(
            sql.SQL("{0} = EXCLUDED.{0}").format(column) for column in updated
        ),
    )
    connection.ensure_connection()
    return statement.as_string(connection.connection)


def _json_row(alliance_id: int, figures: engine.AllianceStatistics) -> dict:
    row = snapshot_values(figures)
    row["alliance_id"] = alliance_id
    # As text, so the amounts reach the numeric columns exactly (no float on the way).
    for key in _MONEY_FIGURES:
        row[key] = str(row[key])
    return row


def snapshots_upsert(
    *,
    run: StatisticsRun,
    taken_on: datetime.date,
    figures: Iterable[tuple[int, engine.AllianceStatistics]],
) -> int:
    """Store ``(alliance id, figures)`` pairs as the snapshots of ``taken_on`` in one
    statement, replacing an alliance's snapshot of that day if there is one (its
    ``created_at`` is kept). The caller holds the transaction and writes the run's audit
    entry (a snapshot is a derived row, audited once per run). Returns the rows written."""
    rows = [_json_row(alliance_id, item) for alliance_id, item in figures]
    if not rows:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            _upsert_statement(),
            {
                "taken_on": taken_on,
                "run_id": run.pk,
                "now": timezone.now(),
                "rows": json.dumps(rows),
            },
        )
        return cursor.rowcount


def _commit_without_waiting() -> None:
    """The running transaction commits without waiting for its WAL to reach the disk.

    A batch's snapshots are derived rows that the run recounts if they are lost: a crash
    may lose the last few batches' commits (never half of one, and never corrupting
    anything), and the run, resumed, counts exactly the alliances it has no snapshot of.
    Waiting for each of the 26 commits of a refresh at 650 alliances cost 87 ms."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit TO off")


def _check_day(taken_on: datetime.date | None) -> None:
    """The snapshots' day must be plausible: they are written by raw SQL (no model
    validation), and the as-of figures compute with it."""
    try:
        validate_plausible_date(taken_on)
    except ValidationError as error:
        raise ValidationError({"taken_on": error.messages}) from error


@transaction.atomic
def statistics_run_request(*, actor, taken_on: datetime.date | None = None) -> StatisticsRun:
    """Queue a refresh: a run that the Celery task picks up once this transaction commits."""
    _check_day(taken_on)
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
    if publish("regional.refresh_statistics", args=[run.pk], task_id=run.task_id):
        return
    run.status = RunStatus.FAILED
    run.finished_at = timezone.now()
    # Shown on the run's page: in the language of the person who asked.
    run.error = gettext(
        "The task queue was not reachable, so the refresh was not started. "
        "Please try again in a few minutes."
    )
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
    _check_day(taken_on)
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
        todo = list(engine.batches(pending, batch_size))
        for batch, figures in zip(
            todo, engine.figures_of_batches(todo, today=taken_on), strict=True
        ):
            with transaction.atomic():
                _commit_without_waiting()
                snapshots_upsert(
                    run=run,
                    taken_on=taken_on,
                    figures=((item.alliance_id, item) for item in figures),
                )
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
        # The worker's language is the platform's (German); the technical cause follows.
        run.error = gettext("The refresh stopped with an error: %(error)s") % {
            "error": f"{type(error).__name__}: {error}"
        }
        run.save(update_fields=["status", "finished_at", "error", "updated_at"])
        audit_log(
            actor=actor,
            action="regional.statisticsrun.failed",
            target=run,
            changes={"taken_on": taken_on.isoformat(), "error": run.error[:500]},
        )
        raise
    return run
