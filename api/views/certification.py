"""Certification programmes and criterion groups on an alliance's host."""

from __future__ import annotations

from rest_framework import mixins, viewsets

from api.serializers.certification import (
    CertificationProgrammeSerializer,
    CriterionGroupSerializer,
)
from api.viewsets import ServiceModelViewSet, ServiceViewSetMixin, crud_permissions
from core.filters.seal import CriterionGroupFilter, ProgrammeFilter
from core.selectors.certification import group_list, programme_list
from core.services import certification as services


class CertificationProgrammeViewSet(
    ServiceViewSetMixin,
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    mixins.UpdateModelMixin, viewsets.GenericViewSet,
):  # fmt: skip
    """The alliance's certification programmes (a programme is never deleted: its
    certificates keep it; mark it as no longer in use instead)."""

    serializer_class = CertificationProgrammeSerializer
    filterset_class = ProgrammeFilter
    ordering_fields = ["name", "kind", "validity_years", "pass_threshold"]
    ordering = ["name"]
    required_permissions = crud_permissions(
        "alliance.work.view",
        "alliance.work.change",
        writes=("create", "update", "partial_update"),
    )
    selector = programme_list
    record_services, fresh_after_write = (services, "programme"), True


class CriterionGroupViewSet(ServiceModelViewSet):
    """Criterion groups of the programmes (e.g. the diversity indicator)."""

    serializer_class = CriterionGroupSerializer
    filterset_class = CriterionGroupFilter
    ordering_fields = ["name", "position", "weight"]
    ordering = ["programme__name", "position", "name"]
    required_permissions = crud_permissions("alliance.work.change", "alliance.work.change")
    selector = group_list
    record_services, fresh_after_write = (services, "group"), True


def register(router) -> None:
    router.register(
        "certification-programmes", CertificationProgrammeViewSet, basename="api-programmes"
    )
    router.register("criterion-groups", CriterionGroupViewSet, basename="api-criterion-groups")
