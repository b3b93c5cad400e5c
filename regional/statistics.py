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

A refresh's batches are counted by two threads on connections they keep between
refreshes (``kernel.database.threads``): a batch costs a new connection 45 ms of planning
(PostgreSQL loads the catalogue entries of its 325 tables and their indexes), a kept one
11-13 ms, and from its second refresh on the batch's statement is prepared there and
skips planning altogether (5 ms). Each batch goes to the same thread every time.
"""

from __future__ import annotations

import datetime
import enum
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from psycopg import sql

from core.figures import ALLIANCE_FIGURES
from core.selectors.figures import AllianceFigures
from kernel.database.threads import ConnectionThreads, execute_prepared
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
# The batch's rows travel as one JSON document, read by one ``json.loads``: turning 800
# rows into Python objects one by one (psycopg's rows, a ``json.loads`` each) cost more
# than PostgreSQL's counting on a kept connection.
ONE_DOCUMENT = (
    "SELECT coalesce('[' || string_agg(format('[%s,%s,%s]', alliance_id, to_json(source), "
    "row), ',') || ']', '[]') FROM (\n{}\n) AS counted(alliance_id, source, row)"
)
# One branch per source table and schema: each table is read once.
BRANCHES_PER_SCHEMA = len(ALLIANCE_FIGURES.sources)
# Two connections count two batches at once, each on one core of the server; each kept
# connection holds about 200 MB of catalogue and 110 MB of prepared plans at 650
# alliances (docs/benchmarks.md), so not more.
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
    template = _batch_template(today or timezone.localdate(), as_of)
    connection.ensure_connection()
    context = connection.connection
    return sql.SQL(
        "\nUNION ALL\n".join(
            template.format(
                alliance_id=int(ref.alliance_id), schema=_identifier(ref.schema_name, context)
            )
            for ref in schemas
        )
    )


@functools.lru_cache(maxsize=8)
def _batch_template(today: datetime.date, as_of: bool) -> str:
    """One schema's branches, with ``{alliance_id}`` and ``{schema}`` left to fill in:
    compiled once per day and kind rather than for every batch (compiling the sources'
    QuerySets cost 7 ms a batch)."""
    connection.ensure_connection()
    context = connection.connection
    counting = Counting(today=today, year=today.year, as_of=as_of)
    return "\nUNION ALL\n".join(
        schema_branch(
            source.rows(counting),
            schema="{schema}",
            literal=lambda value: _literal(value, context).replace("{", "{{").replace("}", "}}"),
            prefix=f"{{alliance_id}}::integer, {_literal(source.key, context)}::text, ",
        )
        for source in ALLIANCE_FIGURES.sources
    )


def figures_for_batch(
    schemas: Sequence[SchemaRef],
    *,
    today: datetime.date | None = None,
    as_of: bool = False,
    prepared: bool = False,
) -> list[AllianceStatistics]:
    """The figures of each schema in ``schemas`` (at most 25), with one round trip;
    with ``as_of`` those of the (past) day ``today`` (see the module's docstring).
    ``prepared``: through a statement prepared on the connection, for the counting
    threads' kept connections (``kernel.database.threads.execute_prepared``)."""
    today = today or timezone.localdate()
    statement = ONE_DOCUMENT.format(
        batch_statement(schemas, today=today, as_of=as_of).as_string(connection.connection)
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(SERIAL_PLAN)
        before = cursor.fetchone()[0]
        if prepared:
            execute_prepared(cursor, statement, family=(today, as_of))
        else:
            cursor.execute(statement)
        document = cursor.fetchone()[0]
        cursor.execute(PLAN_AS_BEFORE, [before])
    by_alliance: dict[int, dict[str, list[dict[str, Any]]]] = {
        ref.alliance_id: {} for ref in schemas
    }
    for alliance_id, source, row in row_from_json(document):
        by_alliance[alliance_id].setdefault(source, []).append(row)
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
    """``figures_for_batch`` of each batch, in their order, counted by the process's
    counting threads (``workers`` threads on database connections of their own, kept
    between refreshes: ``kernel.database.threads``). Inside a transaction, or with
    ``workers`` below 2, the batches are counted one after the other on the caller's
    connection: another connection would not see the transaction's uncommitted rows."""
    today = today or timezone.localdate()
    if workers < 2 or len(batches) < 2 or connection.in_atomic_block:
        for batch in batches:
            yield figures_for_batch(batch, today=today, as_of=as_of)
        return
    counters = ConnectionThreads.of_process(
        "statistics", size=workers, keep=settings.BUENDNISNETZ_STATISTICS_KEEP_SECONDS
    )
    results = [
        counters.submit(
            lambda batch=batch: figures_for_batch(batch, today=today, as_of=as_of, prepared=True),
            slot=number,  # the same batch to the same connection, which has prepared it
        )
        for number, batch in enumerate(batches)
    ]
    try:
        for result in results:
            yield result.result()
    finally:  # the caller gave up or failed: batches not begun are not counted
        for result in results:
            result.cancel()


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
