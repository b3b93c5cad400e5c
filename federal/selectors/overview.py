"""Germany's figures per state for the federal service office: aggregates only.

One grouped query adds up, per state, the newest snapshot of each of its active
alliances (``regional.models.AllianceSnapshot``: the alliances' schemas are never read
here), so the page costs the same whatever the number of alliances; every one of the 16
states has its row, one without alliances with zeros. The counts of people and
organisations then pass the ministry's small-number suppression
(``regional.suppression``): Germany is the sum of its states as Thuringia is the sum of
its districts, so a hidden cell cannot be worked out from the others.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection

from core.figures import ALLIANCE_FIGURES
from regional.models import AllianceSnapshot
from regional.suppression import HIDDEN, NOT_SHOWN, marker, suppress_figures
from tenants.models import Alliance, AllianceStatus, State

# The headline figures the federal office compares, in the table's order.
HEADLINE_KEYS = (
    "partners_total",
    "companies",
    "partners_with_care_guides",
    "care_guides_total",
    "projects_total",
    "families_reached",
    "event_participants",
    "funding_total",
)

# Per state: its active alliances and the sums of their newest snapshots. LATERAL picks
# each alliance's newest row by the (alliance, taken_on) unique index.
_STATE_SUMS = """
SELECT st.key, st.name, count(a.id), count(s.id), max(s.taken_on), {sums}
FROM {state} st
LEFT JOIN {alliance} a ON a.state_id = st.key AND a.status = %(active)s
LEFT JOIN LATERAL (
    SELECT * FROM {snapshot} n WHERE n.alliance_id = a.id ORDER BY n.taken_on DESC LIMIT 1
) s ON true
GROUP BY st.key, st.name
ORDER BY st.key
"""


@dataclass
class StateFigures:
    """One state's row: ``values`` as summed, ``shown`` as the federal office sees them
    (a small count as "<3", a cell that would give one away as "x")."""

    key: str
    name: str
    alliances: int
    reporting: int  # alliances with a snapshot
    taken_on: datetime.date | None
    values: dict[str, Any]
    shown: dict[str, Any] = field(default_factory=dict)


@dataclass
class Overview:
    states: list[StateFigures]
    total: StateFigures
    threshold: int

    @property
    def latest(self) -> datetime.date | None:
        days = [s.taken_on for s in self.states if s.taken_on]
        return max(days) if days else None


def _sums() -> str:
    quote = connection.ops.quote_name
    return ", ".join(f"coalesce(sum(s.{quote(key)}), 0)" for key in HEADLINE_KEYS)


def state_figures() -> list[StateFigures]:
    """Every state's row, unsuppressed (for the overview; never shown as it is)."""
    quote = connection.ops.quote_name
    sql = _STATE_SUMS.format(
        sums=_sums(),
        state=quote(State._meta.db_table),
        alliance=quote(Alliance._meta.db_table),
        snapshot=quote(AllianceSnapshot._meta.db_table),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"active": AllianceStatus.ACTIVE})
        found = cursor.fetchall()
    return [
        StateFigures(key, name, alliances, reporting, taken_on,
                     dict(zip(HEADLINE_KEYS, values, strict=True)))
        for key, name, alliances, reporting, taken_on, *values in found
    ]  # fmt: skip


def _total(states: list[StateFigures]) -> StateFigures:
    values = {key: sum((s.values[key] for s in states), ALLIANCE_FIGURES[key].zero())
              for key in HEADLINE_KEYS}  # fmt: skip
    days = [s.taken_on for s in states if s.taken_on]
    return StateFigures(
        "", "", sum(s.alliances for s in states), sum(s.reporting for s in states),
        max(days) if days else None, values,
    )  # fmt: skip


def federal_overview(threshold: int | None = None) -> Overview:
    """Germany and its 16 states, with the ministry's suppression applied to ``shown``."""
    threshold = settings.BUENDNISNETZ_SUPPRESSION_THRESHOLD if threshold is None else threshold
    states = state_figures()
    total = _total(states)
    data = {
        "rows": list(HEADLINE_KEYS),
        "totals": {key: [total.values[key], None] for key in HEADLINE_KEYS},
        "districts": [
            {"code": s.key, "name": s.name,
             "values": {key: [s.values[key], None] for key in HEADLINE_KEYS}}
            for s in states
        ],
    }  # fmt: skip
    shown = suppress_figures(data, threshold)
    total.shown = {key: cell["value"] for key, cell in shown["totals"].items()}
    for state, row in zip(states, shown["districts"], strict=True):
        state.shown = {key: cell["value"] for key, cell in row["cells"].items()}
    return Overview(states=states, total=total, threshold=threshold)


def sort_value(value: Any, threshold: int) -> float:
    """Where a shown cell sorts: a hidden one as what its marker says of it ("<3" below
    the threshold, "x" at it), so the order gives away nothing the cell hides."""
    if value == marker(threshold):
        return threshold - 0.5
    if value in (HIDDEN, NOT_SHOWN):
        return float(threshold)
    return float(value or 0)
