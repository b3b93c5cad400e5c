"""The fundraising circle on an alliance's host: members and donors (coordinator only),
actions and grants to projects, and the donation receipts (read only; they are issued
on the receipt pages). Writes go through the same services as the HTML views."""

from __future__ import annotations

from rest_framework import viewsets

from api.serializers.fundraising import (
    DonationReceiptSerializer,
    FundraisingActionSerializer,
    ProjectGrantSerializer,
    SupporterSerializer,
)
from api.viewsets import ServiceModelViewSet, ServiceViewSetMixin, crud_permissions
from core.filters.fundraising import (
    DonationReceiptFilter,
    FundraisingActionFilter,
    ProjectGrantFilter,
    SupporterFilter,
)
from core.selectors.fundraising import action_list, grant_list, receipt_list, supporter_list
from core.services import fundraising as services

VIEW = "alliance.fundraising.view"
CHANGE = "alliance.fundraising.change"
DONORS = "alliance.fundraising.donors"


class SupporterViewSet(ServiceModelViewSet):
    """Members and donors of the fundraising circle (personal data: coordinator only)."""

    serializer_class = SupporterSerializer
    filterset_class = SupporterFilter
    ordering_fields = ["name", "joined_on", "left_on", "city"]
    ordering = ["name"]
    required_permissions = crud_permissions(DONORS, DONORS)
    selector = supporter_list
    record_services = services, "supporter"


class FundraisingActionViewSet(ServiceModelViewSet):
    """Fundraising actions with their income and costs."""

    serializer_class = FundraisingActionSerializer
    filterset_class = FundraisingActionFilter
    ordering_fields = ["date", "income", "costs", "title"]
    ordering = ["-date"]
    required_permissions = crud_permissions(VIEW, CHANGE)
    selector = action_list
    record_services = services, "action"


class ProjectGrantViewSet(ServiceModelViewSet):
    """Grants the circle gives to projects, with the proof of use."""

    serializer_class = ProjectGrantSerializer
    filterset_class = ProjectGrantFilter
    ordering_fields = ["decided_on", "amount", "status"]
    ordering = ["-decided_on"]
    required_permissions = crud_permissions(VIEW, CHANGE)
    selector = grant_list
    record_services = services, "grant"


class DonationReceiptViewSet(ServiceViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Donation receipts issued (coordinator only)."""

    serializer_class = DonationReceiptSerializer
    filterset_class = DonationReceiptFilter
    ordering_fields = ["issued_on", "number", "total"]
    ordering = ["-issued_on"]
    required_permissions = crud_permissions(DONORS)
    selector = receipt_list


def register(router) -> None:
    """Put these resources on the alliance host's router (mounted at /api/v1/)."""
    router.register("fundraising/supporters", SupporterViewSet, basename="api-supporters")
    router.register(
        "fundraising/actions", FundraisingActionViewSet, basename="api-fundraising-actions"
    )
    router.register("fundraising/grants", ProjectGrantViewSet, basename="api-project-grants")
    router.register(
        "fundraising/receipts", DonationReceiptViewSet, basename="api-donation-receipts"
    )
