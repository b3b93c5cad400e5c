"""Small-number suppression for everything the ministry sees.

A figure that counts people or organisations (partners, companies, partners with care
guides, trained care guides, valid seals, families reached, event participants, partners
of each kind) with a value from 1 to ``threshold - 1`` is shown as ``"<threshold"``
(primary suppression; zero is shown as 0). Numbers of alliances, projects, events and
board meetings and amounts of money are not counts of people or organisations and are
shown as they are.

Hiding a cell is not enough when the other published figures give it away: a state total
minus its districts, the partners minus their kinds, sixteen districts at "<3" under a
state total of 16. So the report is treated as statistical offices treat their tables
(tau-ARGUS): every count of every scope and period is a cell of one linear system
(``report_relations()``: each figure's Thuringia total is the sum of its districts, the
partners are the sum of their kinds, the companies are the partners of kind "company",
partners with care guides are at most the partners and at most the care guides), a
published cell is a constant, a cell shown as "<3" lies in 1..2 and a cell shown as
``"x"`` is at least 3 (a reader knows that smaller ones would be shown as "<3" and zero
as 0). ``regional.suppression_lp`` computes from that system what a reader can know.

- secondary suppression: while a small cell cannot take every value from 1 to
  ``threshold - 1`` given everything published, the cheapest published cells (see
  ``hiding_cost()``) that give it that room are hidden too (shown as ``"x"``);
- a change against the previous period, or a share, computed from a hidden value is
  hidden as well (``"x"``);
- ``regional.suppression_audit.audit_suppression()`` reads back what a report shows and
  reports every small cell whose feasible interval is narrower than its marker; a report
  is released only when there is none (``regional.services.reports``).

``suppress_figures()`` works on the JSON that ``regional.reports.build_report_data()``
stores and returns the cells as every ministry-facing output shows them. A generated
report stores which cells it hides (``suppression_pattern()``), so that its pages show
what its files show even if the choice of cells changes later.
"""

from __future__ import annotations

import functools
import json
from decimal import Decimal
from typing import Any

from core.figures import ALLIANCE_FIGURES
from kernel.figures import MONEY
from regional.suppression_lp import UPPER, LinearSystem, Relation

HIDDEN = "x"  # shown for secondarily suppressed cells and for what depends on a hidden one
NOT_SHOWN = "."  # shown for a cell hidden without saying anything of its value

PRIMARY = "primary"  # "<3": from 1 to threshold-1
SECONDARY = "secondary"  # "x": at least the threshold
OPEN = "open"  # ".": any count, also 0 or a small one

# Figures that count people or organisations (declared in the registry).
PEOPLE_FIGURES = frozenset(f.key for f in ALLIANCE_FIGURES.figures if f.suppressed_for_ministry)
PEOPLE_GROUPS = frozenset(b.key for b in ALLIANCE_FIGURES.breakdowns if b.suppressed_for_ministry)
# A figure and the breakdown whose parts add up to it within one cell (every partner has
# exactly one kind).
WHOLES = {"partners_total": "partners_by_kind"}
# Two rows that always hold the same number.
ALIASES = {"companies": "partners_by_kind.company"}
# (smaller, larger): a partner with care guides is a partner and has at least one.
AT_MOST = (
    ("partners_with_care_guides", "partners_total"),
    ("partners_with_care_guides", "care_guides_total"),
)
# A share and the two counts it is computed from (numerator, denominator).
SHARES = {f.key: f.share_of for f in ALLIANCE_FIGURES.figures if f.share_of is not None}
MONEY_FIGURES = frozenset(ALLIANCE_FIGURES.keys(unit=MONEY))
MONEY_GROUPS = frozenset(ALLIANCE_FIGURES.breakdown_keys(unit=MONEY))

COLUMNS = (0, 1)  # this period, previous period
TOTAL = ("total",)  # the scope of Thuringia's cells (districts are ("district", code))

# What hiding a published cell costs the reader (``hiding_cost()``): Thuringia's row is
# what the ministry reads first, a main figure matters more than one kind of partner.
STATE_WEIGHT = 10
MAIN_WEIGHT = 2
CELL_COST = 0.2  # per hidden cell, so that one cell is preferred to several tiny ones
OPEN_WEIGHT = 100  # ".": the last resort, it tells the reader nothing, not even "small"


def counts_people(key: str) -> bool:
    return key in PEOPLE_FIGURES or key.split(".", 1)[0] in PEOPLE_GROUPS


def is_money(key: str) -> bool:
    return key in MONEY_FIGURES or key.split(".", 1)[0] in MONEY_GROUPS


def marker(threshold: int) -> str:
    return f"<{threshold}"


def suppress_value(value: Any, threshold: int) -> Any:
    """``value`` as the ministry may see it: a count from 1 to threshold-1 becomes "<N"."""
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    if 0 < value < threshold:
        return marker(threshold)
    return value


def _number(key: str, value: Any) -> Any:
    if value is None:
        return None
    if is_money(key):
        return Decimal(str(value))
    return value


# ---------------------------------------------------------------- the linear system


def _scopes(data: dict[str, Any]) -> dict[tuple, dict[str, list[Any]]]:
    scopes: dict[tuple, dict[str, list[Any]]] = {TOTAL: data["totals"]}
    for district in data["districts"]:
        scopes[("district", district["code"])] = district["values"]
    return scopes


def people_values(data: dict[str, Any]) -> dict[tuple, int]:
    """Every count of people or organisations: {(scope, key, column): value}."""
    keys = [key for key in data["rows"] if counts_people(key)]
    values = {}
    for scope, rows in _scopes(data).items():
        for key in keys:
            for column in COLUMNS:
                value = rows[key][column]
                if isinstance(value, int) and not isinstance(value, bool):
                    values[(scope, key, column)] = value
    return values


def report_relations(data: dict[str, Any], values: dict[tuple, int]) -> list[Relation]:
    """The relations between a report's counts that always hold, so a reader knows them.

    Only those the figures satisfy are returned (a snapshot edited by hand could break
    one; the system must keep the true values feasible).
    """
    keys = [key for key in data["rows"] if counts_people(key)]
    scopes = list(_scopes(data))
    districts = [scope for scope in scopes if scope != TOTAL]
    relations: list[Relation] = []

    def add(terms: list[tuple[tuple, int]], *, equal: bool) -> None:
        if len(terms) < 2 or any(cell not in values for cell, _coefficient in terms):
            return
        relation = Relation(tuple(terms), equal)
        if relation.holds(values):
            relations.append(relation)

    for column in COLUMNS:
        for key in keys:  # Thuringia = the sum of its districts
            add(
                [((TOTAL, key, column), 1)] + [((d, key, column), -1) for d in districts],
                equal=True,
            )
        for scope in scopes:
            for whole, group in WHOLES.items():
                parts = [key for key in keys if key.startswith(f"{group}.")]
                add(
                    [((scope, whole, column), 1)] + [((scope, p, column), -1) for p in parts],
                    equal=True,
                )
            for first, second in ALIASES.items():
                add([((scope, first, column), 1), ((scope, second, column), -1)], equal=True)
            for smaller, larger in AT_MOST:
                add([((scope, smaller, column), 1), ((scope, larger, column), -1)], equal=False)
    return relations


def marker_range(state: str, threshold: int) -> tuple[int, int]:
    """What a reader knows of a hidden cell from its marker."""
    if state == PRIMARY:
        return 1, threshold - 1  # "<3": 1 or 2 (zero is shown as 0)
    if state == SECONDARY:
        return threshold, UPPER  # "x": not small (else "<3") and not zero (else 0)
    return 0, UPPER  # ".": nothing


def hiding_cost(cell: tuple, values: dict[tuple, int], state: str = SECONDARY) -> float:
    """What hiding ``cell`` costs the reader, per unit it is allowed to move.

    The information lost is the cell's share of its figure's Thuringia total (hiding 4 of
    300 companies loses less than hiding 150 of 300; for Thuringia's parts of a breakdown
    the share of the whole; Thuringia's main figures count whole), plus ``CELL_COST`` for
    every cell so that one cell is preferred to several tiny ones. Thuringia's own cells
    weigh ``STATE_WEIGHT`` times, main figures ``MAIN_WEIGHT`` times a part of a
    breakdown; a count that a share is computed from counts once more for the share it
    hides too, and a row that repeats another (``ALIASES``) costs little, its number is
    paid for there.
    Showing "." instead of a number or of "<3" costs ``OPEN_WEIGHT`` times more.
    """
    scope, key, column = cell
    value = values[cell]
    group, dot, _choice = key.partition(".")
    whole = next((w for w, g in WHOLES.items() if g == group), None) if dot else None
    if scope != TOTAL:
        reference = values.get((TOTAL, key, column))
    elif whole:  # Thuringia's part of a breakdown: its share of the whole
        reference = values.get((TOTAL, whole, column))
    else:
        reference = value
    share = value / max(reference or value, 1)
    weight = (STATE_WEIGHT if scope == TOTAL else 1) * (1 if "." in key else MAIN_WEIGHT)
    weight *= 1 + sum(key in parts for parts in SHARES.values())
    if key in ALIASES.values():
        weight /= 10  # the same number as its alias: paid for there
    if state == OPEN:
        weight *= OPEN_WEIGHT
    return weight * (CELL_COST + share)


def _choose_hidden(data: dict[str, Any], threshold: int) -> dict[tuple, str]:
    """Primary suppression, then secondary until every small cell can hold every value
    from 1 to ``threshold - 1`` given everything published (greedy, by ``hiding_cost``)."""
    values = people_values(data)
    hidden: dict[tuple, str] = {
        cell: PRIMARY for cell, value in values.items() if 0 < value < threshold
    }
    primaries = list(hidden)
    if not hidden:
        return hidden
    system = LinearSystem(values, report_relations(data, values))
    bounds = {cell: marker_range(state, threshold) for cell, state in hidden.items()}

    def widened(other: tuple) -> str | None:
        """How ``other`` could be hidden (more): a number of at least the threshold as
        "x"; a zero, or a small number that "<3" gives away (a part of two or more
        small parts is at least 1, their whole at least 2), as "."."""
        state = hidden.get(other)
        if state is None:
            return SECONDARY if values[other] >= threshold else OPEN
        return OPEN if state == PRIMARY else None

    def hide_more(cell: tuple, target: int) -> bool:
        """Hide the cheapest cells that let ``cell`` hold ``target``."""
        candidates = {}
        for other in values:
            state = widened(other)
            if state is not None:
                range_ = marker_range(state, threshold)
                candidates[other] = (range_, hiding_cost(other, values, state))
        found = system.cells_to_hide(cell, target, bounds, candidates)
        for other in found:
            hidden[other] = widened(other)
            bounds[other] = marker_range(hidden[other], threshold)
        return bool(found)  # nothing can give it room: the audit refuses the report

    # every small cell must be able to hold every value its marker "<3" admits
    system.cover(list(primaries), range(1, threshold), bounds, hide_more)
    return hidden


@functools.lru_cache(maxsize=32)
def _chosen(figures: str, threshold: int) -> tuple[tuple[tuple, str], ...]:
    return tuple(_choose_hidden(json.loads(figures), threshold).items())


def _cell_key(cell: tuple) -> list[Any]:
    scope, key, column = cell
    return [scope[1] if scope != TOTAL else None, key, column]


def suppression_pattern(data: dict[str, Any], threshold: int) -> dict[str, Any]:
    """Which cells the report hides, as JSON to store with its figures."""
    cells = hidden_cells({k: v for k, v in data.items() if k != "suppression"}, threshold)
    return {
        "threshold": threshold,
        "cells": [[*_cell_key(cell), state] for cell, state in cells.items()],
    }


def hidden_cells(data: dict[str, Any], threshold: int) -> dict[tuple, str]:
    """Which cells are hidden: {(scope, key, column): PRIMARY | SECONDARY | OPEN}.

    The pattern stored with the figures (``suppression_pattern()``) if it was made for
    ``threshold``; else chosen now (and kept for the ministry's dashboard, which shows
    the same figures on every visit).
    """
    stored = data.get("suppression")
    if stored and stored.get("threshold") == threshold:
        return {
            (TOTAL if code is None else ("district", code), key, column): state
            for code, key, column, state in stored["cells"]
        }
    figures = {k: data[k] for k in ("rows", "totals", "districts")}
    return dict(_chosen(json.dumps(figures, sort_keys=True, default=str), threshold))


def _cell(
    scope: tuple, key: str, values: dict[str, list[Any]], hidden: dict, threshold: int
) -> dict[str, Any]:
    current, previous = (_number(key, v) for v in values[key])
    states = [hidden.get((scope, key, column)) for column in COLUMNS]
    if key in SHARES:
        for column in COLUMNS:
            if any((scope, part, column) in hidden for part in SHARES[key]):
                states[column] = SECONDARY
    shown = []
    for value, state in zip((current, previous), states, strict=True):
        if state == PRIMARY:
            shown.append(marker(threshold))
        elif state == SECONDARY:
            shown.append(HIDDEN)
        elif state == OPEN:
            shown.append(NOT_SHOWN)
        else:
            shown.append(value)
    if any(states) and previous is not None:
        change = change_percent = HIDDEN
    elif current is None or previous is None:
        change = change_percent = None
    else:
        change = current - previous
        if key in SHARES:
            change_percent = None  # the change of a share is given in percentage points
        elif previous:
            change_percent = round(float(change) / float(previous) * 100, 1)
        else:
            change_percent = None
    return {
        "value": shown[0],
        "previous": shown[1],
        "change": change,
        "change_percent": change_percent,
    }


def suppress_figures(data: dict[str, Any], threshold: int) -> dict[str, Any]:
    """The report's figures as the ministry sees them.

    Returns ``{"threshold", "rows", "totals": {key: cell}, "districts": [{"code", "name",
    "cells": {key: cell}}]}``; a cell is ``{"value", "previous", "change",
    "change_percent"}`` holding numbers (money as ``Decimal``), ``"<N"``, ``"x"`` or
    None (no figure to compare with).
    """
    hidden = hidden_cells(data, threshold)
    keys = data["rows"]
    return {
        "threshold": threshold,
        "rows": list(keys),
        "totals": {key: _cell(TOTAL, key, data["totals"], hidden, threshold) for key in keys},
        "districts": [
            {
                "code": district["code"],
                "name": district["name"],
                "cells": {
                    key: _cell(
                        ("district", district["code"]), key, district["values"], hidden, threshold
                    )
                    for key in keys
                },
            }
            for district in data["districts"]
        ],
    }
