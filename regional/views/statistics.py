"""The alliances' figures of one day (list and export) and refreshing the statistics.

The list reads snapshot rows only (``regional.selectors.statistics``); its figure
columns are the registry's stored figures (``core.figures``).
"""

from __future__ import annotations

import dataclasses
import operator

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.figures import ALLIANCE_FIGURES
from kernel.broker import TaskQueueUnavailable
from kernel.crud.tables import Column, ListSpec, list_view
from kernel.figures import MONEY
from regional.filters.statistics import page_filters
from regional.models import AllianceSnapshot, RunStatus, StatisticsRun
from regional.selectors import statistics as selectors
from regional.services import statistics as services
from tenants.permissions import requires

# A run still queued or running after this long is considered stuck: a new one may start.
ACTIVE_RUN_MINUTES = 60
# The list's column keys (sort and export names) of the stored figures.
_COLUMN_KEYS = {
    "partners_total": "partners",
    "partners_with_care_guides": "with_guides",
    "care_guides_total": "guides",
    "valid_seals": "seals",
    "projects_total": "projects",
    "families_reached": "families",
    "event_participants": "participants",
    "funding_total": "funding",
    "board_meetings_held": "board",
}


def _figure_columns():
    for key in ALLIANCE_FIGURES.keys(summed=True):
        yield _COLUMN_KEYS.get(key, key), ALLIANCE_FIGURES[key]


# ---------------------------------------------------------------- the alliances' figures


FIGURES_LIST = ListSpec(
    name="alliance-figures",
    title=gettext_lazy("Figures of the alliances"),
    permission="state.alliances.view",
    queryset=lambda: AllianceSnapshot.objects.none(),
    filterset=page_filters(),
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
        *(
            Column(
                column,
                figure.label,
                operator.attrgetter(figure.key),
                figure.key,
                money=figure.unit == MONEY,
            )
            for column, figure in _figure_columns()
        ),
        Column("year", gettext_lazy("Year of the activity figures"), lambda s: s.year, digits=True),
    ],
    detail_url=lambda s: reverse("dashboard-alliance", args=[s.alliance_id]),
    extra_links=[
        (gettext_lazy("Dashboard"), reverse_lazy("dashboard"), "state.dashboard.view"),
        (
            gettext_lazy("Needing attention"),
            reverse_lazy("state-monitoring"),
            "state.alliances.view",
        ),
    ],
)


@requires("state.alliances.view")
def alliance_figures(request):
    """Every alliance's figures of one day: sortable, filterable, CSV/XLSX export."""
    dates = selectors.snapshot_dates()
    wanted = request.GET.get("date", "")
    valid = {day.isoformat(): day for day in dates}
    chosen = valid.get(wanted) or selectors.default_snapshot_date(dates)
    spec = dataclasses.replace(
        FIGURES_LIST,
        queryset=lambda: selectors.snapshots_on(chosen),
        filterset=page_filters(dates=dates, chosen=chosen),
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
