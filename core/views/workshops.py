"""The alliance's workshops (``kernel.workshops``): declarations over kernel.crud, the
shared workshop pages, and the working groups' tasks."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.documents import alliance_letterhead
from core.filters.workshops import TaskFilter, WorkshopFilter
from core.forms.workshops import (
    RegistrationForm,
    TaskForm,
    TaskFromResultForm,
    TopicForm,
    WorkshopForm,
)
from core.models import WorkingGroupTask, WorkshopTopic
from core.selectors.workshops import public_workshop, task_detail, task_list, workshop_detail
from core.selectors.workshops import workshop_list as workshops
from core.services import workshops as services
from core.views.work import VIEW as WORK_VIEW
from core.views.work import WorkPages
from kernel.crud.facts import Fact, dash, link, short_date
from kernel.crud.tables import Column
from kernel.crud.views import form_page
from kernel.workshops import pages as workshop_pages
from kernel.workshops.views import WorkshopViews
from tenants.permissions import public, requires

VIEW = "alliance.workshops.view"
MANAGE = "alliance.workshops.manage"


def _public(pk: int):
    return public_workshop(pk), {}, {}


PAGES = WorkshopViews(
    writes=services.WRITES,
    workshop_selector=workshop_detail,
    organiser=lambda request: request.tenant.name,
    public_workshop=_public,
    letterhead=lambda request: alliance_letterhead(),
)


# The public registration form (on the alliance's host) and the cancel link's page.
register, cancel = PAGES.public_views(public)


# ---------------------------------------------------------------- workshops


class _Room(workshop_pages.RoomPages):
    room, view_permission, change_permission = PAGES, VIEW, MANAGE


class WorkshopPages(workshop_pages.WorkshopPages, _Room):
    title, queryset, filterset = gettext_lazy("Workshops"), workshops, WorkshopFilter
    default_order = "-event__date"
    table = [
        Column("title", gettext_lazy("Event"), "event.title", order_by=True, link=True),
        Column("date", gettext_lazy("Date"), "event.date", order_by=True),
        Column("format", gettext_lazy("Format"), order_by=True),
        Column("capacity", gettext_lazy("Places"), order_by=True),
        Column("confirmed", gettext_lazy("Confirmed"), "confirmed_count", order_by=True),
        Column("waiting", gettext_lazy("Waiting list"), "waiting_count", order_by=True),
        Column("topics", gettext_lazy("Topics"), "topic_count", order_by=True),
        Column("open", gettext_lazy("Registration open"), "registration_open", order_by=True),
    ]
    extra_links = [(gettext_lazy("Working group tasks"), reverse_lazy("task-list"), WORK_VIEW)]
    template_name, form_class = "core/workshops/workshop_detail.html", WorkshopForm

    class Detail(workshop_pages.WorkshopPages.Detail):
        def get_context_data(self, obj):
            context = super().get_context_data(obj)
            return {
                **context,
                "topics": context["topics"].prefetch_related("tasks"),
                "register_url": reverse("workshop-register", args=[obj.pk]),
            }


class TopicPages(workshop_pages.TopicPages, _Room):
    form_class = TopicForm


class RegistrationPages(workshop_pages.RegistrationPages, _Room):
    form_class = RegistrationForm


@requires(MANAGE)
def task_from_result(request, pk: int, topic_pk: int):
    """A working group's task from the topic's result."""
    topic = get_object_or_404(
        WorkshopTopic.objects.select_related("workshop"), pk=topic_pk, workshop=pk
    )
    return form_page(
        request,
        form_class=TaskFromResultForm,
        form_kwargs={"initial": {"title": topic.title, "responsible": topic.host}},
        save=lambda form: services.task_from_result(
            actor=request.user, topic=topic, **form.cleaned_data
        ),
        success_url=lambda task: PAGES.detail_url(topic.workshop),
        title=_("Task from the result of %(title)s") % {"title": topic.title},
        cancel_url=PAGES.detail_url(topic.workshop),
        success_message=_("The task has been created."),
        context={"intro": topic.result},
    )


# ---------------------------------------------------------------- working group tasks


class TaskPages(WorkPages):
    model, prefix, name, instance_arg = WorkingGroupTask, "tasks", "task", "task"
    title, queryset, filterset = gettext_lazy("Working group tasks"), task_list, TaskFilter
    default_order = "due"
    table = [
        Column("title", gettext_lazy("Title"), order_by=True, link=True),
        Column("group", gettext_lazy("Working group"), "working_group.name", order_by=True),
        Column("due", gettext_lazy("Due"), order_by=True),
        Column("responsible", gettext_lazy("Responsible"), order_by=True),
        Column("status", gettext_lazy("Status"), order_by=True),
        Column("origin", gettext_lazy("From workshop topic"), "origin_topic.title"),
        Column("description", gettext_lazy("Description"), export_only=True),
    ]
    extra_links = [(gettext_lazy("Working groups"), reverse_lazy("working-group-list"), WORK_VIEW)]
    selector, template_name = task_detail, "core/workshops/task_detail.html"
    heading = "title"
    facts = [
        Fact(gettext_lazy("Working group"), "working_group", link("working-group-detail")),
        Fact(gettext_lazy("Due"), "due", short_date, dash),
        Fact(gettext_lazy("Responsible"), "responsible", dash),
        Fact(gettext_lazy("Status"), "status"),
        Fact(
            gettext_lazy("From workshop topic"),
            "origin_topic",
            link("workshop-detail", "title", "workshop_id"),
        ),
    ]
    form_class = TaskForm
    create_service, update_service = services.task_create, services.task_update
    create_title, edit_title = gettext_lazy("New task"), gettext_lazy("Edit task")
    delete_service, delete_title = services.task_delete, gettext_lazy("Delete task")
    delete_question = gettext_lazy("Delete the task %(title)s?")
    deleted_message = gettext_lazy("The task has been deleted.")
    initial_from_query = ("working_group",)  # "New task" on a working group's page
