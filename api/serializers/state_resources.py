"""Serializers of the state area's resources (statistics snapshots, regional meetings)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.fields import related_text
from core.figures import ALLIANCE_FIGURES
from regional.models import (
    AgendaItem,
    AllianceSetup,
    AllianceSnapshot,
    Invitation,
    RegionalMeeting,
    Report,
    ReportStatus,
    SetupStage,
    SetupTask,
)
from regional.selectors.meetings import invitable_alliances
from regional.selectors.setups import mentor_choices
from regional.services.provisioning import slug_problem
from tenants.models import Alliance

SNAPSHOT_HELP = {
    "id": _("Identifier of the snapshot."),
    "alliance": _("Identifier of the alliance."),
    "taken_on": _("Day the figures were taken."),
    "year": _("Year of the activity figures."),
    **{
        item.key: item.help_text
        for item in [*ALLIANCE_FIGURES.figures, *ALLIANCE_FIGURES.breakdowns]
        if item.key != "care_guides_share"  # a property: declared below
    },
}


class AllianceSnapshotSerializer(serializers.ModelSerializer):
    """One alliance's figures on one day (figures only, no persons)."""

    alliance_name = serializers.CharField(
        source="alliance.name", read_only=True, help_text=_("Name of the alliance.")
    )
    alliance_slug = serializers.CharField(
        source="alliance.slug", read_only=True, help_text=_("Short name of the alliance.")
    )
    district = serializers.CharField(
        source="alliance.district", read_only=True, help_text=_("District code of the alliance.")
    )
    care_guides_share = serializers.FloatField(
        read_only=True, help_text=ALLIANCE_FIGURES["care_guides_share"].help_text
    )

    class Meta:
        model = AllianceSnapshot
        fields = [
            "id", "alliance", "alliance_name", "alliance_slug", "district", "taken_on", "year",
            "partners_total", "companies", "partners_with_care_guides", "care_guides_total",
            "care_guides_share", "valid_seals", "projects_total", "families_reached", "events",
            "event_participants", "funding_total", "board_meetings_held", "partners_by_kind",
            "projects_by_topic", "projects_by_status", "funding_by_kind",
        ]  # fmt: skip
        read_only_fields = fields
        extra_kwargs = {name: {"help_text": text} for name, text in SNAPSHOT_HELP.items()}


class AgendaEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["id", "position", "start_time", "duration_minutes", "title", "speaker"]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("Identifier of the agenda item.")},
            "position": {"help_text": _("Position on the agenda, from 1.")},
            "start_time": {"help_text": _("When the item begins.")},
            "duration_minutes": {"help_text": _("Length of the item in minutes.")},
            "title": {"help_text": _("The agenda item.")},
            "speaker": {"help_text": _("Who speaks on the item.")},
        }


class ReplyCountsSerializer(serializers.Serializer):
    invited = serializers.IntegerField(source="invited_count", help_text=_("People invited."))
    attending = serializers.IntegerField(
        source="attending_count", help_text=_("Replies: attending.")
    )
    declined = serializers.IntegerField(
        source="declined_count", help_text=_("Replies: not attending.")
    )
    pending = serializers.IntegerField(source="pending_count", help_text=_("No reply yet."))


class RegionalMeetingSerializer(serializers.ModelSerializer):
    """A regional meeting with its agenda and the counts of replies (no invitee names)."""

    host_alliance = serializers.PrimaryKeyRelatedField(
        queryset=invitable_alliances(),
        allow_null=True,
        required=False,
        help_text=_("Identifier of the alliance hosting the meeting."),
    )
    host_alliance_name = related_text("host_alliance.name", _("Name of the host alliance."))
    agenda = AgendaEntrySerializer(many=True, read_only=True, help_text=_("The agenda, in order."))
    replies = ReplyCountsSerializer(
        source="*", read_only=True, help_text=_("Counts of the invitations' replies.")
    )

    class Meta:
        model = RegionalMeeting
        fields = [
            "id", "title", "kind", "date", "start_time", "end_time", "place", "host_alliance",
            "host_alliance_name", "moderation", "description", "status", "minutes_status",
            "minutes_published_on", "agenda", "replies", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = [
            "id", "status", "minutes_status", "minutes_published_on", "created_at", "updated_at",
        ]  # fmt: skip
        extra_kwargs = {
            "id": {"help_text": _("Identifier of the meeting.")},
            "title": {"help_text": _("Title of the meeting.")},
            "kind": {"help_text": _("Kind of meeting.")},
            "date": {"help_text": _("Day of the meeting.")},
            "start_time": {"help_text": _("When the meeting begins.")},
            "end_time": {"help_text": _("When the meeting ends.")},
            "place": {"help_text": _("Where the meeting takes place.")},
            "moderation": {"help_text": _("Who moderates the meeting.")},
            "description": {"help_text": _("Description of the meeting.")},
            "status": {"help_text": _("Planned, held or cancelled.")},
            "minutes_status": {"help_text": _("Whether minutes exist and are published.")},
            "minutes_published_on": {"help_text": _("When the minutes were published.")},
            "created_at": {"help_text": _("When the record was created.")},
            "updated_at": {"help_text": _("When the record was last changed.")},
        }


class SetupTaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = SetupTask
        fields = ["id", "position", "title", "due_on", "done_on", "note"]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("Identifier of the checklist item.")},
            "position": {"help_text": _("Position on the checklist.")},
            "title": {"help_text": _("The checklist item.")},
            "due_on": {"help_text": _("When the item is due.")},
            "done_on": {"help_text": _("When the item was done (empty while open).")},
            "note": {"help_text": _("Note on the item.")},
        }


class AllianceSetupSerializer(serializers.ModelSerializer):
    """A new alliance in the pipeline; the stage changes only through ``move``."""

    mentor = serializers.PrimaryKeyRelatedField(
        queryset=mentor_choices(),
        allow_null=True,
        required=False,
        help_text=_("Identifier of the person of the state office accompanying the setup."),
    )
    open_task_count = serializers.IntegerField(read_only=True, help_text=_("Open checklist items."))
    overdue_task_count = serializers.IntegerField(
        read_only=True, help_text=_("Overdue checklist items.")
    )
    next_due_on = serializers.DateField(
        read_only=True, allow_null=True, help_text=_("When the next open item is due.")
    )
    tasks = SetupTaskSerializer(many=True, read_only=True, help_text=_("The checklist, in order."))

    class Meta:
        model = AllianceSetup
        fields = [
            "id", "place", "district", "initiators", "mentor", "stage", "notes",
            "alliance_name", "slug", "host_organisation", "coordinator_name",
            "coordinator_email", "alliance", "provisioning_status", "provisioning_step",
            "provisioning_error", "open_task_count", "overdue_task_count", "next_due_on",
            "tasks", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = [
            "id", "stage", "alliance", "provisioning_status", "provisioning_step",
            "provisioning_error", "created_at", "updated_at",
        ]  # fmt: skip
        extra_kwargs = {
            "id": {"help_text": _("Identifier of the setup.")},
            "place": {"help_text": _("Where the alliance is being founded.")},
            "district": {"help_text": _("District code.")},
            "initiators": {"help_text": _("Who initiates the alliance.")},
            "stage": {"help_text": _("Stage in the pipeline (change it with move).")},
            "notes": {"help_text": _("Notes of the state office.")},
            "alliance_name": {"help_text": _("Name of the alliance on the platform.")},
            "slug": {"help_text": _("Short name that becomes the web address.")},
            "host_organisation": {"help_text": _("The alliance's host organisation.")},
            "coordinator_name": {"help_text": _("The first coordinator.")},
            "coordinator_email": {
                "help_text": _("Receives the invitation when the setup becomes active.")
            },
            "alliance": {"help_text": _("Identifier of the alliance once on the platform.")},
            "provisioning_status": {"help_text": _("State of the set-up on the platform.")},
            "provisioning_step": {"help_text": _("Current step of the set-up.")},
            "provisioning_error": {"help_text": _("Why the set-up failed, if it did.")},
            "created_at": {"help_text": _("When the record was created.")},
            "updated_at": {"help_text": _("When the record was last changed.")},
        }

    def validate_slug(self, value):
        # The same checks as the HTML form (regional.forms.setups.AllianceSetupForm).
        slug = (value or "").strip().lower()
        instance = self.instance
        if not slug or (instance is not None and instance.alliance_id):
            return slug
        problem = slug_problem(slug, own_alliance_id=getattr(instance, "alliance_id", None))
        if problem:
            raise serializers.ValidationError(problem)
        others = AllianceSetup.objects.filter(slug=slug)
        if instance is not None:
            others = others.exclude(pk=instance.pk)
        if others.exists():
            raise serializers.ValidationError(
                _("Another new alliance already uses this short name.")
            )
        return slug

    def validate_alliance_name(self, value):
        name = " ".join((value or "").split())
        if not name:
            return name
        instance = self.instance
        alliances = Alliance.objects.filter(name__iexact=name)
        others = AllianceSetup.objects.filter(alliance_name__iexact=name)
        if instance is not None:
            alliances = alliances.exclude(pk=instance.alliance_id)
            others = others.exclude(pk=instance.pk)
        if alliances.exists():
            raise serializers.ValidationError(_("An alliance with this name exists already."))
        if others.exists():
            raise serializers.ValidationError(_("Another new alliance already has this name."))
        return name

    def validate_coordinator_email(self, value):
        return (value or "").strip().lower()


class SetupMoveSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(
        choices=SetupStage.choices, help_text=_("The stage to move the setup to.")
    )


# ---------------------------------------------------------------- reports to the ministry

REPORT_HELP = {
    "id": _("Identifier of the report."),
    "title": _("Title of the report."),
    "period_kind": _("Yearly or quarterly report."),
    "year": _("Year the report covers."),
    "quarter": _("Quarter the report covers (quarterly reports only)."),
    "status": _("Draft, being generated, generated, failed or released."),
    "snapshot_date": _("Date of the figures the report was made from."),
    "suppression_threshold": _("Numbers below this are suppressed."),
    "generated_at": _("When the files were generated."),
    "released_at": _("When the report was released to the ministry."),
    "created_at": _("When the record was created."),
    "updated_at": _("When the record was last changed."),
    "summary": _("Summary (no e-mail addresses or phone numbers)."),
    "highlights": _("Highlights."),
    "problems": _("Problems raised by the alliances."),
    "plans": _("Plans."),
}
REPORT_FORMATS = ("pdf", "xlsx", "csv")
REPORT_FILE_FIELDS = {"pdf": "pdf_file", "xlsx": "xlsx_file", "csv": "csv_file"}
_WITH_FILES = (ReportStatus.READY, ReportStatus.RELEASED)


class ReportSerializer(serializers.ModelSerializer):
    """A report to the ministry, without its texts and figures (see the detail)."""

    period_label = serializers.CharField(read_only=True, help_text=_("The period, e.g. Q2 2026."))
    html_url = serializers.SerializerMethodField(help_text=_("The report's page in the web UI."))
    downloads = serializers.SerializerMethodField(
        help_text=_("Download addresses of the generated files by format (pdf, xlsx, csv).")
    )

    class Meta:
        model = Report
        fields = [
            "id", "title", "period_kind", "year", "quarter", "period_label", "status",
            "snapshot_date", "suppression_threshold", "generated_at", "released_at",
            "html_url", "downloads", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = [
            "id", "status", "snapshot_date", "suppression_threshold", "generated_at",
            "released_at", "created_at", "updated_at",
        ]  # fmt: skip
        extra_kwargs = {name: {"help_text": text} for name, text in REPORT_HELP.items()}

    def _absolute(self, path: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path

    def get_html_url(self, report) -> str:
        return self._absolute(reverse("report-detail", args=[report.pk]))

    def get_downloads(self, report) -> dict[str, str]:
        if report.status not in _WITH_FILES:
            return {}
        return {
            fmt: self._absolute(reverse("report-download", args=[report.pk, fmt]))
            for fmt in REPORT_FORMATS
            if getattr(report, REPORT_FILE_FIELDS[fmt]).name
        }


class ReportDetailSerializer(ReportSerializer):
    """One report with its texts."""

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "summary", "highlights", "problems", "plans"]


class ReportUpdateSerializer(ReportDetailSerializer):
    """Only the title and the texts can change (the period is fixed once created)."""

    class Meta(ReportDetailSerializer.Meta):
        read_only_fields = [
            *ReportSerializer.Meta.read_only_fields, "period_kind", "year", "quarter",
        ]  # fmt: skip


class InvitationSerializer(serializers.ModelSerializer):
    """An invited person and their reply, as the organiser sees them (never the token)."""

    alliance_name = related_text("alliance.name", _("Invited alliance."))

    class Meta:
        model = Invitation
        fields = [
            "id", "meeting", "alliance", "alliance_name", "name", "email", "response",
            "responded_at", "sent_at", "reminder_week_sent_at", "reminder_day_sent_at",
        ]  # fmt: skip
        read_only_fields = fields
        extra_kwargs = {
            "meeting": {"help_text": _("Identifier of the regional meeting.")},
            "alliance": {"help_text": _("Identifier of the invited alliance, if any.")},
            "name": {"help_text": _("Name of the invited person.")},
            "email": {"help_text": _("E-mail address of the invited person.")},
            "response": {"help_text": _("The reply: attending, not attending, or none yet.")},
            "responded_at": {"help_text": _("When the person replied.")},
            "sent_at": {"help_text": _("When the invitation was sent.")},
            "reminder_week_sent_at": {"help_text": _("When the reminder a week before went out.")},
            "reminder_day_sent_at": {"help_text": _("When the reminder a day before went out.")},
        }
