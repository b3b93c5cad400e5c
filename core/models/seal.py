"""The family-friendly employer seal ("Familiensiegel")."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.dates import ensure_date_order
from kernel.models import in_order, plausible_date
from tenants.models.base import TimeStampedModel


class SealCriterion(TimeStampedModel):
    """One criterion of the seal's checklist, as the alliance maintains it."""

    text = models.CharField(_("criterion"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_required = models.BooleanField(_("required"), default=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("seal criterion")
        verbose_name_plural = _("seal criteria")
        ordering = ["position", "text"]

    def __str__(self) -> str:
        return self.text


class SealStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    AWARDED = "awarded", _("Awarded")
    REJECTED = "rejected", _("Not awarded")


class SealApplication(TimeStampedModel):
    """An employer's application for the seal: checklist, review, award and validity."""

    partner = models.ForeignKey(
        "core.Partner", verbose_name=_("partner"), on_delete=models.PROTECT, related_name="seals"
    )
    submitted_on = plausible_date(_("submitted on"))
    status = models.CharField(
        _("status"), max_length=20, choices=SealStatus.choices, default=SealStatus.SUBMITTED
    )
    reviewer = models.CharField(_("reviewed by"), max_length=200, blank=True)
    review_notes = models.TextField(_("review notes"), blank=True)
    awarded_on = plausible_date(_("awarded on"), optional=True)
    valid_until = plausible_date(_("valid until"), optional=True)
    reminder_sent_on = plausible_date(_("expiry reminder sent on"), optional=True)

    class Meta:
        verbose_name = _("seal application")
        verbose_name_plural = _("seal applications")
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

    def clean(self) -> None:
        super().clean()
        ensure_date_order(
            self.submitted_on,
            self.awarded_on,
            message=_("A seal cannot be awarded before the application was submitted."),
        )


class SealCheck(TimeStampedModel):
    """Whether one application fulfils one criterion."""

    application = models.ForeignKey(
        SealApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="checks",
    )
    criterion = models.ForeignKey(
        SealCriterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="checks"
    )
    fulfilled = models.BooleanField(_("fulfilled"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("criterion check")
        verbose_name_plural = _("criterion checks")
        ordering = ["criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["application", "criterion"], name="seal_check_once"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {'✓' if self.fulfilled else '–'}"
