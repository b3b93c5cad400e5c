"""The state dashboard and the statistics refresh, mounted at /dashboard/."""

from django.urls import path

from regional.views import alliances, dashboard, monitoring, statistics

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("alliances/", statistics.alliance_figures, name="dashboard-alliances"),
    path("alliances/<int:pk>/", alliances.alliance_page, name="dashboard-alliance"),
    path("monitoring/", monitoring.monitoring, name="state-monitoring"),
    path("refresh/", statistics.statistics_refresh, name="statistics-refresh"),
    path("runs/<int:pk>/", statistics.statistics_run, name="statistics-run"),
    path(
        "runs/<int:pk>/progress/",
        statistics.statistics_run_progress,
        name="statistics-run-progress",
    ),
]
