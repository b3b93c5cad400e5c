"""The family seal: criteria catalogue, applications, checklist, award and rejection."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

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
from kernel.crud.tables import Column, ListSpec, Table
from kernel.crud.views import (
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
    form_page,
)
from tenants.permissions import requires

VIEW = "alliance.work.view"
CHANGE = "alliance.work.change"

SEALS = ListSpec(
    name="seals",
    title=_("Family seal applications"),
    permission="alliance.work.view",
    queryset=seal_application_list,
    filterset=SealApplicationFilter,
    default_order="-submitted_on",
    detail_url=lambda a: reverse("seal-detail", args=[a.pk]),
    create_url="seal-create",
    create_permission="alliance.work.change",
    columns=Table(
        Column("partner", _("Partner"), "partner.name", order_by=True),
        Column("submitted", _("Submitted on"), "submitted_on", order_by=True),
        Column("status", _("Status"), order_by=True),
        Column(
            "criteria",
            _("Criteria fulfilled"),
            lambda a: f"{a.fulfilled_count}/{a.check_count}",
            "fulfilled_count",
        ),
        Column("reviewer", _("Reviewed by"), order_by=True),
        Column("awarded", _("Awarded on"), "awarded_on", order_by=True),
        Column("valid", _("Valid until"), "valid_until", order_by=True),
        Column("reminder", _("Expiry reminder sent on"), "reminder_sent_on", order_by=True),
    ).columns,
    extra_links=[
        (
            _("Criteria catalogue"),
            reverse_lazy("seal-criterion-list"),
            "alliance.work.change",
        )
    ],
)


def _is_open(application: SealApplication) -> bool:
    return application.status in (SealStatus.SUBMITTED, SealStatus.IN_REVIEW)


class SealListView(ObjectListView):
    required_permission, spec = VIEW, SEALS


class _Application:
    model, selector = SealApplication, seal_application_detail
    list_url, detail_url, instance_arg = "seal-list", "seal-detail", "application"


class SealDetailView(_Application, ObjectDetailView):
    required_permission, change_permission = VIEW, CHANGE
    template_name = "core/seal/detail.html"
    context_object_name = "application"

    def get_context_data(self, obj):
        checks = list(obj.checks.all())
        return {
            **super().get_context_data(obj),
            "checks": checks,
            "missing_required": [c for c in checks if c.criterion.is_required and not c.fulfilled],
            "is_open": _is_open(obj),
        }


class SealEditView(_Application, ObjectEditView):
    required_permission, selector = CHANGE, None
    create_service = services.seal_application_create
    update_service = services.seal_application_update
    create_title, edit_title = _("New seal application"), _("Edit seal application")

    def get_form_class(self):
        obj = getattr(self, "object", None)
        # Once decided, only the reviewer and the review notes can still be changed.
        if obj is None or _is_open(obj):
            return SealApplicationForm
        return SealReviewForm

    def get_object(self):
        self.object = super().get_object()
        return self.object

    def get(self, request, *args, **kwargs):
        # Only a new application is announced with its checklist.
        if "pk" not in kwargs:
            self.saved_message = _("The application has been recorded with its checklist.")
        return super().get(request, *args, **kwargs)

    post = get


class _Decision(_Application, ObjectEditView):
    """A decision on an application: a plain form, then the service, then the record."""

    required_permission, model_form = CHANGE, False
    partner_title = ""

    def get_title(self, obj):
        return str(self.partner_title) % {"partner": obj.partner.name}


class SealAwardView(_Decision):
    form_class, update_service = SealAwardForm, services.seal_award
    partner_title = _("Award the family seal to %(partner)s")
    saved_message = _("The family seal has been awarded.")


class SealRejectView(_Decision):
    form_class, update_service = SealRejectForm, services.seal_reject
    partner_title = _("Do not award the family seal to %(partner)s")
    saved_message = _("The application has been marked as not awarded.")


@requires("alliance.work.change")
def seal_checklist(request, pk: int):
    try:
        application = seal_application_detail(pk)
    except SealApplication.DoesNotExist as exc:
        raise Http404 from exc
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


# ---------------------------------------------------------------- criteria catalogue


CRITERIA = ListSpec(
    name="seal-criteria",
    title=_("Criteria catalogue"),
    permission="alliance.work.change",
    queryset=criterion_list,
    filterset=SealCriterionFilter,
    default_order="position",
    detail_url=lambda c: reverse("seal-criterion-edit", args=[c.pk]),
    create_url="seal-criterion-create",
    create_permission="alliance.work.change",
    columns=Table(
        Column("text", _("Criterion"), order_by=True, link=True),
        Column("position", _("Position"), order_by=True),
        Column("required", _("Required"), "is_required", order_by=True),
        Column("active", _("In use"), "is_active", order_by=True),
        Column("checks", _("Checked in applications"), "check_count", order_by=True),
    ).columns,
    extra_links=[(_("Family seal applications"), reverse_lazy("seal-list"), "alliance.work.view")],
)


class CriterionListView(ObjectListView):
    required_permission, spec = CHANGE, CRITERIA


class _Criterion:
    required_permission, model, instance_arg = CHANGE, SealCriterion, "criterion"
    list_url = "seal-criterion-list"

    def success_url(self, obj):
        return reverse(self.list_url)

    def cancel_url(self, obj):
        return reverse(self.list_url)


class CriterionEditView(_Criterion, ObjectEditView):
    form_class = SealCriterionForm
    create_service, update_service = services.criterion_create, services.criterion_update
    create_title, edit_title = _("New seal criterion"), _("Edit seal criterion")


class CriterionDeleteView(_Criterion, ObjectDeleteView):
    service = services.criterion_delete
    title = _("Delete seal criterion")
    question = _("Delete the criterion “%(text)s”?")
    success_message = _("The criterion has been deleted.")
