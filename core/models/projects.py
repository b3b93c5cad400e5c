"""What the alliance does: projects, working groups and events."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel import formats
from kernel.collation import by_name
from kernel.models import (
    Named,
    Titled,
    choice_check,
    choice_field,
    ends_after_start,
    euro_amount,
    not_negative,
    optional_link,
    plausible_date,
)
from tenants.models.base import TimeStampedModel

from .choices import EventKind, ProjectStatus, Topic


class Project(Titled, TimeStampedModel):
    """A project of the alliance, e.g. a flexible childcare pool for shift workers."""

    title = models.CharField(_("title"), max_length=200)
    topic = choice_field(_("topic"), Topic)
    status = choice_field(_("status"), ProjectStatus, default=ProjectStatus.PLANNED)
    description = models.TextField(_("description"), blank=True)
    start_date = plausible_date(_("start"), optional=True)
    end_date = plausible_date(_("end"), optional=True)
    lead_partner = optional_link("core.Partner", _("lead partner"), related_name="led_projects")
    partners = models.ManyToManyField(
        "core.Partner",
        verbose_name=_("participating partners"),
        blank=True,
        related_name="projects",
    )
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    families_reached = models.PositiveIntegerField(_("families reached"), default=0)
    funding_amount = euro_amount(_("funding (EUR)"), default=0)
    funding_source = models.CharField(_("funded by"), max_length=200, blank=True)
    is_public = models.BooleanField(_("show on the public page"), default=True)

    class Meta:
        verbose_name, verbose_name_plural = _("project"), _("projects")
        ordering = ["-start_date", "title"]
        constraints = [
            ends_after_start("project_end_after_start", optional=("end_date", "start_date")),
            not_negative("funding_amount", name="project_funding_not_negative"),
            choice_check("topic", Topic, name="project_topic"),
        ]


class WorkingGroup(Named, TimeStampedModel):
    """A working group of partners on one topic."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    topic = choice_field(_("topic"), Topic)
    description = models.TextField(_("description"), blank=True)
    chair = models.CharField(_("chaired by"), max_length=200, blank=True)
    members = models.ManyToManyField(
        "core.Partner", verbose_name=_("members"), blank=True, related_name="working_groups"
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name, verbose_name_plural = _("working group"), _("working groups")
        ordering = [by_name()]


class Event(TimeStampedModel):
    """An event of the alliance, such as the family hiking day."""

    title = models.CharField(_("title"), max_length=200)
    kind = choice_field(_("kind"), EventKind)
    date = plausible_date(_("date"))
    start_time = models.TimeField(_("begins at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    participant_count = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    project = optional_link(Project, _("project"), related_name="events")
    description = models.TextField(_("description"), blank=True)
    is_public = models.BooleanField(_("show on the public page"), default=True)

    class Meta:
        verbose_name, verbose_name_plural = _("event"), _("events")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.title} ({formats.date(self.date)})"
