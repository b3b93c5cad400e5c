"""The state's meetings run as participatory workshops, e.g. the world cafés of the
yearly strategy meeting: registrations of the invited alliances' people, tables with host
and moderator, seats per round.

Built on the platform's one workshop base (``kernel.workshops.models``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.models import optional_link
from kernel.workshops.models import (
    AssignmentBase,
    RegistrationBase,
    TopicBase,
    WorkshopBase,
    registered_once,
    seated_once_per_round,
)
from tenants.models.base import TimeStampedModel

from .meetings import RegionalMeeting


class RegionalWorkshop(WorkshopBase, TimeStampedModel):
    """A regional meeting run as a workshop; the invited alliances' people register."""

    OCCASION_FIELD = "meeting"

    meeting = models.OneToOneField(
        RegionalMeeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="workshop",
    )

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-meeting__date"]


class RegionalTable(TopicBase, TimeStampedModel):
    """A table of a world café (or a topic) at a regional meeting."""

    workshop = models.ForeignKey(
        RegionalWorkshop,
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="topics",
    )

    class Meta(TopicBase.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "title"],
                name="regional_table_title_once",
                violation_error_message=_("The workshop already has a topic of this title."),
            ),
        ]


class RegionalRegistration(RegistrationBase, TimeStampedModel):
    """A person registered for a regional workshop, usually for their alliance."""

    workshop = models.ForeignKey(
        RegionalWorkshop,
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    alliance = optional_link(
        "tenants.Alliance", _("alliance"), related_name="regional_workshop_registrations"
    )
    wishes = models.ManyToManyField(
        RegionalTable, verbose_name=_("topic wishes"), blank=True, related_name="wished_by"
    )

    class Meta(RegistrationBase.Meta):
        constraints = [registered_once("regional_registration_once")]


class RegionalSeat(AssignmentBase, TimeStampedModel):
    """A registered person's seat at a table in one round."""

    registration = models.ForeignKey(
        RegionalRegistration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="seats",
    )
    topic = models.ForeignKey(
        RegionalTable, verbose_name=_("table"), on_delete=models.CASCADE, related_name="seats"
    )

    class Meta(AssignmentBase.Meta):
        constraints = [seated_once_per_round("regional_seat_once_per_round")]
