"""The "Bündnis des Monats" award of the federal service office."""

from __future__ import annotations

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from kernel.models import part_of, plausible_date
from tenants.models.base import TimeStampedModel

__all__ = ["Award"]


class Award(TimeStampedModel):
    """The alliance of one month ("Bündnis des Monats"), chosen by the federal service
    office: one per month (``month`` is its first day). Once published it shows on the
    state area's start page, the alliance's public page and its workspace."""

    month = plausible_date(_("month"))
    alliance = part_of("tenants.Alliance", _("alliance"), related_name="federal_awards")
    citation = models.TextField(_("citation"), max_length=2000)
    published = models.BooleanField(_("published"), default=False)

    class Meta:
        verbose_name, verbose_name_plural = _("alliance of the month"), _("alliances of the month")
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["month"],
                name="award_one_per_month",
                violation_error_message=_("This month already has its alliance of the month."),
            ),
            models.CheckConstraint(
                condition=models.Q(month__day=1),
                name="award_month_first_day",
                violation_error_message=_("The month is stored as its first day."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.alliance} · {self.month_label}"

    @property
    def month_label(self) -> str:
        """The month as people say it: "März 2026"."""
        return date_format(self.month, "F Y")
