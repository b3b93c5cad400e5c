"""Certification programmes and criterion groups on an alliance's host."""

from __future__ import annotations

from rest_framework import mixins, viewsets

from api.serializers.certification import (
    CertificationProgrammeSerializer,
    CriterionGroupSerializer,
)
from api.viewsets import ServiceModelViewSet, ServiceViewSetMixin
from core.views.certification import GroupPages, ProgrammePages


class CertificationProgrammeViewSet(
    ServiceViewSetMixin,
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    mixins.UpdateModelMixin, viewsets.GenericViewSet,
):  # fmt: skip
    """The alliance's certification programmes (a programme is never deleted: its
    certificates keep it; mark it as no longer in use instead)."""

    pages, serializer_class = ProgrammePages, CertificationProgrammeSerializer
    ordering_fields = ["name", "kind", "validity_years", "pass_threshold"]


class CriterionGroupViewSet(ServiceModelViewSet):
    """Criterion groups of the programmes (e.g. the diversity indicator)."""

    pages, serializer_class = GroupPages, CriterionGroupSerializer
    ordering_fields = ["name", "position", "weight"]
    ordering = ["programme__name", "position", "name"]
