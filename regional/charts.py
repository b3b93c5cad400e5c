"""The state dashboard's charts and the district map, as inline SVG (``kernel.charts``).

Every chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` (named by
``aria-labelledby``); the page shows the same figures in a table as well. Texts are
escaped; numbers are formatted the German way through Django's localisation.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from core.figures import ALLIANCE_FIGURES
from kernel import formats, geo
from kernel.charts import (
    Bar,
    BarChart,
    LineChart,
    Series,
    layout,
    running_label,
    svg,
)
from kernel.geo import maps
from kernel.geo.maps import MapClass
from regional.report_tables import ReportTables
from regional.reports import COUNT, figure_label, format_value
from tenants import districts
from tenants.scope import scoped_or_home_state_key
from tenants.selectors import alliances_per_district, current_state

__all__ = [
    "Series", "bar_chart", "district_map", "highlight_map", "line_chart", "running_label",
]  # fmt: skip


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
    return _("Figures of %(state)s in %(period)s and %(previous)s") % {
        "state": current_state().name,
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

# (lowest count, fill): the classes of alliances per district.
MAP_CLASSES = (
    (0, "#edf2f7"),
    (1, "#bee3f8"),
    (2, "#63b3ed"),
    (3, "#2b6cb0"),
    (5, "#1a365d"),
)
# The same fills for alliances per state (Germany's map: a state has tens of them).
STATE_MAP_CLASSES = (
    (0, "#edf2f7"),
    (1, "#bee3f8"),
    (10, "#63b3ed"),
    (25, "#2b6cb0"),
    (50, "#1a365d"),
)


def map_class_label(index: int, bounds=MAP_CLASSES) -> str:
    low = bounds[index][0]
    if index + 1 == len(bounds):
        return _("%(count)s or more alliances") % {"count": low}
    high = bounds[index + 1][0] - 1
    if low == high:
        if low == 0:
            return _("no alliance")
        return ngettext("%(count)s alliance", "%(count)s alliances", low) % {"count": low}
    return _("%(low)s to %(high)s alliances") % {"low": low, "high": high}


def count_classes(bounds=MAP_CLASSES) -> list[MapClass]:
    """The map's classes of alliance counts, each with its legend text."""
    return [MapClass(low, fill, map_class_label(i, bounds)) for i, (low, fill) in enumerate(bounds)]


def _count_text(place, count: float) -> str:
    """ "Jena: 1 alliance" for a district or a state (its ``label`` or ``name``)."""
    count = int(count)
    name = getattr(place, "label", None) or place.name
    return ngettext("%(name)s: %(count)s alliance", "%(name)s: %(count)s alliances", count) % {
        "name": name,
        "count": count,
    }


def germany_map(counts: Mapping[str, int], *, chart_id: str, title: str) -> SafeString:
    """Germany's states shaded by their number of active alliances (``counts`` by the
    state's key), for the federal service office's overview."""
    description = _(
        "Map of Germany's states drawn from their outlines, each shaded by its number of "
        "active alliances. The table below gives the same numbers."
    )
    return maps.state_map(
        counts, classes=count_classes(STATE_MAP_CLASSES), chart_id=chart_id, title=title,
        description=description, describe=_count_text, legend_below=True,
    )  # fmt: skip


def district_map(
    counts: Mapping[str, int],
    *,
    chart_id: str,
    title: str,
    description: str,
    state: str | None = None,
    link: Callable[[geo.District], str] | None = None,
) -> SafeString:
    """The districts of ``state`` (the request's state when None) drawn from their outlines,
    shaded by their number of alliances (``counts`` by official key); with ``link``
    each district links to ``link(district)``."""
    return maps.district_map(
        counts, classes=count_classes(), chart_id=chart_id, title=title, description=description,
        state=state or scoped_or_home_state_key(), describe=_count_text, link=link,
        legend_below=True,  # pages are read on phones too: the map keeps the width
    )  # fmt: skip


def highlight_map(ags: str, *, chart_id: str, title: str, description: str) -> SafeString:
    """The state of district ``ags`` with that district highlighted (an alliance's place)."""
    district = geo.district(ags)
    classes = (MapClass(0, MAP_CLASSES[0][1]), MapClass(1, MAP_CLASSES[3][1]))
    return maps.district_map(
        {ags: 1}, classes=classes, chart_id=chart_id, title=title, description=description,
        state=district.state, describe=lambda d, _value: d.label,
    )  # fmt: skip


@dataclass(frozen=True)
class AllianceMap:
    """The map of active alliances per district and, as its text alternative, the same
    counts as rows (label, count, link or "")."""

    svg: SafeString
    rows: list[tuple[str, int, str]]


def alliance_map(
    *,
    chart_id: str,
    title: str,
    state: str | None = None,
    link: Callable[[geo.District], str] | None = None,
) -> AllianceMap:
    """The districts of ``state`` (when None: the state the request works in, else the
    home state) shaded by their number of active alliances (one query), each linking to
    ``link(district)`` if given."""
    state = state or scoped_or_home_state_key()
    counts = alliances_per_district(state=state)
    description = _(
        "Map of the districts and independent cities of %(state)s drawn from their "
        "outlines, each shaded by its number of active alliances. The list below the "
        "map gives the same numbers."
    ) % {"state": geo.state(state).name}
    drawing = district_map(
        counts, chart_id=chart_id, title=title, description=description, state=state, link=link
    )
    rows = [
        (row.label, counts.get(row.ags, 0), link(row) if link else "")
        for row in sorted(geo.districts(state), key=districts.sort_key)
    ]
    return AllianceMap(drawing, rows)
