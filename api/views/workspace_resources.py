"""Workspace resources on an alliance's host: contacts, projects, events, funding,
holiday offers, applications, board meetings and seals.

Reads come from the selectors, writes go through the same services as the HTML views.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

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
from api.viewsets import (
    ServiceModelViewSet,
    ServiceViewSetMixin,
    crud_permissions,
    through_service,
)
from core.filters.admissions import ApplicationFilter
from core.filters.board import BoardMeetingFilter
from core.filters.funding import FundingEntryFilter
from core.filters.holidays import HolidayOfferFilter
from core.filters.partners import ContactPersonFilter
from core.filters.projects import EventFilter, ProjectFilter, WorkingGroupFilter
from core.filters.seal import SealApplicationFilter
from core.selectors.admissions import application_list, decision_list
from core.selectors.board import meeting_list
from core.selectors.funding import funding_list
from core.selectors.holidays import holiday_offer_list
from core.selectors.partners import contact_list
from core.selectors.projects import event_list, project_list, working_group_list
from core.selectors.seal import seal_application_list
from core.services import admissions as admission_services
from core.services import funding as funding_services
from core.services import holidays as holiday_services
from core.services import partners as partner_services
from core.services import projects as project_services


class _WorkResource(ServiceModelViewSet):
    """Projects, working groups, events, funding and holiday offers: read with
    ``alliance.work.view``, written with ``alliance.work.change``."""

    required_permissions = crud_permissions("alliance.work.view", "alliance.work.change")


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
class ProjectViewSet(_WorkResource):
    """The alliance's projects."""

    serializer_class = ProjectSerializer
    filterset_class = ProjectFilter
    ordering_fields = ["title", "topic", "status", "start_date", "end_date", "families_reached"]
    ordering = ["-start_date", "title"]
    selector = project_list
    record_services = project_services, "project"
    fresh_after_write = True


# ---------------------------------------------------------------- working groups


class WorkingGroupViewSet(_WorkResource):
    """The alliance's working groups and their member partners."""

    serializer_class = WorkingGroupSerializer
    filterset_class = WorkingGroupFilter
    ordering_fields = ["name", "topic", "is_active", "member_count"]
    ordering = ["name"]
    selector = working_group_list
    record_services = project_services, "working_group", "group"
    fresh_after_write = True


# ---------------------------------------------------------------- events


class EventViewSet(_WorkResource):
    """The alliance's events."""

    serializer_class = EventSerializer
    filterset_class = EventFilter
    ordering_fields = ["date", "title", "kind", "participant_count"]
    ordering = ["-date"]
    selector, order = event_list, ("-date", "title")
    record_services = project_services, "event"


# ---------------------------------------------------------------- funding entries


class FundingEntryViewSet(_WorkResource):
    """Money the alliance received."""

    serializer_class = FundingEntrySerializer
    filterset_class = FundingEntryFilter
    ordering_fields = ["received_on", "amount", "kind"]
    ordering = ["-received_on"]
    selector = funding_list
    record_services = funding_services, "funding_entry", "entry"


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
class HolidayOfferViewSet(_WorkResource):
    """The holiday programme as the workspace sees it, published or not."""

    serializer_class = HolidayOfferSerializer
    filterset_class = HolidayOfferFilter
    ordering_fields = ["start_date", "end_date", "title", "organiser", "age_min", "price"]
    ordering = ["start_date", "title"]
    selector = holiday_offer_list
    record_services = holiday_services, "holiday_offer", "offer"

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

    serializer_class = ApplicationSerializer
    filterset_class = ApplicationFilter
    ordering_fields = ["received_on", "organisation_name", "status", "kind", "city"]
    ordering = ["-received_on", "organisation_name"]
    required_permissions = crud_permissions(
        "alliance.applications.view",
        "alliance.partners.change",
        writes=("create", "update", "partial_update"),
    )

    selector = application_list
    record_services, fresh_after_write = (admission_services, "application"), True


# ---------------------------------------------------------------- read only: board, seal


class _ReadOnlyViewSet(ServiceViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Read from ``selector()`` in its fixed ``order``; nothing is written here."""


class BoardMeetingViewSet(_ReadOnlyViewSet):
    """The board's meetings: upcoming ones first (soonest first), then past ones."""

    serializer_class = BoardMeetingSerializer
    filterset_class = BoardMeetingFilter
    ordering_fields = ["date", "title", "status", "minutes_status"]
    ordering = ["timeline", "pk"]
    required_permissions = crud_permissions("alliance.board.view")
    selector, order = meeting_list, ("timeline",)


class SealApplicationViewSet(_ReadOnlyViewSet):
    """Applications for the family seal, with their checklist counts."""

    serializer_class = SealApplicationSerializer
    filterset_class = SealApplicationFilter
    ordering_fields = ["submitted_on", "status", "awarded_on", "valid_until", "partner__name"]
    ordering = ["-submitted_on", "pk"]
    required_permissions = crud_permissions("alliance.work.view")
    selector, order = seal_application_list, ("-submitted_on",)


def register(router) -> None:
    """Put these resources on the alliance host's router (mounted at /api/v1/)."""
    router.register("contacts", ContactPersonViewSet, basename="api-contacts")
    router.register("projects", ProjectViewSet, basename="api-projects")
    router.register("working-groups", WorkingGroupViewSet, basename="api-working-groups")
    router.register("events", EventViewSet, basename="api-events")
    router.register("funding-entries", FundingEntryViewSet, basename="api-funding-entries")
    router.register("holiday-offers", HolidayOfferViewSet, basename="api-holiday-offers")
    router.register("applications", ApplicationViewSet, basename="api-applications")
    router.register("decisions", DecisionViewSet, basename="api-decisions")
    router.register("board-meetings", BoardMeetingViewSet, basename="api-board-meetings")
    router.register("seals", SealApplicationViewSet, basename="api-seals")


# ---------------------------------------------------------------- decisions


class DecisionViewSet(
    ServiceViewSetMixin,  # first: its perform_create calls the service
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):  # fmt: skip
    """The board's decisions; recording one admits, rejects or defers the application
    exactly as the board's form does (partner, contact person, e-mail to the applicant)."""

    serializer_class = DecisionSerializer
    filter_backends = [StableOrderingFilter]
    ordering_fields = ["created_at", "outcome"]
    ordering = ["-created_at"]
    required_permissions = crud_permissions(
        "alliance.applications.view", "alliance.applications.decide", writes=("create",)
    )

    selector, order = decision_list, ("-created_at", "-pk")
    create_service, fresh_after_write = admission_services.decision_record, True
