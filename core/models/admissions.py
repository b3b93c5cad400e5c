"""Admission of new partners: an application, and the board's decision on it."""

from __future__ import annotations

import math
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kernel import formats
from kernel.collation import by_name
from kernel.models import (
    anonymisation_stamp,
    choice_field,
    optional_link,
    part_of,
    plausible_date,
    protected_link,
)
from tenants.models.base import TimeStampedModel

from .choices import ApplicationStatus, DecisionOutcome
from .partners import PartnerKind, SizeClass


class Application(TimeStampedModel):
    """An organisation's informal letter asking to join, describing its family-friendly
    measures and engagement. Pending applications go on the next board meeting's agenda."""

    organisation_name = models.CharField(_("organisation"), max_length=200)
    kind = choice_field(_("kind"), PartnerKind, max_length=30)
    size_class = choice_field(_("size"), SizeClass, max_length=10, default=SizeClass.NOT_APPLICABLE)
    city = models.CharField(_("town"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("e-mail address"))
    contact_phone = models.CharField(_("phone"), max_length=50, blank=True)
    statement = models.TextField(_("statement: measures and engagement for families"))
    received_on = plausible_date(_("received on"))
    status = choice_field(_("status"), ApplicationStatus, default=ApplicationStatus.PENDING)
    partner = optional_link("core.Partner", _("partner"), related_name="applications")
    anonymised_at = anonymisation_stamp()

    class Meta:
        verbose_name, verbose_name_plural = _("application"), _("applications")
        ordering = ["-received_on", by_name("organisation_name")]
        indexes = [models.Index(fields=["status", "received_on"])]

    def __str__(self) -> str:
        return self.organisation_name


# The board's quorum: more than this share of its members (those whose term covers the
# meeting's date) must be present for a decision. The decision form and the decision's
# pages state it; ``Decision.clean`` enforces it for every caller.
BOARD_QUORUM_SHARE = Fraction(1, 2)


def quorum_needed(board_size: int) -> int:
    """The fewest members present that make the board quorate: more than the share."""
    return math.floor(board_size * BOARD_QUORUM_SHARE) + 1


def quorum_rule_text() -> str:
    return gettext(
        "Quorum: more than %(percent)s%% of the board members whose term covers the "
        "meeting's date must be present. Abstentions count as present, not as votes for "
        "or against."
    ) % {"percent": f"{float(BOARD_QUORUM_SHARE) * 100:g}"}


class Decision(TimeStampedModel):
    """The board's vote on an application in one meeting.

    Plausible by construction: the meeting was not before the application arrived and
    not in the future; yes + no + abstentions never exceed the members present, who
    never exceed the board (``board_size``, counted when the decision was recorded),
    and the members present reach the quorum. Rows from before these figures were
    recorded keep ``members_present``/``board_size`` empty.
    """

    application = part_of(Application, _("application"), related_name="decisions")
    meeting = protected_link("core.BoardMeeting", _("meeting"), related_name="decisions")
    outcome = choice_field(_("outcome"), DecisionOutcome, max_length=10)
    votes_yes = models.PositiveSmallIntegerField(_("votes in favour"))
    votes_no = models.PositiveSmallIntegerField(_("votes against"))
    votes_abstain = models.PositiveSmallIntegerField(_("abstentions"), default=0)
    members_present = models.PositiveSmallIntegerField(
        _("board members present"), null=True, blank=True
    )
    board_size = models.PositiveSmallIntegerField(
        _("board members at the meeting's date"), null=True, blank=True, editable=False
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("decision"), _("decisions")
        ordering = ["-meeting__date"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "meeting"], name="decision_once_per_meeting"
            ),
            models.CheckConstraint(
                condition=models.Q(members_present__isnull=True)
                | models.Q(
                    members_present__gte=models.F("votes_yes")
                    + models.F("votes_no")
                    + models.F("votes_abstain")
                ),
                name="decision_votes_within_present",
                violation_error_message=_(
                    "Votes in favour, against and abstentions together cannot exceed "
                    "the members present."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(members_present__isnull=True)
                | models.Q(board_size__isnull=True)
                | models.Q(members_present__lte=models.F("board_size")),
                name="decision_present_within_board",
                violation_error_message=_("More members cannot be present than the board has."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_outcome_display()}"

    @property
    def quorum_rule(self) -> str:
        return quorum_rule_text()

    @property
    def quorum(self) -> int | None:
        return None if self.board_size is None else quorum_needed(self.board_size)

    def clean(self) -> None:
        super().clean()
        if self.application_id is None or self.meeting_id is None:
            return
        meeting_date = self.meeting.date
        if meeting_date < self.application.received_on:
            raise ValidationError(
                {
                    "meeting": _(
                        "The meeting on %(meeting)s was before the application was received "
                        "(%(received)s)."
                    )
                    % {
                        "meeting": formats.date(meeting_date),
                        "received": formats.date(self.application.received_on),
                    }
                }
            )
        if self._state.adding and meeting_date > timezone.localdate():
            raise ValidationError(
                {
                    "meeting": _(
                        "The meeting on %(meeting)s has not taken place yet; record the "
                        "decision after the meeting."
                    )
                    % {"meeting": formats.date(meeting_date)}
                }
            )
        self._clean_attendance()

    def _clean_attendance(self) -> None:
        if self.members_present is None:
            return
        votes = (self.votes_yes or 0) + (self.votes_no or 0) + (self.votes_abstain or 0)
        if votes > self.members_present:
            raise ValidationError(
                {
                    "members_present": _(
                        "%(votes)s votes (in favour, against and abstentions) were cast, but "
                        "only %(present)s members were present."
                    )
                    % {"votes": votes, "present": self.members_present}
                }
            )
        if self.board_size is None:
            return
        if self.board_size == 0:
            raise ValidationError(
                {
                    "meeting": _(
                        "No board members are recorded for the date of this meeting. "
                        "Please record the board's members first."
                    )
                }
            )
        if self.members_present > self.board_size:
            raise ValidationError(
                {
                    "members_present": _(
                        "%(present)s members cannot be present: the board had %(size)s "
                        "members on the meeting's date."
                    )
                    % {"present": self.members_present, "size": self.board_size}
                }
            )
        if self.members_present < quorum_needed(self.board_size):
            raise ValidationError(
                {
                    "members_present": _(
                        "The board was not quorate: %(present)s of %(size)s members were "
                        "present, at least %(needed)s are needed."
                    )
                    % {
                        "present": self.members_present,
                        "size": self.board_size,
                        "needed": quorum_needed(self.board_size),
                    }
                }
            )
