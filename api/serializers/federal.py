"""Serializers of the federal service office: Germany's figures per state (aggregated,
suppressed), programmes with participants and milestones, the alliance of the month."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.records import RecordSerializer
from federal.forms import AwardForm, MilestoneForm, ParticipationForm, ProgrammeForm
from federal.models import Award
from federal.selectors.overview import HEADLINE_KEYS


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "number"}, {"type": "string"}]})
class FigureValueField(serializers.Field):
    """A figure as the federal office sees it: a number, or "<3" / "x" where hidden."""

    def to_representation(self, value):
        return value if isinstance(value, int | str) else str(value)


class StateFiguresSerializer(serializers.Serializer):
    key = serializers.CharField(help_text=_("Official key of the state (two digits)."))
    name = serializers.CharField(help_text=_("Name of the state."))
    alliances = serializers.IntegerField(help_text=_("Active alliances of the state."))
    reporting = serializers.IntegerField(
        help_text=_("Active alliances whose latest statistics are summed.")
    )
    taken_on = serializers.DateField(
        allow_null=True, help_text=_("Date of the newest statistics summed.")
    )
    figures = serializers.DictField(
        source="shown",
        child=FigureValueField(),
        help_text=_(
            "The summed figures by key (%(keys)s); small counts of people or organisations"
            ' are "<3", a figure that would give one away "x".'
        )
        % {"keys": ", ".join(HEADLINE_KEYS)},
    )


class ProgrammeSerializer(RecordSerializer):
    class Meta:
        form = ProgrammeForm
        help = {
            "id": _("Identifier of the programme."),
            "name": _("Name of the programme (unique)."),
            "kind": _("development_partnership or pilot_project."),
            "status": _("planned, running or completed."),
            "starts_on": _("When the programme starts."),
            "ends_on": _("When it ends (empty: open)."),
            "description": _("What the programme is about."),
            "participant_count": _("Participating alliances."),
            "open_milestone_count": _("Milestones not yet done."),
        }


class ParticipationSerializer(RecordSerializer):
    class Meta:
        form = ParticipationForm
        help = {
            "id": _("Identifier of the participation."),
            "programme": _("Identifier of the programme."),
            "alliance": _("Identifier of the participating alliance (any state)."),
            "joined_on": _("When the alliance joined."),
            "alliance_name": _("Name of the alliance."),
        }


class MilestoneSerializer(RecordSerializer):
    class Meta:
        form = MilestoneForm
        help = {
            "id": _("Identifier of the milestone."),
            "programme": _("Identifier of the programme."),
            "title": _("The milestone."),
            "due_on": _("When it is due."),
            "done_on": _("When it was done (empty while open)."),
        }


class AwardSerializer(RecordSerializer):
    month = serializers.DateField(
        help_text=_("Any day of the month (stored as its first day); one award per month.")
    )

    class Meta:
        form = AwardForm
        help = {
            "id": _("Identifier of the award."),
            "alliance": _("Identifier of the alliance honoured."),
            "citation": _("Why the alliance is honoured."),
            "published": _("Whether the award is shown publicly."),
            "alliance_name": _("Name of the alliance."),
        }


class PublicAwardSerializer(RecordSerializer):
    alliance_name = serializers.CharField(
        source="alliance.name", read_only=True, help_text=_("Name of the alliance.")
    )
    state = serializers.CharField(
        source="alliance.state_id", read_only=True, help_text=_("Official key of its state.")
    )

    class Meta:
        model = Award
        fields = ["month", "alliance_name", "state", "citation"]
        read_only = "__all__"
        help = {
            "month": _("The month (its first day)."),
            "citation": _("Why the alliance is honoured."),
        }
