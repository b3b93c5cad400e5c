"""The monitoring list (alliances needing attention) as a read-only API list."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets

from api.filtering import FilterBackend
from api.serializers.monitoring import MonitoringSerializer
from api.views.base import Pagination
from regional.filters.monitoring import MonitoringFilter, with_flags
from regional.selectors import monitoring as selectors
from tenants.models import Alliance


@dataclass(frozen=True)
class Row:
    alliance: Alliance
    flags: selectors.Flags


class MonitoringViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Alliances needing attention: figures unchanged for a year (``stale_figures``), no
    coordinator login for 90 days (``no_login``), the last two regional meetings missed
    (``missed_meetings``). ``?reason=``, ``?state=``, ``?district=``, ``?size=`` and
    ``?status=`` filter, ``?q=`` searches."""

    serializer_class = MonitoringSerializer
    filter_backends = [FilterBackend]
    pagination_class = Pagination
    required_permissions = {"*": "state.alliances.view"}
    required_permission = "state.alliances.view"

    @cached_property
    def flags(self) -> dict[int, selectors.Flags]:
        return selectors.monitoring_flags()

    @property
    def filterset_class(self):
        if getattr(self, "swagger_fake_view", False):
            return MonitoringFilter
        return with_flags(self.flags, MonitoringFilter)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Alliance.objects.none()
        return selectors.flagged_alliances(self.flags)

    @extend_schema(responses=MonitoringSerializer(many=True))
    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        rows = [Row(alliance, self.flags[alliance.pk]) for alliance in page]
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)
