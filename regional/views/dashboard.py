"""The state dashboard: Thuringia's figures from the snapshots, and refreshing them.

Every page here reads snapshot rows only (``regional.selectors.statistics``); the
alliances' schemas are read by the statistics engine alone, in the refresh task.
"""

from __future__ import annotations

import dataclasses
import datetime

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import PartnerKind, ProjectStatus, Topic
from kernel.broker import TaskQueueUnavailable
from kernel.crud.filters import SearchFilterSet
from kernel.crud.tables import Column, ListSpec, list_view
from regional import charts
from regional.models import AllianceSnapshot, RunStatus, StatisticsRun
from regional.reports import figures_context, ministry_tables
from regional.selectors import statistics as selectors
from regional.services import statistics as services
from tenants.districts import District
from tenants.permissions import access_for, requires

PERIOD_CHOICES = [
    ("day", gettext_lazy("per snapshot date")),
    ("quarter", gettext_lazy("per quarter")),
    ("year", gettext_lazy("per year")),
]
# A run still queued or running after this long is considered stuck: a new one may start.
ACTIVE_RUN_MINUTES = 60
# The bar chart of the dashboard shows the alliances with the most active partners, this
# many at most (one bar per alliance for hundreds of them is neither readable nor cheap);
# the list of the alliances' figures has them all, and the totals count them all.
ALLIANCE_CHART_LIMIT = 15


def _date_choices(dates: list[datetime.date]) -> list[tuple[str, str]]:
    return [(day.isoformat(), date_format(day, "SHORT_DATE_FORMAT")) for day in dates]


class DashboardForm(forms.Form):
    """Which day's figures to show, and how to group the trend."""

    date = forms.ChoiceField(label=gettext_lazy("Figures of"), required=False)
    period = forms.ChoiceField(label=gettext_lazy("Trend"), choices=PERIOD_CHOICES, required=False)

    def __init__(self, *args, dates: list[datetime.date], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].choices = _date_choices(dates)

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
    day = date_format(chosen, "SHORT_DATE_FORMAT")
    kinds = dict(PartnerKind.choices)
    topics = dict(Topic.choices)
    statuses = dict(ProjectStatus.choices)

    by_alliance = selectors.largest_alliances(chosen, ALLIANCE_CHART_LIMIT)
    if totals.alliances > ALLIANCE_CHART_LIMIT:
        alliance_chart_title = _(
            "Active partners on %(date)s: the %(shown)s alliances with the most, of %(total)s"
        ) % {"date": day, "shown": len(by_alliance), "total": totals.alliances}
    else:
        alliance_chart_title = _("Active partners by alliance on %(date)s") % {"date": day}
    context.update(
        {
            "chosen": chosen,
            "period": period,
            "totals": totals,
            "districts": districts,
            "districts_with_alliances": sum(1 for d in districts if d.alliances),
            "alliance_chart_partial": totals.alliances > ALLIANCE_CHART_LIMIT,
            "trend": trend,
            "partners_by_kind": [
                (kinds.get(kind, kind), totals.partners_by_kind.get(kind, 0))
                for kind in PartnerKind.values
            ],
            "projects_by_topic": [
                (topics.get(topic, topic), totals.projects_by_topic.get(topic, 0))
                for topic in Topic.values
            ],
            "projects_by_status": [
                (statuses.get(status, status), totals.projects_by_status.get(status, 0))
                for status in ProjectStatus.values
            ],
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
                [
                    (kinds.get(kind, kind), totals.partners_by_kind.get(kind, 0))
                    for kind in PartnerKind.values
                ],
                chart_id="chart-kinds",
                title=_("Active partners by kind on %(date)s") % {"date": day},
                description=_("Horizontal bars, one per kind of partner, for all of Thuringia."),
                width=520,
                label_width=250,
            ),
            "trend_chart": charts.line_chart(
                [point.label for point in trend],
                [
                    charts.Series(_("Active partners"), [p.partners_total for p in trend]),
                    charts.Series(_("Companies"), [p.companies for p in trend]),
                    charts.Series(
                        _("Partners with care guides"),
                        [p.partners_with_care_guides for p in trend],
                    ),
                ],
                chart_id="chart-trend",
                width=560,
                title=_("Partners in Thuringia over time"),
                description=_(
                    "Lines of the state's totals per point in time: active partners, "
                    "companies and partners with care guides. The table below gives the "
                    "same figures."
                ),
            ),
            "families_chart": charts.line_chart(
                [point.label for point in trend],
                [
                    charts.Series(_("Families reached"), [p.families_reached for p in trend]),
                    charts.Series(_("Event participants"), [p.event_participants for p in trend]),
                ],
                chart_id="chart-families",
                width=560,
                title=_("Families reached and event participants over time"),
                description=_(
                    "Lines of the state's totals per point in time. The table below gives "
                    "the same figures."
                ),
            ),
            "district_map": charts.district_map(
                {d.code: d.alliances for d in districts},
                chart_id="chart-map",
                title=_("Alliances per district on %(date)s") % {"date": day},
                description=_(
                    "Schematic map of Thuringia's 23 districts and independent cities, each "
                    "a square placed roughly where it lies, coloured by its number of "
                    "alliances. The table next to it gives the same figures."
                ),
            ),
        }
    )
    return render(request, "regional/dashboard/dashboard.html", context)


def _ministry_dashboard(request, context, chosen, districts):
    """The ministry's view: aggregated figures only, small numbers suppressed exactly as
    in the released reports, and the map of where alliances are (alliances are public)."""
    threshold = settings.BUENDNISNETZ_SUPPRESSION_THRESHOLD
    tables = ministry_tables(chosen, threshold)
    day = date_format(chosen, "SHORT_DATE_FORMAT")
    context.update(figures_context(tables))
    context.update(
        {
            "chosen": chosen,
            "threshold": threshold,
            "districts": districts,
            "district_map": charts.district_map(
                {d.code: d.alliances for d in districts},
                chart_id="chart-map",
                title=_("Alliances per district on %(date)s") % {"date": day},
                description=_(
                    "Schematic map of Thuringia's 23 districts and independent cities, each "
                    "a square placed roughly where it lies, coloured by its number of "
                    "alliances. The table next to it gives the same figures."
                ),
            ),
        }
    )
    return render(request, "regional/dashboard/ministry.html", context)


# ---------------------------------------------------------------- the alliances' figures


class SnapshotFilter(SearchFilterSet):
    """Search and district filter over one day's snapshots; ``date`` picks the day."""

    search_fields = ("alliance__name", "alliance__host_organisation")
    dates: list[datetime.date] = []
    chosen: datetime.date | None = None

    date = django_filters.ChoiceFilter(
        label=gettext_lazy("Figures of"), method="keep_day", empty_label=None
    )
    district = django_filters.ChoiceFilter(
        field_name="alliance__district",
        choices=District.choices,
        label=gettext_lazy("District"),
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = AllianceSnapshot
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # SearchFilterSet has built the form already: give its field the dates.
        field = self.form.fields["date"]
        field.choices = _date_choices(self.dates)
        if self.chosen is not None:
            field.initial = self.chosen.isoformat()

    def keep_day(self, queryset, name, value):
        return queryset  # the view has already chosen the day's snapshots


ALLIANCE_FIGURES = ListSpec(
    name="alliance-figures",
    title=gettext_lazy("Figures of the alliances"),
    permission="state.alliances.view",
    queryset=lambda: AllianceSnapshot.objects.none(),
    filterset=SnapshotFilter,
    default_order="alliance__name",
    export_permission="state.alliances.view",
    page_size=50,
    columns=[
        Column("name", gettext_lazy("Alliance"), lambda s: s.alliance.name, "alliance__name"),
        Column(
            "district",
            gettext_lazy("District"),
            lambda s: s.alliance.get_district_display(),
            "alliance__district",
        ),
        Column("date", gettext_lazy("Date"), lambda s: s.taken_on),
        Column(
            "partners",
            gettext_lazy("Active partners"),
            lambda s: s.partners_total,
            "partners_total",
        ),
        Column("companies", gettext_lazy("Companies"), lambda s: s.companies, "companies"),
        Column(
            "with_guides",
            gettext_lazy("Partners with care guides"),
            lambda s: s.partners_with_care_guides,
            "partners_with_care_guides",
        ),
        Column(
            "guides",
            gettext_lazy("Trained care guides"),
            lambda s: s.care_guides_total,
            "care_guides_total",
        ),
        Column("seals", gettext_lazy("Valid family seals"), lambda s: s.valid_seals, "valid_seals"),
        Column("projects", gettext_lazy("Projects"), lambda s: s.projects_total, "projects_total"),
        Column(
            "families",
            gettext_lazy("Families reached"),
            lambda s: s.families_reached,
            "families_reached",
        ),
        Column("events", gettext_lazy("Events"), lambda s: s.events, "events"),
        Column(
            "participants",
            gettext_lazy("Event participants"),
            lambda s: s.event_participants,
            "event_participants",
        ),
        Column(
            "funding",
            gettext_lazy("Funding (EUR)"),
            lambda s: s.funding_total,
            "funding_total",
        ),
        Column(
            "board",
            gettext_lazy("Board meetings held"),
            lambda s: s.board_meetings_held,
            "board_meetings_held",
        ),
        Column("year", gettext_lazy("Year of the activity figures"), lambda s: s.year),
    ],
    extra_links=[(gettext_lazy("Dashboard"), reverse_lazy("dashboard"), "state.dashboard.view")],
)


@requires("state.alliances.view")
def alliance_figures(request):
    """Every alliance's figures of one day: sortable, filterable, CSV/XLSX export."""
    dates = selectors.snapshot_dates()
    wanted = request.GET.get("date", "")
    valid = {day.isoformat(): day for day in dates}
    chosen = valid.get(wanted) or selectors.default_snapshot_date(dates)
    filterset = type("SnapshotFilterOfDates", (SnapshotFilter,), {"dates": dates, "chosen": chosen})
    spec = dataclasses.replace(
        ALLIANCE_FIGURES,
        queryset=lambda: selectors.snapshots_on(chosen),
        filterset=filterset,
    )
    return list_view(request, spec)


# ---------------------------------------------------------------- refreshing


@requires("state.statistics.refresh")
def statistics_refresh(request):
    """GET lists the recent runs and offers a refresh; POST queues one and shows it."""
    if request.method == "POST":
        active = selectors.active_run(minutes=ACTIVE_RUN_MINUTES)
        if active is not None:
            messages.info(request, _("A refresh is already under way."))
            return redirect("statistics-run", pk=active.pk)
        try:
            run = services.statistics_run_request(actor=request.user)
        except TaskQueueUnavailable as error:
            # The run is recorded as failed; the list shows it and a new try is possible.
            messages.error(request, " ".join(error.messages))
            return redirect("statistics-refresh")
        messages.success(request, _("The refresh has been started."))
        return redirect("statistics-run", pk=run.pk)
    return render(request, "regional/dashboard/refresh.html", {"runs": selectors.recent_runs()})


def _run_or_404(pk: int) -> StatisticsRun:
    try:
        return StatisticsRun.objects.get(pk=pk)
    except StatisticsRun.DoesNotExist as exc:
        raise Http404 from exc


def _is_active(run: StatisticsRun) -> bool:
    return run.status in (RunStatus.QUEUED, RunStatus.RUNNING)


@requires("state.statistics.refresh")
def statistics_run(request, pk: int):
    """A run's progress; the page reloads itself every two seconds while it goes on."""
    run = _run_or_404(pk)
    response = render(
        request, "regional/dashboard/run.html", {"run": run, "active": _is_active(run)}
    )
    if _is_active(run):
        response["Refresh"] = "2"
    return response


@requires("state.statistics.refresh")
def statistics_run_progress(request, pk: int):
    """A run's progress as JSON."""
    run = _run_or_404(pk)
    return JsonResponse(
        {
            "id": run.pk,
            "taken_on": run.taken_on.isoformat(),
            "status": run.status,
            "status_label": str(run.get_status_display()),
            "alliances_done": run.alliances_done,
            "alliances_total": run.alliances_total,
            "percent": run.progress_percent,
            "started_at": run.started_at.isoformat() if run.started_at else None,
            "finished_at": run.finished_at.isoformat() if run.finished_at else None,
            "error": run.error,
        }
    )
