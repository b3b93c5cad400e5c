"""Projects, working groups, events and the funding circle (mounted at /workspace/)."""

from django.urls import path

from core.views import funding, work
from kernel.crud.urls import object_urls

urlpatterns = [
    *object_urls(
        "projects",
        "project",
        list=work.ProjectListView,
        detail=work.ProjectDetailView,
        edit=work.ProjectEditView,
        delete=work.ProjectDeleteView,
    ),
    *object_urls(
        "working-groups",
        "working-group",
        list=work.WorkingGroupListView,
        detail=work.WorkingGroupDetailView,
        edit=work.WorkingGroupEditView,
        delete=work.WorkingGroupDeleteView,
    ),
    *object_urls(
        "events",
        "event",
        list=work.EventListView,
        detail=work.EventDetailView,
        edit=work.EventEditView,
        delete=work.EventDeleteView,
    ),
    path("funding/totals/", funding.funding_totals, name="funding-totals"),
    *object_urls(
        "funding",
        "funding",
        list=funding.FundingListView,
        detail=funding.FundingDetailView,
        edit=funding.FundingEditView,
        delete=funding.FundingDeleteView,
    ),
]
