"""Serializers of the state area's resources (statistics snapshots, regional meetings)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.fields import DistrictField, district_name
from api.serializers.records import RecordSerializer
from core.figures import ALLIANCE_FIGURES
from regional.forms.meetings import RegionalMeetingForm
from regional.forms.setups import AllianceSetupForm
from regional.models import (
    AgendaItem,
    AllianceSnapshot,
    Invitation,
    Report,
    ReportStatus,
    SetupStage,
    SetupTask,
)
from regional.selectors.meetings import invitable_alliances
from regional.selectors.setups import mentor_choices
from regional.services.provisioning import (
    clean_setup_alliance_name,
    clean_setup_district,
    clean_setup_email,
    clean_setup_slug,
)

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


class AllianceSnapshotSerializer(RecordSerializer):
    """One alliance's figures on one day (figures only, no persons)."""

    alliance_name = serializers.CharField(
        source="alliance.name", read_only=True, help_text=_("Name of the alliance.")
    )
    alliance_slug = serializers.CharField(
        source="alliance.slug", read_only=True, help_text=_("Short name of the alliance.")
    )
    district = serializers.CharField(
        source="alliance.district",
        read_only=True,
        help_text=_("Official key (AGS, five digits) of the alliance's district."),
    )
    district_name = district_name("alliance.district_name")
    care_guides_share = serializers.FloatField(
        read_only=True, help_text=ALLIANCE_FIGURES["care_guides_share"].help_text
    )

    class Meta:
        model = AllianceSnapshot
        fields = [
            "id", "alliance", "alliance_name", "alliance_slug", "district", "district_name",
            "taken_on", "year",
            "partners_total", "companies", "partners_with_care_guides", "care_guides_total",
            "care_guides_share", "valid_seals", "projects_total", "families_reached", "events",
            "event_participants", "funding_total", "board_meetings_held", "partners_by_kind",
            "projects_by_topic", "projects_by_status", "funding_by_kind",
            "agreements_in_force",  # careguides
        ]  # fmt: skip
        read_only = "__all__"
        help = SNAPSHOT_HELP


class StateMedianSerializer(serializers.Serializer):
    """The median of each summed figure over the active alliances' latest snapshots."""

    alliances = serializers.IntegerField(help_text=_("Active alliances with figures."))
    values = serializers.DictField(
        child=serializers.FloatField(),
        help_text=_("Figure key -> the median (a share is not a summed figure)."),
    )


class AgendaEntrySerializer(RecordSerializer):
    class Meta:
        model = AgendaItem
        read_only = "__all__"
        help = {
            "id": _("Identifier of the agenda item."),
            "position": _("Position on the agenda, from 1."),
            "start_time": _("When the item begins."),
            "duration_minutes": _("Length of the item in minutes."),
            "title": _("The agenda item."),
            "speaker": _("Who speaks on the item."),
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


class RegionalMeetingSerializer(RecordSerializer):
    """A regional meeting with its agenda and the counts of replies (no invitee names)."""

    host_alliance = serializers.PrimaryKeyRelatedField(
        queryset=invitable_alliances(),
        allow_null=True,
        required=False,
        help_text=_("Identifier of the alliance hosting the meeting."),
    )
    agenda = AgendaEntrySerializer(many=True, read_only=True, help_text=_("The agenda, in order."))
    replies = ReplyCountsSerializer(
        source="*", read_only=True, help_text=_("Counts of the invitations' replies.")
    )

    class Meta:
        form = RegionalMeetingForm
        help = {
            "id": _("Identifier of the meeting."),
            "title": _("Title of the meeting."),
            "kind": _("Kind of meeting."),
            "date": _("Day of the meeting."),
            "start_time": _("When the meeting begins."),
            "end_time": _("When the meeting ends."),
            "place": _("Where the meeting takes place."),
            "moderation": _("Who moderates the meeting."),
            "description": _("Description of the meeting."),
            "status": _("Planned, held or cancelled."),
            "minutes_status": _("Whether minutes exist and are published."),
            "minutes_published_on": _("When the minutes were published."),
            "host_alliance_name": _("Name of the host alliance."),
        }


class SetupTaskSerializer(RecordSerializer):
    class Meta:
        model = SetupTask
        read_only = "__all__"
        help = {
            "id": _("Identifier of the checklist item."),
            "position": _("Position on the checklist."),
            "title": _("The checklist item."),
            "due_on": _("When the item is due."),
            "done_on": _("When the item was done (empty while open)."),
            "note": _("Note on the item."),
        }


class MentorField(serializers.PrimaryKeyRelatedField):
    # Asked per request: the mentors are the people of the asking office's own state.
    def get_queryset(self):
        return mentor_choices()


class AllianceSetupSerializer(RecordSerializer):
    """A new alliance in the pipeline; the stage changes only through ``move``."""

    mentor = MentorField(
        allow_null=True,
        required=False,
        help_text=_("Identifier of the person of the state office accompanying the setup."),
    )
    next_due_on = serializers.DateField(
        read_only=True, allow_null=True, help_text=_("When the next open item is due.")
    )
    tasks = SetupTaskSerializer(many=True, read_only=True, help_text=_("The checklist, in order."))
    district = DistrictField()
    district_name = district_name()

    class Meta:
        form = AllianceSetupForm
        help = {
            "id": _("Identifier of the setup."),
            "place": _("Where the alliance is being founded."),
            "initiators": _("Who initiates the alliance."),
            "stage": _("Stage in the pipeline (change it with move)."),
            "notes": _("Notes of the state office."),
            "alliance_name": _("Name of the alliance on the platform."),
            "slug": _("Short name that becomes the web address."),
            "host_organisation": _("The alliance's host organisation."),
            "coordinator_name": _("The first coordinator."),
            "coordinator_email": _("Receives the invitation when the setup becomes active."),
            "alliance": _("Identifier of the alliance once on the platform."),
            "provisioning_status": _("State of the set-up on the platform."),
            "provisioning_step": _("Current step of the set-up."),
            "provisioning_error": _("Why the set-up failed, if it did."),
            "open_task_count": _("Open checklist items."),
            "overdue_task_count": _("Overdue checklist items."),
        }

    # The same checks as the HTML form (regional.forms.setups.AllianceSetupForm).
    def validate_slug(self, value):
        return clean_setup_slug(value, setup=self.instance)

    def validate_alliance_name(self, value):
        return clean_setup_alliance_name(value, setup=self.instance)

    def validate_district(self, value):
        return clean_setup_district(value)

    def validate_coordinator_email(self, value):
        return clean_setup_email(value)


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
    "summary": _("Summary (no e-mail addresses or phone numbers)."),
    "highlights": _("Highlights."),
    "problems": _("Problems raised by the alliances."),
    "plans": _("Plans."),
}
REPORT_FORMATS = ("pdf", "xlsx", "csv")
REPORT_FILE_FIELDS = {"pdf": "pdf_file", "xlsx": "xlsx_file", "csv": "csv_file"}
_WITH_FILES = (ReportStatus.READY, ReportStatus.RELEASED)


class ReportSerializer(RecordSerializer):
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
        read_only = [
            "status", "snapshot_date", "suppression_threshold", "generated_at", "released_at",
        ]  # fmt: skip
        help = REPORT_HELP

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
        read_only = [*ReportSerializer.Meta.read_only, "period_kind", "year", "quarter"]


class InvitationSerializer(RecordSerializer):
    """An invited person and their reply, as the organiser sees them (never the token)."""

    class Meta:
        model = Invitation
        read_only = "__all__"
        help = {
            "id": None,
            "meeting": _("Identifier of the regional meeting."),
            "alliance": _("Identifier of the invited alliance, if any."),
            "alliance_name": _("Invited alliance."),
            "name": _("Name of the invited person."),
            "email": _("E-mail address of the invited person."),
            "response": _("The reply: attending, not attending, or none yet."),
            "responded_at": _("When the person replied."),
            "sent_at": _("When the invitation was sent."),
            "reminder_week_sent_at": _("When the reminder a week before went out."),
            "reminder_day_sent_at": _("When the reminder a day before went out."),
            "reminded_at": _("When the person was last reminded to reply."),
            "reminder_count": _("How often the person was reminded to reply."),
            "attended": _("Whether the person came (null: attendance not recorded)."),
        }
