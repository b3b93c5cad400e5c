"""The statistics engine: every alliance's key figures, read from all schemas at once.

``core.selectors.figures.alliance_figures()`` counts one alliance with the ORM inside its
schema. This module computes exactly the same figures for many alliances with few round
trips: one raw SQL statement per batch of schemas, a ``UNION ALL`` of one branch per
schema. Each branch selects that schema's figures with scalar subqueries against
schema-qualified tables. Schema and table names are quoted identifiers
(``psycopg.sql.Identifier``) taken from ``tenants.Alliance`` and the models' metadata;
every value (dates, status codes) travels as a query parameter.

A batch holds at most ``MAX_BATCH_SIZE`` schemas: one ``UNION ALL`` over hundreds of
schemas spends seconds in PostgreSQL's planner, while 25 cost a few milliseconds.

With ``as_of=True`` the figures are those of a past day, reconstructed from the records'
own dates (``_AS_OF_BRANCH``): a partner counts if it had joined by then and is active
now or left only later; a project if it had started by then (and is not merely planned
today), finished if it had ended before; events, funding and held board meetings of the
year up to that day; seals valid on that day. What has no date of its own keeps today's
value (a partner's number of care guides, a project's families reached); partners that
are dormant today are left out, as nobody recorded since when.
"""

from __future__ import annotations

import datetime
import json
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


def _table(schema: str, model) -> sql.Composed:
    return sql.SQL("{}.{}").format(sql.Identifier(schema), sql.Identifier(model._meta.db_table))


# One branch of the UNION ALL. {alliance_id} is a literal integer, the tables are quoted
# identifiers; %(name)s are the statement's parameters, shared by every branch.
_BRANCH = """SELECT {alliance_id}::integer AS alliance_id,
 (SELECT coalesce(jsonb_object_agg(k.kind, k.n), '{{}}'::jsonb)
    FROM (SELECT kind, count(*) AS n FROM {partner} WHERE status = %(active)s GROUP BY kind) k
 ) AS partners_by_kind,
 (SELECT count(*) FROM {partner} WHERE status = %(active)s AND care_guides_count > 0)
   AS partners_with_care_guides,
 (SELECT coalesce(sum(care_guides_count), 0) FROM {partner} WHERE status = %(active)s)
   AS care_guides_total,
 (SELECT count(*) FROM {seal} WHERE status = %(awarded)s
    AND awarded_on <= %(today)s AND valid_until >= %(today)s) AS valid_seals,
 (SELECT coalesce(jsonb_object_agg(t.topic, t.n), '{{}}'::jsonb)
    FROM (SELECT topic, count(*) AS n FROM {project} GROUP BY topic) t) AS projects_by_topic,
 (SELECT coalesce(jsonb_object_agg(s.status, s.n), '{{}}'::jsonb)
    FROM (SELECT status, count(*) AS n FROM {project} GROUP BY status) s) AS projects_by_status,
 (SELECT coalesce(sum(families_reached), 0) FROM {project}) AS families_reached,
 (SELECT count(*) FROM {event} WHERE date BETWEEN %(year_start)s AND %(year_end)s) AS events,
 (SELECT coalesce(sum(participant_count), 0) FROM {event}
    WHERE date BETWEEN %(year_start)s AND %(year_end)s) AS event_participants,
 (SELECT coalesce(jsonb_object_agg(f.kind, f.total::text), '{{}}'::jsonb)
    FROM (SELECT kind, sum(amount) AS total FROM {funding}
          WHERE received_on BETWEEN %(year_start)s AND %(year_end)s GROUP BY kind) f
 ) AS funding_by_kind,
 (SELECT count(*) FROM {board_meeting} WHERE status = %(held)s
    AND date BETWEEN %(year_start)s AND %(year_end)s) AS board_meetings_held"""

# The same columns as ``_BRANCH``, as they were on the day %(today)s (see the docstring).
_AS_OF_ALIVE = """((status = %(active)s AND joined_on <= %(today)s)
    OR (status = %(left)s AND joined_on <= %(today)s AND left_on > %(today)s))"""
_AS_OF_STARTED = "status <> %(planned)s AND start_date <= %(today)s"
_AS_OF_TEMPLATE = """SELECT {alliance_id}::integer AS alliance_id,
 (SELECT coalesce(jsonb_object_agg(k.kind, k.n), '{{}}'::jsonb)
    FROM (SELECT kind, count(*) AS n FROM {partner} WHERE ALIVE GROUP BY kind) k
 ) AS partners_by_kind,
 (SELECT count(*) FROM {partner} WHERE ALIVE AND care_guides_count > 0)
   AS partners_with_care_guides,
 (SELECT coalesce(sum(care_guides_count), 0) FROM {partner} WHERE ALIVE)
   AS care_guides_total,
 (SELECT count(*) FROM {seal} WHERE status = %(awarded)s
    AND awarded_on <= %(today)s AND valid_until >= %(today)s) AS valid_seals,
 (SELECT coalesce(jsonb_object_agg(t.topic, t.n), '{{}}'::jsonb)
    FROM (SELECT topic, count(*) AS n FROM {project} WHERE STARTED GROUP BY topic) t
 ) AS projects_by_topic,
 (SELECT coalesce(jsonb_object_agg(s.status, s.n), '{{}}'::jsonb)
    FROM (SELECT CASE WHEN end_date < %(today)s THEN %(finished)s ELSE %(running)s END
                 AS status, count(*) AS n
          FROM {project} WHERE STARTED GROUP BY 1) s) AS projects_by_status,
 (SELECT coalesce(sum(families_reached), 0) FROM {project} WHERE STARTED) AS families_reached,
 (SELECT count(*) FROM {event} WHERE date BETWEEN %(year_start)s AND %(today)s) AS events,
 (SELECT coalesce(sum(participant_count), 0) FROM {event}
    WHERE date BETWEEN %(year_start)s AND %(today)s) AS event_participants,
 (SELECT coalesce(jsonb_object_agg(f.kind, f.total::text), '{{}}'::jsonb)
    FROM (SELECT kind, sum(amount) AS total FROM {funding}
          WHERE received_on BETWEEN %(year_start)s AND %(today)s GROUP BY kind) f
 ) AS funding_by_kind,
 (SELECT count(*) FROM {board_meeting} WHERE status = %(held)s
    AND date BETWEEN %(year_start)s AND %(today)s) AS board_meetings_held"""
_AS_OF_BRANCH = _AS_OF_TEMPLATE.replace("ALIVE", _AS_OF_ALIVE).replace("STARTED", _AS_OF_STARTED)

_COLUMNS = (
    "alliance_id",
    "partners_by_kind",
    "partners_with_care_guides",
    "care_guides_total",
    "valid_seals",
    "projects_by_topic",
    "projects_by_status",
    "families_reached",
    "events",
    "event_participants",
    "funding_by_kind",
    "board_meetings_held",
)


def batch_statement(schemas: Sequence[SchemaRef], *, as_of: bool = False) -> sql.Composed:
    """The one statement that counts every schema of ``schemas`` (at most 25); with
    ``as_of`` the figures of the day ``%(today)s`` from the records' dates."""
    if not schemas:
        raise ValueError("A batch needs at least one schema.")
    if len(schemas) > MAX_BATCH_SIZE:
        raise ValueError(f"A batch holds at most {MAX_BATCH_SIZE} schemas.")
    branch = sql.SQL(_AS_OF_BRANCH if as_of else _BRANCH)
    branches = [
        branch.format(
            alliance_id=sql.Literal(int(ref.alliance_id)),
            partner=_table(ref.schema_name, Partner),
            seal=_table(ref.schema_name, SealApplication),
            project=_table(ref.schema_name, Project),
            event=_table(ref.schema_name, Event),
            funding=_table(ref.schema_name, FundingEntry),
            board_meeting=_table(ref.schema_name, BoardMeeting),
        )
        for ref in schemas
    ]
    return sql.SQL("\nUNION ALL\n").join(branches)


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


def _as_dict(value: Any) -> dict:
    if isinstance(value, str):  # a cursor that does not load jsonb itself
        return json.loads(value)
    return dict(value or {})


def _from_row(row: Sequence[Any], ref: SchemaRef, today: datetime.date) -> AllianceStatistics:
    values = dict(zip(_COLUMNS, row, strict=True))
    by_kind = {kind: int(n) for kind, n in _as_dict(values["partners_by_kind"]).items()}
    result = AllianceStatistics(
        alliance_id=ref.alliance_id, schema_name=ref.schema_name, taken_on=today, year=today.year
    )
    result.partners_by_kind = {kind: by_kind.get(kind, 0) for kind in PartnerKind.values}
    result.partners_total = sum(by_kind.values())
    result.companies = by_kind.get(PartnerKind.COMPANY, 0)
    result.partners_with_care_guides = int(values["partners_with_care_guides"])
    result.care_guides_total = int(values["care_guides_total"])
    if result.partners_total:
        result.care_guides_share = round(
            result.partners_with_care_guides / result.partners_total, 4
        )
    result.valid_seals = int(values["valid_seals"])
    result.projects_by_topic = {k: int(n) for k, n in _as_dict(values["projects_by_topic"]).items()}
    result.projects_by_status = {
        k: int(n) for k, n in _as_dict(values["projects_by_status"]).items()
    }
    result.projects_total = sum(result.projects_by_status.values())
    result.families_reached = int(values["families_reached"])
    result.events = int(values["events"])
    result.event_participants = int(values["event_participants"])
    result.funding_by_kind = {
        kind: Decimal(total) for kind, total in _as_dict(values["funding_by_kind"]).items()
    }
    result.funding_total = sum(result.funding_by_kind.values(), Decimal("0"))
    result.board_meetings_held = int(values["board_meetings_held"])
    return result


def figures_for_batch(
    schemas: Sequence[SchemaRef], *, today: datetime.date | None = None, as_of: bool = False
) -> list[AllianceStatistics]:
    """The figures of each schema in ``schemas`` (at most 25), with one round trip;
    with ``as_of`` those of the (past) day ``today`` (see the module's docstring)."""
    today = today or timezone.localdate()
    statement = batch_statement(schemas, as_of=as_of)
    connection.ensure_connection()
    query = statement.as_string(connection.connection)
    with connection.cursor() as cursor:
        cursor.execute(query, _parameters(today))
        rows = cursor.fetchall()
    refs = {ref.alliance_id: ref for ref in schemas}
    results = {row[0]: _from_row(row, refs[row[0]], today) for row in rows}
    return [results[ref.alliance_id] for ref in schemas]


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
