"""The first-run checklist of a new alliance: what the coordinator has marked."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.models import choice_check, choice_field
from tenants.models.base import TimeStampedModel

from .choices import ChecklistStatus


class ChecklistMark(TimeStampedModel):
    """The coordinator's mark on one item of the first-run checklist (``core.onboarding``).

    The rows are made "open" when the state puts the alliance on the platform (that
    starts the checklist); an item whose check finds the work in the data is done
    whatever its mark says.
    """

    key = models.SlugField(_("item"), max_length=40, unique=True)
    status = choice_field(_("status"), ChecklistStatus, max_length=10, default=ChecklistStatus.OPEN)

    class Meta:
        verbose_name, verbose_name_plural = _("checklist mark"), _("checklist marks")
        ordering = ["key"]
        constraints = [choice_check("status", ChecklistStatus, name="checklist_mark_status")]

    def __str__(self) -> str:
        return f"{self.key}: {self.status}"
