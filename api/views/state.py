"""State-area resources on the parent domain."""

from __future__ import annotations

from api.serializers.alliances import AllianceSerializer
from api.viewsets import PublicListViewSet
from regional.filters.alliances import PublicAllianceFilter
from tenants.selectors import alliance_list


class AllianceViewSet(PublicListViewSet):
    """The alliances and their hosts: public information, searched (``?q=``) and filtered
    by ``?state=``, ``?district=``, ``?size=`` and ``?status=`` as the state area's start
    page does (one FilterSet), 50 a page."""

    serializer_class, selector = AllianceSerializer, alliance_list
    filterset_class = PublicAllianceFilter
