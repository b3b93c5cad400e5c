"""An alliance's event run as a participatory workshop (open space, world café,
workshop): registrations, topics with host and moderator, seats per round, and the tasks
its results give the working groups.

Built on the platform's one workshop base (``kernel.workshops.models``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.models import optional_link, plausible_date
from kernel.workshops.models import (
    AssignmentBase,
    RegistrationBase,
    TopicBase,
    WorkshopBase,
    registered_once,
    seated_once_per_round,
)
from tenants.models.base import TimeStampedModel

from .projects import Event, WorkingGroup


class Workshop(WorkshopBase, TimeStampedModel):
    """An event of the alliance run as a workshop, with registration on the public page."""

    OCCASION_FIELD = "event"

    event = models.OneToOneField(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="workshop"
    )

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-event__date"]


class WorkshopTopic(TopicBase, TimeStampedModel):
    """A topic of an open space or a table of a world café."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="topics"
    )

    class Meta(TopicBase.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "title"],
                name="workshop_topic_title_once",
                violation_error_message=_("The workshop already has a topic of this title."),
            ),
        ]


class WorkshopRegistration(RegistrationBase, TimeStampedModel):
    """A person registered for a workshop (personal data: erased after the retention)."""

    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    wishes = models.ManyToManyField(
        WorkshopTopic, verbose_name=_("topic wishes"), blank=True, related_name="wished_by"
    )

    class Meta(RegistrationBase.Meta):
        constraints = [registered_once("workshop_registration_once")]


class WorkshopAssignment(AssignmentBase, TimeStampedModel):
    """A registered person's seat at a topic in one round."""

    registration = models.ForeignKey(
        WorkshopRegistration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="seats",
    )
    topic = models.ForeignKey(
        WorkshopTopic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="seats"
    )

    class Meta(AssignmentBase.Meta):
        constraints = [seated_once_per_round("workshop_seat_once_per_round")]


# ---------------------------------------------------------------- working group tasks


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class WorkingGroupTask(TimeStampedModel):
    """A task of a working group, e.g. from a workshop topic's result."""

    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due = plausible_date(_("due"), optional=True)
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    origin_topic = optional_link(WorkshopTopic, _("from workshop topic"), related_name="tasks")

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["status", "due", "title"]

    def __str__(self) -> str:
        return self.title
