"""Workspace resources on an alliance's host; writes go through the same services."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

from api.serializers.holidays import PublicHolidayOfferSerializer
from api.serializers.partners import PartnerSerializer, PublicPartnerSerializer
from api.views.base import Pagination
from core.filters.partners import PartnerFilter
from core.selectors.holidays import public_holiday_offers
from core.selectors.partners import partner_list, public_partner_list
from core.services import partners as partner_services


def _as_drf_error(error: DjangoValidationError) -> ValidationError:
    if hasattr(error, "error_dict"):
        return ValidationError({k: [str(m) for e in v for m in e.messages]
                                for k, v in error.error_dict.items()})  # fmt: skip
    return ValidationError({"non_field_errors": error.messages})


class PartnerViewSet(viewsets.ModelViewSet):
    """The alliance's partners (coordinators change them; the board and the state
    coordinator read them)."""

    serializer_class = PartnerSerializer
    filterset_class = PartnerFilter
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    ordering_fields = ["name", "kind", "city", "status", "joined_on", "care_guides_count"]
    ordering = ["name"]
    pagination_class = Pagination
    required_permission = "alliance.partners.view"
    required_permissions = {
        "list": "alliance.partners.view",
        "retrieve": "alliance.own_partner.view",
        "create": "alliance.partners.change",
        "update": "alliance.own_partner.change",
        "partial_update": "alliance.own_partner.change",
        "destroy": "alliance.partners.change",
    }

    def get_queryset(self):
        return partner_list().order_by("name", "pk")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        measures = data.pop("measures", [])
        try:
            serializer.instance = partner_services.partner_create(
                actor=self.request.user, data=data, measures=measures
            )
        except DjangoValidationError as error:
            raise _as_drf_error(error) from error

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        measures = data.pop("measures", None)
        try:
            serializer.instance = partner_services.partner_update(
                actor=self.request.user, partner=serializer.instance, data=data, measures=measures
            )
        except DjangoValidationError as error:
            raise _as_drf_error(error) from error

    def perform_destroy(self, instance):
        try:
            partner_services.partner_delete(actor=self.request.user, partner=instance)
        except DjangoValidationError as error:
            raise _as_drf_error(error) from error


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
