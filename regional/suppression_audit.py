"""The audit of a report's small-number suppression: what can a reader work out?

``audit_suppression()`` reads back what a report shows (``regional.suppression``), sets
up the linear system of everything published (``regional.suppression_lp``) and reports
every small cell that the published figures pin down further than its marker says.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from regional import suppression as rules
from regional.suppression import HIDDEN, NOT_SHOWN, OPEN, PRIMARY, SECONDARY, SHARES, TOTAL
from regional.suppression_lp import LinearSystem


@dataclass(frozen=True)
class Disclosure:
    """A small cell that the published figures pin down further than its marker says:
    a reader knows it lies within ``low``..``high``."""

    scope: tuple
    key: str
    column: int
    low: int
    high: int


def _shown(shown: dict[str, Any]) -> dict[tuple, dict[str, Any]]:
    cells = {TOTAL: shown["totals"]}
    for district in shown["districts"]:
        cells[("district", district["code"])] = district["cells"]
    return cells


def audit_suppression(data: dict[str, Any], threshold: int) -> list[Disclosure]:
    """Every small cell of the report that a reader can pin down further than "<N".

    Reads back what the report shows (``suppress_figures()``), sets up the linear system
    of everything published, and computes each small cell's feasible interval: it must
    hold every value from 1 to ``threshold - 1``. A change or a share shown beside a
    hidden count would give it away and is reported too (as its exact value). An empty
    list means the suppression holds.
    """
    if threshold <= 1:
        return []
    shown = _shown(rules.suppress_figures(data, threshold))
    values = rules.people_values(data)
    small = rules.marker(threshold)
    bounds: dict[tuple, tuple[int, int]] = {}
    primaries = []
    disclosures = []
    for cell, value in values.items():
        scope, key, column = cell
        published = shown[scope][key]["previous" if column else "value"]
        if published == small:
            bounds[cell] = rules.marker_range(PRIMARY, threshold)
        elif published == HIDDEN:
            bounds[cell] = rules.marker_range(SECONDARY, threshold)
        elif published == NOT_SHOWN:
            bounds[cell] = rules.marker_range(OPEN, threshold)
        if 0 < value < threshold:
            if cell in bounds:
                primaries.append(cell)
            else:  # a small count shown as it is
                disclosures.append(Disclosure(scope, key, column, value, value))
    for cell in bounds:  # a change beside a hidden count: the other period gives it
        scope, key, column = cell
        derived = shown[scope][key]
        if any(derived[field] not in (HIDDEN, None) for field in ("change", "change_percent")):
            disclosures.append(Disclosure(scope, key, column, values[cell], values[cell]))
    for share, parts in SHARES.items():  # a share beside a hidden count: the other gives it
        for scope, cells in shown.items():
            if share not in cells:
                continue
            for column, field in enumerate(("value", "previous")):
                if cells[share][field] in (HIDDEN, None):
                    continue
                for part in parts:
                    if (scope, part, column) in bounds:
                        value = values[(scope, part, column)]
                        disclosures.append(Disclosure(scope, part, column, value, value))
    system = LinearSystem(values, rules.report_relations(data, values))
    pinned: set[tuple] = set()

    def record(cell: tuple, _value: int) -> bool:
        pinned.add(cell)
        return False

    system.cover(primaries, range(1, threshold), bounds, record)
    for cell in sorted(pinned, key=primaries.index):
        disclosures.append(Disclosure(*cell, *system.interval(cell, bounds)))
    return disclosures
