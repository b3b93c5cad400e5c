"""The new-alliance pipeline: board, list, setups with checklists, stage moves and
provisioning the alliance on the platform."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kernel.crud.tables import Column, ListSpec, list_view
from kernel.crud.views import confirm_page, form_page
from regional.filters.setups import SetupBoardFilter, SetupFilter
from regional.forms.setups import AllianceSetupForm, SetupMoveForm, SetupTaskForm
from regional.models import AllianceSetup, ProvisioningStatus, SetupStage, SetupTask
from regional.selectors.setups import setup_board, setup_detail, setup_list
from regional.services import setups as services
from tenants.links import host_url
from tenants.permissions import requires
from tenants.services.alliances import alliance_host

PERMISSION = "state.setups.manage"


def _mentor(setup: AllianceSetup) -> str:
    return (setup.mentor.full_name or setup.mentor.email) if setup.mentor_id else ""


SETUPS = ListSpec(
    name="setups",
    title=gettext_lazy("New alliances"),
    permission=PERMISSION,
    export_permission=PERMISSION,
    queryset=setup_list,
    filterset=SetupFilter,
    default_order="place",
    detail_url=lambda s: reverse("setup-detail", args=[s.pk]),
    create_url="setup-create",
    create_permission=PERMISSION,
    columns=[
        Column("place", gettext_lazy("Place"), lambda s: s.place, "place", link=True),
        Column(
            "district", gettext_lazy("District"), lambda s: s.get_district_display(), "district"
        ),
        Column("stage", gettext_lazy("Stage"), lambda s: s.get_stage_display(), "stage"),
        Column("mentor", gettext_lazy("Mentor"), _mentor, "mentor__full_name"),
        Column(
            "alliance_name",
            gettext_lazy("Name of the alliance"),
            lambda s: s.alliance_name,
            "alliance_name",
        ),
        Column("slug", gettext_lazy("Short name"), lambda s: s.slug, "slug"),
        Column(
            "coordinator",
            gettext_lazy("First coordinator"),
            lambda s: s.coordinator_name,
            "coordinator_name",
        ),
        Column(
            "coordinator_email",
            gettext_lazy("E-mail address"),
            lambda s: s.coordinator_email,
            "coordinator_email",
        ),
        Column("open", gettext_lazy("Open items"), lambda s: s.open_task_count, "open_task_count"),
        Column(
            "overdue",
            gettext_lazy("Overdue items"),
            lambda s: s.overdue_task_count,
            "overdue_task_count",
        ),
        Column("next_due", gettext_lazy("Next due"), lambda s: s.next_due_on, "next_due_on"),
        Column(
            "provisioning",
            gettext_lazy("Provisioning"),
            lambda s: s.get_provisioning_status_display(),
            "provisioning_status",
        ),
        Column("created", gettext_lazy("Recorded"), lambda s: s.created_at, "created_at"),
    ],
    extra_links=[(gettext_lazy("Stage board"), reverse_lazy("setup-board"), PERMISSION)],
)


def _next_url(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _setup_or_404(pk: int) -> AllianceSetup:
    try:
        return setup_detail(pk)
    except AllianceSetup.DoesNotExist as exc:
        raise Http404 from exc


# ---------------------------------------------------------------- board and list


@requires(PERMISSION)
def setup_board_view(request):
    """The pipeline as columns of stages, each setup a card."""
    filterset = SetupBoardFilter(request.GET or None, queryset=setup_list())
    queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else setup_list()
    return render(
        request,
        "regional/setups/board.html",
        {
            "columns": setup_board(queryset),
            "filterset": filterset,
            "today": timezone.localdate(),
            "stages": SetupStage.choices,
            "board_url": request.get_full_path(),
        },
    )


@requires(PERMISSION)
def setup_list_view(request):
    return list_view(request, SETUPS)


# ---------------------------------------------------------------- one setup


@requires(PERMISSION)
def setup_detail_view(request, pk: int):
    setup = _setup_or_404(pk)
    busy = setup.provisioning_status in services.BUSY
    alliance_url = None
    if setup.alliance_id and setup.provisioning_status == ProvisioningStatus.DONE:
        alliance_url = host_url(alliance_host(setup.alliance.slug), "/")
    response = render(
        request,
        "regional/setups/detail.html",
        {
            "setup": setup,
            "tasks": list(setup.tasks.all()),
            "today": timezone.localdate(),
            "busy": busy,
            "alliance_url": alliance_url,
            "stages": SetupStage.choices,
            "can_retry": services.can_retry(setup),
        },
    )
    if busy:
        response["Refresh"] = "2"  # as the page's meta element: follow the progress
    return response


@requires(PERMISSION)
def setup_create(request):
    return form_page(
        request,
        form_class=AllianceSetupForm,
        save=lambda form: services.setup_create(actor=request.user, data=form.cleaned_data),
        success_url=lambda s: reverse("setup-detail", args=[s.pk]),
        title=_("New alliance being founded"),
        cancel_url=reverse("setup-board"),
    )


@requires(PERMISSION)
def setup_edit(request, pk: int):
    setup = get_object_or_404(AllianceSetup, pk=pk)
    return form_page(
        request,
        form_class=AllianceSetupForm,
        instance=setup,
        save=lambda form: services.setup_update(
            actor=request.user, setup=setup, data=form.cleaned_data
        ),
        success_url=lambda s: reverse("setup-detail", args=[s.pk]),
        title=_("Edit new alliance"),
        cancel_url=reverse("setup-detail", args=[pk]),
    )


@requires(PERMISSION)
def setup_delete(request, pk: int):
    setup = get_object_or_404(AllianceSetup, pk=pk)
    return confirm_page(
        request,
        obj=setup,
        action=lambda: services.setup_delete(actor=request.user, setup=setup),
        title=_("Delete new alliance"),
        question=_("Delete the setup in %(place)s with its checklist for good?")
        % {"place": setup.place},
        cancel_url=reverse("setup-detail", args=[pk]),
        success_url=reverse("setup-board"),
        success_message=_("The setup has been deleted."),
        button=_("Delete"),
    )


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


@requires(PERMISSION)
def setup_retry(request, pk: int):
    setup = get_object_or_404(AllianceSetup, pk=pk)
    detail_url = reverse("setup-detail", args=[pk])
    return confirm_page(
        request,
        obj=setup,
        action=lambda: services.setup_retry(actor=request.user, setup=setup),
        title=_("Try the provisioning again"),
        question=_("Set up %(name)s on the platform again?")
        % {"name": setup.alliance_name or setup.place},
        cancel_url=detail_url,
        success_url=detail_url,
        success_message=_("The provisioning has been started again."),
        button=_("Try again"),
    )


# ---------------------------------------------------------------- checklist


def _task_or_404(pk: int, task_pk: int) -> SetupTask:
    return get_object_or_404(SetupTask.objects.select_related("setup"), pk=task_pk, setup_id=pk)


@requires(PERMISSION)
def task_create(request, pk: int):
    setup = get_object_or_404(AllianceSetup, pk=pk)
    detail_url = reverse("setup-detail", args=[pk])
    return form_page(
        request,
        form_class=SetupTaskForm,
        save=lambda form: services.task_create(
            actor=request.user, setup=setup, data=form.cleaned_data
        ),
        success_url=lambda t: detail_url,
        title=_("New checklist item for %(place)s") % {"place": setup.place},
        cancel_url=detail_url,
    )


@requires(PERMISSION)
def task_edit(request, pk: int, task_pk: int):
    task = _task_or_404(pk, task_pk)
    detail_url = reverse("setup-detail", args=[pk])
    return form_page(
        request,
        form_class=SetupTaskForm,
        instance=task,
        save=lambda form: services.task_update(
            actor=request.user, task=task, data=form.cleaned_data
        ),
        success_url=lambda t: detail_url,
        title=_("Edit checklist item"),
        cancel_url=detail_url,
    )


@requires(PERMISSION)
def task_delete(request, pk: int, task_pk: int):
    task = _task_or_404(pk, task_pk)
    detail_url = reverse("setup-detail", args=[pk])
    return confirm_page(
        request,
        obj=task,
        action=lambda: services.task_delete(actor=request.user, task=task),
        title=_("Remove checklist item"),
        question=_("Remove “%(title)s” from the checklist?") % {"title": task.title},
        cancel_url=detail_url,
        success_url=detail_url,
        success_message=_("The checklist item has been removed."),
        button=_("Remove"),
    )


@requires(PERMISSION)
@require_POST
def task_tick(request, pk: int, task_pk: int):
    """Tick a checklist item off (done today) or open it again (``done=0``)."""
    task = _task_or_404(pk, task_pk)
    done = request.POST.get("done", "1") != "0"
    services.task_tick(actor=request.user, task=task, done=done)
    messages.success(request, _("Marked as done.") if done else _("Marked as open again."))
    return redirect(_next_url(request, reverse("setup-detail", args=[pk])))
