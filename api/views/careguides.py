"""Care guides and cooperation agreements on an alliance's host (careguides)."""

from __future__ import annotations

from api.serializers.careguides import AgreementSerializer, CareGuideSerializer
from api.viewsets import ServiceModelViewSet, crud_permissions
from core.filters.careguides import CareGuideFilter
from core.selectors.careguides import care_guide_list
from core.services import careguides as guide_services
from core.views.agreements import AgreementPages


class CareGuideViewSet(ServiceModelViewSet):
    """Company care guides at the partners (the coordinator changes them here; a
    partner's contact keeps its own on the partner's page)."""

    serializer_class = CareGuideSerializer
    filterset_class = CareGuideFilter
    ordering_fields = ["name", "partner__name", "trained_on", "refresher_due", "is_active"]
    ordering = ["partner__name", "name"]
    required_permissions = crud_permissions("alliance.care_guides.view", "alliance.partners.change")
    selector = care_guide_list
    record_services = guide_services, "care_guide", "guide"


class AgreementViewSet(ServiceModelViewSet):
    """Cooperation agreements with other networks and organisations (the signed PDF is
    uploaded on the agreement's page)."""

    pages, serializer_class = AgreementPages, AgreementSerializer
    ordering_fields = ["subject", "organisation", "signed_on", "valid_from", "valid_until"]
    ordering = ["-signed_on", "subject"]
