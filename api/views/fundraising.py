"""The fundraising circle on an alliance's host: members and donors (coordinator only),
actions and grants to projects, and the donation receipts (read only; they are issued
on the receipt pages). Each is its HTML pages' declaration served as JSON: the same
selectors, FilterSets, permissions and services."""

from __future__ import annotations

from rest_framework import viewsets

from api.serializers.fundraising import (
    DonationReceiptSerializer,
    FundraisingActionSerializer,
    ProjectGrantSerializer,
    SupporterSerializer,
)
from api.viewsets import ServiceModelViewSet, ServiceViewSetMixin
from core.views.fundraising import FundraisingActionPages, ProjectGrantPages, SupporterPages
from core.views.fundraising_receipts import DonationReceiptPages


class SupporterViewSet(ServiceModelViewSet):
    """Members and donors of the fundraising circle (personal data: coordinator only)."""

    pages, serializer_class = SupporterPages, SupporterSerializer
    ordering_fields = ["name", "joined_on", "left_on", "city"]


class FundraisingActionViewSet(ServiceModelViewSet):
    """Fundraising actions with their income and costs."""

    pages, serializer_class = FundraisingActionPages, FundraisingActionSerializer
    ordering_fields = ["date", "income", "costs", "title"]


class ProjectGrantViewSet(ServiceModelViewSet):
    """Grants the circle gives to projects, with the proof of use."""

    pages, serializer_class = ProjectGrantPages, ProjectGrantSerializer
    ordering_fields = ["decided_on", "amount", "status"]


class DonationReceiptViewSet(ServiceViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Donation receipts issued (coordinator only)."""

    pages, serializer_class = DonationReceiptPages, DonationReceiptSerializer
    ordering_fields = ["issued_on", "number", "total"]
