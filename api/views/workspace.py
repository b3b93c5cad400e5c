"""Workspace resources on an alliance's host; writes go through the same services."""

from __future__ import annotations

from rest_framework import mixins, viewsets

from api.serializers.holidays import PublicHolidayOfferSerializer
from api.serializers.partners import PartnerSerializer, PublicPartnerSerializer
from api.views.base import Pagination
from api.viewsets import ServiceModelViewSet
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
    required_permission = "alliance.partners.view"
    required_permissions = {
        "list": "alliance.partners.view",
        "retrieve": "alliance.own_partner.view",
        "create": "alliance.partners.change",
        "update": "alliance.own_partner.change",
        "partial_update": "alliance.own_partner.change",
        "destroy": "alliance.partners.change",
    }
    selector, order = partner_list, ("name",)
    create_service, update_service = (
        partner_services.partner_create,
        partner_services.partner_update,
    )
    delete_service, instance_arg = partner_services.partner_delete, "partner"


class PublicPartnerViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Partners that agreed to be named publicly; no login needed."""

    serializer_class = PublicPartnerSerializer
    pagination_class = Pagination
    public_view = True
    required_permissions = {"list": "public"}
    authentication_classes: list = []

    def get_queryset(self):
        return public_partner_list()


class PublicHolidayOfferViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The published holiday programme; no login needed."""

    serializer_class = PublicHolidayOfferSerializer
    pagination_class = Pagination
    public_view = True
    required_permissions = {"list": "public"}
    authentication_classes: list = []

    def get_queryset(self):
        return public_holiday_offers()
