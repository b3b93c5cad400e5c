"""Maps of a state's districts, or of Germany's, drawn from the shipped outlines.

A map is a ``kernel.charts.Drawing``: one ``Path`` per district (``class="district"``,
``data-ags``, a ``<title>`` naming it and its value), filled by the class its value falls
in, the states' outlines over them, a legend beside them and the data's source note
(``kernel.geo.ATTRIBUTION``) below them. The same drawing becomes
inline SVG (``district_map()``) or vector graphics in a PDF (``kernel.pdf.draw_chart()``).
Nothing is fetched: no tiles, no fonts, no links.

The projection is equirectangular, longitudes shortened by the cosine of the map's middle
latitude: true to shape at the scale of a German state or of Germany.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString

from kernel import formats
from kernel.charts import AXIS_COLOUR, INK, Drawing, Path, Rect, Text, svg
from kernel.geo import ATTRIBUTION, District, Ring, districts, states

__all__ = ["MapClass", "district_map", "map_drawing"]

BORDER = "#ffffff"  # between districts
OUTLINE = "#2d3748"  # around states
MARGIN = 8
LEGEND_WIDTH = 210
MIN_STEP = 1.0  # pixels (Manhattan): closer points add nothing to the picture


@dataclass(frozen=True)
class MapClass:
    """A value class: values from ``low`` (up to the next class' ``low``) get ``fill``."""

    low: float
    fill: str
    label: str = ""  # the legend's text; no legend when no class has one


def _class_index(value: float, classes: Sequence[MapClass]) -> int:
    chosen = 0
    for index, entry in enumerate(classes):
        if value >= entry.low:
            chosen = index
    return chosen


def _describe(district: District, value: float) -> str:
    return f"{district.label}: {formats.number(value)}"


class _Projection:
    def __init__(self, rings: Sequence[Ring], width: float):
        xs = [x for ring in rings for x, _y in ring]
        ys = [y for ring in rings for _x, y in ring]
        self.west, self.north = min(xs), max(ys)
        self.shrink = math.cos(math.radians((min(ys) + self.north) / 2))
        self.scale = width / ((max(xs) - self.west) * self.shrink)
        self.height = (self.north - min(ys)) * self.scale

    def ring(self, ring: Ring) -> tuple[tuple[float, float], ...]:
        out: list[tuple[float, float]] = []
        for lon, lat in ring:
            x = round(MARGIN + (lon - self.west) * self.shrink * self.scale, 1)
            y = round(MARGIN + (self.north - lat) * self.scale, 1)
            if not out or abs(x - out[-1][0]) + abs(y - out[-1][1]) >= MIN_STEP:
                out.append((x, y))
        return tuple(out)

    def rings(self, rings: Sequence[Ring]) -> tuple[tuple[tuple[float, float], ...], ...]:
        return tuple(p for ring in rings if len(p := self.ring(ring)) >= 3)


def map_drawing(
    values: Mapping[str, float],
    *,
    classes: Sequence[MapClass],
    state: str | None = None,
    width: int = 560,
    default: float = 0,
    describe: Callable[[District, float], str] = _describe,
) -> Drawing:
    """The districts of ``state`` (of Germany when None), each filled by the class of its
    value in ``values`` (by AGS; ``default`` for a district without one)."""
    shown = districts(state)
    outlines = [item for item in states() if state in (None, item.key)]
    projection = _Projection([ring for item in outlines for ring in item.rings], width)
    border = 1 if state else 0.4
    shapes: list = []
    for district in shown:
        value = values.get(district.ags, default)
        index = _class_index(value, classes)
        shapes.append(Path(
            projection.rings(district.rings), classes[index].fill, BORDER, border,
            describe(district, value),
            (("class", f"district value-class-{index}"), ("data-ags", district.ags)),
        ))  # fmt: skip
    for item in outlines:
        shapes.append(Path(projection.rings(item.rings), "none", OUTLINE, 1.2 if state else 1))
    map_width = width + 2 * MARGIN
    height = projection.height + 2 * MARGIN
    if any(entry.label for entry in classes):
        for index, entry in enumerate(classes):
            y = MARGIN + 28 * index
            shapes += [
                Rect(map_width + 12, y, 20, 20, entry.fill, rx=3, stroke="#a0aec0"),
                Text(map_width + 40, y + 15, entry.label, 13, INK),
            ]
        map_width += LEGEND_WIDTH
        height = max(height, MARGIN * 2 + 28 * len(classes))
    shapes.append(Text(MARGIN, height + 10, ATTRIBUTION, 10, AXIS_COLOUR))
    return Drawing(map_width, round(height + 18, 1), tuple(shapes))


def district_map(
    values: Mapping[str, float],
    *,
    classes: Sequence[MapClass],
    chart_id: str,
    title: str,
    description: str,
    state: str | None = None,
    width: int = 560,
    default: float = 0,
    describe: Callable[[District, float], str] = _describe,
) -> SafeString:
    """``map_drawing()`` as inline SVG, named by ``title`` and described by ``description``."""
    drawing = map_drawing(
        values, classes=classes, state=state, width=width, default=default, describe=describe
    )
    return svg(drawing, chart_id=chart_id, title=title, description=description)
