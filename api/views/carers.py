"""The childcare pool on an alliance's host: carers and placements, with the pool's
strict permissions (coordinator and pool staff only). Matching a request is the carers'
list with ``available_on``, ``slots`` and ``language``."""

from __future__ import annotations

from api.serializers.carers import CarerSerializer, PlacementSerializer
from api.viewsets import ServiceModelViewSet, crud_permissions
from core.filters.carers import CarerFilter, PlacementFilter
from core.selectors.carers import carer_list, placement_list
from core.services import carers as services

PERMISSIONS = crud_permissions("alliance.childcare.view", "alliance.childcare.change")


class CarerViewSet(ServiceModelViewSet):
    """Carers of the childcare pool with their checks. With ``available_on`` (and
    ``slots``, ``language``): the carers who can take a request starting that day."""

    serializer_class = CarerSerializer
    filterset_class = CarerFilter
    ordering_fields = ["last_name", "first_name", "status", "police_clearance_until",
                       "first_aid_until", "running_placements"]  # fmt: skip
    ordering = ["last_name", "first_name"]
    required_permissions = PERMISSIONS
    selector = carer_list
    record_services = services, "carer"
    fresh_after_write = True


class PlacementViewSet(ServiceModelViewSet):
    """Placements: a family's care by a carer, perhaps paid by an employer."""

    serializer_class = PlacementSerializer
    filterset_class = PlacementFilter
    ordering_fields = ["start_date", "end_date", "family_name", "status", "hours_per_month"]
    ordering = ["-start_date", "family_name"]
    required_permissions = PERMISSIONS
    selector = placement_list
    record_services = services, "placement"


def register(router) -> None:
    router.register("carers", CarerViewSet, basename="api-carers")
    router.register("placements", PlacementViewSet, basename="api-placements")
