"""Reports to the ministry: aggregated figures of a period, released and then frozen."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.models import Titled, choice_field, optional_link, plausible_date, plausible_datetime
from tenants.models.base import TimeStampedModel
from tenants.scope import StateScoped, state_owner

from .choices import PeriodKind, ReportStatus


def report_file_path(instance: Report, filename: str) -> str:
    return f"reports/{instance.pk}/{filename}"


class Report(StateScoped, Titled, TimeStampedModel):
    """The coordination office's report for one year or quarter.

    ``data`` holds the figures the files were made from. Once released, the report is
    frozen: later changes of the alliances' data or snapshots do not alter it.
    """

    state = state_owner()

    title = models.CharField(_("title"), max_length=200)
    period_kind = choice_field(_("period"), PeriodKind, max_length=10, default=PeriodKind.YEAR)
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    highlights = models.TextField(_("highlights"), blank=True)
    problems = models.TextField(_("problems raised by the alliances"), blank=True)
    plans = models.TextField(_("plans"), blank=True)
    status = choice_field(_("status"), ReportStatus, max_length=12, default=ReportStatus.DRAFT)
    snapshot_date = plausible_date(_("figures as of"), optional=True)
    data = models.JSONField(_("figures"), default=dict, blank=True)
    suppression_threshold = models.PositiveSmallIntegerField(
        _("small numbers shown as below"), default=3
    )
    pdf_file = models.FileField(_("PDF"), upload_to=report_file_path, blank=True)
    xlsx_file = models.FileField(_("Excel (XLSX)"), upload_to=report_file_path, blank=True)
    csv_file = models.FileField(_("CSV"), upload_to=report_file_path, blank=True)
    generated_at = plausible_datetime(_("generated at"), optional=True)
    generation_error = models.TextField(_("generation error"), blank=True)
    task_id = models.CharField(_("background task"), max_length=64, blank=True)
    released_at = plausible_datetime(_("released at"), optional=True)
    released_by = optional_link(settings.AUTH_USER_MODEL, _("released by"), related_name="+")

    class Meta:
        verbose_name, verbose_name_plural = _("report"), _("reports")
        ordering = ["-year", "-quarter", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(period_kind="year", quarter__isnull=True)
                    | models.Q(
                        period_kind="quarter",
                        quarter__isnull=False,
                        quarter__gte=1,
                        quarter__lte=4,
                    )
                ),
                name="report_quarter_matches_period",
                violation_error_message=_(
                    "A quarterly report needs a quarter from 1 to 4, a yearly report none."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100),
                name="report_year_plausible",
                violation_error_message=_("Please enter a year between 2000 and 2100."),
            ),
        ]

    @property
    def period_label(self) -> str:
        if self.period_kind == PeriodKind.QUARTER:
            return f"Q{self.quarter} {self.year}"
        return str(self.year)

    @property
    def is_frozen(self) -> bool:
        return self.status == ReportStatus.RELEASED
