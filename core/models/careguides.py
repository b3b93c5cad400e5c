"""Company care guides ("betriebliche Pflegelotsen"): trained employees of a partner who
help colleagues with caring responsibilities. A partner's number of care guides and the
alliance's care-guide figures are counted from these records (active guides only)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.collation import by_name
from kernel.models import (
    ContactDetails,
    Named,
    anonymisation_stamp,
    in_order,
    part_of,
    plausible_date,
)
from tenants.models.base import TimeStampedModel

#: The name of the records the data migration made from the former per-partner number.
TAKEN_OVER_NAME = "Pflegelotse/in (übernommen)"


class CareGuide(Named, ContactDetails, TimeStampedModel):
    """One trained care guide at a partner organisation (personal data: name, contact)."""

    partner = part_of("core.Partner", _("partner"), related_name="care_guides")
    name = models.CharField(_("name"), max_length=200)
    training_course = models.CharField(_("training course"), max_length=200, blank=True)
    trained_on = plausible_date(_("trained on"), optional=True)
    refresher_due = plausible_date(
        _("refresher due"),
        optional=True,
        help_text=_("Left empty, it is set to two years after the training."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Still working as a care guide at the partner.")
    )
    taken_over = models.BooleanField(
        _("taken over from the former count"), default=False, editable=False
    )
    anonymised_at = anonymisation_stamp()

    class Meta:
        verbose_name, verbose_name_plural = _("care guide"), _("care guides")
        ordering = [by_name("partner__name"), by_name()]
        constraints = [
            in_order(
                "trained_on",
                "refresher_due",
                strict=True,
                optional=("trained_on", "refresher_due"),
                name="care_guide_refresher_after_training",
                message=_("The refresher must be due after the training date."),
            ),
        ]
        indexes = [models.Index(fields=["is_active", "refresher_due"])]
