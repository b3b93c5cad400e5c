"""Money the alliance received: donations, membership fees, grants (the fundraising
circle's members, actions and receipts are in core/models/fundraising.py)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.models import optional_link, plausible_date
from tenants.models.base import TimeStampedModel


class FundingKind(models.TextChoices):
    DONATION = "donation", _("Donation")
    MEMBERSHIP_FEE = "membership_fee", _("Membership fee")
    GRANT = "grant", _("Grant")
    OTHER = "other", _("Other")


class FundingEntry(TimeStampedModel):
    """Money the alliance received."""

    kind = models.CharField(_("kind"), max_length=20, choices=FundingKind.choices)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2)
    received_on = plausible_date(_("received on"))
    partner = optional_link("core.Partner", _("from partner"), related_name="funding_entries")
    donor = models.CharField(_("from (if not a partner)"), max_length=200, blank=True)
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)
    # fundraising: the member or donor, where known, and the receipt that confirms it
    supporter = optional_link(
        "core.Supporter", _("member or donor"), related_name="funding_entries"
    )
    receipt = models.ForeignKey(
        "core.DonationReceipt",
        verbose_name=_("donation receipt"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="entries",
    )

    class Meta:
        verbose_name = _("funding entry")
        verbose_name_plural = _("funding entries")
        ordering = ["-received_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0),
                name="funding_amount_positive",
                violation_error_message=_("The amount must be greater than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount} € ({self.received_on:%d.%m.%Y})"
