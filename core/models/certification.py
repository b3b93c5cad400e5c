"""Certification programmes: the family seal and every other employer certification.

A programme is what an alliance (or, as a template, the state office) defines: its
criteria catalogue in groups with weights, the score an employer must reach, how long a
certificate is valid and how it is renewed. The applications, criteria and checks of
every programme are the seal's tables (``core/models/seal.py``); the Familiensiegel that
existed before programmes is the alliance's default programme.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.certification import (
    ProgrammeKind,  # noqa: F401 (core.models exports it)
    ProgrammeTerms,
    threshold_is_percent,
    weight_field,
)
from kernel.collation import by_name
from kernel.models import Named, at_most_one, part_of
from tenants.models.base import TimeStampedModel

# A check is scored 0 (not fulfilled), 1 (partly fulfilled) or 2 (fulfilled).
MAX_SCORE = 2


class CheckScore(models.IntegerChoices):
    NOT_FULFILLED = 0, _("not fulfilled")
    PARTLY = 1, _("partly fulfilled")
    FULFILLED = MAX_SCORE, _("fulfilled")


class CertificationProgramme(Named, ProgrammeTerms, TimeStampedModel):
    """A certification an alliance awards to employers, e.g. its Familiensiegel."""

    is_active = models.BooleanField(_("in use"), default=True)
    is_default = models.BooleanField(
        _("default programme"),
        default=False,
        help_text=_("Applications and criteria recorded without a programme belong to it."),
    )
    template_key = models.CharField(_("adopted from state template"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("certification programme")
        verbose_name_plural = _("certification programmes")
        ordering = [by_name()]
        constraints = [
            at_most_one(
                "is_default",
                name="one_default_programme",
                message=_("Only one programme can be the default."),
            ),
            threshold_is_percent("programme_threshold_percent"),
        ]


def default_programme_id() -> int:
    """The default programme (created as "Familiensiegel" if the alliance has none yet):
    what is recorded without choosing a programme belongs to it, as before programmes."""
    programme = CertificationProgramme.objects.filter(is_default=True).first()
    if programme is None:
        programme, _created = CertificationProgramme.objects.get_or_create(
            name="Familiensiegel", defaults={"is_default": True}
        )
    return programme.pk


class CriterionGroup(TimeStampedModel):
    """A group of criteria in a programme, e.g. the diversity indicator."""

    programme = part_of(CertificationProgramme, _("programme"), related_name="criterion_groups")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    weight = weight_field(_("weight"))
    template_key = models.CharField(_("adopted from state template"), max_length=60, blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("criterion group"), _("criterion groups")
        ordering = [by_name("programme__name"), "position", by_name()]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "name"],
                name="criterion_group_once_per_programme",
                violation_error_message=_("The programme already has a group of this name."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.programme})"
