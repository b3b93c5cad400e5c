"""Workspace resources on an alliance's host; writes go through the same services."""

from __future__ import annotations

from api.serializers.holidays import PublicHolidayOfferSerializer
from api.serializers.partners import PartnerSerializer, PublicPartnerSerializer
from api.viewsets import PublicListViewSet, ServiceModelViewSet
from core.filters.partners import PartnerFilter
from core.selectors.holidays import public_holiday_offers
from core.selectors.partners import partner_list, public_partner_list
from core.services import partners as partner_services


class PartnerViewSet(ServiceModelViewSet):
    """The alliance's partners (coordinators change them; the board and the state
    coordinator read them)."""

    serializer_class = PartnerSerializer
    filterset_class = PartnerFilter
    ordering_fields = ["name", "kind", "city", "status", "joined_on", "care_guides_count"]
    ordering = ["name"]
    required_permissions = {
        "list": "alliance.partners.view",
        "retrieve": "alliance.own_partner.view",
        "create": "alliance.partners.change",
        "update": "alliance.own_partner.change",
        "partial_update": "alliance.own_partner.change",
        "destroy": "alliance.partners.change",
    }
    selector = partner_list
    record_services = partner_services, "partner"


class PublicPartnerViewSet(PublicListViewSet):
    """Partners that agreed to be named publicly; no login needed."""

    serializer_class, selector = PublicPartnerSerializer, public_partner_list


class PublicHolidayOfferViewSet(PublicListViewSet):
    """The published holiday programme; no login needed."""

    serializer_class, selector = PublicHolidayOfferSerializer, public_holiday_offers
