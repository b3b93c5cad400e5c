"""Money the alliance received: donations, membership fees, grants (the fundraising
circle's members, actions and receipts are in core/models/fundraising.py)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel import formats
from kernel.models import (
    choice_field,
    euro_amount,
    optional_link,
    plausible_date,
    positive_amount,
    protected_link,
)
from tenants.models.base import TimeStampedModel

from .choices import FundingKind


class FundingEntry(TimeStampedModel):
    """Money the alliance received."""

    kind = choice_field(_("kind"), FundingKind)
    amount = euro_amount(_("amount (EUR)"))
    received_on = plausible_date(_("received on"))
    partner = optional_link("core.Partner", _("from partner"), related_name="funding_entries")
    donor = models.CharField(_("from (if not a partner)"), max_length=200, blank=True)
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)
    # fundraising: the member or donor, where known, and the receipt that confirms it
    supporter = optional_link(
        "core.Supporter", _("member or donor"), related_name="funding_entries"
    )
    receipt = protected_link(
        "core.DonationReceipt",
        _("donation receipt"),
        related_name="entries",
        optional=True,
        editable=False,
    )

    class Meta:
        verbose_name, verbose_name_plural = _("funding entry"), _("funding entries")
        ordering = ["-received_on"]
        constraints = [positive_amount("funding_amount_positive")]

    def __str__(self) -> str:
        amount, day = formats.money(self.amount), formats.date(self.received_on)
        return f"{self.get_kind_display()} {amount} ({day})"
