"""The first-run checklist (alliance host) and the starter templates (state host)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.records import RecordSerializer
from core.models import ChecklistStatus
from core.onboarding import checklist_items
from kernel.starter import starter_category_choices, starter_kind_choices
from regional.forms.starter import StarterTemplateForm


class ChecklistItemSerializer(serializers.Serializer):
    key = serializers.CharField(read_only=True, help_text=_("Key of the checklist item."))
    label = serializers.CharField(read_only=True, help_text=_("The item, in German."))
    help = serializers.CharField(read_only=True, help_text=_("What the item asks for."))
    url = serializers.CharField(
        read_only=True, help_text=_("Page on the alliance's host where the item is done.")
    )
    status = serializers.ChoiceField(
        choices=ChecklistStatus.choices, read_only=True, help_text=_("Open, done or skipped.")
    )
    automatic = serializers.BooleanField(
        read_only=True, help_text=_("Done because the workspace's data shows it.")
    )
    marked_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text=_("When the coordinator marked the item.")
    )


class ChecklistMarkSerializer(serializers.Serializer):
    key = serializers.ChoiceField(choices=[], help_text=_("Key of the checklist item."))
    status = serializers.ChoiceField(
        choices=ChecklistStatus.choices, help_text=_("Mark as done, skipped or open again.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The registry is complete once the apps are ready (other capabilities add items).
        self.fields["key"].choices = [item.key for item in checklist_items()]


class StarterTemplateSerializer(RecordSerializer):
    """A template copied into every new alliance's workspace."""

    kind = serializers.ChoiceField(
        choices=[], help_text=_("Which catalogue the template belongs to.")
    )

    class Meta:
        form = StarterTemplateForm
        help = {
            "id": _("Identifier of the template."),
            "name": _("Name of the working group, measure or agenda template."),
            "category": _("Topic of a working group or category of a measure (else empty)."),
            "description": _("Description; for a standing agenda one item per line."),
            "is_active": _("Whether the template is copied into new alliances."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = starter_kind_choices()

    def validate(self, attrs):
        kind = attrs.get("kind", getattr(self.instance, "kind", ""))
        category = attrs.get("category", getattr(self.instance, "category", ""))
        if category and category not in dict(starter_category_choices(kind)):
            raise serializers.ValidationError(
                {"category": [_("This category does not fit the kind.")]}
            )
        return attrs
