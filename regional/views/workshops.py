"""The state's workshops at regional meetings (``kernel.workshops``): the coordination
office runs them; the invitees register through their invitation's link."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy

from kernel.crud.pages import ObjectPages
from kernel.workshops.pages import RegistrationTexts, TopicTexts
from kernel.workshops.selectors import registrations, seat_plan
from kernel.workshops.views import WorkshopViews
from regional.forms import workshops as forms
from regional.models import RegionalRegistration, RegionalTable, RegionalWorkshop
from regional.selectors.workshops import invited_workshop, workshop_detail
from regional.services import workshops as services
from tenants.permissions import public, requires

PERMISSION = "state.meetings.manage"


def _detail_url(workshop) -> str:
    return reverse("regional-workshop-detail", args=[workshop.pk])


def _invited(token: str):
    workshop, invitation = invited_workshop(token)
    initial = {"name": invitation.name, "email": invitation.email}
    if invitation.alliance_id:
        initial["organisation"] = invitation.alliance.name
    return workshop, initial, {"alliance": invitation.alliance}


def _organiser(request) -> str:
    from django.utils.translation import gettext as _

    return _("State coordination office")


PAGES = WorkshopViews(
    writes=services.WRITES,
    workshop_selector=workshop_detail,
    detail_url=_detail_url,
    organiser=_organiser,
    public_workshop=_invited,
)
GUARDED = PAGES.guarded(manage=requires(PERMISSION), view=requires(PERMISSION))


@public
def register(request, token: str):
    """An invitee's registration for the meeting's workshop (from their invitation link)."""
    return PAGES.register(request, token=token)


@public
def cancel(request, token: str):
    """The cancel link of a registration's confirmation e-mail."""
    return PAGES.cancel(request, token)


class RegionalWorkshopPages(ObjectPages):
    model, prefix = RegionalWorkshop, "workshops"
    name, instance_arg = "regional-workshop", "workshop"
    routes = ("create", "detail", "edit", "delete")
    view_permission = change_permission = PERMISSION
    list_url = "regional-meeting-list"
    selector, template_name = workshop_detail, "regional/workshops/workshop_detail.html"
    form_class = forms.WorkshopForm
    create_service, update_service = services.workshop_create, services.workshop_update
    create_title, edit_title = gettext_lazy("New workshop"), gettext_lazy("Edit workshop")
    delete_service, delete_title = services.workshop_delete, gettext_lazy("Delete workshop")
    delete_question = gettext_lazy(
        "Delete the workshop %(title)s with its registrations and topics? The event stays."
    )
    deleted_message = gettext_lazy("The workshop has been deleted.")

    class Create:
        def get_form_class(self):
            return forms.WorkshopCreateForm

        def get_form_kwargs(self):
            meeting = self.request.GET.get("meeting", "")
            return {"initial": {"meeting": int(meeting)}} if meeting.isdigit() else {}

    class Detail:
        def get_context_data(self, obj):
            return {
                **super().get_context_data(obj),
                "registrations": registrations(obj),
                "topics": obj.topics.order_by("title", "pk"),
                "plan": seat_plan(obj),
            }

    class Delete:
        def question_args(self, obj):
            return {"title": str(obj)}


class _OnWorkshop(ObjectPages):
    change_permission = PERMISSION
    routes = ("create", "edit", "delete")
    parent_arg, parent_url = "workshop", "regional-workshop-detail"
    parent_selector = workshop_detail


class TablePages(TopicTexts, _OnWorkshop):
    model, prefix = RegionalTable, "workshops/<int:pk>/topics"
    name, instance_arg = "regional-workshop-topic", "table"
    pk_kwarg, stem = "topic_pk", "RegionalTable"
    form_class = forms.TableForm
    create_service, update_service = services.table_create, services.table_update
    delete_service = services.table_delete


class RegistrationPages(RegistrationTexts, _OnWorkshop):
    model, prefix = RegionalRegistration, "workshops/<int:pk>/registrations"
    name, instance_arg = "regional-workshop-registration", "registration"
    pk_kwarg, stem = "registration_pk", "RegionalRegistration"
    form_class = forms.RegistrationForm
    create_service = services.registration_create
    update_service = services.registration_update
    delete_service = services.registration_delete
