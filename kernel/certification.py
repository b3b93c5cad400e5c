"""What a certification programme is, wherever it is kept: an alliance's own programme
(``core``) and the state office's template of one (``regional``) share these terms."""

from __future__ import annotations

from typing import TypedDict

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeKind(models.TextChoices):
    FAMILY = "family", _("Family friendliness")
    DIVERSITY = "diversity", _("Diversity")
    OTHER = "other", _("Other")


def weight_field(verbose_name):
    """How much a criterion or group counts in the score: 1 to 10."""
    return models.PositiveSmallIntegerField(
        verbose_name,
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("From 1 to 10: how much it counts in the score."),
    )


class ProgrammeTerms(models.Model):
    """Name, kind, validity, renewal and the score to reach."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=ProgrammeKind.choices, default=ProgrammeKind.FAMILY
    )
    description = models.TextField(_("description"), blank=True)
    validity_years = models.PositiveSmallIntegerField(
        _("validity in years"), default=3, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    renewal_rules = models.TextField(_("renewal rules"), blank=True)
    pass_threshold = models.PositiveSmallIntegerField(
        _("pass threshold (percent of the score)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("The review score in percent that an employer must reach (0 to 100)."),
    )

    class Meta:
        abstract = True


def threshold_is_percent(name: str) -> models.CheckConstraint:
    """The database check that ``ProgrammeTerms.pass_threshold`` is a percentage."""
    return models.CheckConstraint(
        condition=models.Q(pass_threshold__lte=100),
        name=name,
        violation_error_message=_("The pass threshold is a percentage (0 to 100)."),
    )


class ProgrammeTermsFields(TypedDict, total=False):
    """The terms as a write service takes them (an alliance's programme, a template)."""

    name: str
    kind: str
    description: str
    validity_years: int
    renewal_rules: str
    pass_threshold: int


def programme_terms(source) -> dict[str, object]:
    """The terms of ``source`` (a programme, a template or anything shaped as one)."""
    return {name: getattr(source, name) for name in ProgrammeTermsFields.__annotations__}
