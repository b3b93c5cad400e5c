"""Sending a meeting's documents (both kinds of meeting)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

DOCUMENT_CHOICES = [("agenda", _("Agenda")), ("minutes", _("Minutes"))]


class MeetingDocumentSendSerializer(serializers.Serializer):
    document = serializers.ChoiceField(
        choices=DOCUMENT_CHOICES,
        help_text=_("The document to send as PDF: the agenda, or the final minutes."),
    )


class MeetingDocumentSentSerializer(serializers.Serializer):
    document = serializers.ChoiceField(choices=DOCUMENT_CHOICES)
    recipients = serializers.IntegerField(help_text=_("How many invitees were sent an e-mail."))
