"""The federal service office's API (state host, /api/v1/federal/...): Germany's
figures per state (aggregates only, suppressed as on the page), the programmes with
their participants and milestones, and the alliance of the month (published ones for
everyone). Reads come from the selectors, writes go through the services."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.response import Response

from api.serializers.federal import (
    AwardSerializer,
    MilestoneSerializer,
    ParticipationSerializer,
    ProgrammeSerializer,
    PublicAwardSerializer,
    StateFiguresSerializer,
)
from api.viewsets import PublicListViewSet, ServiceModelViewSet, crud_permissions
from federal.filters import MilestoneFilter, ParticipationFilter
from federal.models import Programme
from federal.selectors.awards import published_awards
from federal.selectors.overview import federal_overview
from federal.selectors.programmes import milestone_list, participation_list
from federal.services import programmes as programme_services
from federal.views.awards import AwardPages
from federal.views.programmes import MANAGE, VIEW, ProgrammePages

OVERVIEW = "federal.overview.view"


class StateFiguresViewSet(viewsets.GenericViewSet):
    """Every state's aggregated figures from its active alliances' latest statistics,
    with the ministry's small-number suppression (all 16 states, one query)."""

    serializer_class = StateFiguresSerializer
    queryset = Programme.objects.none()  # the rows are sums, not records
    pagination_class = None
    required_permissions = {"*": OVERVIEW}
    required_permission = OVERVIEW

    @extend_schema(responses=StateFiguresSerializer(many=True))
    def list(self, request):
        overview = federal_overview()
        return Response(StateFiguresSerializer(overview.states, many=True).data)


class ProgrammeViewSet(ServiceModelViewSet):
    """Cross-alliance programmes (development partnerships, pilot projects); a state
    office reads those its state's alliances take part in."""

    serializer_class = ProgrammeSerializer
    pages = ProgrammePages
    ordering_fields = ["name", "kind", "status", "starts_on", "ends_on", "participant_count"]
    fresh_after_write = True


class ParticipationViewSet(ServiceModelViewSet):
    """The alliances taking part in the programmes."""

    serializer_class = ParticipationSerializer
    filterset_class = ParticipationFilter
    ordering_fields = ["joined_on"]
    ordering = ["programme", "joined_on"]
    required_permissions = crud_permissions(VIEW, MANAGE)
    selector = participation_list
    record_services = programme_services, "participation"


class MilestoneViewSet(ServiceModelViewSet):
    """The programmes' milestones."""

    serializer_class = MilestoneSerializer
    filterset_class = MilestoneFilter
    ordering_fields = ["due_on", "done_on", "title"]
    ordering = ["due_on"]
    required_permissions = crud_permissions(VIEW, MANAGE)
    selector = milestone_list
    record_services = programme_services, "milestone"


class AwardViewSet(ServiceModelViewSet):
    """The alliance of the month, as the federal office manages it."""

    serializer_class = AwardSerializer
    pages = AwardPages
    ordering_fields = ["month"]


class PublicAwardViewSet(PublicListViewSet):
    """Published alliances of the month, newest first; no login needed."""

    serializer_class, selector = PublicAwardSerializer, published_awards
