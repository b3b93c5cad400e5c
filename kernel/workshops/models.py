"""Abstract models every participatory workshop extends.

A concrete room adds the link to its occasion (an event, a regional meeting), the
foreign keys between its own models and the constraints, whose names are part of the
database schema; the helpers below declare each of them once.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.models import (
    Named,
    Titled,
    anonymisation_stamp,
    choice_field,
    part_of,
    plausible_datetime,
)

__all__ = [
    "SETTINGS",
    "AssignmentBase",
    "RegistrationBase",
    "RegistrationStatus",
    "TopicBase",
    "WorkshopBase",
    "WorkshopFormat",
]

MAX_ROUNDS = 6
#: The settings of a workshop (``WorkshopBase``'s fields) as its forms and the API list them.
SETTINGS = ["format", "capacity", "rounds", "registration_open", "waiting_list", "privacy_notice"]


class WorkshopFormat(models.TextChoices):
    OPEN_SPACE = "open_space", _("Open space")
    WORLD_CAFE = "world_cafe", _("World café")
    WORKSHOP = "workshop", _("Workshop")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class WorkshopBase(models.Model):
    """An occasion run as a participatory workshop: its format, its places and how
    people register. The subclass names the field of its occasion (``OCCASION_FIELD``),
    which has ``title`` and ``date``."""

    OCCASION_FIELD = ""

    format = choice_field(_("format"), WorkshopFormat, default=WorkshopFormat.OPEN_SPACE)
    capacity = models.PositiveIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(5000)]
    )
    rounds = models.PositiveSmallIntegerField(
        _("rounds"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_ROUNDS)],
        help_text=_("How often the participants change tables or topics."),
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    waiting_list = models.BooleanField(_("waiting list when fully booked"), default=True)
    privacy_notice = models.TextField(
        _("privacy notice"),
        blank=True,
        help_text=_("Shown above the registration form; empty: the standard text."),
    )

    class Meta:
        abstract = True
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self) -> str:
        return str(self.occasion)

    @property
    def occasion(self):
        return getattr(self, self.OCCASION_FIELD)

    @property
    def title(self) -> str:
        return self.occasion.title

    @property
    def date(self):
        return self.occasion.date


class RegistrationBase(Named):
    """One person registered for a workshop: confirmed, waiting for a place, or
    cancelled. The waiting list moves up in the order of registration."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    status = choice_field(_("status"), RegistrationStatus, default=RegistrationStatus.CONFIRMED)
    cancelled_at = plausible_datetime(_("cancelled at"), optional=True)
    # Set when the person's data was erased on request (GDPR); the place stays counted.
    anonymised_at = anonymisation_stamp()

    class Meta:
        abstract = True
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["workshop", "created_at", "pk"]


class TopicBase(Titled):
    """A topic (open space) or a table (world café) with its host and moderator, and
    what came out of it."""

    title = models.CharField(_("title"), max_length=200)
    host = models.CharField(_("host"), max_length=200, blank=True)
    moderator = models.CharField(_("moderator"), max_length=200, blank=True)
    result = models.TextField(_("result"), blank=True)

    class Meta:
        abstract = True
        verbose_name = _("topic or table")
        verbose_name_plural = _("topics and tables")
        ordering = ["workshop", "title"]


class AssignmentBase(models.Model):
    """A registered person's seat at a topic or table in one round."""

    round = models.PositiveSmallIntegerField(
        _("round"), validators=[MinValueValidator(1), MaxValueValidator(MAX_ROUNDS)]
    )

    class Meta:
        abstract = True
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["round", "topic__title", "registration__name"]


# ---------------------------------------------------------------- a room's links and constraints


def run_as_workshop(occasion: Any, verbose_name: Any) -> models.OneToOneField:
    """A workshop's occasion (``OCCASION_FIELD``): run as one workshop at most."""
    return models.OneToOneField(
        occasion, verbose_name=verbose_name, on_delete=models.CASCADE, related_name="workshop"
    )


def on_workshop(workshop: Any, *, related_name: str) -> models.ForeignKey:
    """The workshop of a topic or a registration, which goes with it."""
    return part_of(workshop, _("workshop"), related_name=related_name)


def wishes_among(topic: Any) -> models.ManyToManyField:
    """A registration's wishes: topics of its workshop."""
    return models.ManyToManyField(
        topic, verbose_name=_("topic wishes"), blank=True, related_name="wished_by"
    )


def seat_of(to: Any, verbose_name: Any) -> models.ForeignKey:
    """A seat's registration or topic; the seat goes with either."""
    return part_of(to, verbose_name, related_name="seats")


def titled_once(name: str) -> models.UniqueConstraint:
    """One topic of a title per workshop."""
    return models.UniqueConstraint(
        fields=["workshop", "title"],
        name=name,
        violation_error_message=_("The workshop already has a topic of this title."),
    )


def registered_once(name: str) -> models.UniqueConstraint:
    """One registration per e-mail address and workshop, cancelled ones aside."""
    return models.UniqueConstraint(
        fields=["workshop", "email"],
        condition=~models.Q(status=RegistrationStatus.CANCELLED),
        name=name,
        violation_error_message=_("This e-mail address is already registered."),
    )


def seated_once_per_round(name: str) -> models.UniqueConstraint:
    """One seat per registration and round."""
    return models.UniqueConstraint(fields=["registration", "round"], name=name)
