"""The monitoring list in the API: flagged alliances, their reasons as codes and German
labels, and their coordinators' addresses (the state coordination office only)."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.fields import district_name
from regional.selectors.monitoring import Reason


class ReasonSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=Reason.choices, help_text=_("The reason's code."))
    label = serializers.CharField(help_text=_("The reason in German."))


class MonitoringSerializer(serializers.Serializer):
    """One flagged alliance (``row.alliance``) with its ``row.flags``."""

    id = serializers.IntegerField(source="alliance.pk", help_text=_("Identifier of the alliance."))
    name = serializers.CharField(source="alliance.name", help_text=_("Name of the alliance."))
    slug = serializers.CharField(source="alliance.slug", help_text=_("Short name of the alliance."))
    district = serializers.CharField(
        source="alliance.district",
        help_text=_("Official key (AGS, five digits) of the alliance's district."),
    )
    district_name = district_name("alliance.district_name")
    reasons = serializers.SerializerMethodField(help_text=_("Why the alliance is listed."))
    unchanged_since = serializers.DateField(
        source="flags.unchanged_since",
        allow_null=True,
        help_text=_("The figures have been the same since this day (stale figures only)."),
    )
    last_login = serializers.DateTimeField(
        source="flags.last_login",
        allow_null=True,
        help_text=_("The latest login of any of its coordinators (null: never)."),
    )
    missed_meetings = serializers.ListField(
        source="flags.missed",
        child=serializers.DateField(),
        help_text=_("Dates of the missed regional meetings (missed meetings only)."),
    )
    coordinator_emails = serializers.ListField(
        source="flags.coordinator_emails",
        child=serializers.EmailField(),
        help_text=_("E-mail addresses of its local coordinators."),
    )

    @extend_schema_field(ReasonSerializer(many=True))
    def get_reasons(self, row) -> list[dict[str, str]]:
        # The label in German whatever the caller's language, as the UI shows it.
        with translation.override("de"):
            reasons = [
                {"code": code, "label": str(Reason(code).label)} for code in row.flags.reasons
            ]
        return ReasonSerializer(reasons, many=True).data
