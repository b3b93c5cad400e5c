"""Dated statistics snapshots of every alliance, computed by regional.statistics."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.figures import ALLIANCE_FIGURES
from kernel import formats
from kernel.collation import by_name
from kernel.models import choice_field, optional_link, part_of, plausible_date, plausible_datetime
from tenants.models.base import TimeStampedModel
from tenants.scope import StateScoped

from .choices import RunStatus


class StatisticsRun(TimeStampedModel):
    """One refresh of the statistics (nightly or on demand), with its progress."""

    taken_on = plausible_date(_("date of the figures"))
    status = choice_field(_("status"), RunStatus, max_length=10, default=RunStatus.QUEUED)
    alliances_total = models.PositiveIntegerField(_("alliances"), default=0)
    alliances_done = models.PositiveIntegerField(_("alliances done"), default=0)
    started_at = plausible_datetime(_("started at"), optional=True)
    finished_at = plausible_datetime(_("finished at"), optional=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = optional_link(settings.AUTH_USER_MODEL, _("requested by"), related_name="+")
    task_id = models.CharField(_("task"), max_length=64, blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("statistics run"), _("statistics runs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{formats.date(self.taken_on)} ({self.get_status_display()})"

    @property
    def progress_percent(self) -> int:
        if not self.alliances_total:
            return 100 if self.status == RunStatus.DONE else 0
        return int(100 * self.alliances_done / self.alliances_total)


# A field per figure the snapshot stores, as the registry declares it.
StoredFigures = ALLIANCE_FIGURES.model("StoredFigures", module=__name__)


class AllianceSnapshot(StateScoped, TimeStampedModel, StoredFigures):
    """An alliance's figures on one day. Dashboards and reports read only these rows.

    One row per alliance and day: refreshing again on the same day replaces it, so a
    repeated or resumed refresh never doubles a snapshot.
    """

    _state_path = "alliance__state"

    alliance = part_of("tenants.Alliance", _("alliance"), related_name="snapshots")
    taken_on = plausible_date(_("date"))
    run = optional_link(StatisticsRun, _("statistics run"), related_name="snapshots")
    year = models.PositiveSmallIntegerField(_("year of the activity figures"))

    class Meta:
        verbose_name, verbose_name_plural = _("alliance snapshot"), _("alliance snapshots")
        ordering = ["-taken_on", by_name("alliance__name")]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "taken_on"], name="snapshot_one_per_alliance_and_day"
            ),
        ]
        indexes = [models.Index(fields=["taken_on"])]

    def __str__(self) -> str:
        return f"{self.alliance} {formats.date(self.taken_on)}"
