"""The state dashboard and the statistics refresh, mounted at /dashboard/."""

from django.urls import path

from regional.views import dashboard, statistics

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("alliances/", statistics.alliance_figures, name="dashboard-alliances"),
    path("refresh/", statistics.statistics_refresh, name="statistics-refresh"),
    path("runs/<int:pk>/", statistics.statistics_run, name="statistics-run"),
    path(
        "runs/<int:pk>/progress/",
        statistics.statistics_run_progress,
        name="statistics-run-progress",
    ),
]
