"""Small-number suppression for everything the ministry sees.

A figure that counts people or organisations (partners, companies, partners with care
guides, trained care guides, valid seals, families reached, event participants, partners
of each kind) with a value from 1 to ``threshold - 1`` is shown as ``"<threshold"``.
Numbers of alliances, projects, events and board meetings and amounts of money are not
counts of people or organisations and are shown as they are.

Suppressing one cell is not enough when the others give it away, so:

- secondary suppression: if exactly one district cell of a figure is suppressed, the
  state total minus the other districts would reveal it; the next-smallest non-zero
  district cell of that figure is hidden too (shown as ``"x"``). The same holds for the
  parts of a breakdown within one cell (partners by kind add up to the partners);
- a change against the previous period, or a share, computed from a hidden value is
  hidden as well (``"x"``).

``suppress_figures()`` works on the JSON that ``regional.reports.build_report_data()``
stores and returns the cells as every ministry-facing output shows them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

HIDDEN = "x"  # shown for secondarily suppressed cells and for what depends on a hidden one

PRIMARY = "primary"
SECONDARY = "secondary"

# Figures that count people or organisations.
PEOPLE_FIGURES = frozenset(
    {
        "partners_total",
        "companies",
        "partners_with_care_guides",
        "care_guides_total",
        "valid_seals",
        "families_reached",
        "event_participants",
    }
)
PEOPLE_GROUPS = frozenset({"partners_by_kind"})
# Breakdowns whose parts add up to a whole within one cell: a single hidden part could
# be worked out as the whole minus the other parts.
PART_GROUPS = frozenset({"partners_by_kind"})
# Two rows that always hold the same number: hiding one hides the other.
ALIASES = {"companies": "partners_by_kind.company"}
# A share and the two counts it is computed from (numerator, denominator).
SHARES = {"care_guides_share": ("partners_with_care_guides", "partners_total")}
MONEY_FIGURES = frozenset({"funding_total"})
MONEY_GROUPS = frozenset({"funding_by_kind"})

COLUMNS = (0, 1)  # this period, previous period
TOTAL = ("total",)  # the scope of Thuringia's cells (districts are ("district", code))


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


def hidden_cells(data: dict[str, Any], threshold: int) -> dict[tuple, str]:
    """Which cells are hidden: {(scope, key, column): PRIMARY | SECONDARY}."""
    keys = [key for key in data["rows"] if counts_people(key)]
    scopes: dict[tuple, dict[str, list[Any]]] = {TOTAL: data["totals"]}
    for district in data["districts"]:
        scopes[("district", district["code"])] = district["values"]
    district_scopes = [scope for scope in scopes if scope != TOTAL]
    groups: dict[str, list[str]] = {}
    for key in keys:
        group, dot, _choice = key.partition(".")
        if dot and group in PART_GROUPS:
            groups.setdefault(group, []).append(key)

    hidden: dict[tuple, str] = {}
    for scope, values in scopes.items():
        for key in keys:
            for column in COLUMNS:
                value = values[key][column]
                if value is not None and suppress_value(value, threshold) != value:
                    hidden[(scope, key, column)] = PRIMARY

    def protect(cells: list[tuple[tuple, Any]]) -> bool:
        """If exactly one of ``cells`` is hidden, hide the next-smallest non-zero one."""
        marked = [cell for cell, _value in cells if cell in hidden]
        if len(marked) != 1:
            return False
        candidates = [(value, index) for index, (cell, value) in enumerate(cells)
                      if cell not in hidden and value]  # fmt: skip
        if not candidates:
            return False
        _value, index = min(candidates)
        hidden[cells[index][0]] = SECONDARY
        return True

    changed = True
    while changed:  # every round only adds hidden cells, so this ends
        changed = False
        for key in keys:
            for column in COLUMNS:
                cells = [
                    ((scope, key, column), scopes[scope][key][column])
                    for scope in district_scopes
                    if scopes[scope][key][column] is not None
                ]
                changed |= protect(cells)
        for scope, values in scopes.items():
            for parts in groups.values():
                for column in COLUMNS:
                    cells = [
                        ((scope, key, column), values[key][column])
                        for key in parts
                        if values[key][column] is not None
                    ]
                    changed |= protect(cells)
        for scope in scopes:
            for first, second in ALIASES.items():
                if first not in scopes[scope] or second not in scopes[scope]:
                    continue
                for column in COLUMNS:
                    a, b = (scope, first, column), (scope, second, column)
                    if a in hidden and b not in hidden:
                        hidden[b] = hidden[a]
                        changed = True
                    elif b in hidden and a not in hidden:
                        hidden[a] = hidden[b]
                        changed = True
    return hidden


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
