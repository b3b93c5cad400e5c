"""Applications for a certification programme (the family seal and others): criteria,
self-assessment, on-site review, jury decision, award, validity and renewal.

The tables keep the seal's names (``SealCriterion``, ``SealApplication``, ``SealCheck``)
because the Familiensiegel was the first programme; see ``core/models/certification.py``.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models.certification import (
    MAX_SCORE,
    CertificationProgramme,
    CheckScore,
    ProgrammeKind,
    default_programme_id,
    weight_field,
)
from kernel.dates import ensure_date_order
from kernel.models import (
    choice_field,
    in_order,
    optional_link,
    part_of,
    plausible_date,
    protected_link,
)
from tenants.models.base import TimeStampedModel

from .choices import CertificateState, SealStatus


def _programme_link(related_name: str) -> models.ForeignKey:
    return protected_link("core.CertificationProgramme", _("programme"), related_name=related_name)


def _score_field(verbose_name) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        choices=CheckScore.choices,
        validators=[MaxValueValidator(MAX_SCORE)],
    )


class SealCriterion(TimeStampedModel):
    """One criterion of the seal's checklist, as the alliance maintains it."""

    programme = _programme_link("criteria")
    group = optional_link("core.CriterionGroup", _("criterion group"), related_name="criteria")
    text = models.CharField(_("criterion"), max_length=300)
    weight = weight_field(_("weight"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_required = models.BooleanField(_("required"), default=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name, verbose_name_plural = _("seal criterion"), _("seal criteria")
        ordering = ["position", "text"]

    def save(self, *args, **kwargs) -> None:
        if self.programme_id is None:  # the default programme (see SealApplication.save)
            self.programme_id = default_programme_id()
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.text


class SealApplication(TimeStampedModel):
    """An employer's application for a programme's certificate: self-assessment, review,
    jury decision, award and validity; a renewal links to the certificate it renews."""

    programme = _programme_link("applications")
    # The programme's kind, copied when saved: the state statistics count certificates by
    # kind from this one table (``core/figures.py``).
    programme_kind = choice_field(
        _("kind of programme"), ProgrammeKind, default=ProgrammeKind.FAMILY, editable=False
    )
    renewal_of = models.OneToOneField(
        "self",
        verbose_name=_("renewal of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewal",
    )
    partner = protected_link("core.Partner", _("partner"), related_name="seals")
    submitted_on = plausible_date(_("submitted on"))
    status = choice_field(_("status"), SealStatus, default=SealStatus.SUBMITTED)
    reviewer = models.CharField(_("reviewed by"), max_length=200, blank=True)
    review_notes = models.TextField(_("review notes"), blank=True)
    reviewed_on = plausible_date(_("on-site review on"), optional=True)
    decided_on = plausible_date(_("jury decision on"), optional=True)
    decision_reasoning = models.TextField(_("reasoning of the jury"), blank=True)
    awarded_on = plausible_date(_("awarded on"), optional=True)
    valid_until = plausible_date(_("valid until"), optional=True)
    reminder_sent_on = plausible_date(_("expiry reminder sent on"), optional=True)

    class Meta:
        verbose_name, verbose_name_plural = _("seal application"), _("seal applications")
        ordering = ["-submitted_on"]
        constraints = [
            in_order(
                "awarded_on",
                "valid_until",
                strict=True,
                optional=("valid_until", "awarded_on"),
                name="seal_valid_after_award",
                message=_("The seal must be valid beyond its award date."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="awarded")
                | (models.Q(awarded_on__isnull=False) & models.Q(valid_until__isnull=False)),
                name="seal_awarded_has_dates",
                violation_error_message=_("An awarded seal needs an award date and a validity."),
            ),
        ]
        indexes = [models.Index(fields=["status", "valid_until"])]

    def __str__(self) -> str:
        return f"{self.partner} ({self.submitted_on:%Y})"

    @property
    def state(self) -> str:
        """The status as it reads today (an awarded certificate may have expired)."""
        if (
            self.status == SealStatus.AWARDED
            and self.valid_until is not None
            and self.valid_until < timezone.localdate()
        ):
            return CertificateState.EXPIRED
        return CertificateState(self.status)

    def get_state_display(self) -> str:
        return CertificateState(self.state).label

    @property
    def is_valid(self) -> bool:
        return self.state == CertificateState.AWARDED

    def score_percent(self, field: str = "score") -> int | None:
        """The weighted score of the checks in percent (``field``: ``score`` of the review or
        ``self_score`` of the self-assessment); None while no check is scored."""
        reached = possible = 0
        for check in self.checks.all():
            value = getattr(check, field)
            if value is None:
                continue
            weight = check.criterion.weight * (
                check.criterion.group.weight if check.criterion.group_id else 1
            )
            reached += weight * value
            possible += weight * MAX_SCORE
        return round(100 * reached / possible) if possible else None

    def self_percent(self) -> int | None:
        return self.score_percent("self_score")

    def save(self, *args, **kwargs) -> None:
        if self.programme_id is None:
            # Recorded without a programme: the default one, as before programmes. Not a
            # field default: that would ask the database whenever an application object
            # is made (every form, every test), and in migrations with today's model.
            self.programme_id = default_programme_id()
        if self.programme_id is not None:
            kind = (
                CertificationProgramme.objects.filter(pk=self.programme_id)
                .values_list("kind", flat=True)
                .first()
            )
            self.programme_kind = kind or self.programme_kind
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        ensure_date_order(
            self.submitted_on,
            self.awarded_on,
            message=_("A seal cannot be awarded before the application was submitted."),
        )


class SealCheck(TimeStampedModel):
    """Whether one application fulfils one criterion."""

    application = part_of(SealApplication, _("application"), related_name="checks")
    criterion = protected_link(SealCriterion, _("criterion"), related_name="checks")
    fulfilled = models.BooleanField(_("fulfilled"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    score = _score_field(_("review score"))
    self_score = _score_field(_("self-assessment"))
    self_comment = models.CharField(_("comment of the employer"), max_length=500, blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("criterion check"), _("criterion checks")
        ordering = ["criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["application", "criterion"], name="seal_check_once"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {'✓' if self.fulfilled else '–'}"
