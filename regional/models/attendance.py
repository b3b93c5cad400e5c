"""Who came to a regional meeting without an invitation, and each person's calendar feed
of the regional meetings.

The invitees' own attendance is a field of their invitation (``Invitation.attended``)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.meetings.models import meeting_link
from kernel.models import part_of
from tenants.models.base import TimeStampedModel
from tenants.scope import StateScoped

from .meetings import RegionalMeeting

__all__ = ["CalendarFeed", "WalkIn", "feed_token"]


class WalkIn(StateScoped, TimeStampedModel):
    """A person who came to a regional meeting without an invitation, for an alliance
    (or without one: a guest), recorded with the attendance."""

    _state_path = "meeting__state"

    meeting = meeting_link(RegionalMeeting, related_name="walk_ins")
    alliance = part_of(
        "tenants.Alliance", _("alliance"), related_name="regional_walk_ins", optional=True
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name, verbose_name_plural = (
            _("attendee without invitation"),
            _("attendees without invitation"),
        )
        ordering = ["meeting", "alliance__name", "name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} · {self.meeting}"


def feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(TimeStampedModel):
    """A person's calendar subscription of the regional meetings they may see: its
    address carries a secret token; renewing the token invalidates the old address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="regional_calendar_feed",
        verbose_name=_("person"),
    )
    token = models.CharField(
        _("feed token"), max_length=64, unique=True, default=feed_token, editable=False
    )

    class Meta:
        verbose_name, verbose_name_plural = _("calendar feed"), _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
