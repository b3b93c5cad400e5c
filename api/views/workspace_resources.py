"""Workspace resources on an alliance's host: contacts, projects, events, funding,
holiday offers, applications, board meetings and seals.

Reads come from the selectors, writes go through the same services as the HTML views;
where a model's pages are declared, the resource is that declaration served as JSON.
"""

from __future__ import annotations

from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from api.ordering import StableOrderingFilter
from api.serializers.workspace_resources import (
    ApplicationSerializer,
    BoardMeetingSerializer,
    ContactPersonSerializer,
    DecisionSerializer,
    EventSerializer,
    FundingEntrySerializer,
    HolidayOfferSerializer,
    ProjectSerializer,
    SealApplicationSerializer,
    WorkingGroupSerializer,
)
from api.views.meetings import MeetingDocumentsMixin
from api.viewsets import (
    ActionRouteMixin,
    ServiceModelViewSet,
    ServiceViewSetMixin,
    crud_permissions,
    through_service,
)
from core.documents import (
    BOARD_DOCUMENTS,
    LETTER_OUTCOMES,
    decision_letter_filename,
    decision_letter_pdf,
)
from core.filters.partners import ContactPersonFilter
from core.selectors.admissions import decision_list
from core.selectors.partners import contact_list
from core.services import admissions as admission_services
from core.services import board as board_services
from core.services import holidays as holiday_services
from core.services import partners as partner_services
from core.views.admissions import ApplicationPages
from core.views.board import BoardMeetingPages
from core.views.funding import FundingPages
from core.views.holidays import HolidayPages
from core.views.projects import EventPages, ProjectPages, WorkingGroupPages
from core.views.seal import SealPages

# ---------------------------------------------------------------- contacts


class ContactPersonViewSet(ServiceModelViewSet):
    """Contact persons at the partners (like the partners: coordinators change them)."""

    serializer_class = ContactPersonSerializer
    filterset_class = ContactPersonFilter
    ordering_fields = ["last_name", "first_name", "partner__name", "is_primary", "created_at"]
    ordering = ["partner__name", "-is_primary", "last_name"]
    required_permissions = crud_permissions("alliance.partners.view", "alliance.partners.change")

    selector = contact_list
    record_services = partner_services, "contact"


# ---------------------------------------------------------------- projects


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "partner", OpenApiTypes.INT, description=_("Partner involved (identifier).")
            )
        ]
    )
)
class ProjectViewSet(ServiceModelViewSet):
    """The alliance's projects."""

    pages, serializer_class = ProjectPages, ProjectSerializer
    ordering_fields = ["title", "topic", "status", "start_date", "end_date", "families_reached"]
    ordering = ["-start_date", "title"]


# ---------------------------------------------------------------- working groups


class WorkingGroupViewSet(ServiceModelViewSet):
    """The alliance's working groups and their member partners."""

    pages, serializer_class = WorkingGroupPages, WorkingGroupSerializer
    ordering_fields = ["name", "topic", "is_active", "member_count"]


# ---------------------------------------------------------------- events


class EventViewSet(ServiceModelViewSet):
    """The alliance's events."""

    pages, serializer_class = EventPages, EventSerializer
    ordering_fields = ["date", "title", "kind", "participant_count"]
    order = ("-date", "title")


# ---------------------------------------------------------------- funding entries


class FundingEntryViewSet(ServiceModelViewSet):
    """Money the alliance received."""

    pages, serializer_class = FundingPages, FundingEntrySerializer
    ordering_fields = ["received_on", "amount", "kind"]


# ---------------------------------------------------------------- holiday offers


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "month", OpenApiTypes.INT, enum=list(range(1, 13)), description=_("Month (1-12).")
            )
        ]
    )
)
class HolidayOfferViewSet(ServiceModelViewSet):
    """The holiday programme as the workspace sees it, published or not."""

    pages, serializer_class = HolidayPages, HolidayOfferSerializer
    ordering_fields = ["start_date", "end_date", "title", "organiser", "age_min", "price"]
    ordering = ["start_date", "title"]

    @transaction.atomic
    def perform_update(self, serializer):
        """Publishing or withdrawing is its own service step (and audit action)."""
        published = serializer.validated_data.pop("is_published", None)
        super().perform_update(serializer)
        offer = serializer.instance
        if published is not None and published != offer.is_published:
            serializer.instance = through_service(
                holiday_services.holiday_offer_set_published,
                actor=self.request.user,
                offer=offer,
                published=published,
            )


# ---------------------------------------------------------------- applications


class ApplicationViewSet(
    ServiceViewSetMixin,  # first: its perform_* call the services, not serializer.save()
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Admission applications; the coordinator records and corrects pending ones, the
    status changes only through the board's decision (not offered here)."""

    pages, serializer_class = ApplicationPages, ApplicationSerializer
    ordering_fields = ["received_on", "organisation_name", "status", "kind", "city"]
    ordering = ["-received_on", "organisation_name"]


# ---------------------------------------------------------------- read only: board, seal


class _ReadOnlyViewSet(ServiceViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Read from ``selector()`` in its fixed ``order``; nothing is written here."""


class BoardMeetingViewSet(MeetingDocumentsMixin, _ReadOnlyViewSet):
    """The board's meetings: upcoming ones first (soonest first), then past ones; their
    agenda and approved minutes are sent to the board members with ``send``."""

    pages, serializer_class = BoardMeetingPages, BoardMeetingSerializer
    ordering_fields = ["date", "title", "status", "minutes_status"]
    ordering, order = ["timeline", "pk"], ("timeline",)
    required_permissions = {
        **crud_permissions(BoardMeetingPages.view_permission),
        "send": BoardMeetingPages.change_permission,
        "pdf": BoardMeetingPages.view_permission,
    }
    document_send_service = staticmethod(board_services.meeting_document_send)
    documents = BOARD_DOCUMENTS
    document_manage_permission = BoardMeetingPages.change_permission


class SealApplicationViewSet(_ReadOnlyViewSet):
    """Applications for the family seal, with their checklist counts."""

    pages, serializer_class = SealPages, SealApplicationSerializer
    ordering_fields = ["submitted_on", "status", "awarded_on", "valid_until", "partner__name"]
    ordering, order = ["-submitted_on", "pk"], ("-submitted_on",)


# ---------------------------------------------------------------- decisions


class DecisionViewSet(
    ServiceViewSetMixin,  # first: its perform_create calls the service
    ActionRouteMixin,
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):  # fmt: skip
    """The board's decisions; recording one admits, rejects or defers the application
    exactly as the board's form does (partner, contact person, e-mail to the applicant)."""

    serializer_class = DecisionSerializer
    filter_backends = [StableOrderingFilter]
    ordering_fields = ["created_at", "outcome"]
    ordering = ["-created_at"]
    required_permissions = {
        **crud_permissions(
            "alliance.applications.view", "alliance.applications.decide", writes=("create",)
        ),
        "letter": "alliance.applications.view",
        "send_letter": "alliance.applications.decide",
    }

    selector, order = decision_list, ("-created_at", "-pk")
    create_service, fresh_after_write = admission_services.decision_record, True
    route_action = "send_letter"

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def letter(self, request, pk=None):
        """The board's letter to the applicant as PDF (admitted or rejected; a deferred
        decision or an anonymised application has none: 404)."""
        decision = self.get_object()
        if decision.outcome not in LETTER_OUTCOMES or decision.application.anonymised_at:
            raise NotFound
        response = HttpResponse(decision_letter_pdf(decision), content_type="application/pdf")
        name = decision_letter_filename(decision)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    @extend_schema(
        request=None,
        responses=inline_serializer(
            "DecisionLetterSent", {"recipients": serializers.IntegerField()}
        ),
    )
    @action(detail=True, methods=["post"], url_path="send-letter")
    def send_letter(self, request, pk=None):
        """Send the board's letter as PDF to the applicant by e-mail, as the application's
        page does (400 for a deferral, an anonymised application or without an address)."""
        decision = self.get_object()
        through_service(admission_services.decision_letter_send, actor=request.user,
                        decision=decision)  # fmt: skip
        return Response({"recipients": 1})
