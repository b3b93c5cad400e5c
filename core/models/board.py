"""The board (Kuratorium): its members, quarterly meetings, agendas, minutes, attachments.

The meetings extend the platform's one meeting base (``kernel.meetings.models``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.collation import by_name
from kernel.meetings.models import (
    AgendaItemBase,
    AttachmentBase,
    MeetingBase,
    meeting_link,
    one_item_per_position,
)
from kernel.models import (
    ContactDetails,
    Named,
    anonymisation_stamp,
    choice_field,
    in_order,
    optional_link,
    plausible_date,
)
from tenants.models.base import TimeStampedModel

from .choices import BoardPosition, MinutesStatus


class BoardMember(ContactDetails, TimeStampedModel):
    """A member of the alliance's board for a term (personal data)."""

    full_name = models.CharField(_("name"), max_length=200)
    affiliation = models.CharField(_("organisation"), max_length=200, blank=True)
    partner = optional_link("core.Partner", _("partner organisation"), related_name="board_members")
    position = choice_field(_("position"), BoardPosition, default=BoardPosition.MEMBER)
    term_start = plausible_date(_("term begins"))
    term_end = plausible_date(_("term ends"), optional=True)
    anonymised_at = anonymisation_stamp()

    class Meta:
        verbose_name, verbose_name_plural = _("board member"), _("board members")
        ordering = ["position", by_name("full_name")]
        constraints = [
            in_order(
                "term_start",
                "term_end",
                optional=("term_end",),
                name="board_member_term_order",
                message=_("The term cannot end before it begins."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name


class MeetingTemplate(Named, TimeStampedModel):
    """How the alliance's board usually meets: place, time and the standing agenda."""

    name = models.CharField(_("name"), max_length=200)
    location = models.CharField(_("place"), max_length=200, blank=True)
    start_time = models.TimeField(_("begins at"), null=True, blank=True)
    agenda = models.TextField(
        _("standing agenda"), blank=True, help_text=_("One agenda item per line.")
    )

    class Meta:
        verbose_name, verbose_name_plural = _("meeting template"), _("meeting templates")
        ordering = [by_name()]

    @property
    def agenda_lines(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]


class BoardMeeting(MeetingBase, TimeStampedModel):
    """One meeting of the board; the board meets about four times a year."""

    MINUTES_FINAL = MinutesStatus.APPROVED
    MINUTES_DATE_FIELD = "minutes_approved_on"

    start_time = models.TimeField(_("begins at"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=200, blank=True)
    template = optional_link(MeetingTemplate, _("template"), related_name="meetings")
    minutes_status = choice_field(_("minutes status"), MinutesStatus, default=MinutesStatus.NONE)
    minutes_approved_on = plausible_date(_("minutes approved on"), optional=True)

    class Meta:
        verbose_name, verbose_name_plural = _("board meeting"), _("board meetings")
        ordering = ["-date"]
        indexes = [models.Index(fields=["status", "date"])]


class AgendaItem(AgendaItemBase, TimeStampedModel):
    """A point on a meeting's agenda, in order."""

    meeting = meeting_link(BoardMeeting, related_name="agenda_items")
    notes = models.TextField(_("notes"), blank=True)

    class Meta(AgendaItemBase.Meta):
        constraints = [one_item_per_position("agenda_item_position")]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


def meeting_attachment_path(instance: MeetingAttachment, filename: str) -> str:
    # The tenant storage puts this under MEDIA_ROOT/<schema>/.
    return f"board/{instance.meeting_id}/{filename}"


class MeetingAttachment(AttachmentBase, TimeStampedModel):
    """A file that belongs to a meeting (invitation, presentation, signed minutes)."""

    meeting = meeting_link(BoardMeeting, related_name="attachments")
    file = models.FileField(_("file"), upload_to=meeting_attachment_path)
