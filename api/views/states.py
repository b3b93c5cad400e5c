"""The states and their coordination offices (state host)."""

from __future__ import annotations

from rest_framework import mixins, viewsets

from api.serializers.states import StateSerializer
from api.viewsets import ServiceViewSetMixin, crud_permissions
from tenants import scope
from tenants.selectors import state_list
from tenants.services.states import state_office_update


class StateViewSet(
    ServiceViewSetMixin,  # first: its perform_update calls the service
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """The 16 states, each by its official key, with its office and alliance count; the
    state coordination office changes the office's data (the logo on its page)."""

    serializer_class = StateSerializer
    lookup_field, lookup_url_kwarg, lookup_value_regex = "key", "state_key", "[0-9]{2}"
    ordering_fields = ["key", "name", "alliance_count"]
    ordering = ["key"]
    required_permissions = {
        **crud_permissions(
            "state.office.view", "state.office.manage", writes=("update", "partial_update")
        ),
        "*": "state.office.view",  # methods not offered: 401/404 first, then 405
    }
    selector = state_list
    update_service, instance_arg = state_office_update, "state"

    def get_queryset(self):
        states = super().get_queryset()
        key = scope.current_state_key()
        if self.action in ("update", "partial_update") and key is not None:
            # Every office reads the 16 states, but changes its own only: another
            # state's is not found here (the service refuses it as well).
            states = states.filter(key=key)
        return states
