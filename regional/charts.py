"""The state dashboard's charts and the district map, as inline SVG (``kernel.charts``).

Every chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` (named by
``aria-labelledby``); the page shows the same figures in a table as well. Texts are
escaped; numbers are formatted the German way through Django's localisation.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import partial
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from core.figures import ALLIANCE_FIGURES
from kernel import formats
from kernel.charts import (
    Bar,
    BarChart,
    Drawing,
    Group,
    LineChart,
    Rect,
    Series,
    Text,
    layout,
    running_label,
    svg,
)
from regional.report_tables import ReportTables
from regional.reports import COUNT, figure_label, format_value
from tenants.districts import District

__all__ = ["Series", "bar_chart", "district_map", "line_chart", "running_label"]


def _number(value) -> str:
    if isinstance(value, Decimal | float):
        return formats.number(value, 0)
    return formats.number(value)


# ---------------------------------------------------------------- bars and lines


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
    chart = BarChart(
        bars=[
            Bar(label, (value,), (value_format(value),), f"{label}: {value_format(value)}")
            for label, value in items
        ],
        empty_text=_("No figures yet."),
        width=width,
        label_width=label_width,
    )
    return svg(layout(chart), chart_id=chart_id, title=title, description=description)


def line_chart(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    chart_id: str,
    title: str,
    description: str,
    width: int = 720,
    height: int = 300,
    running_from: int | None = None,
    running_label: str = "",
) -> SafeString:
    """One line per series over the points ``labels`` (oldest first), with a legend;
    the points from ``running_from`` on are of a period not ended yet (``LineChart``)."""
    chart = LineChart(
        labels,
        series,
        _number,
        _("No figures yet."),
        width=width,
        height=height,
        running_from=running_from,
        running_label=running_label,
    )
    return svg(layout(chart), chart_id=chart_id, title=title, description=description)


# ---------------------------------------------------------------- the report's charts


# The report's bar charts line up: their label columns are equally wide.
_report_bar_chart = partial(BarChart, label_width=245)


def _ceiling(value: float) -> float:
    """A round axis maximum at or above ``value`` (at least 5), divisible into 5 ticks."""
    if value <= 5:
        return 5
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _numeric(value: Any) -> float | None:
    """A cell's number for a chart; None for hidden cells and missing figures."""
    if value is None or isinstance(value, str):
        return None
    return float(value)


def district_chart(tables: ReportTables) -> BarChart:
    """Active partners per district of a report; hidden cells get no bar, their marker."""
    rows = [(d.name, row) for d in tables.districts if (row := d.row("partners_total"))]
    maximum = _ceiling(max((n for _name, r in rows if (n := _numeric(r.value))), default=0))
    ticks = []
    for step in range(6):
        value = maximum * step / 5
        ticks.append((value, format_value(int(value) if value == int(value) else value, COUNT)))
    return _report_bar_chart(
        bars=[Bar(name, (_numeric(row.value),), (row.value_text,)) for name, row in rows],
        ticks=ticks,
        maximum=maximum,
        category_title=_("District or independent city"),
        value_title=_("Active partners (number)"),
        value_width=70,
        bar_height=18,
        padding=6,
    )


def comparison_chart(tables: ReportTables) -> BarChart:
    """Pairs of bars: each total of this period and of the previous one, each pair
    scaled to its larger value (the figures differ in size); hidden cells get none."""
    keys = ["alliances", *ALLIANCE_FIGURES.keys(summed=True)]
    bars = []
    for row in (row for key in keys if (row := tables.total(key)) is not None):
        current, previous = _numeric(row.value), _numeric(row.previous)
        bars.append(
            Bar(
                figure_label(row.key, short=True),
                (current, previous),
                (row.value_text, row.previous_text),
                scale=max(current or 0, previous or 0) or None,
            )
        )
    return _report_bar_chart(
        bars=bars,
        series=[
            _("This period (%(label)s)")
            % {
                "label": f"{tables.period_label}, {running_label(tables.snapshot_date)}"
                if tables.is_running
                else tables.period_label
            },
            _("Previous period (%(label)s)") % {"label": tables.previous_label},
        ],
        ticks=[(step / 4, f"{step * 25} %") for step in range(5)],
        maximum=1,
        category_title=_("Figure"),
        value_title=_("Share of the larger of the two values"),
        value_width=110,
        bar_height=14,
        padding=5,
    )


def comparison_caption(tables: ReportTables) -> str:
    return _("Figures of Thuringia in %(period)s and %(previous)s") % {
        "period": tables.period_label,
        "previous": tables.previous_label,
    }


def district_caption(tables: ReportTables) -> str:
    return _("Active partners by district, %(period)s") % {"period": tables.period_label}


#: The report page's charts: (key of the chart and its caption, SVG id, the chart model,
#: its caption, the screen-reader description, translated when drawn); the PDF draws the
#: same models.
REPORT_CHARTS: tuple[
    tuple[str, str, Callable[[ReportTables], Any], Callable[[ReportTables], str], str], ...
] = (
    (
        "comparison",
        "report-comparison",
        comparison_chart,
        comparison_caption,
        gettext_noop(
            "Each figure of this period beside the previous period's, as a share of "
            "the larger of the two; the values are in the table above."
        ),
    ),
    (
        "district",
        "report-districts",
        district_chart,
        district_caption,
        gettext_noop(
            "Active partners in each district; suppressed numbers have no bar but "
            "their marker. The values are in the table above."
        ),
    ),
)


def report_charts(tables: ReportTables) -> dict[str, SafeString]:
    """The report's charts as its page shows them (SVG), from the same chart models the
    PDF draws (``regional.report_pdf``), with the same captions."""
    charts = {}
    for key, chart_id, chart, caption, description in REPORT_CHARTS:
        charts[f"{key}_chart"] = svg(
            layout(chart(tables)),
            chart_id=chart_id,
            title=caption(tables),
            description=_(description),
        )
        charts[f"{key}_caption"] = caption(tables)
    return charts


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
    width = map_w + 190  # the legend on the right
    height = max(margin * 2 + rows * (tile_h + gap), 28 * len(MAP_CLASSES) + 2 * margin)
    names = dict(District.choices)
    shapes: list = []
    for code, (col, row, lines) in TILE_LAYOUT.items():
        count = counts.get(code, 0)
        _low, fill, ink = map_class(count)
        x = margin + col * (tile_w + gap)
        y = margin + row * (tile_h + gap)
        summary = ngettext(
            "%(name)s: %(count)s alliance", "%(name)s: %(count)s alliances", count
        ) % {"name": names[code], "count": count}
        tile = [Rect(x, y, tile_w, tile_h, fill, rx=4, stroke="#a0aec0")]
        tile += [
            Text(x + tile_w / 2, y + 16 + 13 * number, line, 11, ink, "middle")
            for number, line in enumerate(lines)
        ]
        tile.append(Text(x + tile_w / 2, y + tile_h - 10, str(count), 17, ink, "middle", True))
        attrs = (("class", "district"), ("data-district", code))
        shapes.append(Group(tuple(tile), summary, attrs))
    for index, (_low, fill, _ink) in enumerate(MAP_CLASSES):
        y = margin + 28 * index
        shapes += [
            Rect(map_w + 12, y, 20, 20, fill, rx=3, stroke="#a0aec0"),
            Text(map_w + 40, y + 15, map_class_label(index), 13),
        ]
    drawing = Drawing(width, height, tuple(shapes))
    return svg(drawing, chart_id=chart_id, title=title, description=description)


def legend_entries() -> list[tuple[str, str]]:
    """(fill colour, label) of the map's classes, for a legend outside the SVG."""
    return [(fill, map_class_label(i)) for i, (_low, fill, _ink) in enumerate(MAP_CLASSES)]
