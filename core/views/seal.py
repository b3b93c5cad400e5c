"""The family seal and every certification programme: applications, review checklist,
jury decision (award or not), criteria catalogue.

The jury (the board or a jury with partners such as the business development agency)
decides outside the platform; the coordinator records its decision (``CHANGE``), as the
seal's award was recorded before programmes. Programmes, groups, the self-assessment and
renewals are in ``core/views/certification.py``.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
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
from core.views.work import CHANGE, VIEW, WorkPages
from kernel.crud.pages import ObjectPages, detail_link
from kernel.crud.tables import Column
from kernel.crud.views import ObjectEditView, form_page
from tenants.permissions import access_for, requires

SELF_ASSESS = "alliance.certification.self_assess"


def _is_open(application: SealApplication) -> bool:
    return application.status in (SealStatus.SUBMITTED, SealStatus.IN_REVIEW)


class SealPages(WorkPages):
    model, prefix, name, instance_arg = SealApplication, "", "seal", "application"
    routes = ("list", "create", "detail", "edit")
    title, queryset = _("Certification applications"), seal_application_list
    filterset, default_order = SealApplicationFilter, "-submitted_on"
    table = [
        Column("partner", value="partner.name", order_by=True),
        Column("submitted", value="submitted_on", order_by=True),
        # As it reads today: an awarded certificate past its validity is expired.
        Column("status", _("Status"), lambda a: a.get_state_display(), "status"),
        Column(
            "criteria",
            _("Criteria fulfilled"),
            lambda a: f"{a.fulfilled_count}/{a.check_count}",
            "fulfilled_count",
        ),
        Column("reviewer", order_by=True),
        Column("awarded", value="awarded_on", order_by=True),
        Column("valid", value="valid_until", order_by=True),
        Column("reminder", value="reminder_sent_on", order_by=True),
        Column("programme", value="programme.name", order_by=True),
    ]
    extra_links = [
        (_("Criteria catalogue"), reverse_lazy("seal-criterion-list"), CHANGE),
        (_("Certification programmes"), reverse_lazy("certification-programme-list"), VIEW),
    ]
    selector, template_name = seal_application_detail, "core/seal/detail.html"
    service_module, service_name = services, "seal_application"
    create_title = _("New seal application")

    class Detail:
        def get_context_data(self, obj):
            checks = list(obj.checks.all())
            missing = [c for c in checks if c.criterion.is_required and not c.fulfilled]
            access = access_for(self.request)
            return {
                **super().get_context_data(obj),
                "checks": checks,
                "missing_required": missing,
                "is_open": _is_open(obj),
                "review_percent": obj.score_percent(),
                "self_percent": obj.self_percent(),
                "renewal": SealApplication.objects.filter(renewal_of=obj).first(),
                "can_renew": obj.status == SealStatus.AWARDED,
                "can_self_assess": access.can(SELF_ASSESS, obj),
            }

    class Edit:
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


class _Decision(SealPages.Record, ObjectEditView):
    """A decision on an application: a plain form, then the service, then the record."""

    required_permission, model_form = CHANGE, False
    selector = seal_application_detail
    partner_title = ""

    def get_title(self, obj):
        return str(self.partner_title) % {"partner": obj.partner.name}


class SealAwardView(_Decision):
    form_class, update_service = SealAwardForm, services.seal_award
    partner_title = _("Jury decision: award the certificate to %(partner)s")
    saved_message = _("The certificate has been awarded.")


class SealRejectView(_Decision):
    form_class, update_service = SealRejectForm, services.seal_reject
    partner_title = _("Jury decision: do not award the certificate to %(partner)s")
    saved_message = _("The application has been marked as not awarded.")


def checks_page(
    request, application: SealApplication, *, back_url: str, **form: Any
) -> HttpResponse:
    """A form over the checks of an open application (the coordinator's checklist, the
    employer's self-assessment: ``form_page``'s form, save, title, template); a decided
    application is shown as closed."""
    context = {"application": application, "back_url": back_url}
    if not _is_open(application):
        message = _("This application has already been decided and can no longer be changed.")
        return render(
            request,
            "core/seal/closed.html",
            {**context, "message": message},
            status=400 if request.method == "POST" else 200,
        )
    return form_page(
        request,
        form_kwargs={"checks": application.checks.all()},
        success_url=lambda a: back_url,
        cancel_url=back_url,
        context=context,
        **form,
    )


@requires("alliance.work.change")
def seal_checklist(request, pk: int):
    try:
        application = seal_application_detail(pk)
    except SealApplication.DoesNotExist as exc:
        raise Http404 from exc
    return checks_page(
        request,
        application,
        back_url=reverse("seal-detail", args=[pk]),
        form_class=SealChecklistForm,
        save=lambda form: services.seal_checklist_update(
            actor=request.user, application=application, results=form.results()
        ),
        title=_("Checklist: %(partner)s") % {"partner": application.partner.name},
        template="core/seal/checklist.html",
    )


# ---------------------------------------------------------------- criteria catalogue


class CriterionPages(ObjectPages):
    model, prefix, name, instance_arg = SealCriterion, "criteria", "seal-criterion", "criterion"
    routes, back_to = ("list", "create", "edit", "delete"), "list"
    view_permission = change_permission = CHANGE
    title, queryset, filterset = _("Criteria catalogue"), criterion_list, SealCriterionFilter
    default_order, row_link = "position", detail_link("seal-criterion-edit")
    table = [
        Column("text", order_by=True, link=True),
        Column("position", order_by=True),
        Column("required", value="is_required", order_by=True),
        Column("active", value="is_active", order_by=True),
        Column("checks", _("Checked in applications"), "check_count", order_by=True),
        Column("programme", value="programme.name", order_by=True),
        Column("group", value="group.name", order_by=True),
        Column("weight", order_by=True),
    ]
    extra_links = [(_("Family seal applications"), reverse_lazy("seal-list"), VIEW)]
    form_class, service_module = SealCriterionForm, services
    create_title = _("New seal criterion")
    delete_question = _("Delete the criterion “%(text)s”?")
    deleted_message = _("The criterion has been deleted.")
