"""State-area resources on the parent domain."""

from __future__ import annotations

from rest_framework import mixins, viewsets

from api.serializers.alliances import AllianceSerializer
from api.views.base import Pagination
from tenants.selectors import alliance_list


class AllianceViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Thuringia's alliances and their hosts: public information."""

    serializer_class = AllianceSerializer
    pagination_class = Pagination
    public_view = True
    required_permissions = {"list": "public"}
    authentication_classes: list = []

    def get_queryset(self):
        return alliance_list()
