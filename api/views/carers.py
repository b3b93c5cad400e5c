"""The childcare pool on an alliance's host: carers and placements, with the pool's
strict permissions (coordinator and pool staff only), as their HTML pages declare them.
Matching a request is the carers' list with ``available_on``, ``slots`` and ``language``."""

from __future__ import annotations

from api.serializers.carers import CarerSerializer, PlacementSerializer
from api.viewsets import ServiceModelViewSet
from core.views.carers import CarerPages, PlacementPages


class CarerViewSet(ServiceModelViewSet):
    """Carers of the childcare pool with their checks. With ``available_on`` (and
    ``slots``, ``language``): the carers who can take a request starting that day."""

    pages, serializer_class = CarerPages, CarerSerializer
    ordering_fields = ["last_name", "first_name", "status", "police_clearance_until",
                       "first_aid_until", "running_placements"]  # fmt: skip
    ordering = ["last_name", "first_name"]


class PlacementViewSet(ServiceModelViewSet):
    """Placements: a family's care by a carer, perhaps paid by an employer."""

    pages, serializer_class = PlacementPages, PlacementSerializer
    ordering_fields = ["start_date", "end_date", "family_name", "status", "hours_per_month"]
    ordering = ["-start_date", "family_name"]
