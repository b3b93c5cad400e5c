"""The state dashboard: Thuringia's figures from the snapshots, and refreshing them.

Every page here reads snapshot rows only (``regional.selectors.statistics``); the
alliances' schemas are read by the statistics engine alone, in the refresh task.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.figures import ALLIANCE_FIGURES
from kernel import formats
from kernel.figures import MONEY
from regional import charts
from regional.filters.statistics import date_choices
from regional.report_tables import figures_context, ministry_tables
from regional.selectors import statistics as selectors
from tenants.permissions import access_for, requires
from tenants.selectors import current_state

PERIOD_CHOICES = [
    ("day", gettext_lazy("per snapshot date")),
    ("quarter", gettext_lazy("per quarter")),
    ("year", gettext_lazy("per year")),
]


# The figures of the trend's table, in its order.
TREND_KEYS = (
    "partners_total",
    "companies",
    "partners_with_care_guides",
    "families_reached",
    "event_participants",
    "funding_total",
)


# The most bars the alliance chart draws (see dashboard()).
CHART_BARS = 40


def _trend_rows(trend) -> list:
    """(point, its values of ``TREND_KEYS``), amounts as whole euros."""
    money = {key for key in TREND_KEYS if ALLIANCE_FIGURES[key].unit == MONEY}
    return [
        (point, [formats.number(getattr(point, key), 0 if key in money else None)
                 for key in TREND_KEYS])
        for point in trend
    ]  # fmt: skip


def _label(key: str) -> str:
    return str(ALLIANCE_FIGURES[key].label)


def _by_choice(key: str, values: dict) -> list[tuple[str, int]]:
    """Every choice of the breakdown ``key`` with its label and value (0 if none)."""
    breakdown = ALLIANCE_FIGURES.breakdown(key)
    return [(label, values.get(choice, 0)) for choice, label in breakdown.choices.choices]


class DashboardForm(forms.Form):
    """Which day's figures to show, and how to group the trend."""

    date = forms.ChoiceField(label=gettext_lazy("Figures of"), required=False)
    period = forms.ChoiceField(label=gettext_lazy("Trend"), choices=PERIOD_CHOICES, required=False)

    def __init__(self, *args, dates: list[datetime.date], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].choices = date_choices(dates)

    def clean_date(self) -> datetime.date | None:
        value = self.cleaned_data.get("date")
        return datetime.date.fromisoformat(value) if value else None


@requires("state.dashboard.view")
def dashboard(request):
    """Totals, districts, charts and the map of one day's snapshots."""
    access = access_for(request)
    dates = selectors.snapshot_dates()
    default = selectors.default_snapshot_date(dates)
    data = request.GET.copy()
    if default is not None and not data.get("date"):
        data["date"] = default.isoformat()
    data.setdefault("period", "day")
    form = DashboardForm(data, dates=dates)
    context = {
        "form": form,
        "dates": dates,
        # The office's own state (names are proper nouns: German in every language).
        "state_name": current_state().name,
        "can_see_alliances": access.can("state.alliances.view"),
        "can_refresh": access.can("state.statistics.refresh"),
    }
    if not form.is_valid():
        return render(request, "regional/dashboard/dashboard.html", context, status=400)
    chosen = form.cleaned_data["date"]
    period = form.cleaned_data["period"] or "day"
    if chosen is None:
        return render(request, "regional/dashboard/dashboard.html", context)

    day_figures = selectors.day_figures(chosen)
    totals, districts = day_figures.totals, day_figures.districts
    if not context["can_see_alliances"]:
        return _ministry_dashboard(request, context, chosen, districts)
    trend = selectors.state_trend(period)
    day = formats.date(chosen)
    running = {
        "running_from": next((i for i, p in enumerate(trend) if p.running), None),
        "running_label": charts.running_label(trend[-1].taken_on) if trend else "",
    }

    # Every alliance of the day gets its bar (largest first): a state's few dozen
    # alliances fit one chart, and none may be missing from it. Beyond CHART_BARS (a
    # platform for all of Germany holds 650) the chart shows the largest, says so in its
    # title and under it, and the list linked below it has them all.
    by_alliance = selectors.largest_alliances(chosen, CHART_BARS)
    state_name = context["state_name"]
    capped = totals.alliances > len(by_alliance)
    if capped:
        alliance_chart_title = _(
            "Active partners of the %(shown)s alliances with the most of %(count)s on %(date)s"
        ) % {"shown": len(by_alliance), "count": totals.alliances, "date": day}
    else:
        alliance_chart_title = _("Active partners by alliance on %(date)s") % {"date": day}
    context.update(
        {
            "chosen": chosen,
            "period": period,
            "totals": totals,
            "districts": districts,
            "districts_with_alliances": sum(1 for d in districts if d.alliances),
            "trend": trend,
            "trend_headers": [_("Alliances"), *(_label(key) for key in TREND_KEYS)],
            "trend_rows": _trend_rows(trend),
            "partners_by_kind": _by_choice("partners_by_kind", totals.partners_by_kind),
            "projects_by_topic": _by_choice("projects_by_topic", totals.projects_by_topic),
            "projects_by_status": _by_choice("projects_by_status", totals.projects_by_status),
            "alliance_chart_capped": capped,
            "alliance_chart_bars": len(by_alliance),
            "alliance_chart": charts.bar_chart(
                by_alliance,
                chart_id="chart-alliances",
                title=alliance_chart_title,
                description=_(
                    "Horizontal bars, one per alliance, largest first; the longest bar is "
                    "%(max)s active partners."
                )
                % {"max": by_alliance[0][1] if by_alliance else 0},
            ),
            "kind_chart": charts.bar_chart(
                _by_choice("partners_by_kind", totals.partners_by_kind),
                chart_id="chart-kinds",
                title=_("Active partners by kind on %(date)s") % {"date": day},
                description=_("Horizontal bars, one per kind of partner, for all of %(state)s.")
                % {"state": state_name},
                width=520,
                label_width=250,
            ),
            "trend_chart": charts.line_chart(
                [point.label for point in trend],
                [
                    charts.Series(_label(key), [getattr(p, key) for p in trend])
                    for key in ("partners_total", "companies", "partners_with_care_guides")
                ],
                chart_id="chart-trend",
                width=560,
                **running,
                title=_("Partners in %(state)s over time") % {"state": state_name},
                description=_(
                    "Lines of the state's totals per point in time: active partners, "
                    "companies and partners with care guides. The table below gives the "
                    "same figures."
                ),
            ),
            "families_chart": charts.line_chart(
                [point.label for point in trend],
                [
                    charts.Series(_label(key), [getattr(p, key) for p in trend])
                    for key in ("families_reached", "event_participants")
                ],
                chart_id="chart-families",
                width=560,
                **running,
                title=_("Families reached and event participants over time"),
                description=_(
                    "Lines of the state's totals per point in time; event participants "
                    "within each period (since the point before, in the same year). A "
                    "period not ended yet is shaded and marked running. The table below "
                    "gives the same figures."
                ),
            ),
            "district_map": _district_map(chosen, link=True),
        }
    )
    return render(request, "regional/dashboard/dashboard.html", context)


def _district_map(chosen: datetime.date, *, link: bool) -> charts.AllianceMap:
    """The map of active alliances per district, on both dashboards; on the state
    office's each district links to the list of its alliances' figures of the day."""
    url = reverse("dashboard-alliances")

    def figures_of(district) -> str:
        return f"{url}?{urlencode({'date': chosen.isoformat(), 'district': district.ags})}"

    return charts.alliance_map(
        chart_id="chart-map",
        title=_("Active alliances per district"),
        link=figures_of if link else None,
    )


def _ministry_dashboard(request, context, chosen, districts):
    """The ministry's view: aggregated figures only, small numbers suppressed exactly as
    in the released reports, and the map of where alliances are (alliances are public)."""
    threshold = settings.BUENDNISNETZ_SUPPRESSION_THRESHOLD
    tables = ministry_tables(chosen, threshold)
    context.update(figures_context(tables))
    context.update(
        {
            "chosen": chosen,
            "threshold": threshold,
            "districts": districts,
            "district_map": _district_map(chosen, link=False),
        }
    )
    return render(request, "regional/dashboard/ministry.html", context)
