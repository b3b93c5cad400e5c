"""The state and its coordination office ("Land und Landesstelle"): its data, logo,
alliances and staff for the state roles; the coordinator edits the office."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kernel.crud.views import ObjectDetailView, ObjectEditView, ObjectView
from kernel.uploads import image_response
from regional.forms.state import StateOfficeForm
from tenants.models import State
from tenants.selectors import current_state, state_detail, state_staff
from tenants.services.states import state_office_update

VIEW, MANAGE = "state.office.view", "state.office.manage"


class StateOfficeView(ObjectDetailView):
    """The office's own state with its alliance count, its office and the people of its
    state roles."""

    required_permission, change_permission = VIEW, MANAGE
    model, template_name, context_object_name = State, "regional/state/office.html", "state"
    extra_context = {"staff": lambda state: state_staff(state.key)}

    def get_object(self) -> State:
        return state_detail(current_state().key)


class StateOfficeEditView(ObjectEditView):
    required_permission = MANAGE
    model, form_class, instance_arg = State, StateOfficeForm, "state"
    update_service = state_office_update
    edit_title = _("Edit the state coordination office")
    saved_message = _("The state coordination office has been saved.")

    def get_object(self) -> State:
        return current_state()

    def success_url(self, obj) -> str:
        return reverse("state-office")

    cancel_url = success_url

    def service_kwargs(self, form) -> dict:
        return form.service_kwargs()


class StateLogoView(ObjectView):
    """A state's logo or coat of arms, shown inline (PNG or JPEG, checked at upload)."""

    required_permission = VIEW

    def get(self, request, state_key: str):
        return image_response(get_object_or_404(State, key=state_key).logo)
