"""Projects, working groups, events and the funding circle (mounted at /workspace/)."""

from django.urls import path

from core.views import funding, projects
from kernel.crud.urls import object_urls

urlpatterns = [
    *object_urls("projects", "project", projects, "Project"),
    *object_urls("working-groups", "working-group", projects, "WorkingGroup"),
    *object_urls("events", "event", projects, "Event"),
    path("funding/totals/", funding.funding_totals, name="funding-totals"),
    *object_urls("funding", "funding", funding, "Funding"),
]
