"""Germany's 16 states and its districts (Landkreise and kreisfreie Städte), as shipped data.

``districts.json`` beside this file is generated (``devtools/geo_build.py``; its sources,
licences and the command in ``SOURCE.md``): each district's official key (AGS, five
digits: two of the state, three of the district), name, designation, state, population
at ``reference_date()`` and simplified outline; each state's key, name and outline.
Outlines are rings of (longitude, latitude) points, drawn with the even-odd rule (an
enclave is a ring inside its surrounding district's rings).

The file is read once per process, on first use; everything returned is immutable.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "ATTRIBUTION",
    "District",
    "State",
    "ags_for_labels",
    "district",
    "districts",
    "reference_date",
    "state",
    "states",
]

DATA = Path(__file__).resolve().parent / "districts.json"

# The source notes the licences ask for, shown with every map (SOURCE.md). German, as
# the ordinance words the alteration notice; names of offices are not translated.
ATTRIBUTION = (
    "Geometrie: © GeoBasis-DE / BKG 2016 (Daten verändert); "
    "Einwohner: © Statistisches Bundesamt (Destatis), 2019"
)

Ring = tuple[tuple[float, float], ...]

CITY = "city"  # kreisfreie Stadt, Stadtkreis
DISTRICT = "district"  # Landkreis, Kreis, Region, Regionalverband


@dataclass(frozen=True)
class State:
    key: str  # two digits, "16" for Thuringia
    name: str
    rings: tuple[Ring, ...]


@dataclass(frozen=True)
class District:
    ags: str  # five digits; the first two are its state's key
    name: str  # "Jena", "Eichsfeld"
    kind: str  # CITY or DISTRICT
    designation: str  # the official "Kreisfreie Stadt", "Landkreis", "Kreis", ...
    state: str
    population: int  # at reference_date()
    rings: tuple[Ring, ...]

    @property
    def label(self) -> str:
        """How it is named in a list: "Jena", "Landkreis Eichsfeld", "Wartburgkreis"."""
        if self.kind == CITY or "kreis" in self.name.lower():
            return self.name
        if self.designation in {"Landkreis", "Kreis"}:
            return f"{self.designation} {self.name}"
        return self.name  # "Regionalverband Saarbrücken", "Region Hannover" say it


@dataclass(frozen=True)
class _Catalogue:
    reference_date: datetime.date
    states: tuple[State, ...]
    districts: tuple[District, ...]
    by_ags: Mapping[str, District]


def _rings(raw: list) -> tuple[Ring, ...]:
    return tuple(tuple((x, y) for x, y in ring) for ring in raw)


@cache
def _catalogue() -> _Catalogue:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    found = tuple(
        State(key=item["key"], name=item["name"], rings=_rings(item["rings"]))
        for item in raw["states"]
    )
    rows = tuple(
        District(
            ags=item["ags"], name=item["name"], kind=item["kind"],
            designation=item["designation"], state=item["state"],
            population=item["population"], rings=_rings(item["rings"]),
        )
        for item in raw["districts"]
    )  # fmt: skip
    return _Catalogue(
        reference_date=datetime.date.fromisoformat(raw["reference_date"]),
        states=found,
        districts=rows,
        by_ags={row.ags: row for row in rows},
    )


def reference_date() -> datetime.date:
    """The day the list of districts and their population describe."""
    return _catalogue().reference_date


def states() -> tuple[State, ...]:
    """The 16 states, by key."""
    return _catalogue().states


def state(key: str) -> State:
    """The state with ``key``; ``KeyError`` for an unknown key."""
    for item in _catalogue().states:
        if item.key == key:
            return item
    raise KeyError(key)


def districts(state: str | None = None) -> tuple[District, ...]:
    """All districts by key, or those of the state with key ``state``."""
    rows = _catalogue().districts
    if state is None:
        return rows
    return tuple(row for row in rows if row.state == state)


def district(ags: str) -> District:
    """The district with the key ``ags``; ``KeyError`` for an unknown key."""
    return _catalogue().by_ags[ags]


def ags_for_labels(labels: Mapping[str, str], *, state: str) -> dict[str, str]:
    """Maps each key of ``labels`` to the AGS of the district of ``state`` whose
    ``label`` is its value: how a list of choices (slug -> German name) finds its keys.

    Raises ``LookupError`` naming every label that matches no district or several."""
    by_label: dict[str, list[str]] = {}
    for row in districts(state):
        by_label.setdefault(row.label, []).append(row.ags)
    found, unmatched = {}, []
    for slug, label in labels.items():
        match = by_label.get(str(label), [])
        if len(match) == 1:
            found[slug] = match[0]
        else:
            unmatched.append(str(label))
    if unmatched:
        raise LookupError(f"No single district of state {state} for: {', '.join(unmatched)}")
    return found
