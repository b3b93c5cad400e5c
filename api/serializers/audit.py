"""The audit trail as the API reads it: each entry with its German sentence and its
changes as before and after (``kernel.audit.presenter``, as on the trail's page)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class AuditChangeSerializer(serializers.Serializer):
    field = serializers.CharField(source="label", help_text=_("Name of the changed field."))
    before = serializers.CharField(
        allow_null=True, help_text=_("Value before the change; null for a plain value.")
    )
    after = serializers.CharField(help_text=_("Value after the change."))


class AuditEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="entry.pk")
    time = serializers.DateTimeField(source="entry.created_at")
    person = serializers.CharField(source="actor", help_text=_("Who made the change."))
    sentence = serializers.CharField(help_text=_("What happened, as a sentence."))
    action = serializers.CharField(source="entry.action", help_text=_("Code of the action."))
    object_type = serializers.CharField(
        source="entry.object_type", help_text=_("Type code of the changed record.")
    )
    object_type_label = serializers.CharField(
        source="object_type", help_text=_("Name of the type of the changed record.")
    )
    object_id = serializers.CharField(source="entry.object_id")
    object = serializers.CharField(source="entry.object_repr", help_text=_("The changed record."))
    changes = AuditChangeSerializer(many=True)
