"""Projects, working groups, events and the funding circle (mounted at /workspace/)."""

from django.urls import path

from core.views import funding, work

urlpatterns = [
    path("projects/", work.project_list_view, name="project-list"),
    path("projects/new/", work.project_create, name="project-create"),
    path("projects/<int:pk>/", work.project_detail_view, name="project-detail"),
    path("projects/<int:pk>/edit/", work.project_edit, name="project-edit"),
    path("projects/<int:pk>/delete/", work.project_delete, name="project-delete"),
    path("working-groups/", work.working_group_list_view, name="working-group-list"),
    path("working-groups/new/", work.working_group_create, name="working-group-create"),
    path("working-groups/<int:pk>/", work.working_group_detail_view, name="working-group-detail"),
    path("working-groups/<int:pk>/edit/", work.working_group_edit, name="working-group-edit"),
    path("working-groups/<int:pk>/delete/", work.working_group_delete, name="working-group-delete"),
    path("events/", work.event_list_view, name="event-list"),
    path("events/new/", work.event_create, name="event-create"),
    path("events/<int:pk>/", work.event_detail_view, name="event-detail"),
    path("events/<int:pk>/edit/", work.event_edit, name="event-edit"),
    path("events/<int:pk>/delete/", work.event_delete, name="event-delete"),
    path("funding/", funding.funding_list_view, name="funding-list"),
    path("funding/totals/", funding.funding_totals, name="funding-totals"),
    path("funding/new/", funding.funding_create, name="funding-create"),
    path("funding/<int:pk>/", funding.funding_detail_view, name="funding-detail"),
    path("funding/<int:pk>/edit/", funding.funding_edit, name="funding-edit"),
    path("funding/<int:pk>/delete/", funding.funding_delete, name="funding-delete"),
]
