"""One chart model: charts described as data, laid out once, drawn to SVG or into a PDF.

A ``BarChart`` or ``LineChart`` says what is shown (labels, values, the texts printed
beside them, ticks, axis titles); ``layout()`` turns it into a ``Drawing``: shapes
(rectangles, lines, texts, polylines, circles, paths, groups) in pixel coordinates. The same
drawing becomes inline SVG for pages (``svg()``, here) and vector graphics in a PDF
(``kernel.pdf.draw_chart()``), so a page and a report show the same geometry.

Every SVG is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` (named by
``aria-labelledby``); texts are escaped.
"""

from __future__ import annotations

import datetime
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from kernel import formats
from kernel.text import html_escaped as _e

BAR_COLOUR = "#2b6cb0"
SERIES_COLOURS = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1")
AXIS_COLOUR = "#4a5568"
GRID_COLOUR = "#e2e8f0"
INK = "#1a202c"
RUNNING_BAND = "#edf2f7"  # behind the points of a period that has not ended
RUNNING_DASH = "2 3"

Number = float | int | Decimal

# ---------------------------------------------------------------- shapes


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str
    rx: float = 0
    stroke: str | None = None


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width: float = 1
    dash: str = ""


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # the baseline
    text: str
    size: float = 12
    fill: str = INK
    anchor: str = "start"  # start, middle, end
    bold: bool = False


@dataclass(frozen=True)
class Polyline:
    points: tuple[tuple[float, float], ...]
    stroke: str
    width: float = 2.5
    dash: str = ""


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str
    tooltip: str = ""
    stroke: str | None = None  # a hollow marker: white fill, coloured ring


@dataclass(frozen=True)
class Path:
    """Closed rings filled together with the even-odd rule (a ring inside another is a
    hole), e.g. a district on a map; ``tooltip`` is its SVG ``<title>``."""

    rings: tuple[tuple[tuple[float, float], ...], ...]
    fill: str
    stroke: str | None = None
    width: float = 1
    tooltip: str = ""
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Group:
    """Shapes that belong together; ``tooltip`` is shown on hover (SVG ``<title>``).
    With ``href`` the group is a link in SVG (named by its tooltip); a PDF ignores it."""

    shapes: tuple
    tooltip: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    href: str = ""


@dataclass(frozen=True)
class Drawing:
    width: float
    height: float
    shapes: tuple


# ---------------------------------------------------------------- the model


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart: a bar per series (None: no bar, e.g. a hidden figure)
    with the text printed after it; ``scale`` is the row's own maximum, if it has one."""

    label: str
    values: tuple[Number | None, ...]
    texts: tuple[str, ...]
    tooltip: str = ""
    scale: float | None = None


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one row per ``Bar``; several series are bars below each other."""

    bars: Sequence[Bar]
    series: Sequence[str] = ()  # legend names; none for a single unnamed series
    ticks: Sequence[tuple[float, str]] = ()  # (value, label) of grid lines
    maximum: float | None = None  # the axis' end; default: the largest value
    category_title: str = ""
    value_title: str = ""
    empty_text: str = ""
    width: int = 720
    label_width: int = 260
    value_width: int = 80
    bar_height: float = 16
    bar_gap: float = 3
    padding: float = 4
    label_length: int = 40


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Number]


@dataclass(frozen=True)
class LineChart:
    """One line per series over the points ``labels`` (oldest first), with a legend."""

    labels: Sequence[str]
    series: Sequence[Series]
    # A number's text (axis and tooltips): the platform's form by default (1.467).
    format_value: Callable[[Number], str] = formats.number
    empty_text: str = ""
    width: int = 720
    height: int = 300
    max_markers: int = 60
    # The points from this index on belong to a period that has not ended yet (the
    # running year, quarter or month): their figures are not comparable with complete
    # periods, so they are drawn apart (a shaded band, a dotted line, hollow markers)
    # and labelled ``running_label``. None: every point is of a complete period.
    running_from: int | None = None
    running_label: str = ""


def running_label(day: datetime.date) -> str:
    """The mark of the figures of a period that had not ended on ``day``."""
    return gettext("running, until %(date)s") % {"date": formats.date(day)}


def nice_maximum(value: float) -> float:
    """A round upper end for an axis (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value:
            return candidate
    return 10 ** (exponent + 1)


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---------------------------------------------------------------- layout


def _bar_layout(chart: BarChart) -> Drawing:
    count = max(len(bar.values) for bar in chart.bars) if chart.bars else 1
    bar_h, gap, pad = chart.bar_height, chart.bar_gap, chart.padding
    row = 2 * pad + count * bar_h + (count - 1) * gap
    top = 8.0
    shapes: list = []
    left, plot_w = chart.label_width, chart.width - chart.label_width - chart.value_width
    if len(chart.series) > 1:  # the legend
        x = left
        for number, name in enumerate(chart.series):
            colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
            shapes += [Rect(x, top, 16, 12, colour), Text(x + 22, top + 11, name, 12)]
            x += 60 + 7 * len(name)
        top += 24
    if chart.category_title:
        shapes.append(Text(left - 8, top + 11, chart.category_title, 12, AXIS_COLOUR, "end", True))
        top += 24
    values = [float(v) for bar in chart.bars for v in bar.values if v is not None]
    maximum = chart.maximum or max(values, default=0) or 1
    height_bars = row * max(len(chart.bars), 1)
    bottom = top + height_bars
    for value, label in chart.ticks:
        x = round(left + plot_w * value / maximum, 1)
        shapes += [
            Line(x, top, x, bottom, GRID_COLOUR),
            Text(x, bottom + 16, label, 11, AXIS_COLOUR, "middle"),
        ]
    if not chart.bars and chart.empty_text:
        shapes.append(Text(8, top + 16, chart.empty_text, 13, AXIS_COLOUR))
    for index, bar in enumerate(chart.bars):
        y = top + index * row
        scale = bar.scale or maximum
        parts: list = [
            Text(left - 8, y + row / 2 + 4, shorten(str(bar.label), chart.label_length), 12,
                 INK, "end"),
        ]  # fmt: skip
        for number, (value, text) in enumerate(zip(bar.values, bar.texts, strict=True)):
            colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
            bar_y = y + pad + number * (bar_h + gap)
            length = round(plot_w * float(value) / scale, 1) if value and scale else 0
            if value is not None:
                parts.append(Rect(left, bar_y, max(length, 0.5), bar_h, colour, rx=2))
            parts.append(Text(left + length + 6, bar_y + bar_h * 0.75, text, 12, INK,
                              bold=value is None))  # fmt: skip
        shapes.append(Group(tuple(parts), tooltip=bar.tooltip))
    shapes.append(Line(left, top, left, bottom, AXIS_COLOUR))
    height = bottom + 8
    if chart.ticks or chart.value_title:
        shapes.append(Line(left, bottom, left + plot_w, bottom, AXIS_COLOUR))
        height = bottom + (22 if chart.ticks else 4)
    if chart.value_title:
        shapes.append(Text(left + plot_w / 2, height + 12, chart.value_title, 12, AXIS_COLOUR,
                           "middle", True))  # fmt: skip
        height += 20
    return Drawing(chart.width, height, tuple(shapes))


def _line_layout(chart: LineChart) -> Drawing:
    width, height = chart.width, chart.height
    left, right, top, bottom = 64, 40, 36, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    maximum = nice_maximum(max((float(v) for s in chart.series for v in s.values), default=0))
    count = len(chart.labels)
    text = chart.format_value
    shapes: list = []

    def x_of(index: int) -> float:
        if count <= 1:
            return left + plot_w / 2
        return round(left + plot_w * index / (count - 1), 1)

    def y_of(value) -> float:
        return round(top + plot_h - plot_h * float(value) / maximum, 1)

    for tick in range(5):
        value = maximum * tick / 4
        y = y_of(value)
        shapes += [
            Line(left, y, width - right, y, GRID_COLOUR),
            Text(left - 6, y + 4, text(round(value)), 11, AXIS_COLOUR, "end"),
        ]
    step = max(1, math.ceil(count / 8))
    shown = [index for index in range(count) if index % step == 0]
    if count and shown[-1] != count - 1:
        # The newest point is always labelled; drop a neighbour that would collide.
        if count - 1 - shown[-1] < step:
            shown.pop()
        shown.append(count - 1)
    for index in shown:
        shapes.append(
            Text(x_of(index), height - bottom + 18, chart.labels[index], 11, AXIS_COLOUR, "middle")
        )
    shapes.append(Line(left, top + plot_h, width - right, top + plot_h, AXIS_COLOUR))
    if not count and chart.empty_text:
        shapes.append(Text(left + 8, top + plot_h / 2, chart.empty_text, 13, AXIS_COLOUR))
    running = chart.running_from if chart.running_from is not None else count
    running = max(0, min(running, count))
    running_label = chart.running_label or gettext("running")
    if running < count:
        band_left = x_of(running) - (x_of(1) - x_of(0)) / 2 if count > 1 else left
        band_left = max(band_left, left)
        shapes.insert(0, Rect(band_left, top, width - right - band_left, plot_h, RUNNING_BAND))
        # Above the band, ending at the chart's right edge (a narrow band would clip it).
        shapes.append(Text(width - 4, top - 6, running_label, 11, AXIS_COLOUR, "end", True))
    legend_x = left
    for number, line in enumerate(chart.series):
        colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
        dash = "" if number % 2 == 0 else "6 3"
        points = tuple((x_of(i), y_of(v)) for i, v in enumerate(line.values))
        if running > 1:  # the complete periods: a solid (or dashed) line
            shapes.append(Polyline(points[:running], colour, dash=dash))
        if running < count and count > 1:  # on to the running period: dotted
            shapes.append(Polyline(points[max(running - 1, 0) :], colour, 2, RUNNING_DASH))
        if count <= chart.max_markers:
            for i, v in enumerate(line.values):
                tip = f"{line.name} {chart.labels[i]}: {text(v)}"
                if i >= running:
                    shapes.append(Circle(x_of(i), y_of(v), 3.5, "#ffffff",
                                         f"{tip} ({running_label})", colour))  # fmt: skip
                else:
                    shapes.append(Circle(x_of(i), y_of(v), 3.5, colour, tip))
        shapes += [
            Line(legend_x, 14, legend_x + 22, 14, colour, 2.5, dash),
            Text(legend_x + 28, 18, line.name, 12),
        ]
        legend_x += 40 + 7 * len(line.name)
    return Drawing(width, height, tuple(shapes))


def layout(chart: BarChart | LineChart) -> Drawing:
    """The chart's shapes, in pixels."""
    if isinstance(chart, LineChart):
        return _line_layout(chart)
    return _bar_layout(chart)


# ---------------------------------------------------------------- SVG


def _svg_shape(shape) -> str:
    if isinstance(shape, Rect):
        stroke = f' stroke="{_e(shape.stroke)}"' if shape.stroke else ""
        return (
            f'<rect x="{_e(shape.x)}" y="{_e(shape.y)}" width="{_e(shape.width)}" '
            f'height="{_e(shape.height)}" rx="{_e(shape.rx)}" fill="{_e(shape.fill)}"'
            f"{stroke}></rect>"
        )
    if isinstance(shape, Line):
        extra = f' stroke-width="{_e(shape.width)}"' if shape.width != 1 else ""
        if shape.dash or shape.width != 1:
            extra += f' stroke-dasharray="{_e(shape.dash or "none")}"'
        return (
            f'<line x1="{_e(shape.x1)}" y1="{_e(shape.y1)}" x2="{_e(shape.x2)}" '
            f'y2="{_e(shape.y2)}" stroke="{_e(shape.stroke)}"{extra}></line>'
        )
    if isinstance(shape, Text):
        anchor = f' text-anchor="{_e(shape.anchor)}"' if shape.anchor != "start" else ""
        weight = ' font-weight="bold"' if shape.bold else ""
        return (
            f'<text x="{_e(shape.x)}" y="{_e(shape.y)}" font-size="{_e(shape.size)}"'
            f'{weight}{anchor} fill="{_e(shape.fill)}">{_e(shape.text)}</text>'
        )
    if isinstance(shape, Polyline):
        points = " ".join(f"{x},{y}" for x, y in shape.points)
        return (
            f'<polyline points="{_e(points)}" fill="none" stroke="{_e(shape.stroke)}" '
            f'stroke-width="{_e(shape.width)}" stroke-dasharray="{_e(shape.dash or "none")}">'
            "</polyline>"
        )
    if isinstance(shape, Circle):
        stroke = f' stroke="{_e(shape.stroke)}" stroke-width="1.5"' if shape.stroke else ""
        return (
            f'<circle cx="{_e(shape.cx)}" cy="{_e(shape.cy)}" r="{_e(shape.r)}" '
            f'fill="{_e(shape.fill)}"{stroke}><title>{_e(shape.tooltip)}</title></circle>'
        )
    if isinstance(shape, Path):
        return _svg_path(shape)
    if isinstance(shape, Group):
        attrs = "".join(f' {_e(name)}="{_e(value)}"' for name, value in shape.attrs)
        tooltip = f"<title>{_e(shape.tooltip)}</title>" if shape.tooltip else ""
        inner = "".join(_svg_shape(s) for s in shape.shapes)
        group = f"<g{attrs}>{tooltip}{inner}</g>"
        if shape.href:
            return f'<a href="{_e(shape.href)}" aria-label="{_e(shape.tooltip)}">{group}</a>'
        return group
    raise TypeError(f"Not a shape: {shape!r}")


class StaticRings(tuple):
    """Rings drawn again and again (a map's projected outlines, cached with their
    projection in kernel.geo.maps): their path data is formatted once per process."""


_PATH_DATA: dict[int, tuple[StaticRings, str]] = {}
_PATH_DATA_LIMIT = 4096


def _path_data(rings) -> str:
    """Rings as path data: the first point absolute, the others relative to the one
    before (in tenths of a pixel, so a map of ~400 districts stays small)."""
    known = _PATH_DATA.get(id(rings))
    if known is not None and known[0] is rings:
        return known[1]
    text = _format_path(rings)
    if isinstance(rings, StaticRings) and len(_PATH_DATA) < _PATH_DATA_LIMIT:
        _PATH_DATA[id(rings)] = (rings, text)
    return text


def _format_path(rings) -> str:
    parts = []
    for ring in rings:
        if not ring:
            continue
        points = [(round(x * 10), round(y * 10)) for x, y in ring]
        moves = " ".join(
            f"{(x - px) / 10:g},{(y - py) / 10:g}"
            for (px, py), (x, y) in itertools.pairwise(points)
        )
        parts.append(f"M{points[0][0] / 10:g},{points[0][1] / 10:g}l{moves}z")
    return "".join(parts)


def _svg_path(shape: Path) -> str:
    data = _path_data(shape.rings)
    stroke = (
        f' stroke="{_e(shape.stroke)}" stroke-width="{_e(shape.width)}" stroke-linejoin="round"'
        if shape.stroke
        else ""
    )
    attrs = "".join(f' {_e(name)}="{_e(value)}"' for name, value in shape.attrs)
    tooltip = f"<title>{_e(shape.tooltip)}</title>" if shape.tooltip else ""
    return (
        f'<path d="{_e(data)}" fill="{_e(shape.fill)}" fill-rule="evenodd"{stroke}{attrs}>'
        f"{tooltip}</path>"
    )


def svg(
    drawing: Drawing, *, chart_id: str, title: str, description: str, role: str = "img"
) -> SafeString:
    """``drawing`` as inline SVG, named by ``title`` and described by ``description``.
    A drawing holding links is a ``role="group"``: an image's parts are not read out, so
    links inside one would be out of reach."""
    opening = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {} {}" '
        'width="100%" role="{}" aria-labelledby="{}-title {}-desc" '
        'preserveAspectRatio="xMinYMin meet">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
        drawing.width, drawing.height, role, chart_id, chart_id, chart_id, title, chart_id,
        description,
    )  # fmt: skip
    shapes = "".join(_svg_shape(shape) for shape in drawing.shapes)
    return mark_safe(opening + shapes + "</svg>")  # noqa: S308 - every value went through _e
