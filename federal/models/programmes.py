"""Cross-alliance programmes of the federal service office: development partnerships
and pilot projects with participating alliances from several states, their milestones
and shared documents."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.collation import by_name
from kernel.library.models import DocumentBase, VersionBase, numbered_once
from kernel.models import (
    Named,
    Titled,
    choice_check,
    choice_field,
    in_order,
    part_of,
    plausible_date,
)
from tenants.models.base import TimeStampedModel


class ProgrammeKind(models.TextChoices):
    DEVELOPMENT_PARTNERSHIP = "development_partnership", _("Development partnership")
    PILOT_PROJECT = "pilot_project", _("Pilot project")


class ProgrammeStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    COMPLETED = "completed", _("completed")


class Programme(Named, TimeStampedModel):
    """A programme the federal service office runs with alliances of several states
    (e.g. "Kommunale Familienzeitpolitik"). A state coordination office sees the
    programmes its own state's alliances take part in."""

    name = models.CharField(_("name"), max_length=200)
    kind = choice_field(_("kind"), ProgrammeKind, max_length=30)
    description = models.TextField(_("description"), blank=True)
    starts_on = plausible_date(_("starts on"))
    ends_on = plausible_date(_("ends on"), optional=True)
    status = choice_field(_("status"), ProgrammeStatus, default=ProgrammeStatus.PLANNED)

    class Meta:
        verbose_name, verbose_name_plural = _("programme"), _("programmes")
        ordering = [by_name()]
        constraints = [
            models.UniqueConstraint(
                fields=["name"],
                name="programme_name_once",
                violation_error_message=_("A programme of this name exists already."),
            ),
            choice_check("kind", ProgrammeKind, name="programme_kind_known"),
            choice_check("status", ProgrammeStatus, name="programme_status_known"),
            in_order(
                "starts_on",
                "ends_on",
                optional=("ends_on",),
                name="programme_ends_after_start",
                message=_("The end cannot be before the start."),
            ),
        ]


class Participation(TimeStampedModel):
    """An alliance taking part in a programme, since ``joined_on``."""

    programme = part_of(Programme, _("programme"), related_name="participations")
    alliance = part_of("tenants.Alliance", _("alliance"), related_name="programme_participations")
    joined_on = plausible_date(_("joined on"))

    class Meta:
        verbose_name, verbose_name_plural = (
            _("participating alliance"),
            _("participating alliances"),
        )
        ordering = ["programme", by_name("alliance__name")]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "alliance"],
                name="participation_once",
                violation_error_message=_("This alliance takes part in the programme already."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.alliance} · {self.programme}"


class Milestone(Titled, TimeStampedModel):
    """A milestone of a programme: due on a day, done on another (or still open)."""

    programme = part_of(Programme, _("programme"), related_name="milestones")
    title = models.CharField(_("title"), max_length=300)
    due_on = plausible_date(_("due on"))
    done_on = plausible_date(_("done on"), optional=True)

    class Meta:
        verbose_name, verbose_name_plural = _("milestone"), _("milestones")
        ordering = ["programme", "due_on", "pk"]


class ProgrammeDocument(DocumentBase, TimeStampedModel):
    """A document the federal office shares with a programme's participants (a guide,
    minutes, a template); the platform's one library base (``kernel.library``)."""

    programme = part_of(Programme, _("programme"), related_name="documents")

    class Meta(DocumentBase.Meta):
        verbose_name, verbose_name_plural = _("programme document"), _("programme documents")


class ProgrammeDocumentVersion(VersionBase):
    """One uploaded file of a programme document (stored in the public schema's folder)."""

    document = part_of(ProgrammeDocument, _("document"), related_name="versions")

    class Meta(VersionBase.Meta):
        constraints = [numbered_once("programmedoc_version_once")]
