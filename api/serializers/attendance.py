"""Serializers of a regional meeting's attendance and of the reminder to reply
(state area: ``/api/v1/regional-meetings/<id>/attendance/`` and ``.../remind/``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.fields import related_text
from regional.selectors.meetings import invitable_alliances


class AttendeeInvitationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text=_("Identifier of the invitation."))
    name = serializers.CharField(read_only=True, help_text=_("Name of the invited person."))
    alliance = serializers.IntegerField(
        source="alliance_id", read_only=True, allow_null=True,
        help_text=_("Identifier of the invited alliance, if any."),
    )  # fmt: skip
    alliance_name = related_text("alliance.name", _("Invited alliance."), optional=True)
    response = serializers.CharField(
        read_only=True, help_text=_("The reply: attending, not attending, or none yet.")
    )
    attended = serializers.BooleanField(
        read_only=True, allow_null=True,
        help_text=_("Whether the person came (null: attendance not recorded)."),
    )  # fmt: skip


class WalkInSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text=_("Identifier of the entry."))
    name = serializers.CharField(
        max_length=200, help_text=_("Name of the person who came without an invitation.")
    )
    alliance = serializers.PrimaryKeyRelatedField(
        queryset=invitable_alliances(), allow_null=True, required=False,
        help_text=_("Identifier of the alliance the person came for, if any."),
    )  # fmt: skip
    alliance_name = related_text(
        "alliance.name", _("The alliance the person came for."), optional=True
    )


class AttendanceSerializer(serializers.Serializer):
    """Who came to the meeting: every invitee with their attendance, and the walk-ins."""

    meeting = serializers.IntegerField(read_only=True, help_text=_("Identifier of the meeting."))
    recorded = serializers.BooleanField(
        read_only=True, help_text=_("Whether the attendance has been recorded.")
    )
    people = serializers.IntegerField(read_only=True, help_text=_("How many people came."))
    alliances = serializers.IntegerField(
        read_only=True, help_text=_("From how many alliances people came.")
    )
    invitations = AttendeeInvitationSerializer(many=True, read_only=True)
    walk_ins = WalkInSerializer(many=True, read_only=True)


class AttendanceWriteSerializer(serializers.Serializer):
    """The complete attendance: the invitations whose person came (all others did not)
    and the people who came without an invitation (replacing those recorded before)."""

    attended = serializers.ListField(
        child=serializers.IntegerField(min_value=1), allow_empty=True,
        help_text=_("Identifiers of the invitations whose person came."),
    )  # fmt: skip
    walk_ins = WalkInSerializer(many=True, required=False, default=list)


class RemindResultSerializer(serializers.Serializer):
    reminded = serializers.IntegerField(
        read_only=True, help_text=_("How many people who had not replied were reminded.")
    )
