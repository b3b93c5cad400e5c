"""State-area resources on the parent domain: statistics snapshots and regional meetings.

Reads come from the selectors, writes go through the same services as the HTML views.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.serializers.attendance import (
    AttendanceSerializer,
    AttendanceWriteSerializer,
    RemindResultSerializer,
)
from api.serializers.state_resources import (
    AllianceSetupSerializer,
    AllianceSnapshotSerializer,
    InvitationSerializer,
    RegionalMeetingSerializer,
    ReportDetailSerializer,
    ReportSerializer,
    ReportUpdateSerializer,
    SetupMoveSerializer,
    StateMedianSerializer,
)
from api.views.meetings import MeetingDocumentsMixin
from api.viewsets import ServiceViewSetMixin, through_service
from regional.documents import REGIONAL_DOCUMENTS
from regional.filters.meetings import InvitationFilter, RegionalMeetingFilter
from regional.filters.reports import ReleasedReportFilter, ReportFilter
from regional.filters.setups import SetupFilter
from regional.filters.statistics import AllianceSnapshotApiFilter
from regional.models import AllianceSnapshot
from regional.selectors.alliances import state_median
from regional.selectors.attendance import attendance_summary, meeting_attendance
from regional.selectors.meetings import invitation_list, meeting_list_with_agenda
from regional.selectors.reports import released_reports, report_list
from regional.selectors.setups import setup_list_with_checklist
from regional.services import attendance as attendance_services
from regional.services import invitations as invitation_services
from regional.services import meetings as meeting_services
from regional.services import reports as report_services
from regional.services import setups as setup_services
from tenants.permissions import access_of

# ---------------------------------------------------------------- statistics snapshots


def snapshot_list():
    """Every snapshot with its alliance (one query whatever the number of rows)."""
    return AllianceSnapshot.objects.select_related("alliance").order_by(
        "-taken_on", "alliance__name", "pk"
    )


class AllianceSnapshotViewSet(ServiceViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Each alliance's dated figures (the state coordination office only; the ministry
    sees aggregated figures on the dashboard, not per-alliance rows)."""

    serializer_class = AllianceSnapshotSerializer
    filterset_class = AllianceSnapshotApiFilter
    ordering_fields = ["taken_on", "alliance__name", "partners_total", "families_reached",
                       "funding_total"]  # fmt: skip
    ordering = ["-taken_on", "alliance__name"]
    # Every action (and every method not offered: 401/404 first, then 405).
    required_permissions = {"*": "state.alliances.view"}
    selector = snapshot_list

    @extend_schema(responses=StateMedianSerializer, filters=False)
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def median(self, request):
        """The state's median of each summed figure over the active alliances' latest
        snapshots: what an alliance's page compares its figures with. An alliance's
        history is this list filtered by ``alliance``."""
        return Response(StateMedianSerializer(state_median()).data)


# ---------------------------------------------------------------- regional meetings


class RegionalMeetingViewSet(
    MeetingDocumentsMixin,
    ServiceViewSetMixin,  # first of the rest: its perform_* call the services
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Regional meetings with their agenda and reply counts (no invitee names)."""

    serializer_class = RegionalMeetingSerializer
    filterset_class = RegionalMeetingFilter
    ordering_fields = ["date", "title", "kind", "status", "invited_count", "attending_count"]
    ordering = ["-date", "-start_time"]
    # Every action (and every method not offered: 401/404 first, then 405).
    required_permissions = {"*": "state.meetings.manage"}
    document_send_service = staticmethod(meeting_services.meeting_document_send)
    documents, document_manage_permission = REGIONAL_DOCUMENTS, "state.meetings.manage"

    selector = meeting_list_with_agenda
    record_services, fresh_after_write = (meeting_services, "meeting"), True

    @extend_schema(request=None, responses=RemindResultSerializer)
    @action(detail=True, methods=["post"], serializer_class=RemindResultSerializer)
    def remind(self, request, pk=None):
        """E-mail everyone who has not replied yet a reminder (not twice within an hour)."""
        count = through_service(
            invitation_services.invitations_remind_pending,
            actor=request.user,
            meeting=self.get_object(),
        )
        return Response({"reminded": count})

    @extend_schema(methods=["GET"], responses=AttendanceSerializer)
    @extend_schema(
        methods=["PUT"], request=AttendanceWriteSerializer, responses=AttendanceSerializer
    )
    @action(detail=True, methods=["get", "put"], serializer_class=AttendanceSerializer)
    def attendance(self, request, pk=None):
        """Who came (GET); record the complete attendance (PUT)."""
        meeting = self.get_object()
        if request.method == "PUT":
            data = AttendanceWriteSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            through_service(
                attendance_services.attendance_record,
                actor=request.user,
                meeting=meeting,
                attended=data.validated_data["attended"],
                walk_ins=[
                    attendance_services.WalkInData(name=row["name"], alliance=row.get("alliance"))
                    for row in data.validated_data["walk_ins"]
                ],
            )
        invitations, walk_ins = meeting_attendance(meeting)
        summary = attendance_summary(invitations, walk_ins)
        return Response(
            AttendanceSerializer(
                {
                    "meeting": meeting.pk,
                    "recorded": summary.recorded,
                    "people": summary.people,
                    "alliances": summary.alliances,
                    "invitations": invitations,
                    "walk_ins": walk_ins,
                }
            ).data
        )


# ---------------------------------------------------------------- new-alliance setups


class AllianceSetupViewSet(
    ServiceViewSetMixin,  # first: its perform_* call the services
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """The new-alliance pipeline with each setup's checklist. ``POST .../move/`` changes
    the stage; moving to "active" puts the alliance on the platform."""

    serializer_class = AllianceSetupSerializer
    filterset_class = SetupFilter
    ordering_fields = ["place", "district", "stage", "alliance_name", "next_due_on",
                       "open_task_count", "overdue_task_count", "created_at"]  # fmt: skip
    ordering = ["stage", "place"]
    # Every action (and every method not offered: 401/404 first, then 405).
    required_permissions = {"*": "state.setups.manage"}

    selector = setup_list_with_checklist
    record_services = setup_services, "setup"

    @action(detail=True, methods=["post"], serializer_class=SetupMoveSerializer)
    def move(self, request, pk=None):
        """Move the setup to another stage (to "active": provisioning starts)."""
        return self.record_step(request, setup_services.setup_move, SetupMoveSerializer, "stage")


# ---------------------------------------------------------------- reports to the ministry

REPORTS_VIEW = "state.reports.view"
REPORTS_MANAGE = "state.reports.manage"


class ReportViewSet(
    ServiceViewSetMixin,  # first: its perform_* call the services
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Reports to the ministry: all of them for the state coordination office, the
    released ones only for the ministry (like the HTML views). No file bytes: the
    ``downloads`` addresses lead to the web UI's downloads."""

    ordering_fields = ["title", "year", "quarter", "status", "snapshot_date", "generated_at",
                       "released_at"]  # fmt: skip
    ordering = ["-year", "-quarter", "-pk"]
    required_permissions = {
        "*": REPORTS_VIEW,  # reading, and methods not offered: 401/404 first, then 405
        "create": REPORTS_MANAGE,
        "update": REPORTS_MANAGE,
        "partial_update": REPORTS_MANAGE,
    }

    def _manages(self) -> bool:
        request = self.request
        return access_of(request.user, getattr(request, "tenant", None)).can(REPORTS_MANAGE)

    @property
    def filterset_class(self):
        return ReportFilter if self._manages() else ReleasedReportFilter

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return ReportUpdateSerializer
        if self.action == "list":
            return ReportSerializer
        return ReportDetailSerializer

    def get_queryset(self):
        # The ministry sees released reports only (regional.views.reports does the same).
        queryset = report_list() if self._manages() else released_reports()
        if self.action != "list":
            queryset = queryset.defer(None)  # one report: with its texts
        return queryset.order_by("-year", "-quarter", "-pk")

    record_services = report_services, "report"


class InvitationViewSet(
    ServiceViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Who is invited to the regional meetings and how they replied (for the organiser)."""

    serializer_class = InvitationSerializer
    filterset_class = InvitationFilter
    ordering_fields = ["name", "response", "responded_at"]
    ordering = ["meeting", "name"]
    required_permissions = {"*": "state.meetings.manage"}
    selector = invitation_list
