"""What the API of every kind of meeting shares: sending its agenda or minutes as PDF to
the invitees, through the room's service (as the meeting page's buttons do)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from api.serializers.meetings import MeetingDocumentSendSerializer, MeetingDocumentSentSerializer
from api.viewsets import through_service


class MeetingDocumentsMixin:
    """``POST <meeting>/send/`` with ``{"document": "agenda" | "minutes"}``; the ViewSet
    names the room's service in ``document_send_service`` (a staticmethod) and the
    permission of the ``send`` action."""

    document_send_service = None

    def initialize_request(self, request, *args, **kwargs):
        request = super().initialize_request(request, *args, **kwargs)
        if self.action is None and "send" in (self.action_map or {}).values():
            # A method the send route does not offer is asked like sending: 401 or 404
            # first (nothing is revealed), then 405.
            self.action = "send"
        return request

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
