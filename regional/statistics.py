"""The statistics engine: every alliance's key figures, read from all schemas at once.

``core.selectors.figures.alliance_figures()`` counts one alliance with the ORM inside its
schema. This module computes exactly the same figures for many alliances with few round
trips: one raw SQL statement per batch of schemas, a ``UNION ALL`` of six small
aggregates per schema, one per table (see ``_BRANCHES``), against schema-qualified
tables. Schema and table names are quoted identifiers
(``psycopg.sql.Identifier``) taken from ``tenants.Alliance`` and the models' metadata;
every value (dates, status codes) is quoted by psycopg (``psycopg.sql.Literal``).

A batch holds at most ``MAX_BATCH_SIZE`` schemas: one ``UNION ALL`` over hundreds of
schemas spends seconds in PostgreSQL's planner, while 25 cost a few milliseconds;
``DEFAULT_BATCH_SIZE`` is what measured fastest (docs/benchmarks.md).

With ``as_of=True`` the figures are those of a past day, reconstructed from the records'
own dates (``_AS_OF_BRANCHES``): a partner counts if it had joined by then and is active
now or left only later; a project if it had started by then (and is not merely planned
today), finished if it had ended before; events, funding and held board meetings of the
year up to that day; seals valid on that day. What has no date of its own keeps today's
value (a partner's number of care guides, a project's families reached); partners that
are dormant today are left out, as nobody recorded since when.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection
from django.utils import timezone
from psycopg import sql

from core.models import (
    BoardMeeting,
    Event,
    FundingEntry,
    MeetingStatus,
    Partner,
    PartnerKind,
    PartnerStatus,
    Project,
    ProjectStatus,
    SealApplication,
    SealStatus,
)
from core.selectors.figures import AllianceFigures

MAX_BATCH_SIZE = 25
DEFAULT_BATCH_SIZE = MAX_BATCH_SIZE


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


# The statement is a UNION ALL of small aggregates, six per schema: each reads one table
# of one schema once, with every figure of that table as an aggregate (``FILTER`` where a
# figure needs a narrower set of rows) and a GROUP BY where the figures go by kind, topic
# or status. Every branch returns the same columns:
#   alliance_id, part (which table), key1, key2 (the group, if any), n, a, b
# and Python puts the rows of one alliance together (``_from_rows``). Branches without
# subqueries are what keeps PostgreSQL's planner cheap: a branch per figure with nested
# ``jsonb_object_agg`` subqueries (twelve per schema) cost more to plan than to run.
# {alliance_id} is a literal integer, the tables are quoted identifiers; %(name)s are the
# statement's parameters, shared by every branch.
PARTNERS, SEALS, PROJECTS, EVENTS, FUNDING, BOARD_MEETINGS = range(1, 7)

_BRANCHES = (
    # Active partners by kind: how many, how many with care guides, care guides in all.
    """SELECT {alliance_id}::integer AS alliance_id, 1 AS part, kind::text AS key1,
 NULL::text AS key2, count(*)::bigint AS n,
 (count(*) FILTER (WHERE care_guides_count > 0))::numeric AS a,
 coalesce(sum(care_guides_count), 0)::numeric AS b
 FROM {partner} WHERE status = %(active)s GROUP BY kind""",
    """SELECT {alliance_id}::integer, 2, NULL::text, NULL::text, count(*)::bigint,
 NULL::numeric, NULL::numeric FROM {seal}
 WHERE status = %(awarded)s AND awarded_on <= %(today)s AND valid_until >= %(today)s""",
    # Projects by topic and status together: Python adds them up both ways.
    """SELECT {alliance_id}::integer, 3, topic::text, status::text, count(*)::bigint,
 coalesce(sum(families_reached), 0)::numeric, NULL::numeric
 FROM {project} GROUP BY topic, status""",
    """SELECT {alliance_id}::integer, 4, NULL::text, NULL::text, count(*)::bigint,
 coalesce(sum(participant_count), 0)::numeric, NULL::numeric
 FROM {event} WHERE date BETWEEN %(year_start)s AND %(year_end)s""",
    """SELECT {alliance_id}::integer, 5, kind::text, NULL::text, count(*)::bigint,
 sum(amount)::numeric, NULL::numeric
 FROM {funding} WHERE received_on BETWEEN %(year_start)s AND %(year_end)s GROUP BY kind""",
    """SELECT {alliance_id}::integer, 6, NULL::text, NULL::text, count(*)::bigint,
 NULL::numeric, NULL::numeric
 FROM {board_meeting} WHERE status = %(held)s AND date BETWEEN %(year_start)s AND %(year_end)s""",
)

# The same rows as ``_BRANCHES``, as they were on the day %(today)s (see the docstring).
_AS_OF_ALIVE = """((status = %(active)s AND joined_on <= %(today)s)
    OR (status = %(left)s AND joined_on <= %(today)s AND left_on > %(today)s))"""
_AS_OF_STARTED = "status <> %(planned)s AND start_date <= %(today)s"
_AS_OF_BRANCHES = (
    _BRANCHES[0].replace("status = %(active)s", _AS_OF_ALIVE),
    _BRANCHES[1],
    """SELECT {alliance_id}::integer, 3, topic::text,
 (CASE WHEN end_date < %(today)s THEN %(finished)s ELSE %(running)s END)::text,
 count(*)::bigint, coalesce(sum(families_reached), 0)::numeric, NULL::numeric
 FROM {project} WHERE STARTED GROUP BY 3, 4""".replace("STARTED", _AS_OF_STARTED),
    """SELECT {alliance_id}::integer, 4, NULL::text, NULL::text, count(*)::bigint,
 coalesce(sum(participant_count), 0)::numeric, NULL::numeric
 FROM {event} WHERE date BETWEEN %(year_start)s AND %(today)s""",
    """SELECT {alliance_id}::integer, 5, kind::text, NULL::text, count(*)::bigint,
 sum(amount)::numeric, NULL::numeric
 FROM {funding} WHERE received_on BETWEEN %(year_start)s AND %(today)s GROUP BY kind""",
    """SELECT {alliance_id}::integer, 6, NULL::text, NULL::text, count(*)::bigint,
 NULL::numeric, NULL::numeric
 FROM {board_meeting} WHERE status = %(held)s AND date BETWEEN %(year_start)s AND %(today)s""",
)
BRANCHES_PER_SCHEMA = len(_BRANCHES)


def batch_statement(schemas: Sequence[SchemaRef], *, as_of: bool = False) -> sql.SQL:
    """The one statement that counts every schema of ``schemas`` (at most 25); with
    ``as_of`` the figures of the day ``%(today)s`` from the records' dates.

    Built with plain string formatting from identifiers that psycopg has quoted: composing
    ``psycopg.sql`` objects for 150 branches cost as much Python time as PostgreSQL
    needed to plan and run them.
    """
    if not schemas:
        raise ValueError("A batch needs at least one schema.")
    if len(schemas) > MAX_BATCH_SIZE:
        raise ValueError(f"A batch holds at most {MAX_BATCH_SIZE} schemas.")
    connection.ensure_connection()
    context = connection.connection
    templates = "\nUNION ALL\n".join(_AS_OF_BRANCHES if as_of else _BRANCHES)
    tables = {
        name: _identifier(model._meta.db_table, context)
        for name, model in (
            ("partner", Partner),
            ("seal", SealApplication),
            ("project", Project),
            ("event", Event),
            ("funding", FundingEntry),
            ("board_meeting", BoardMeeting),
        )
    }
    branches = []
    for ref in schemas:
        schema = _identifier(ref.schema_name, context)
        branches.append(
            templates.format(
                alliance_id=int(ref.alliance_id),
                **{name: f"{schema}.{table}" for name, table in tables.items()},
            )
        )
    return sql.SQL("\nUNION ALL\n".join(branches))


def _parameters(today: datetime.date) -> dict[str, Any]:
    return {
        "active": PartnerStatus.ACTIVE.value,
        "left": PartnerStatus.LEFT.value,
        "planned": ProjectStatus.PLANNED.value,
        "running": ProjectStatus.RUNNING.value,
        "finished": ProjectStatus.FINISHED.value,
        "awarded": SealStatus.AWARDED.value,
        "held": MeetingStatus.HELD.value,
        "today": today,
        "year_start": datetime.date(today.year, 1, 1),
        "year_end": datetime.date(today.year, 12, 31),
    }


def _from_rows(
    rows: Iterable[Sequence[Any]], ref: SchemaRef, today: datetime.date
) -> AllianceStatistics:
    """One alliance's figures from its rows of the batch statement (see ``_BRANCHES``)."""
    result = AllianceStatistics(
        alliance_id=ref.alliance_id, schema_name=ref.schema_name, taken_on=today, year=today.year
    )
    by_kind: dict[str, int] = {}
    by_topic: dict[str, int] = {}
    by_status: dict[str, int] = {}
    for _alliance_id, part, key1, key2, n, a, b in rows:
        if part == PARTNERS:
            by_kind[key1] = int(n)
            result.partners_with_care_guides += int(a)
            result.care_guides_total += int(b)
        elif part == SEALS:
            result.valid_seals = int(n)
        elif part == PROJECTS:
            by_topic[key1] = by_topic.get(key1, 0) + int(n)
            by_status[key2] = by_status.get(key2, 0) + int(n)
            result.families_reached += int(a)
        elif part == EVENTS:
            result.events = int(n)
            result.event_participants = int(a)
        elif part == FUNDING:
            result.funding_by_kind[key1] = Decimal(a)
        elif part == BOARD_MEETINGS:
            result.board_meetings_held = int(n)
    result.partners_by_kind = {kind: by_kind.get(kind, 0) for kind in PartnerKind.values}
    result.partners_total = sum(by_kind.values())
    result.companies = by_kind.get(PartnerKind.COMPANY, 0)
    if result.partners_total:
        result.care_guides_share = round(
            result.partners_with_care_guides / result.partners_total, 4
        )
    result.projects_by_topic = by_topic
    result.projects_by_status = by_status
    result.projects_total = sum(by_status.values())
    result.funding_total = sum(result.funding_by_kind.values(), Decimal("0"))
    return result


def figures_for_batch(
    schemas: Sequence[SchemaRef], *, today: datetime.date | None = None, as_of: bool = False
) -> list[AllianceStatistics]:
    """The figures of each schema in ``schemas`` (at most 25), with one round trip;
    with ``as_of`` those of the (past) day ``today`` (see the module's docstring)."""
    today = today or timezone.localdate()
    statement = batch_statement(schemas, as_of=as_of)
    context = connection.connection
    # The values are quoted by psycopg once and put in with Python's % formatting: this
    # is what Django's client-side cursor would do with them, without its scan of the
    # whole statement for placeholders.
    literals = {
        name: sql.Literal(value).as_string(context) for name, value in _parameters(today).items()
    }
    query = statement.as_string(context) % literals
    with connection.cursor() as cursor:
        cursor.execute(query)
        rows = cursor.fetchall()
    by_alliance: dict[int, list[Sequence[Any]]] = {ref.alliance_id: [] for ref in schemas}
    for row in rows:
        by_alliance[row[0]].append(row)
    return [_from_rows(by_alliance[ref.alliance_id], ref, today) for ref in schemas]


def batches(items: Sequence[SchemaRef], size: int) -> Iterator[Sequence[SchemaRef]]:
    if not 1 <= size <= MAX_BATCH_SIZE:
        raise ValueError(f"The batch size must be between 1 and {MAX_BATCH_SIZE}.")
    for start in range(0, len(items), size):
        yield items[start : start + size]


def counted_alliances() -> list[SchemaRef]:
    """The alliances the statistics cover: every alliance that is not dissolved."""
    from tenants.models import Alliance, AllianceStatus

    rows = (
        Alliance.objects.exclude(status=AllianceStatus.DISSOLVED)
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
    for batch in batches(refs, batch_size):
        yield figures_for_batch(batch, today=today, as_of=as_of)


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
