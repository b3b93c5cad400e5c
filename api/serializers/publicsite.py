"""The public site's records in the API: awards and legal pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.records import RecordSerializer
from core.models import Award
from kernel.legal.models import LEGAL_TEXT_MAX_LENGTH, LegalKind


class AwardSerializer(RecordSerializer):
    class Meta:
        model = Award
        fields = [
            "id", "title", "awarded_by", "awarded_on", "link", "note", "is_public",
            "created_at", "updated_at",
        ]  # fmt: skip
        help = {
            "title": _("Title of the award, e.g. Bündnis des Monats August 2025."),
            "awarded_by": _("Who gave the award."),
            "awarded_on": _("Date of the award."),
            "link": _("Web address about the award, if any."),
            "note": _("The coordinator's note (not public)."),
            "is_public": _("Whether the award is shown on the public page."),
        }


class LegalPageSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=LegalKind.choices, read_only=True, help_text=_("Which legal page.")
    )
    title = serializers.CharField(read_only=True, help_text=_("Title of the page."))
    text = serializers.CharField(
        allow_blank=True,
        max_length=LEGAL_TEXT_MAX_LENGTH,
        help_text=_("Text with limited markdown; empty shows the default text."),
    )
    is_default = serializers.BooleanField(
        read_only=True, help_text=_("Whether the page shows the default text.")
    )
