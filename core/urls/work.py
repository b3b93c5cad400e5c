"""Projects, working groups, events and the funding circle (mounted at /workspace/)."""

from django.urls import path

from core.views import funding, work
from kernel.crud.urls import object_urls

urlpatterns = [
    *object_urls("projects", "project", work, "Project"),
    *object_urls("working-groups", "working-group", work, "WorkingGroup"),
    *object_urls("events", "event", work, "Event"),
    path("funding/totals/", funding.funding_totals, name="funding-totals"),
    *object_urls("funding", "funding", funding, "Funding"),
]
