"""Admission applications and the board's decisions on them."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.documents import LETTER_OUTCOMES, decision_letter_filename, decision_letter_pdf
from core.filters.admissions import ApplicationFilter
from core.forms.admissions import ApplicationForm, DecisionForm
from core.models import Application, ApplicationStatus, Decision
from core.selectors.admissions import application_detail, application_list
from core.selectors.board import next_planned_meeting
from core.services import admissions as services
from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column
from kernel.crud.views import ObjectActionView, ObjectEditView, confirm_page
from tenants.permissions import access_for, requires

VIEW = "alliance.applications.view"
CHANGE = "alliance.partners.change"
DECIDE = "alliance.applications.decide"


class ApplicationPages(ObjectPages):
    model, prefix, name = Application, "", "application"
    routes = ("list", "create", "detail", "edit")
    view_permission, change_permission = VIEW, CHANGE
    queryset = application_list
    filterset, default_order = ApplicationFilter, "-received_on"
    table = [
        Column("organisation", value="organisation_name", order_by=True, link=True),
        Column("kind", order_by=True),
        Column("size", value="size_class", order_by=True),
        Column("city", order_by=True),
        Column("contact", value="contact_name", order_by=True),
        Column("received", value="received_on", order_by=True),
        Column("status", order_by=True),
        Column("decisions", gettext_lazy("Decisions"), "decision_count", order_by=True),
        Column("last_meeting", gettext_lazy("Last discussed"), "last_meeting_date", order_by=True),
        Column("partner", value="partner.name", order_by=True),
    ]
    selector, template_name = application_detail, "core/admissions/detail.html"
    form_class, service_module = ApplicationForm, services
    create_title, edit_title = gettext_lazy("New application"), gettext_lazy("Edit application")

    class Detail:
        # Whether the page offers changes depends on the application's status.
        change_permission = None

        def get_context_data(self, obj):
            access = access_for(self.request)
            pending = obj.status == ApplicationStatus.PENDING
            return {
                **super().get_context_data(obj),
                "decisions": list(obj.decisions.all()),
                "next_meeting": next_planned_meeting() if pending else None,
                "can_change": pending and access.can(CHANGE),
                "can_decide": pending and access.can("alliance.applications.decide"),
                "can_see_partner": access.can("alliance.partners.view"),
                "can_send_letters": access.can(DECIDE),
            }

    class Edit:
        def get(self, request, *args, **kwargs):
            if "pk" not in kwargs:
                self.saved_message = _(
                    "The application has been recorded; "
                    "it is on the agenda of the next board meeting."
                )
            return super().get(request, *args, **kwargs)

        post = get


class ApplicationWithdrawView(ApplicationPages.Record, ObjectActionView):
    required_permission, service = CHANGE, services.application_withdraw
    title = gettext_lazy("Withdraw application")
    question = gettext_lazy(
        "Record that %(name)s has withdrawn its application? "
        "It will no longer appear on the board's agenda."
    )
    success_message = gettext_lazy("The application has been marked as withdrawn.")
    button = gettext_lazy("Withdraw")

    def question_args(self, obj):
        return {"name": obj.organisation_name}


class DecisionCreateView(ApplicationPages.Record, ObjectEditView):
    """The board's decision on an application (a plain form; the service admits)."""

    required_permission, model_form = DECIDE, False
    form_class, update_service = DecisionForm, services.decision_record
    saved_message = gettext_lazy("The decision has been recorded.")
    template_name = "core/admissions/decision_form.html"

    def get_title(self, obj):
        return _("Board decision on %(name)s") % {"name": obj.organisation_name}

    def get_context_data(self, obj):
        return {"application": obj}

    def service_kwargs(self, form):
        return {**form.cleaned_data, "votes_abstain": form.cleaned_data["votes_abstain"] or 0}

    def success_url(self, obj):
        return self.detail(self.object)

    def get_object(self):
        self.object = super().get_object()
        return self.object


def _letter_decision(pk: int, decision_pk: int) -> Decision:
    """The decision of application ``pk`` whose letter is asked for; 404 for a deferral
    or an anonymised application (they have no letter)."""
    decision = get_object_or_404(
        Decision.objects.select_related("application", "meeting"), pk=decision_pk, application=pk
    )
    if decision.outcome not in LETTER_OUTCOMES or decision.application.anonymised_at:
        raise Http404
    return decision


@requires(VIEW)
def decision_letter(request, pk: int, decision_pk: int):
    """The board's letter to the applicant about an admission or a rejection, as PDF."""
    decision = _letter_decision(pk, decision_pk)
    response = HttpResponse(decision_letter_pdf(decision), content_type="application/pdf")
    filename = decision_letter_filename(decision)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@requires(DECIDE)
def decision_letter_send(request, pk: int, decision_pk: int):
    """Asks, then sends the board's letter as a PDF to the applicant by e-mail; refused at
    once (with the reason) when there is no address to send it to."""
    decision = _letter_decision(pk, decision_pk)
    url = reverse("application-detail", args=[pk])
    refusal = services.decision_letter_refusal(decision)
    if refusal and request.method != "POST":
        messages.error(request, refusal)
        return redirect(url)
    application = decision.application
    values = {"name": application.organisation_name, "email": application.contact_email}
    return confirm_page(
        request,
        obj=application,
        action=lambda: services.decision_letter_send(actor=request.user, decision=decision),
        title=_("Send decision letter"),
        question=_("Send the board's letter to %(name)s as a PDF to %(email)s by e-mail?") % values,
        cancel_url=url,
        success_url=url,
        success_message=_("The letter has been queued for %(email)s.") % values,
        button=_("Send letter"),
    )
