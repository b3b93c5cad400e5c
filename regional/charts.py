"""Server-rendered charts and the district map as inline SVG, with nothing from elsewhere.

Every chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` (named by
``aria-labelledby``); the page shows the same figures in a table as well. Texts are
escaped; numbers are formatted the German way through Django's localisation.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tenants.districts import District

BAR_COLOUR = "#2b6cb0"
SERIES_COLOURS = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1")
AXIS_COLOUR = "#4a5568"
GRID_COLOUR = "#e2e8f0"


def _number(value) -> str:
    if isinstance(value, Decimal | float):
        return number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)
    return number_format(value, use_l10n=True, force_grouping=True)


def _open(chart_id: str, width: int, height: int, title: str, description: str) -> str:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {} {}" '
        'width="100%" role="img" aria-labelledby="{}-title {}-desc" '
        'preserveAspectRatio="xMinYMin meet">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
        width,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
    )


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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


# ---------------------------------------------------------------- horizontal bars


def bar_chart(
    items: Sequence[tuple[str, float | int | Decimal]],
    *,
    chart_id: str,
    title: str,
    description: str,
    value_format: Callable[[object], str] = _number,
    width: int = 720,
    label_width: int = 260,
) -> SafeString:
    """A horizontal bar per item (label, value), largest scale from the largest value."""
    row, top = 24, 8
    height = top * 2 + row * max(len(items), 1)
    bar_area = width - label_width - 80
    maximum = max((float(value) for _label, value in items), default=0) or 1
    parts = [_open(chart_id, width, height, title, description)]
    if not items:
        parts.append(
            format_html(
                '<text x="8" y="{}" font-size="13" fill="{}">{}</text>',
                top + 16,
                AXIS_COLOUR,
                _("No figures yet."),
            )
        )
    for index, (label, value) in enumerate(items):
        y = top + index * row
        length = round(bar_area * float(value) / maximum, 1)
        parts.append(
            format_html(
                "<g><title>{}: {}</title>"
                '<text x="{}" y="{}" font-size="12" text-anchor="end" fill="#1a202c">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{}"></rect>'
                '<text x="{}" y="{}" font-size="12" fill="#1a202c">{}</text></g>',
                label,
                value_format(value),
                label_width - 8,
                y + 16,
                _shorten(str(label), 40),
                label_width,
                y + 4,
                max(length, 0.5),
                row - 8,
                BAR_COLOUR,
                label_width + length + 6,
                y + 16,
                value_format(value),
            )
        )
    parts.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"></line>',
            label_width,
            top,
            label_width,
            height - top,
            AXIS_COLOUR,
        )
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is built by format_html


# ---------------------------------------------------------------- lines over time


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | int | Decimal]


def line_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    chart_id: str,
    title: str,
    description: str,
    width: int = 720,
    height: int = 300,
) -> SafeString:
    """One line per series over the points ``labels`` (oldest first), with a legend."""
    left, right, top, bottom = 64, 40, 36, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    maximum = nice_maximum(max((float(v) for s in series for v in s.values), default=0))
    count = len(labels)
    parts = [_open(chart_id, width, height, title, description)]

    def x_of(index: int) -> float:
        if count <= 1:
            return left + plot_w / 2
        return round(left + plot_w * index / (count - 1), 1)

    def y_of(value) -> float:
        return round(top + plot_h - plot_h * float(value) / maximum, 1)

    for tick in range(5):
        value = maximum * tick / 4
        y = y_of(value)
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"></line>'
                '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="{}">{}</text>',
                left,
                y,
                width - right,
                y,
                GRID_COLOUR,
                left - 6,
                y + 4,
                AXIS_COLOUR,
                _number(round(value)),
            )
        )
    step = max(1, math.ceil(count / 8))
    shown = [index for index in range(count) if index % step == 0]
    if count and shown[-1] != count - 1:
        # The newest point is always labelled; drop a neighbour that would collide.
        if count - 1 - shown[-1] < step:
            shown.pop()
        shown.append(count - 1)
    for index in shown:
        label = labels[index]
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="{}">{}</text>',
                x_of(index),
                height - bottom + 18,
                AXIS_COLOUR,
                label,
            )
        )
    parts.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"></line>',
            left,
            top + plot_h,
            width - right,
            top + plot_h,
            AXIS_COLOUR,
        )
    )
    if not count:
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="13" fill="{}">{}</text>',
                left + 8,
                top + plot_h / 2,
                AXIS_COLOUR,
                _("No figures yet."),
            )
        )
    legend_x = left
    for number, line in enumerate(series):
        colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
        dash = "" if number % 2 == 0 else "6 3"
        points = " ".join(f"{x_of(i)},{y_of(v)}" for i, v in enumerate(line.values))
        if count > 1:
            parts.append(
                format_html(
                    '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5" '
                    'stroke-dasharray="{}"></polyline>',
                    points,
                    colour,
                    dash or "none",
                )
            )
        if count <= 60:
            for index, value in enumerate(line.values):
                parts.append(
                    format_html(
                        '<circle cx="{}" cy="{}" r="3.5" fill="{}"><title>{} {}: {}</title>'
                        "</circle>",
                        x_of(index),
                        y_of(value),
                        colour,
                        line.name,
                        labels[index],
                        _number(value),
                    )
                )
        parts.append(
            format_html(
                '<line x1="{}" y1="14" x2="{}" y2="14" stroke="{}" stroke-width="2.5" '
                'stroke-dasharray="{}"></line>'
                '<text x="{}" y="18" font-size="12" fill="#1a202c">{}</text>',
                legend_x,
                legend_x + 22,
                colour,
                dash or "none",
                legend_x + 28,
                line.name,
            )
        )
        legend_x += 40 + 7 * len(line.name)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is built by format_html


# ---------------------------------------------------------------- the district map

# A schematic tile map: each district (or independent city) is a square placed roughly
# where it lies in Thuringia, column 0 in the west and row 0 in the north.
TILE_LAYOUT: dict[str, tuple[int, int, tuple[str, ...]]] = {
    District.EICHSFELD: (1, 0, ("Eichsfeld",)),
    District.NORDHAUSEN: (2, 0, ("Nordhausen",)),
    District.KYFFHAEUSERKREIS: (3, 0, ("Kyffhäuser-", "kreis")),
    District.UNSTRUT_HAINICH: (1, 1, ("Unstrut-", "Hainich-Kreis")),
    District.SOEMMERDA: (3, 1, ("Sömmerda",)),
    District.WEIMARER_LAND: (4, 1, ("Weimarer", "Land")),
    District.SAALE_HOLZLAND: (5, 1, ("Saale-", "Holzland-Kreis")),
    District.ALTENBURGER_LAND: (6, 1, ("Altenburger", "Land")),
    District.WARTBURGKREIS: (0, 2, ("Wartburg-", "kreis")),
    District.EISENACH: (1, 2, ("Eisenach",)),
    District.GOTHA: (2, 2, ("Gotha",)),
    District.ERFURT: (3, 2, ("Erfurt",)),
    District.WEIMAR: (4, 2, ("Weimar",)),
    District.JENA: (5, 2, ("Jena",)),
    District.GERA: (6, 2, ("Gera",)),
    District.SCHMALKALDEN_MEININGEN: (1, 3, ("Schmalkalden-", "Meiningen")),
    District.SUHL: (2, 3, ("Suhl",)),
    District.ILM_KREIS: (3, 3, ("Ilm-Kreis",)),
    District.SAALFELD_RUDOLSTADT: (4, 3, ("Saalfeld-", "Rudolstadt")),
    District.SAALE_ORLA: (5, 3, ("Saale-Orla-", "Kreis")),
    District.GREIZ: (6, 3, ("Greiz",)),
    District.HILDBURGHAUSEN: (2, 4, ("Hildburg-", "hausen")),
    District.SONNEBERG: (3, 4, ("Sonneberg",)),
}

# (lowest count, fill, text colour): the legend's classes.
MAP_CLASSES = (
    (0, "#edf2f7", "#1a202c"),
    (1, "#bee3f8", "#1a202c"),
    (2, "#63b3ed", "#1a202c"),
    (3, "#2b6cb0", "#ffffff"),
    (5, "#1a365d", "#ffffff"),
)


def map_class(count: int) -> tuple[int, str, str]:
    chosen = MAP_CLASSES[0]
    for entry in MAP_CLASSES:
        if count >= entry[0]:
            chosen = entry
    return chosen


def map_class_label(index: int) -> str:
    low = MAP_CLASSES[index][0]
    if index + 1 == len(MAP_CLASSES):
        return _("%(count)s or more alliances") % {"count": low}
    high = MAP_CLASSES[index + 1][0] - 1
    if low == high:
        if low == 0:
            return _("no alliance")
        return ngettext("%(count)s alliance", "%(count)s alliances", low) % {"count": low}
    return _("%(low)s to %(high)s alliances") % {"low": low, "high": high}


def district_map(
    counts: dict[str, int], *, chart_id: str, title: str, description: str
) -> SafeString:
    """Thuringia's 23 districts as labelled tiles coloured by their number of alliances."""
    tile_w, tile_h, gap, margin = 104, 72, 4, 8
    columns = 1 + max(col for col, _row, _lines in TILE_LAYOUT.values())
    rows = 1 + max(row for _col, row, _lines in TILE_LAYOUT.values())
    map_w = margin + columns * (tile_w + gap)
    legend_w = 190
    width = map_w + legend_w
    height = max(margin * 2 + rows * (tile_h + gap), 28 * len(MAP_CLASSES) + 2 * margin)
    names = dict(District.choices)
    parts = [_open(chart_id, width, height, title, description)]
    for code, (col, row, lines) in TILE_LAYOUT.items():
        count = counts.get(code, 0)
        _low, fill, ink = map_class(count)
        x = margin + col * (tile_w + gap)
        y = margin + row * (tile_h + gap)
        summary = ngettext(
            "%(name)s: %(count)s alliance", "%(name)s: %(count)s alliances", count
        ) % {"name": names[code], "count": count}
        texts = "".join(
            format_html(
                '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="{}">{}</text>',
                x + tile_w / 2,
                y + 16 + 13 * number,
                ink,
                line,
            )
            for number, line in enumerate(lines)
        )
        parts.append(
            format_html(
                '<g class="district" data-district="{}"><title>{}</title>'
                '<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="{}" '
                'stroke="#a0aec0"></rect>{}'
                '<text x="{}" y="{}" font-size="17" font-weight="bold" text-anchor="middle" '
                'fill="{}">{}</text></g>',
                code,
                summary,
                x,
                y,
                tile_w,
                tile_h,
                fill,
                mark_safe(texts),  # noqa: S308 - built by format_html above
                x + tile_w / 2,
                y + tile_h - 10,
                ink,
                count,
            )
        )
    for index, (_low, fill, _ink) in enumerate(MAP_CLASSES):
        y = margin + 28 * index
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="20" height="20" rx="3" fill="{}" stroke="#a0aec0">'
                '</rect><text x="{}" y="{}" font-size="13" fill="#1a202c">{}</text>',
                map_w + 12,
                y,
                fill,
                map_w + 40,
                y + 15,
                map_class_label(index),
            )
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is built by format_html


def legend_entries() -> list[tuple[str, str]]:
    """(fill colour, label) of the map's classes, for a legend outside the SVG."""
    return [(fill, map_class_label(i)) for i, (_low, fill, _ink) in enumerate(MAP_CLASSES)]
