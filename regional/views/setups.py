"""The new-alliance pipeline: board, list, setups with checklists, stage moves and
provisioning the alliance on the platform."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column
from kernel.crud.views import ObjectActionView, ObjectListView, form_page
from regional.filters.setups import SetupBoardFilter, SetupFilter
from regional.forms.setups import AllianceSetupForm, SetupMoveForm, SetupTaskForm
from regional.models import AllianceSetup, ProvisioningStatus, SetupStage, SetupTask
from regional.selectors.setups import setup_board, setup_detail, setup_list
from regional.selectors.starter import attach_checklists, setup_checklist
from regional.services import setups as services
from tenants.links import host_url
from tenants.permissions import requires
from tenants.services.alliances import alliance_host

PERMISSION = "state.setups.manage"


def _mentor(setup: AllianceSetup) -> str:
    return (setup.mentor.full_name or setup.mentor.email) if setup.mentor_id else ""


def _next_url(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


# ---------------------------------------------------------------- board and list


@requires(PERMISSION)
def setup_board_view(request):
    """The pipeline as columns of stages, each setup a card."""
    filterset = SetupBoardFilter(request.GET or None, queryset=setup_list())
    queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else setup_list()
    columns = setup_board(queryset)
    attach_checklists(s for column in columns for s in column.setups)  # onboarding
    return render(
        request,
        "regional/setups/board.html",
        {
            "columns": columns,
            "filterset": filterset,
            "today": timezone.localdate(),
            "stages": SetupStage.choices,
            "board_url": request.get_full_path(),
        },
    )


# ---------------------------------------------------------------- one setup


class SetupPages(ObjectPages):
    """A setup's pages; its list (below) and the stage board lead to them."""

    model, name = AllianceSetup, "setup"
    routes, list_url = ("create", "detail", "edit", "delete"), "setup-board"
    view_permission = change_permission = PERMISSION
    title, queryset, filterset = gettext_lazy("New alliances"), setup_list, SetupFilter
    default_order, export_permission = "place", PERMISSION
    table = [
        Column("place", order_by=True, link=True),
        Column("district", order_by=True),
        Column("stage", order_by=True),
        Column("mentor", gettext_lazy("Mentor"), _mentor, "mentor__full_name"),
        Column("alliance_name", order_by=True),
        Column("slug", gettext_lazy("Short name"), order_by=True),
        Column("coordinator", value="coordinator_name", order_by=True),
        Column("coordinator_email", gettext_lazy("E-mail address"), order_by=True),
        Column("open", gettext_lazy("Open items"), "open_task_count", order_by=True),
        Column("overdue", gettext_lazy("Overdue items"), "overdue_task_count", order_by=True),
        Column("next_due", gettext_lazy("Next due"), "next_due_on", order_by=True),
        Column("provisioning", gettext_lazy("Provisioning"), "provisioning_status", order_by=True),
        Column("created", gettext_lazy("Recorded"), "created_at", order_by=True),
    ]
    extra_links = [(gettext_lazy("Stage board"), reverse_lazy("setup-board"), PERMISSION)]
    selector, template_name = setup_detail, "regional/setups/detail.html"
    form_class, service_module = AllianceSetupForm, services
    create_title = gettext_lazy("New alliance being founded")
    delete_question = gettext_lazy("Delete the setup in %(place)s with its checklist for good?")
    deleted_message = gettext_lazy("The setup has been deleted.")

    class Detail:
        def get_context_data(self, obj):
            alliance_url = None
            if obj.alliance_id and obj.provisioning_status == ProvisioningStatus.DONE:
                alliance_url = host_url(alliance_host(obj.alliance.slug), "/")
            return {
                "setup": obj,
                "tasks": list(obj.tasks.all()),
                "today": timezone.localdate(),
                "busy": obj.provisioning_status in services.BUSY,
                "alliance_url": alliance_url,
                "stages": SetupStage.choices,
                "can_retry": services.can_retry(obj),
                "checklist": setup_checklist(obj),  # onboarding
            }

        def get(self, request, *args, **kwargs):
            context = self.get_context_data(self.get_object())
            response = render(request, self.template_name, context)
            if context["busy"]:
                response["Refresh"] = "2"  # as the page's meta element: follow the progress
            return response

        post = get


class SetupListView(ObjectListView):
    required_permission, spec = PERMISSION, SetupPages.spec


@requires(PERMISSION)
def setup_move(request, pk: int):
    """GET offers the stages; POST moves (to "active": provisioning starts)."""
    setup = get_object_or_404(AllianceSetup, pk=pk)
    detail_url = reverse("setup-detail", args=[pk])
    stage = request.POST.get("stage", "")
    if stage == SetupStage.ACTIVE:
        message = _("The alliance is being set up on the platform; this page shows the progress.")
        success_url = lambda s: detail_url  # noqa: E731 - the progress is shown there
    else:
        message = _("The setup has been moved to “%(stage)s”.") % {
            "stage": SetupStage(stage).label if stage in SetupStage.values else stage
        }
        next_url = _next_url(request, detail_url)
        success_url = lambda s: next_url  # noqa: E731
    return form_page(
        request,
        form_class=SetupMoveForm,
        form_kwargs={"initial": {"stage": setup.stage}},
        save=lambda form: services.setup_move(
            actor=request.user, setup=setup, stage=form.cleaned_data["stage"]
        ),
        success_url=success_url,
        success_message=message,
        title=_("Move %(place)s to another stage") % {"place": setup.place},
        cancel_url=_next_url(request, detail_url),
    )


class SetupRetryView(SetupPages.Record, ObjectActionView):
    required_permission = PERMISSION
    service = services.setup_retry
    title = gettext_lazy("Try the provisioning again")
    question = gettext_lazy("Set up %(name)s on the platform again?")
    success_message = gettext_lazy("The provisioning has been started again.")
    button = gettext_lazy("Try again")

    def question_args(self, obj):
        return {"name": obj.alliance_name or obj.place}


# ---------------------------------------------------------------- checklist


class TaskPages(ObjectPages):
    """A setup's checklist items, on its page (``pk``: the setup, ``task_pk``)."""

    model, prefix, name, instance_arg = SetupTask, "<int:pk>/checklist", "setup-task", "task"
    routes, pk_kwarg, stem = ("create", "edit", "delete"), "task_pk", "Task"
    parent_arg, parent_url, change_permission = "setup", "setup-detail", PERMISSION
    form_class, service_module = SetupTaskForm, services
    create_title = gettext_lazy("New checklist item for %(place)s")
    delete_title = gettext_lazy("Remove checklist item")
    delete_question = gettext_lazy("Remove “%(title)s” from the checklist?")
    deleted_message = gettext_lazy("The checklist item has been removed.")
    delete_button = gettext_lazy("Remove")


def _task_or_404(pk: int, task_pk: int) -> SetupTask:
    return get_object_or_404(SetupTask.objects.select_related("setup"), pk=task_pk, setup_id=pk)


@requires(PERMISSION)
@require_POST
def task_tick(request, pk: int, task_pk: int):
    """Tick a checklist item off (done today) or open it again (``done=0``)."""
    task = _task_or_404(pk, task_pk)
    done = request.POST.get("done", "1") != "0"
    services.task_tick(actor=request.user, task=task, done=done)
    messages.success(request, _("Marked as done.") if done else _("Marked as open again."))
    return redirect(_next_url(request, reverse("setup-detail", args=[pk])))
