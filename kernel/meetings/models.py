"""Abstract models every meeting extends: the meeting with its minutes, its agenda items
and its attachments.

The fields here are exactly the columns the concrete models had before they shared a
base; a concrete model adds the foreign key to its meeting (the target differs) and the
constraints, whose names are part of the database schema.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel import formats
from kernel.dates import ensure_date_order
from kernel.models import Titled, choice_field, part_of, plausible_date

__all__ = [
    "AgendaItemBase",
    "AttachmentBase",
    "MeetingBase",
    "MeetingStatus",
    "meeting_link",
    "one_item_per_position",
]


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingBase(models.Model):
    """A meeting on a day, planned, held or cancelled, with minutes that go from draft to
    final. The final state and the field dating it differ per kind of meeting
    (``MINUTES_FINAL``, ``MINUTES_DATE_FIELD``)."""

    #: The value of ``minutes_status`` once the minutes are final; set by the subclass.
    MINUTES_FINAL = ""
    #: The date field that records when the minutes became final.
    MINUTES_DATE_FIELD = ""

    title = models.CharField(_("title"), max_length=200)
    date = plausible_date(_("date"))
    status = choice_field(_("status"), MeetingStatus, default=MeetingStatus.PLANNED)
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.title} ({formats.date(self.date)})"

    def clean(self) -> None:
        super().clean()
        ensure_date_order(
            self.date,
            getattr(self, self.MINUTES_DATE_FIELD),
            message=_("Minutes cannot be approved before the meeting took place."),
        )

    @property
    def minutes_final(self) -> bool:
        return self.minutes_status == self.MINUTES_FINAL


def meeting_link(to, *, related_name: str) -> models.ForeignKey:
    """The foreign key from a part of a meeting (agenda item, attachment, invitation)
    to its meeting, which takes its parts along when it is deleted."""
    return part_of(to, _("meeting"), related_name=related_name)


class AgendaItemBase(models.Model):
    """A point on a meeting's agenda; positions run 1..n without gaps
    (``kernel.meetings.agenda`` keeps them so)."""

    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        abstract = True
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]


def one_item_per_position(name: str) -> models.UniqueConstraint:
    """An agenda item's constraint: one item per position of a meeting."""
    return models.UniqueConstraint(fields=["meeting", "position"], name=name)


class AttachmentBase(Titled):
    """A file that belongs to a meeting; the subclass says where it is stored."""

    title = models.CharField(_("title"), max_length=200)

    class Meta:
        abstract = True
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["title"]
