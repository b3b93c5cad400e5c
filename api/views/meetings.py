"""What the API of every kind of meeting shares: sending its agenda or minutes as PDF to
the invitees, through the room's service (as the meeting page's buttons do)."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from api.serializers.meetings import MeetingDocumentSendSerializer, MeetingDocumentSentSerializer
from api.viewsets import ActionRouteMixin, through_service
from kernel.meetings.documents import ATTENDANCE, MINUTES, PRINTED, filename
from kernel.meetings.models import MeetingStatus
from tenants.permissions import access_for


class MeetingDocumentsMixin(ActionRouteMixin):
    """``GET <meeting>/pdf/?document=agenda|minutes|attendance`` and ``POST <meeting>/send/`` with
    ``{"document": "agenda" | "minutes"}``; the ViewSet names the room's declaration in
    ``documents`` (``kernel.meetings.documents.MeetingDocuments``), its service in
    ``document_send_service`` (a staticmethod), the permission that sees draft minutes
    in ``document_manage_permission`` and the permissions of both actions."""

    document_send_service = None
    documents = None
    document_manage_permission = ""
    route_action = "send"

    @extend_schema(request=MeetingDocumentSendSerializer, responses=MeetingDocumentSentSerializer)
    @action(detail=True, methods=["post"])
    def send(self, request, pk=None):
        """Queue one e-mail per invitee with the document as PDF attached. Minutes only
        once approved (board) or published (regional); 400 when nobody has an address."""
        meeting = self.get_object()
        data = MeetingDocumentSendSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document = data.validated_data["document"]
        count = through_service(
            self.document_send_service, actor=request.user, meeting=meeting, document=document
        )
        return Response({"document": document, "recipients": count})

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "document",
                str,
                enum=list(PRINTED),
                description=_(
                    "The agenda (default), the minutes or the attendance list (for those "
                    "who manage the meetings)."
                ),
            )
        ],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        """The agenda with the invitation, the minutes or the attendance list as PDF under
        the sender's letterhead; draft minutes and the attendance list only to people who
        manage the meetings, no attendance list of a cancelled meeting (else 404)."""
        meeting = self.get_object()
        document = request.query_params.get("document", "agenda")
        if document not in PRINTED:
            raise ValidationError({"document": [_("Unknown document.")]})
        manages = access_for(request).can(self.document_manage_permission)
        if document == MINUTES and not (
            meeting.minutes.strip() and (meeting.minutes_final or manages)
        ):
            raise NotFound
        if document == ATTENDANCE and not (
            manages and self.documents.attendees and meeting.status != MeetingStatus.CANCELLED
        ):
            raise NotFound
        response = HttpResponse(
            self.documents.pdf(meeting, document), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename(meeting, document)}"'
        return response
