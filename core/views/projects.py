"""Projects, working groups and events of the alliance: declarations over kernel.crud."""

from __future__ import annotations

from django.urls import reverse_lazy
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
from core.views.imports import import_link
from core.views.work import VIEW, WorkPages
from kernel.crud.facts import (
    Fact,
    clock,
    dash,
    dash_if_none,
    link,
    listed,
    number,
    short_date,
    yes_no,
)
from kernel.crud.tables import Column, clock_time


def target_group_labels(codes) -> list[str]:
    """The target groups' names in the active language, in the order of ``TargetGroup``."""
    chosen = set(codes or ())
    return [str(label) for code, label in TargetGroup.choices if code in chosen]


# ---------------------------------------------------------------- projects


class ProjectPages(WorkPages):
    model, prefix, name = Project, "projects", "project"
    queryset, filterset, default_order = project_list, ProjectFilter, "-start_date"
    # The downloads carry every field of the project; the page the main ones.
    table = [
        Column("title", order_by=True, link=True),
        Column("topic", order_by=True),
        Column("status", order_by=True),
        Column("start", value="start_date", order_by=True),
        Column("end", value="end_date", order_by=True),
        Column("lead", value="lead_partner.name", order_by=True),
        Column("partners", value="partners.name"),
        Column(
            "target_groups",
            _("Target groups"),
            lambda p: target_group_labels(p.target_groups),
            export_only=True,
        ),
        Column("families", value="families_reached", order_by=True),
        Column("funding", value="funding_amount", order_by=True, money=True),
        Column("funding_source", order_by=True, export_only=True),
        Column("events", _("Events"), "event_count", order_by=True, export_only=True),
        Column("public", _("On the public page"), "is_public", order_by=True, export_only=True),
        Column("description", export_only=True),
    ]
    extra_links = [
        (_("Working groups"), reverse_lazy("working-group-list"), VIEW),
        (_("Events"), reverse_lazy("event-list"), VIEW),
        (_("Funding circle"), reverse_lazy("funding-list"), VIEW),
    ]
    empty_links = [import_link("projects")]
    selector, template_name = project_detail, "core/work/project_detail.html"
    heading = "title"
    facts = [
        Fact(_("Topic"), "topic"),
        Fact(_("Status"), "status"),
        Fact(_("Start"), "start_date", short_date, dash),
        Fact(_("End"), "end_date", short_date, dash),
        Fact(_("Lead partner"), "lead_partner", link("partner-detail")),
        Fact(_("Target groups"), lambda p: target_group_labels(p.target_groups), listed, dash),
        Fact(_("Families reached"), "families_reached"),
        Fact(_("Funding (EUR)"), "funding_amount", number),
        Fact(_("Funded by"), "funding_source", dash),
        Fact(_("On the public page"), "is_public", yes_no),
    ]
    form_class, service_module = ProjectForm, services
    create_title = _("New project")
    delete_question = _("Delete the project %(title)s for good? Its events are kept.")
    deleted_message = _("The project has been deleted.")


# ---------------------------------------------------------------- working groups


class WorkingGroupPages(WorkPages):
    model, prefix, name, instance_arg = WorkingGroup, "working-groups", "working-group", "group"
    queryset, filterset, default_order = working_group_list, WorkingGroupFilter, "name"
    table = [
        Column("name", order_by=True, link=True),
        Column("topic", order_by=True),
        Column("chair", order_by=True),
        Column("members", value="members.name"),
        Column("member_count", _("Number of members"), order_by=True),
        Column("active", value="is_active", order_by=True),
    ]
    extra_links = [(_("Projects"), reverse_lazy("project-list"), VIEW)]
    selector, template_name = working_group_detail, "core/work/working_group_detail.html"
    heading = "name"
    facts = [
        Fact(_("Topic"), "topic"),
        Fact(_("Chaired by"), "chair", dash),
        Fact(_("Active"), "is_active", yes_no),
    ]
    form_class, service_module, service_name = WorkingGroupForm, services, "working_group"
    create_title = _("New working group")
    delete_question = _(
        "Delete the working group %(name)s for good? Marking it as inactive keeps its history."
    )
    deleted_message = _("The working group has been deleted.")


# ---------------------------------------------------------------- events


class EventPages(WorkPages):
    model, prefix, name = Event, "events", "event"
    queryset, filterset, default_order = event_list, EventFilter, "-date"
    # The events page adds the yearly summary of the listed events.
    list_template = "core/work/event_list.html"
    list_context = {"summary": event_summary_by_year}
    table = [
        Column("title", order_by=True, link=True),
        Column("kind", order_by=True),
        Column("date", order_by=True),
        Column("time", _("Begins at"), clock_time("start_time"), "start_time"),
        Column("place", order_by=True),
        Column("participants", value="participant_count", order_by=True),
        Column("project", value="project.title", order_by=True),
        Column("public", _("On the public page"), "is_public", order_by=True),
    ]
    extra_links = [(_("Projects"), reverse_lazy("project-list"), VIEW)]
    selector, template_name = event_detail, "core/work/event_detail.html"
    heading = "title"
    facts = [
        Fact(_("Kind"), "kind"),
        Fact(_("Date"), "date", short_date),
        Fact(_("Begins at"), "start_time", clock, dash),
        Fact(_("Place"), "place", dash),
        Fact(_("Participants"), "participant_count", dash_if_none),
        Fact(_("Project"), "project", link("project-detail", "title")),
        Fact(_("On the public page"), "is_public", yes_no),
    ]
    form_class, service_module = EventForm, services
    create_title = _("New event")
    delete_question = _("Delete the event %(title)s for good?")
    deleted_message = _("The event has been deleted.")
    initial_from_query = ("project",)  # "New event" on a project's page

    class Delete:
        def question_args(self, obj):
            return {"title": str(obj)}
