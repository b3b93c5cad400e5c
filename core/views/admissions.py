"""Admission applications and the board's decisions on them."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filters.admissions import ApplicationFilter
from core.forms.admissions import ApplicationForm, DecisionForm
from core.models import Application, ApplicationStatus
from core.selectors.admissions import application_detail, application_list
from core.selectors.board import next_planned_meeting
from core.services import admissions as services
from kernel.crud.tables import Column, ListSpec, list_view
from kernel.crud.views import confirm_page, form_page
from tenants.permissions import access_for, requires

APPLICATIONS = ListSpec(
    name="applications",
    title=gettext_lazy("Applications"),
    permission="alliance.applications.view",
    queryset=application_list,
    filterset=ApplicationFilter,
    default_order="-received_on",
    detail_url=lambda a: reverse("application-detail", args=[a.pk]),
    create_url="application-create",
    create_permission="alliance.partners.change",
    columns=[
        Column(
            "organisation",
            gettext_lazy("Organisation"),
            lambda a: a.organisation_name,
            "organisation_name",
            link=True,
        ),
        Column("kind", gettext_lazy("Kind"), lambda a: a.get_kind_display(), "kind"),
        Column("size", gettext_lazy("Size"), lambda a: a.get_size_class_display(), "size_class"),
        Column("city", gettext_lazy("Town"), lambda a: a.city, "city"),
        Column("contact", gettext_lazy("Contact person"), lambda a: a.contact_name, "contact_name"),
        Column("received", gettext_lazy("Received on"), lambda a: a.received_on, "received_on"),
        Column("status", gettext_lazy("Status"), lambda a: a.get_status_display(), "status"),
        Column(
            "decisions", gettext_lazy("Decisions"), lambda a: a.decision_count, "decision_count"
        ),
        Column(
            "last_meeting",
            gettext_lazy("Last discussed"),
            lambda a: a.last_meeting_date,
            "last_meeting_date",
        ),
        Column(
            "partner",
            gettext_lazy("Partner"),
            lambda a: a.partner.name if a.partner else None,
            "partner__name",
        ),
    ],
)


@requires("alliance.applications.view")
def application_list_view(request):
    return list_view(request, APPLICATIONS)


def _application_or_404(pk: int) -> Application:
    try:
        return application_detail(pk)
    except Application.DoesNotExist as exc:
        raise Http404 from exc


@requires("alliance.applications.view")
def application_detail_view(request, pk: int):
    application = _application_or_404(pk)
    access = access_for(request)
    pending = application.status == ApplicationStatus.PENDING
    return render(
        request,
        "core/admissions/detail.html",
        {
            "application": application,
            "decisions": list(application.decisions.all()),
            "next_meeting": next_planned_meeting() if pending else None,
            "can_change": pending and access.can("alliance.partners.change"),
            "can_decide": pending and access.can("alliance.applications.decide"),
            "can_see_partner": access.can("alliance.partners.view"),
        },
    )


@requires("alliance.partners.change")
def application_create(request):
    return form_page(
        request,
        form_class=ApplicationForm,
        save=lambda form: services.application_create(actor=request.user, data=form.cleaned_data),
        success_url=lambda a: reverse("application-detail", args=[a.pk]),
        title=_("New application"),
        cancel_url=reverse("application-list"),
        success_message=_(
            "The application has been recorded; it is on the agenda of the next board meeting."
        ),
    )


@requires("alliance.partners.change")
def application_edit(request, pk: int):
    application = get_object_or_404(Application, pk=pk)
    return form_page(
        request,
        form_class=ApplicationForm,
        instance=application,
        save=lambda form: services.application_update(
            actor=request.user, application=application, data=form.cleaned_data
        ),
        success_url=lambda a: reverse("application-detail", args=[a.pk]),
        title=_("Edit application"),
        cancel_url=reverse("application-detail", args=[pk]),
    )


@requires("alliance.partners.change")
def application_withdraw(request, pk: int):
    application = get_object_or_404(Application, pk=pk)
    return confirm_page(
        request,
        obj=application,
        action=lambda: services.application_withdraw(actor=request.user, application=application),
        title=_("Withdraw application"),
        question=_(
            "Record that %(name)s has withdrawn its application? "
            "It will no longer appear on the board's agenda."
        )
        % {"name": application.organisation_name},
        cancel_url=reverse("application-detail", args=[pk]),
        success_url=reverse("application-detail", args=[pk]),
        success_message=_("The application has been marked as withdrawn."),
        button=_("Withdraw"),
    )


@requires("alliance.applications.decide")
def decision_create(request, pk: int):
    application = get_object_or_404(Application, pk=pk)

    def save(form):
        data = form.cleaned_data
        return services.decision_record(
            actor=request.user,
            application=application,
            meeting=data["meeting"],
            outcome=data["outcome"],
            votes_yes=data["votes_yes"],
            votes_no=data["votes_no"],
            votes_abstain=data["votes_abstain"] or 0,
            members_present=data["members_present"],
            note=data["note"],
        )

    return form_page(
        request,
        form_class=DecisionForm,
        save=save,
        success_url=lambda d: reverse("application-detail", args=[pk]),
        title=_("Board decision on %(name)s") % {"name": application.organisation_name},
        cancel_url=reverse("application-detail", args=[pk]),
        success_message=_("The decision has been recorded."),
        template="core/admissions/decision_form.html",
        context={"application": application},
    )
