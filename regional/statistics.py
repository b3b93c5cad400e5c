"""The statistics engine: every alliance's key figures, read from all schemas at once.

``core.selectors.figures.alliance_figures()`` counts one alliance with the ORM inside its
schema. This module counts the same declarations (``core.figures.ALLIANCE_FIGURES``) for
many alliances with few round trips: one raw SQL statement per batch of schemas, a
``UNION ALL`` of one branch per source table and schema. Each branch is the source's own
QuerySet compiled by Django and pointed at the schema's table
(``kernel.figures.schema_branch()``); its rows come back as JSON and are reduced to the
figures exactly as the ORM's rows are. Schema names are quoted identifiers
(``psycopg.sql.Identifier``) taken from ``tenants.Alliance``; every value (dates, status
codes) is quoted by psycopg (``psycopg.sql.Literal``).

A batch holds at most ``MAX_BATCH_SIZE`` schemas: one ``UNION ALL`` over hundreds of
schemas spends seconds in PostgreSQL's planner, while 25 cost a few milliseconds;
``DEFAULT_BATCH_SIZE`` is what measured fastest (docs/benchmarks.md). The branches are
flat aggregates whose columns become one JSON object (no subqueries), which keeps the
planner as cheap as the hand-written statement that came before.

With ``as_of=True`` the figures are those of a past day, reconstructed from the records'
own dates (see ``core.figures``).
"""

from __future__ import annotations

import datetime
import enum
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from django.db import connection, connections, transaction
from django.utils import timezone
from psycopg import sql

from core.figures import ALLIANCE_FIGURES
from core.selectors.figures import AllianceFigures
from kernel.figures import Counting, row_from_json, schema_branch

MAX_BATCH_SIZE = 25
DEFAULT_BATCH_SIZE = MAX_BATCH_SIZE
# No parallel workers for the engine's statements: a parallel worker is a fresh process
# that must load the catalogue entries of every table of the batch (25 schemas of about
# 13 tables and their indexes) before it reads a row. With 650 alliances the parallel
# plan took 100-140 ms of execution per batch against 17 ms without (EXPLAIN ANALYZE on
# the benchmark database, PostgreSQL 15): the whole refresh went from 8.5 s to 3.3 s.
# Set for the batch's statement only, and set back after it (set_config's third argument,
# local: a refresh called inside a longer transaction leaves the rest of it as it was).
SERIAL_PLAN = (
    "SELECT current_setting('max_parallel_workers_per_gather'), "
    "set_config('max_parallel_workers_per_gather', '0', true)"
)
PLAN_AS_BEFORE = "SELECT set_config('max_parallel_workers_per_gather', %s, true)"
# One branch per source table and schema: each table is read once.
BRANCHES_PER_SCHEMA = len(ALLIANCE_FIGURES.sources)
# Most of a batch's time is PostgreSQL planning its statement, which takes one core of
# the server per connection: two connections plan two batches at once.
PARALLEL_BATCHES = 2


@dataclass
class AllianceStatistics(AllianceFigures):
    """``AllianceFigures`` of one alliance, as the engine computed them."""

    alliance_id: int = 0
    schema_name: str = ""
    taken_on: datetime.date | None = None

    def figures(self) -> AllianceFigures:
        """The plain ``AllianceFigures`` (what ``alliance_figures()`` returns)."""
        values = {name: getattr(self, name) for name in AllianceFigures.__dataclass_fields__}
        return AllianceFigures(**values)


@dataclass(frozen=True)
class SchemaRef:
    """An alliance to count: its id and its PostgreSQL schema."""

    alliance_id: int
    schema_name: str


def _identifier(name: str, context) -> str:
    return sql.Identifier(name).as_string(context)


def _literal(value: Any, context) -> str:
    if isinstance(value, enum.Enum):  # the models' choices: their plain value
        value = value.value
    return sql.Literal(value).as_string(context)


def batch_statement(
    schemas: Sequence[SchemaRef], *, today: datetime.date | None = None, as_of: bool = False
) -> sql.SQL:
    """The one statement that counts every schema of ``schemas`` (at most 25) on the day
    ``today``; with ``as_of`` the figures of that day from the records' dates. Its rows
    are ``(alliance id, source key, row as JSON)``.

    Each source's QuerySet is compiled once; the schemas differ only in the table's
    schema, put in by plain string formatting of identifiers that psycopg has quoted.
    """
    if not schemas:
        raise ValueError("A batch needs at least one schema.")
    if len(schemas) > MAX_BATCH_SIZE:
        raise ValueError(f"A batch holds at most {MAX_BATCH_SIZE} schemas.")
    today = today or timezone.localdate()
    connection.ensure_connection()
    context = connection.connection
    counting = Counting(today=today, year=today.year, as_of=as_of)
    template = "\nUNION ALL\n".join(
        schema_branch(
            source.rows(counting),
            schema="{schema}",
            literal=lambda value: _literal(value, context).replace("{", "{{").replace("}", "}}"),
            prefix=f"{{alliance_id}}::integer, {_literal(source.key, context)}::text, ",
        )
        for source in ALLIANCE_FIGURES.sources
    )
    return sql.SQL(
        "\nUNION ALL\n".join(
            template.format(
                alliance_id=int(ref.alliance_id), schema=_identifier(ref.schema_name, context)
            )
            for ref in schemas
        )
    )


def figures_for_batch(
    schemas: Sequence[SchemaRef], *, today: datetime.date | None = None, as_of: bool = False
) -> list[AllianceStatistics]:
    """The figures of each schema in ``schemas`` (at most 25), with one round trip;
    with ``as_of`` those of the (past) day ``today`` (see the module's docstring)."""
    today = today or timezone.localdate()
    statement = batch_statement(schemas, today=today, as_of=as_of)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(SERIAL_PLAN)
        before = cursor.fetchone()[0]
        cursor.execute(statement.as_string(connection.connection))
        rows = cursor.fetchall()
        cursor.execute(PLAN_AS_BEFORE, [before])
    by_alliance: dict[int, dict[str, list[dict[str, Any]]]] = {
        ref.alliance_id: {} for ref in schemas
    }
    for alliance_id, source, row in rows:
        by_alliance[alliance_id].setdefault(source, []).append(row_from_json(row))
    return [
        AllianceStatistics.of(
            ALLIANCE_FIGURES.reduce(by_alliance[ref.alliance_id]),
            year=today.year,
            alliance_id=ref.alliance_id,
            schema_name=ref.schema_name,
            taken_on=today,
        )
        for ref in schemas
    ]


def figures_of_batches(
    batches: Sequence[Sequence[SchemaRef]],
    *,
    today: datetime.date | None = None,
    as_of: bool = False,
    workers: int = PARALLEL_BATCHES,
) -> Iterator[list[AllianceStatistics]]:
    """``figures_for_batch`` of each batch, in their order, ``workers`` batches at a time
    on database connections of their own (threads; each closes its connection at the
    end). Inside a transaction the batches are counted one after the other on the
    caller's connection: another connection would not see its uncommitted rows."""
    today = today or timezone.localdate()
    if workers < 2 or len(batches) < 2 or connection.in_atomic_block:
        for batch in batches:
            yield figures_for_batch(batch, today=today, as_of=as_of)
        return
    results = [Future() for _batch in batches]
    stop = threading.Event()

    def count(first: int) -> None:
        try:
            for index in range(first, len(batches), workers):
                if stop.is_set():
                    return
                try:
                    results[index].set_result(
                        figures_for_batch(batches[index], today=today, as_of=as_of)
                    )
                except BaseException as error:  # handed to the caller, in its order
                    results[index].set_exception(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=count, args=(k,), daemon=True) for k in range(workers)]
    for thread in threads:
        thread.start()
    try:
        for result in results:
            yield result.result()
    finally:
        stop.set()
        for thread in threads:
            thread.join()


def batches(items: Sequence[SchemaRef], size: int) -> Iterator[Sequence[SchemaRef]]:
    if not 1 <= size <= MAX_BATCH_SIZE:
        raise ValueError(f"The batch size must be between 1 and {MAX_BATCH_SIZE}.")
    for start in range(0, len(items), size):
        yield items[start : start + size]


def counted_alliances() -> list[SchemaRef]:
    """The alliances the statistics cover: every alliance that is not dissolved, in every
    state (one refresh serves all offices, whoever starts it)."""
    from tenants.models import Alliance, AllianceStatus

    rows = (
        Alliance.everywhere.exclude(status=AllianceStatus.DISSOLVED)
        .order_by("pk")
        .values_list("pk", "schema_name")
    )
    return [SchemaRef(pk, schema) for pk, schema in rows]


def compute_statistics(
    alliances: Iterable[SchemaRef] | None = None,
    *,
    today: datetime.date | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    as_of: bool = False,
) -> Iterator[list[AllianceStatistics]]:
    """The figures of ``alliances`` (default: all counted ones), one list per batch.

    ``today`` fixes the day (valid seals) and so the year of the activity figures;
    ``as_of`` counts what existed on that day (see the module's docstring).
    """
    today = today or timezone.localdate()
    refs = list(alliances) if alliances is not None else counted_alliances()
    yield from figures_of_batches(list(batches(refs, batch_size)), today=today, as_of=as_of)


def all_statistics(
    alliances: Iterable[SchemaRef] | None = None,
    *,
    today: datetime.date | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    as_of: bool = False,
) -> dict[int, AllianceStatistics]:
    """alliance id -> figures, for every alliance of ``alliances`` (default: all counted)."""
    results: dict[int, AllianceStatistics] = {}
    for batch in compute_statistics(alliances, today=today, batch_size=batch_size, as_of=as_of):
        results.update((item.alliance_id, item) for item in batch)
    return results
