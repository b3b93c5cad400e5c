"""Projects, working groups and events of the alliance: declarations over kernel.crud."""

from __future__ import annotations

from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.filters.projects import EventFilter, ProjectFilter, WorkingGroupFilter
from core.forms.projects import EventForm, ProjectForm, WorkingGroupForm
from core.models import Event, Project, TargetGroup, WorkingGroup
from core.selectors.projects import (
    event_detail,
    event_list,
    event_summary_by_year,
    project_detail,
    project_list,
    working_group_detail,
    working_group_list,
)
from core.services import projects as services
from kernel.crud.tables import Column, ListSpec, Table
from kernel.crud.views import ObjectDeleteView, ObjectDetailView, ObjectEditView, ObjectListView

VIEW = "alliance.work.view"
CHANGE = "alliance.work.change"


def target_group_labels(codes) -> list[str]:
    """The target groups' names in the active language, in the order of ``TargetGroup``."""
    chosen = set(codes or ())
    return [str(label) for code, label in TargetGroup.choices if code in chosen]


def _detail(name: str):
    return lambda obj: reverse(name, args=[obj.pk])


class _Change:
    required_permission = CHANGE


class _View:
    required_permission = VIEW
    change_permission = CHANGE


# ---------------------------------------------------------------- projects

PROJECT_TABLE = Table(
    Column("title", _("Title"), order_by=True, link=True),
    Column("topic", _("Topic"), order_by=True),
    Column("status", _("Status"), order_by=True),
    Column("start", _("Start"), "start_date", order_by=True),
    Column("end", _("End"), "end_date", order_by=True),
    Column("lead", _("Lead partner"), "lead_partner.name", order_by=True),
    Column("partners", _("Participating partners"), "partners.name"),
    Column("target_groups", _("Target groups"), lambda p: target_group_labels(p.target_groups)),
    Column("families", _("Families reached"), "families_reached", order_by=True),
    Column("funding", _("Funding (EUR)"), "funding_amount", order_by=True),
    Column("funding_source", _("Funded by"), order_by=True),
    Column("events", _("Events"), "event_count", order_by=True),
    Column("public", _("On the public page"), "is_public", order_by=True),
    Column("description", _("Description")),
)


def _project_spec(columns: list[Column]) -> ListSpec:
    return ListSpec(
        name="projects",
        title=_("Projects"),
        permission=VIEW,
        queryset=project_list,
        filterset=ProjectFilter,
        default_order="-start_date",
        detail_url=_detail("project-detail"),
        create_url="project-create",
        create_permission=CHANGE,
        columns=columns,
        extra_links=[
            (_("Working groups"), reverse_lazy("working-group-list"), VIEW),
            (_("Events"), reverse_lazy("event-list"), VIEW),
            (_("Funding circle"), reverse_lazy("funding-list"), VIEW),
        ],
    )


PROJECTS = _project_spec(
    PROJECT_TABLE.only(
        "title", "topic", "status", "start", "end", "lead", "partners", "families", "funding"
    )
)
# The export carries every field of the project.
PROJECTS_EXPORT = _project_spec(PROJECT_TABLE.columns)


class _Project:
    model = Project
    list_url, detail_url, instance_arg = "project-list", "project-detail", "project"


class ProjectListView(_View, ObjectListView):
    spec, export_spec = PROJECTS, PROJECTS_EXPORT


class ProjectDetailView(_View, ObjectDetailView):
    selector = project_detail
    template_name = "core/work/project_detail.html"
    context_object_name = "project"

    def get_context_data(self, obj):
        return {
            **super().get_context_data(obj),
            "target_groups": target_group_labels(obj.target_groups),
        }


class ProjectEditView(_Change, _Project, ObjectEditView):
    form_class = ProjectForm
    create_service, update_service = services.project_create, services.project_update
    create_title, edit_title = _("New project"), _("Edit project")


class ProjectDeleteView(_Change, _Project, ObjectDeleteView):
    service = services.project_delete
    title = _("Delete project")
    question = _("Delete the project %(title)s for good? Its events are kept.")
    success_message = _("The project has been deleted.")


# ---------------------------------------------------------------- working groups

WORKING_GROUPS = ListSpec(
    name="working-groups",
    title=_("Working groups"),
    permission=VIEW,
    queryset=working_group_list,
    filterset=WorkingGroupFilter,
    default_order="name",
    detail_url=_detail("working-group-detail"),
    create_url="working-group-create",
    create_permission=CHANGE,
    columns=Table(
        Column("name", _("Name"), order_by=True, link=True),
        Column("topic", _("Topic"), order_by=True),
        Column("chair", _("Chaired by"), order_by=True),
        Column("members", _("Members"), "members.name"),
        Column("member_count", _("Number of members"), order_by=True),
        Column("active", _("Active"), "is_active", order_by=True),
    ).columns,
    extra_links=[(_("Projects"), reverse_lazy("project-list"), VIEW)],
)


class _WorkingGroup:
    model = WorkingGroup
    list_url, detail_url, instance_arg = "working-group-list", "working-group-detail", "group"


class WorkingGroupListView(_View, ObjectListView):
    spec = WORKING_GROUPS


class WorkingGroupDetailView(_View, ObjectDetailView):
    selector = working_group_detail
    template_name = "core/work/working_group_detail.html"
    context_object_name = "group"


class WorkingGroupEditView(_Change, _WorkingGroup, ObjectEditView):
    form_class = WorkingGroupForm
    create_service, update_service = services.working_group_create, services.working_group_update
    create_title, edit_title = _("New working group"), _("Edit working group")


class WorkingGroupDeleteView(_Change, _WorkingGroup, ObjectDeleteView):
    service = services.working_group_delete
    title = _("Delete working group")
    question = _(
        "Delete the working group %(name)s for good? Marking it as inactive keeps its history."
    )
    success_message = _("The working group has been deleted.")


# ---------------------------------------------------------------- events

EVENTS = ListSpec(
    template="core/work/event_list.html",
    extra_context={"summary": event_summary_by_year},
    name="events",
    title=_("Events"),
    permission=VIEW,
    queryset=event_list,
    filterset=EventFilter,
    default_order="-date",
    detail_url=_detail("event-detail"),
    create_url="event-create",
    create_permission=CHANGE,
    columns=Table(
        Column("title", _("Title"), order_by=True, link=True),
        Column("kind", _("Kind"), order_by=True),
        Column("date", _("Date"), order_by=True),
        Column(
            "time",
            _("Begins at"),
            lambda e: e.start_time.strftime("%H:%M") if e.start_time else None,
            "start_time",
        ),
        Column("place", _("Place"), order_by=True),
        Column("participants", _("Participants"), "participant_count", order_by=True),
        Column("project", _("Project"), "project.title", order_by=True),
        Column("public", _("On the public page"), "is_public", order_by=True),
    ).columns,
    extra_links=[(_("Projects"), reverse_lazy("project-list"), VIEW)],
)


class _Event:
    model = Event
    list_url, detail_url, instance_arg = "event-list", "event-detail", "event"


class EventListView(_View, ObjectListView):
    spec = EVENTS


class EventDetailView(_View, ObjectDetailView):
    selector = event_detail
    template_name = "core/work/event_detail.html"
    context_object_name = "event"


class EventEditView(_Change, _Event, ObjectEditView):
    form_class = EventForm
    create_service, update_service = services.event_create, services.event_update
    create_title, edit_title = _("New event"), _("Edit event")

    def get_form_kwargs(self):
        # "New event" from a project's page comes with ?project=<id>.
        project_id = self.request.GET.get("project", "")
        if "pk" in self.kwargs or not project_id.isdigit():
            return {}
        return {"initial": {"project": int(project_id)}}


class EventDeleteView(_Change, _Event, ObjectDeleteView):
    service = services.event_delete
    title = _("Delete event")
    question = _("Delete the event %(title)s for good?")
    success_message = _("The event has been deleted.")

    def question_args(self, obj):
        return {"title": str(obj)}
