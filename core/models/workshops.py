"""An alliance's event run as a participatory workshop (open space, world café,
workshop): registrations, topics with host and moderator, seats per round, and the tasks
its results give the working groups.

Built on the platform's one workshop base (``kernel.workshops.models``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.models import Titled, choice_field, optional_link, part_of, plausible_date
from kernel.workshops import models as base
from tenants.models.base import TimeStampedModel

from .projects import Event, WorkingGroup


class Workshop(base.WorkshopBase, TimeStampedModel):
    """An event of the alliance run as a workshop, with registration on the public page."""

    OCCASION_FIELD = "event"
    event = base.run_as_workshop(Event, _("event"))

    class Meta(base.WorkshopBase.Meta):
        ordering = ["-event__date"]


class WorkshopTopic(base.TopicBase, TimeStampedModel):
    """A topic of an open space or a table of a world café."""

    workshop = base.on_workshop(Workshop, related_name="topics")

    class Meta(base.TopicBase.Meta):
        constraints = [base.titled_once("workshop_topic_title_once")]


class WorkshopRegistration(base.RegistrationBase, TimeStampedModel):
    """A person registered for a workshop (personal data: erased after the retention)."""

    workshop = base.on_workshop(Workshop, related_name="registrations")
    wishes = base.wishes_among(WorkshopTopic)

    class Meta(base.RegistrationBase.Meta):
        constraints = [base.registered_once("workshop_registration_once")]


class WorkshopAssignment(base.AssignmentBase, TimeStampedModel):
    """A registered person's seat at a topic in one round."""

    registration = base.seat_of(WorkshopRegistration, _("registration"))
    topic = base.seat_of(WorkshopTopic, _("topic"))

    class Meta(base.AssignmentBase.Meta):
        constraints = [base.seated_once_per_round("workshop_seat_once_per_round")]


# ---------------------------------------------------------------- working group tasks


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class WorkingGroupTask(Titled, TimeStampedModel):
    """A task of a working group, e.g. from a workshop topic's result."""

    working_group = part_of(WorkingGroup, _("working group"), related_name="tasks")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due = plausible_date(_("due"), optional=True)
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)
    status = choice_field(_("status"), TaskStatus, default=TaskStatus.OPEN)
    origin_topic = optional_link(WorkshopTopic, _("from workshop topic"), related_name="tasks")

    class Meta:
        verbose_name, verbose_name_plural = _("task"), _("tasks")
        ordering = ["status", "due", "title"]
