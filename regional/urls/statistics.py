"""The state dashboard and the statistics refresh, mounted at /dashboard/."""

from django.urls import path

from regional.views import dashboard

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("alliances/", dashboard.alliance_figures, name="dashboard-alliances"),
    path("refresh/", dashboard.statistics_refresh, name="statistics-refresh"),
    path("runs/<int:pk>/", dashboard.statistics_run, name="statistics-run"),
    path(
        "runs/<int:pk>/progress/",
        dashboard.statistics_run_progress,
        name="statistics-run-progress",
    ),
]
