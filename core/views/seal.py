"""The family seal: criteria catalogue, applications, checklist, award and rejection."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filters.seal import SealApplicationFilter, SealCriterionFilter
from core.forms.seal import (
    SealApplicationForm,
    SealAwardForm,
    SealChecklistForm,
    SealCriterionForm,
    SealRejectForm,
    SealReviewForm,
)
from core.models import SealApplication, SealCriterion, SealStatus
from core.selectors.seal import criterion_list, seal_application_detail, seal_application_list
from core.services import seal as services
from kernel.crud.tables import Column, ListSpec, list_view
from kernel.crud.views import confirm_page, form_page
from tenants.permissions import access_for, requires

SEALS = ListSpec(
    name="seals",
    title=gettext_lazy("Family seal applications"),
    permission="alliance.work.view",
    queryset=seal_application_list,
    filterset=SealApplicationFilter,
    default_order="-submitted_on",
    detail_url=lambda a: reverse("seal-detail", args=[a.pk]),
    create_url="seal-create",
    create_permission="alliance.work.change",
    columns=[
        Column("partner", gettext_lazy("Partner"), lambda a: a.partner.name, "partner__name"),
        Column("submitted", gettext_lazy("Submitted on"), lambda a: a.submitted_on, "submitted_on"),
        Column("status", gettext_lazy("Status"), lambda a: a.get_status_display(), "status"),
        Column(
            "criteria",
            gettext_lazy("Criteria fulfilled"),
            lambda a: f"{a.fulfilled_count}/{a.check_count}",
            "fulfilled_count",
        ),
        Column("reviewer", gettext_lazy("Reviewed by"), lambda a: a.reviewer, "reviewer"),
        Column("awarded", gettext_lazy("Awarded on"), lambda a: a.awarded_on, "awarded_on"),
        Column("valid", gettext_lazy("Valid until"), lambda a: a.valid_until, "valid_until"),
        Column(
            "reminder",
            gettext_lazy("Expiry reminder sent on"),
            lambda a: a.reminder_sent_on,
            "reminder_sent_on",
        ),
    ],
    extra_links=[
        (
            gettext_lazy("Criteria catalogue"),
            reverse_lazy("seal-criterion-list"),
            "alliance.work.change",
        )
    ],
)


@requires("alliance.work.view")
def seal_list_view(request):
    return list_view(request, SEALS)


def _application_or_404(pk: int) -> SealApplication:
    try:
        return seal_application_detail(pk)
    except SealApplication.DoesNotExist as exc:
        raise Http404 from exc


def _is_open(application: SealApplication) -> bool:
    return application.status in (SealStatus.SUBMITTED, SealStatus.IN_REVIEW)


@requires("alliance.work.view")
def seal_detail_view(request, pk: int):
    application = _application_or_404(pk)
    checks = list(application.checks.all())
    return render(
        request,
        "core/seal/detail.html",
        {
            "application": application,
            "checks": checks,
            "missing_required": [c for c in checks if c.criterion.is_required and not c.fulfilled],
            "is_open": _is_open(application),
            "can_change": access_for(request).can("alliance.work.change"),
        },
    )


@requires("alliance.work.change")
def seal_create(request):
    return form_page(
        request,
        form_class=SealApplicationForm,
        save=lambda form: services.seal_application_create(
            actor=request.user, data=form.cleaned_data
        ),
        success_url=lambda a: reverse("seal-detail", args=[a.pk]),
        title=_("New seal application"),
        cancel_url=reverse("seal-list"),
        success_message=_("The application has been recorded with its checklist."),
    )


@requires("alliance.work.change")
def seal_edit(request, pk: int):
    application = get_object_or_404(SealApplication, pk=pk)
    # Once decided, only the reviewer and the review notes can still be changed.
    form_class = SealApplicationForm if _is_open(application) else SealReviewForm
    return form_page(
        request,
        form_class=form_class,
        instance=application,
        save=lambda form: services.seal_application_update(
            actor=request.user, application=application, data=form.cleaned_data
        ),
        success_url=lambda a: reverse("seal-detail", args=[a.pk]),
        title=_("Edit seal application"),
        cancel_url=reverse("seal-detail", args=[pk]),
    )


@requires("alliance.work.change")
def seal_checklist(request, pk: int):
    application = _application_or_404(pk)
    detail_url = reverse("seal-detail", args=[pk])
    if not _is_open(application):
        return render(
            request,
            "core/seal/closed.html",
            {
                "application": application,
                "message": _(
                    "This application has already been decided and can no longer be changed."
                ),
                "back_url": detail_url,
            },
            status=400 if request.method == "POST" else 200,
        )
    return form_page(
        request,
        form_class=SealChecklistForm,
        form_kwargs={"checks": application.checks.all()},
        save=lambda form: services.seal_checklist_update(
            actor=request.user, application=application, results=form.results()
        ),
        success_url=lambda a: detail_url,
        title=_("Checklist: %(partner)s") % {"partner": application.partner.name},
        cancel_url=detail_url,
        template="core/seal/checklist.html",
        context={"application": application},
    )


@requires("alliance.work.change")
def seal_award(request, pk: int):
    application = _application_or_404(pk)
    detail_url = reverse("seal-detail", args=[pk])
    return form_page(
        request,
        form_class=SealAwardForm,
        save=lambda form: services.seal_award(
            actor=request.user,
            application=application,
            awarded_on=form.cleaned_data["awarded_on"],
            valid_until=form.cleaned_data["valid_until"],
        ),
        success_url=lambda a: detail_url,
        title=_("Award the family seal to %(partner)s") % {"partner": application.partner.name},
        cancel_url=detail_url,
        success_message=_("The family seal has been awarded."),
    )


@requires("alliance.work.change")
def seal_reject(request, pk: int):
    application = _application_or_404(pk)
    detail_url = reverse("seal-detail", args=[pk])
    return form_page(
        request,
        form_class=SealRejectForm,
        save=lambda form: services.seal_reject(
            actor=request.user, application=application, reason=form.cleaned_data["reason"]
        ),
        success_url=lambda a: detail_url,
        title=_("Do not award the family seal to %(partner)s")
        % {"partner": application.partner.name},
        cancel_url=detail_url,
        success_message=_("The application has been marked as not awarded."),
    )


# ---------------------------------------------------------------- criteria catalogue


@requires("alliance.work.change")
def criterion_list_view(request):
    return list_view(request, CRITERIA)


CRITERIA = ListSpec(
    name="seal-criteria",
    title=gettext_lazy("Criteria catalogue"),
    permission="alliance.work.change",
    queryset=criterion_list,
    filterset=SealCriterionFilter,
    default_order="position",
    detail_url=lambda c: reverse("seal-criterion-edit", args=[c.pk]),
    create_url="seal-criterion-create",
    create_permission="alliance.work.change",
    columns=[
        Column("text", gettext_lazy("Criterion"), lambda c: c.text, "text", link=True),
        Column("position", gettext_lazy("Position"), lambda c: c.position, "position"),
        Column("required", gettext_lazy("Required"), lambda c: c.is_required, "is_required"),
        Column("active", gettext_lazy("In use"), lambda c: c.is_active, "is_active"),
        Column(
            "checks",
            gettext_lazy("Checked in applications"),
            lambda c: c.check_count,
            "check_count",
        ),
    ],
    extra_links=[
        (gettext_lazy("Family seal applications"), reverse_lazy("seal-list"), "alliance.work.view")
    ],
)


@requires("alliance.work.change")
def criterion_create(request):
    return form_page(
        request,
        form_class=SealCriterionForm,
        save=lambda form: services.criterion_create(actor=request.user, data=form.cleaned_data),
        success_url=lambda c: reverse("seal-criterion-list"),
        title=_("New seal criterion"),
        cancel_url=reverse("seal-criterion-list"),
    )


@requires("alliance.work.change")
def criterion_edit(request, pk: int):
    criterion = get_object_or_404(SealCriterion, pk=pk)
    return form_page(
        request,
        form_class=SealCriterionForm,
        instance=criterion,
        save=lambda form: services.criterion_update(
            actor=request.user, criterion=criterion, data=form.cleaned_data
        ),
        success_url=lambda c: reverse("seal-criterion-list"),
        title=_("Edit seal criterion"),
        cancel_url=reverse("seal-criterion-list"),
    )


@requires("alliance.work.change")
def criterion_delete(request, pk: int):
    criterion = get_object_or_404(SealCriterion, pk=pk)
    return confirm_page(
        request,
        obj=criterion,
        action=lambda: services.criterion_delete(actor=request.user, criterion=criterion),
        title=_("Delete seal criterion"),
        question=_("Delete the criterion “%(text)s”?") % {"text": criterion.text},
        cancel_url=reverse("seal-criterion-list"),
        success_url=reverse("seal-criterion-list"),
        success_message=_("The criterion has been deleted."),
        button=_("Delete"),
    )
