"""Regional meetings and the yearly strategy meeting with the minister.

They extend the platform's one meeting base (``kernel.meetings.models``)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.collation import by_name
from kernel.meetings.models import (
    AgendaItemBase,
    AttachmentBase,
    MeetingBase,
    MeetingStatus,
    meeting_link,
    one_item_per_position,
)
from kernel.models import (
    Titled,
    choice_field,
    in_order,
    optional_link,
    part_of,
    plausible_date,
    plausible_datetime,
)
from tenants.models.base import TimeStampedModel
from tenants.scope import StateScoped, state_owner

from .choices import MeetingKind, RegionalMinutesStatus, Response

# The same states as the board's meetings: one vocabulary.
RegionalMeetingStatus = MeetingStatus


class RegionalMeeting(StateScoped, MeetingBase, TimeStampedModel):
    """A meeting the state coordination office organises for several alliances."""

    state = state_owner()

    MINUTES_FINAL = RegionalMinutesStatus.PUBLISHED
    MINUTES_DATE_FIELD = "minutes_published_on"

    kind = choice_field(_("kind"), MeetingKind, default=MeetingKind.REGIONAL)
    start_time = models.TimeField(_("begins at"))
    end_time = models.TimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=300)
    host_alliance = optional_link(
        "tenants.Alliance", _("host alliance"), related_name="hosted_meetings"
    )
    moderation = models.CharField(_("moderation"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    minutes_status = choice_field(
        _("minutes status"), RegionalMinutesStatus, default=RegionalMinutesStatus.NONE
    )
    minutes_published_on = plausible_date(_("minutes published on"), optional=True)

    class Meta:
        verbose_name, verbose_name_plural = _("regional meeting"), _("regional meetings")
        ordering = ["-date", "-start_time"]
        constraints = [
            in_order(
                "start_time",
                "end_time",
                strict=True,
                name="regional_meeting_ends_after_start",
                message=_("The meeting must end after it begins."),
            ),
        ]


class AgendaItem(StateScoped, Titled, AgendaItemBase, TimeStampedModel):
    """A timed item of a regional meeting's agenda, with its speaker.

    Called ``AgendaEntry`` until the meetings shared one base; the table keeps its name."""

    _state_path = "meeting__state"

    # Audit entries keep the action codes they had under the old model name.
    AUDIT_LABEL = "regional.agendaentry"

    meeting = meeting_link(RegionalMeeting, related_name="agenda")
    start_time = models.TimeField(_("time"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("minutes"), null=True, blank=True)
    title = models.CharField(_("item"), max_length=300)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)

    class Meta(AgendaItemBase.Meta):
        db_table = "regional_agendaentry"
        constraints = [one_item_per_position("regional_agenda_position")]


def _token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(StateScoped, TimeStampedModel):
    """One invited person (for an alliance, or in their own right) and their reply."""

    _state_path = "meeting__state"

    meeting = meeting_link(RegionalMeeting, related_name="invitations")
    alliance = part_of(
        "tenants.Alliance", _("alliance"), related_name="regional_invitations", optional=True
    )
    user = optional_link(settings.AUTH_USER_MODEL, _("person"), related_name="regional_invitations")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(
        _("reply token"), max_length=64, unique=True, default=_token, editable=False
    )
    response = choice_field(_("reply"), Response, default=Response.PENDING)
    responded_at = plausible_datetime(_("replied at"), optional=True)
    sent_at = plausible_datetime(_("invitation sent at"), optional=True)
    reminder_week_sent_at = plausible_datetime(_("reminder a week before sent at"), optional=True)
    reminder_day_sent_at = plausible_datetime(_("reminder a day before sent at"), optional=True)
    # The state office's "remind those who have not replied" (not the automatic ones).
    reminded_at = plausible_datetime(_("last reminded to reply at"), optional=True)
    reminder_count = models.PositiveSmallIntegerField(_("reminders to reply"), default=0)
    # Recorded at or after the meeting: None until the attendance is recorded.
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("invitation"), _("invitations")
        ordering = ["meeting", by_name("alliance__name"), by_name()]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "email"],
                name="invitation_once_per_address",
                violation_error_message=_("This address is already invited."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.meeting}"


def regional_attachment_path(instance: RegionalAttachment, filename: str) -> str:
    return f"regional/{instance.meeting_id}/{filename}"


class RegionalAttachment(StateScoped, AttachmentBase, TimeStampedModel):
    """A file for the invited alliances: a flyer, the coordination office's report."""

    _state_path = "meeting__state"

    meeting = meeting_link(RegionalMeeting, related_name="attachments")
    file = models.FileField(_("file"), upload_to=regional_attachment_path)

    class Meta(AttachmentBase.Meta):
        pass
