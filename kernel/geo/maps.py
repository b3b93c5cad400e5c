"""Maps of a state's districts, or of Germany's, drawn from the shipped outlines.

A map is a ``kernel.charts.Drawing``: one ``Path`` per district (``class="district"``,
``data-ags``, a ``<title>`` naming it and its value), filled by the class its value falls
in, the states' outlines over them, a legend beside them (``legend_below``: under them)
and the data's source note (``kernel.geo.ATTRIBUTION``) below. The same drawing becomes
inline SVG (``district_map()``) or vector graphics in a PDF (``kernel.pdf.draw_chart()``).
Nothing is fetched: no tiles, no fonts; a ``link`` makes each district a link to an
address the caller gives (its own site's). ``state_map()`` draws Germany by state.

The projection is equirectangular, longitudes shortened by the cosine of the map's middle
latitude: true to shape at the scale of a German state or of Germany.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.utils.safestring import SafeString

from kernel import formats
from kernel.charts import (
    AXIS_COLOUR,
    INK,
    Drawing,
    Group,
    Path,
    Rect,
    StaticRings,
    Text,
    svg,
)
from kernel.geo import ATTRIBUTION, District, Ring, State, districts, states

__all__ = ["MapClass", "district_map", "map_drawing", "state_drawing", "state_map"]

BORDER = "#ffffff"  # between districts
OUTLINE = "#2d3748"  # around states
MARGIN = 8
LEGEND_WIDTH = 210
NOTE_WIDTH = 620  # pixels the source note takes on one line, with the margin
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
        # The catalogue's outlines live as long as the process, and so does a cached
        # projection (``_projection``): each outline is projected once, not per page.
        self._done: dict[int, tuple] = {}

    def ring(self, ring: Ring) -> tuple[tuple[float, float], ...]:
        out: list[tuple[float, float]] = []
        for lon, lat in ring:
            x = round(MARGIN + (lon - self.west) * self.shrink * self.scale, 1)
            y = round(MARGIN + (self.north - lat) * self.scale, 1)
            if not out or abs(x - out[-1][0]) + abs(y - out[-1][1]) >= MIN_STEP:
                out.append((x, y))
        return tuple(out)

    def rings(self, rings: Sequence[Ring]) -> tuple[tuple[tuple[float, float], ...], ...]:
        done = self._done.get(id(rings))
        if done is None or done[0] is not rings:
            projected = StaticRings(p for ring in rings if len(p := self.ring(ring)) >= 3)
            done = self._done[id(rings)] = (rings, projected)
        return done[1]


@functools.lru_cache(maxsize=64)
def _projection(state: str | None, width: float) -> _Projection:
    """The projection of one state's outline (Germany's for None) onto ``width``."""
    outlines = [item for item in states() if state in (None, item.key)]
    return _Projection([ring for item in outlines for ring in item.rings], width)


def map_drawing(
    values: Mapping[str, float],
    *,
    classes: Sequence[MapClass],
    state: str | None = None,
    width: int = 560,
    default: float = 0,
    describe: Callable[[District, float], str] = _describe,
    link: Callable[[District], str] | None = None,
    legend_below: bool = False,
) -> Drawing:
    """The districts of ``state`` (of Germany when None), each filled by the class of its
    value in ``values`` (by AGS; ``default`` for a district without one); with ``link``
    each district is a link to the address ``link(district)`` (in SVG); ``legend_below``
    puts the legend under the map (see ``_finished``)."""
    shown = districts(state)
    outlines = [item for item in states() if state in (None, item.key)]
    projection = _projection(state, width)
    border = 1 if state else 0.4
    shapes: list = []
    for district in shown:
        value = values.get(district.ags, default)
        index = _class_index(value, classes)
        text = describe(district, value)
        attrs = (("class", f"district value-class-{index}"), ("data-ags", district.ags))
        href = link(district) if link else ""
        area = Path(projection.rings(district.rings), classes[index].fill, BORDER, border)
        shapes.append(_named(area, text, attrs, href))
    for item in outlines:
        shapes.append(Path(projection.rings(item.rings), "none", OUTLINE, 1.2 if state else 1))
    return _finished(
        shapes, classes, width + 2 * MARGIN, projection.height + 2 * MARGIN, legend_below
    )


def _named(area: Path, text: str, attrs, href: str):
    """``area`` named by ``text`` (its ``<title>``), or a link named by it."""
    if not href:
        return replace(area, tooltip=text, attrs=attrs)
    return Group((replace(area, attrs=attrs),), text, href=href)


def _finished(
    shapes: list,
    classes: Sequence[MapClass],
    map_width: float,
    height: float,
    legend_below: bool = False,
):
    """The drawing of ``shapes`` with the legend of ``classes`` beside (or, for a page
    that may be narrow, below: the map keeps the whole width) and the source note below."""
    if any(entry.label for entry in classes):
        across = max(int(map_width // LEGEND_WIDTH), 1) if legend_below else 1
        for index, entry in enumerate(classes):
            column, row = index % across, index // across
            x = (MARGIN + column * LEGEND_WIDTH) if legend_below else map_width + 12
            y = (height + 4 if legend_below else MARGIN) + 28 * row
            shapes += [
                Rect(x, y, 20, 20, entry.fill, rx=3, stroke="#a0aec0"),
                Text(x + 28, y + 15, entry.label, 13, INK),
            ]
        rows = -(-len(classes) // across)
        if legend_below:
            height += 4 + 28 * rows
        else:
            map_width += LEGEND_WIDTH
            height = max(height, MARGIN * 2 + 28 * len(classes))
    # The source note needs about 600 pixels on one line; a narrower drawing gets two.
    notes = [ATTRIBUTION] if map_width >= NOTE_WIDTH else ATTRIBUTION.split("; ")
    for line, note in enumerate(notes):
        shapes.append(Text(MARGIN, height + 10 + 12 * line, note, 10, AXIS_COLOUR))
    return Drawing(map_width, round(height + 18 + 12 * (len(notes) - 1), 1), tuple(shapes))


def _as_svg(
    draw: Callable[..., Drawing],
    values: Mapping[str, float],
    *,
    chart_id: str,
    title: str,
    description: str,
    **drawing: Any,
) -> SafeString:
    """``draw(values, **drawing)`` as inline SVG, named by ``title`` and described by
    ``description``."""
    role = "group" if drawing.get("link") else "img"  # links inside an image are out of reach
    return svg(
        draw(values, **drawing), chart_id=chart_id, title=title, description=description, role=role
    )


def district_map(values: Mapping[str, float], **options: Any) -> SafeString:
    """``map_drawing()`` as inline SVG: ``chart_id``, ``title`` and ``description`` name
    it, the other ``options`` are ``map_drawing()``'s."""
    return _as_svg(map_drawing, values, **options)


# ---------------------------------------------------------------- Germany by state


def _describe_state(state: State, value: float) -> str:
    return f"{state.name}: {formats.number(value)}"


def state_drawing(
    values: Mapping[str, float],
    *,
    classes: Sequence[MapClass],
    width: int = 560,
    default: float = 0,
    describe: Callable[[State, float], str] = _describe_state,
    link: Callable[[State], str] | None = None,
    legend_below: bool = False,
) -> Drawing:
    """Germany's 16 states, each filled by the class of its value in ``values`` (by the
    state's two-digit key; ``default`` for a state without one); with ``link`` each state
    is a link to ``link(state)`` (in SVG). For the federal overview."""
    shown = states()
    projection = _projection(None, width)
    shapes: list = []
    for item in shown:
        value = values.get(item.key, default)
        index = _class_index(value, classes)
        text = describe(item, value)
        attrs = (("class", f"state value-class-{index}"), ("data-state", item.key))
        area = Path(projection.rings(item.rings), classes[index].fill, OUTLINE, 1)
        shapes.append(_named(area, text, attrs, link(item) if link else ""))
    return _finished(
        shapes, classes, width + 2 * MARGIN, projection.height + 2 * MARGIN, legend_below
    )


def state_map(values: Mapping[str, float], **options: Any) -> SafeString:
    """``state_drawing()`` as inline SVG, named as ``district_map()``."""
    return _as_svg(state_drawing, values, **options)
