"""The federal service office's start page (/bund/): Germany's figures per state.

Aggregates only, from the snapshots (``federal.selectors.overview``), with the
ministry's small-number suppression; the comparison table sorts by any column and
downloads as CSV or XLSX through the shared export (``kernel.crud.tables``).
"""

from __future__ import annotations

from types import SimpleNamespace

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.figures import ALLIANCE_FIGURES
from federal.selectors.awards import current_award
from federal.selectors.overview import HEADLINE_KEYS, federal_overview, sort_value
from kernel.collation import german_key
from kernel.crud.tables import EXPORT_FORMATS, Column, display, plain, table_export
from kernel.figures import MONEY
from regional.charts import germany_map
from tenants.permissions import requires

VIEW = "federal.overview.view"


def _figure(key: str) -> Column:
    return Column(
        key,
        ALLIANCE_FIGURES[key].short_label or ALLIANCE_FIGURES[key].label,
        lambda row, key=key: row.shown[key],
        order_by=key,
        money=ALLIANCE_FIGURES[key].unit == MONEY,
    )


COLUMNS = [
    Column("name", gettext_lazy("State"), order_by="name"),
    Column("alliances", gettext_lazy("Active alliances"), order_by="alliances"),
    Column("reporting", gettext_lazy("With figures"), order_by="reporting"),
    *(_figure(key) for key in HEADLINE_KEYS),
]


def _sorted(states: list, sort: str, threshold: int) -> tuple[list, str]:
    """The rows in the order ``?sort=`` asks (by name otherwise; equal values by name); a
    hidden cell sorts as its marker says, never by the value it hides."""
    key = sort.lstrip("-")
    if key not in {c.key for c in COLUMNS}:
        key, sort = "name", ""
    descending = sort.startswith("-")
    if key == "name":
        return sorted(states, key=lambda s: german_key(s.name), reverse=descending), sort

    def value(state) -> float:
        if key in ("alliances", "reporting"):
            return getattr(state, key)
        return sort_value(state.shown[key], threshold)

    sign = -1 if descending else 1
    return sorted(states, key=lambda s: (sign * value(s), german_key(s.name))), sort


@requires(VIEW)
def overview(request):
    """Every state's figures side by side, and Germany's total."""
    data = federal_overview()
    data.total.name = _("Germany")
    states, sort = _sorted(data.states, request.GET.get("sort", ""), data.threshold)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        body = [[plain(c.cell(row)) for c in COLUMNS] for row in [*states, data.total]]
        return table_export(_("Figures per state"), COLUMNS, body, fmt)
    return render(
        request,
        "federal/overview.html",
        {
            "overview": data,
            "germany_map": germany_map(
                {state.key: state.alliances for state in data.states},
                chart_id="germany-map",
                title=_("Active alliances per state"),
            ),
            "spec": SimpleNamespace(columns=COLUMNS),
            "sort": sort,
            "base_query": "",
            "rows": [(row, [display(c.cell(row)) for c in COLUMNS]) for row in states],
            "total_cells": [display(c.cell(data.total)) for c in COLUMNS[1:]],
            "award": current_award(),
            "show_state": True,
        },
    )
