"""Projects, working groups and events of the alliance."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filters.work import EventFilter, ProjectFilter, WorkingGroupFilter
from core.forms.work import EventForm, ProjectForm, WorkingGroupForm
from core.models import Event, Project, TargetGroup, WorkingGroup
from core.selectors.work import (
    event_detail,
    event_list,
    event_summary_by_year,
    project_detail,
    project_list,
    working_group_detail,
    working_group_list,
)
from core.services import work as services
from kernel.crud.tables import EXPORT_FORMATS, Column, ListSpec, list_view
from kernel.crud.views import confirm_page, form_page, split_many
from tenants.permissions import access_for, requires

VIEW = "alliance.work.view"
CHANGE = "alliance.work.change"


def target_group_labels(codes) -> list[str]:
    """The target groups' names in the active language, in the order of ``TargetGroup``."""
    chosen = set(codes or ())
    return [str(label) for code, label in TargetGroup.choices if code in chosen]


def _or_404(load, pk: int):
    try:
        return load(pk)
    except (Project.DoesNotExist, WorkingGroup.DoesNotExist, Event.DoesNotExist) as exc:
        raise Http404 from exc


# ---------------------------------------------------------------- projects

_PROJECT_COLUMNS = {
    "title": Column("title", gettext_lazy("Title"), lambda p: p.title, "title", link=True),
    "topic": Column("topic", gettext_lazy("Topic"), lambda p: p.get_topic_display(), "topic"),
    "status": Column("status", gettext_lazy("Status"), lambda p: p.get_status_display(), "status"),
    "start": Column("start", gettext_lazy("Start"), lambda p: p.start_date, "start_date"),
    "end": Column("end", gettext_lazy("End"), lambda p: p.end_date, "end_date"),
    "lead": Column(
        "lead",
        gettext_lazy("Lead partner"),
        lambda p: p.lead_partner.name if p.lead_partner else None,
        "lead_partner__name",
    ),
    "partners": Column(
        "partners",
        gettext_lazy("Participating partners"),
        lambda p: [partner.name for partner in p.partners.all()],
    ),
    "target_groups": Column(
        "target_groups",
        gettext_lazy("Target groups"),
        lambda p: target_group_labels(p.target_groups),
    ),
    "families": Column(
        "families",
        gettext_lazy("Families reached"),
        lambda p: p.families_reached,
        "families_reached",
    ),
    "funding": Column(
        "funding",
        gettext_lazy("Funding (EUR)"),
        lambda p: p.funding_amount,
        "funding_amount",
    ),
    "funding_source": Column(
        "funding_source", gettext_lazy("Funded by"), lambda p: p.funding_source, "funding_source"
    ),
    "events": Column("events", gettext_lazy("Events"), lambda p: p.event_count, "event_count"),
    "public": Column(
        "public", gettext_lazy("On the public page"), lambda p: p.is_public, "is_public"
    ),
    "description": Column("description", gettext_lazy("Description"), lambda p: p.description),
}


def _project_spec(keys: list[str]) -> ListSpec:
    return ListSpec(
        name="projects",
        title=gettext_lazy("Projects"),
        permission=VIEW,
        queryset=project_list,
        filterset=ProjectFilter,
        default_order="-start_date",
        detail_url=lambda p: reverse("project-detail", args=[p.pk]),
        create_url="project-create",
        create_permission=CHANGE,
        columns=[_PROJECT_COLUMNS[key] for key in keys],
        extra_links=[
            (gettext_lazy("Working groups"), reverse_lazy("working-group-list"), VIEW),
            (gettext_lazy("Events"), reverse_lazy("event-list"), VIEW),
            (gettext_lazy("Funding circle"), reverse_lazy("funding-list"), VIEW),
        ],
    )


PROJECTS = _project_spec(
    ["title", "topic", "status", "start", "end", "lead", "partners", "families", "funding"]
)
# The export carries every field of the project.
PROJECTS_EXPORT = _project_spec(list(_PROJECT_COLUMNS))


@requires(VIEW)
def project_list_view(request):
    exporting = request.GET.get("format", "") in EXPORT_FORMATS
    return list_view(request, PROJECTS_EXPORT if exporting else PROJECTS)


@requires(VIEW)
def project_detail_view(request, pk: int):
    project = _or_404(project_detail, pk)
    return render(
        request,
        "core/work/project_detail.html",
        {
            "project": project,
            "target_groups": target_group_labels(project.target_groups),
            "can_change": access_for(request).can(CHANGE),
        },
    )


def _save_project(request, project: Project | None):
    def save(form):
        data, many = split_many(form)
        if project is None:
            return services.project_create(actor=request.user, data=data, partners=many["partners"])
        return services.project_update(
            actor=request.user, project=project, data=data, partners=many["partners"]
        )

    return save


@requires(CHANGE)
def project_create(request):
    return form_page(
        request,
        form_class=ProjectForm,
        save=_save_project(request, None),
        success_url=lambda p: reverse("project-detail", args=[p.pk]),
        title=_("New project"),
        cancel_url=reverse("project-list"),
    )


@requires(CHANGE)
def project_edit(request, pk: int):
    project = get_object_or_404(Project, pk=pk)
    return form_page(
        request,
        form_class=ProjectForm,
        instance=project,
        save=_save_project(request, project),
        success_url=lambda p: reverse("project-detail", args=[p.pk]),
        title=_("Edit project"),
        cancel_url=reverse("project-detail", args=[pk]),
    )


@requires(CHANGE)
def project_delete(request, pk: int):
    project = get_object_or_404(Project, pk=pk)
    return confirm_page(
        request,
        obj=project,
        action=lambda: services.project_delete(actor=request.user, project=project),
        title=_("Delete project"),
        question=_("Delete the project %(title)s for good? Its events are kept.")
        % {"title": project.title},
        cancel_url=reverse("project-detail", args=[pk]),
        success_url=reverse("project-list"),
        success_message=_("The project has been deleted."),
        button=_("Delete"),
    )


# ---------------------------------------------------------------- working groups

WORKING_GROUPS = ListSpec(
    name="working-groups",
    title=gettext_lazy("Working groups"),
    permission=VIEW,
    queryset=working_group_list,
    filterset=WorkingGroupFilter,
    default_order="name",
    detail_url=lambda g: reverse("working-group-detail", args=[g.pk]),
    create_url="working-group-create",
    create_permission=CHANGE,
    columns=[
        Column("name", gettext_lazy("Name"), lambda g: g.name, "name", link=True),
        Column("topic", gettext_lazy("Topic"), lambda g: g.get_topic_display(), "topic"),
        Column("chair", gettext_lazy("Chaired by"), lambda g: g.chair, "chair"),
        Column("members", gettext_lazy("Members"), lambda g: [m.name for m in g.members.all()]),
        Column(
            "member_count",
            gettext_lazy("Number of members"),
            lambda g: g.member_count,
            "member_count",
        ),
        Column("active", gettext_lazy("Active"), lambda g: g.is_active, "is_active"),
    ],
    extra_links=[(gettext_lazy("Projects"), reverse_lazy("project-list"), VIEW)],
)


@requires(VIEW)
def working_group_list_view(request):
    return list_view(request, WORKING_GROUPS)


@requires(VIEW)
def working_group_detail_view(request, pk: int):
    group = _or_404(working_group_detail, pk)
    return render(
        request,
        "core/work/working_group_detail.html",
        {"group": group, "can_change": access_for(request).can(CHANGE)},
    )


def _save_working_group(request, group: WorkingGroup | None):
    def save(form):
        data, many = split_many(form)
        if group is None:
            return services.working_group_create(
                actor=request.user, data=data, members=many["members"]
            )
        return services.working_group_update(
            actor=request.user, group=group, data=data, members=many["members"]
        )

    return save


@requires(CHANGE)
def working_group_create(request):
    return form_page(
        request,
        form_class=WorkingGroupForm,
        save=_save_working_group(request, None),
        success_url=lambda g: reverse("working-group-detail", args=[g.pk]),
        title=_("New working group"),
        cancel_url=reverse("working-group-list"),
    )


@requires(CHANGE)
def working_group_edit(request, pk: int):
    group = get_object_or_404(WorkingGroup, pk=pk)
    return form_page(
        request,
        form_class=WorkingGroupForm,
        instance=group,
        save=_save_working_group(request, group),
        success_url=lambda g: reverse("working-group-detail", args=[g.pk]),
        title=_("Edit working group"),
        cancel_url=reverse("working-group-detail", args=[pk]),
    )


@requires(CHANGE)
def working_group_delete(request, pk: int):
    group = get_object_or_404(WorkingGroup, pk=pk)
    return confirm_page(
        request,
        obj=group,
        action=lambda: services.working_group_delete(actor=request.user, group=group),
        title=_("Delete working group"),
        question=_(
            "Delete the working group %(name)s for good? Marking it as inactive keeps its history."
        )
        % {"name": group.name},
        cancel_url=reverse("working-group-detail", args=[pk]),
        success_url=reverse("working-group-list"),
        success_message=_("The working group has been deleted."),
        button=_("Delete"),
    )


# ---------------------------------------------------------------- events

EVENTS = ListSpec(
    template="core/work/event_list.html",
    extra_context={"summary": event_summary_by_year},
    name="events",
    title=gettext_lazy("Events"),
    permission=VIEW,
    queryset=event_list,
    filterset=EventFilter,
    default_order="-date",
    detail_url=lambda e: reverse("event-detail", args=[e.pk]),
    create_url="event-create",
    create_permission=CHANGE,
    columns=[
        Column("title", gettext_lazy("Title"), lambda e: e.title, "title", link=True),
        Column("kind", gettext_lazy("Kind"), lambda e: e.get_kind_display(), "kind"),
        Column("date", gettext_lazy("Date"), lambda e: e.date, "date"),
        Column(
            "time",
            gettext_lazy("Begins at"),
            lambda e: e.start_time.strftime("%H:%M") if e.start_time else None,
            "start_time",
        ),
        Column("place", gettext_lazy("Place"), lambda e: e.place, "place"),
        Column(
            "participants",
            gettext_lazy("Participants"),
            lambda e: e.participant_count,
            "participant_count",
        ),
        Column(
            "project",
            gettext_lazy("Project"),
            lambda e: e.project.title if e.project else None,
            "project__title",
        ),
        Column("public", gettext_lazy("On the public page"), lambda e: e.is_public, "is_public"),
    ],
    extra_links=[(gettext_lazy("Projects"), reverse_lazy("project-list"), VIEW)],
)


@requires(VIEW)
def event_list_view(request):
    return list_view(request, EVENTS)


@requires(VIEW)
def event_detail_view(request, pk: int):
    event = _or_404(event_detail, pk)
    return render(
        request,
        "core/work/event_detail.html",
        {"event": event, "can_change": access_for(request).can(CHANGE)},
    )


@requires(CHANGE)
def event_create(request):
    initial = {}
    project_id = request.GET.get("project", "")
    if project_id.isdigit():
        initial["project"] = int(project_id)
    return form_page(
        request,
        form_class=EventForm,
        form_kwargs={"initial": initial},
        save=lambda form: services.event_create(actor=request.user, data=form.cleaned_data),
        success_url=lambda e: reverse("event-detail", args=[e.pk]),
        title=_("New event"),
        cancel_url=reverse("event-list"),
    )


@requires(CHANGE)
def event_edit(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    return form_page(
        request,
        form_class=EventForm,
        instance=event,
        save=lambda form: services.event_update(
            actor=request.user, event=event, data=form.cleaned_data
        ),
        success_url=lambda e: reverse("event-detail", args=[e.pk]),
        title=_("Edit event"),
        cancel_url=reverse("event-detail", args=[pk]),
    )


@requires(CHANGE)
def event_delete(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    return confirm_page(
        request,
        obj=event,
        action=lambda: services.event_delete(actor=request.user, event=event),
        title=_("Delete event"),
        question=_("Delete the event %(title)s for good?") % {"title": str(event)},
        cancel_url=reverse("event-detail", args=[pk]),
        success_url=reverse("event-list"),
        success_message=_("The event has been deleted."),
        button=_("Delete"),
    )
