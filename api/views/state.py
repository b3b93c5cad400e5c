"""State-area resources on the parent domain."""

from __future__ import annotations

from api.serializers.alliances import AllianceSerializer
from api.viewsets import PublicListViewSet
from tenants.selectors import alliance_list


class AllianceViewSet(PublicListViewSet):
    """Thuringia's alliances and their hosts: public information."""

    serializer_class, selector = AllianceSerializer, alliance_list
