"""The fundraising circle (Förderkreis): its members and donors, fundraising actions,
the grants it gives to projects, donation receipts and the circle's tax settings.

Money received stays in ``FundingEntry`` (core/models/funding.py); an entry names its
supporter where known and the receipt it was confirmed on.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel import formats
from kernel.collation import by_name
from kernel.models import (
    Named,
    anonymisation_stamp,
    choice_field,
    euro_amount,
    in_order,
    not_negative,
    optional_link,
    plausible_date,
    positive_amount,
    postal_address,
    protected_link,
)
from tenants.models.base import TimeStampedModel

from .choices import GrantStatus, SupporterKind

__all__ = [
    "CircleSettings",
    "DonationReceipt",
    "FundraisingAction",
    "GrantStatus",
    "ProjectGrant",
    "Supporter",
    "SupporterKind",
]


class Supporter(Named, TimeStampedModel):
    """A member of the fundraising circle or a donor (a donor who never joined has no
    joining date). The address is what a donation receipt is sent to."""

    kind = choice_field(_("kind"), SupporterKind, default=SupporterKind.PERSON)
    name = models.CharField(_("name"), max_length=200)
    partner = optional_link("core.Partner", _("partner"), related_name="supporters")
    street, postcode, city = postal_address(town=_("city"))
    email = models.EmailField(_("e-mail"), blank=True)
    joined_on = plausible_date(_("joined the circle on"), optional=True)
    left_on = plausible_date(_("left the circle on"), optional=True)
    yearly_fee = euro_amount(_("yearly membership fee (EUR)"), max_digits=10, optional=True)
    notes = models.TextField(_("notes"), blank=True)
    anonymised_at = anonymisation_stamp()

    class Meta:
        verbose_name, verbose_name_plural = _("member or donor"), _("members and donors")
        ordering = [by_name()]
        constraints = [
            in_order(
                "joined_on",
                "left_on",
                name="supporter_left_after_joined",
                message=_("The circle cannot be left before it was joined."),
                optional=("joined_on", "left_on"),
            ),
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True) | models.Q(joined_on__isnull=False),
                name="supporter_left_only_after_joining",
                violation_error_message=_("Only a member who joined can leave the circle."),
            ),
            not_negative(
                "yearly_fee",
                optional=True,
                name="supporter_fee_not_negative",
                message=_("The membership fee cannot be negative."),
            ),
        ]

    @property
    def has_address(self) -> bool:
        return bool(self.street.strip() and self.postcode.strip() and self.city.strip())

    @property
    def address_lines(self) -> list[str]:
        return [self.name, self.street, f"{self.postcode} {self.city}".strip()]


class FundraisingAction(TimeStampedModel):
    """A fundraising action of the circle, e.g. the family hiking day or the sale of
    Christmas cards: what it brought in and what it cost."""

    title = models.CharField(_("title"), max_length=200)
    date = plausible_date(_("date"))
    income = euro_amount(_("income (EUR)"), default=0)
    costs = euro_amount(_("costs (EUR)"), default=0)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("fundraising action"), _("fundraising actions")
        ordering = ["-date"]
        constraints = [
            not_negative(
                "income",
                "costs",
                name="fundraising_action_amounts_not_negative",
                message=_("Income and costs cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({formats.date(self.date)})"

    @property
    def net(self):
        return self.income - self.costs


class ProjectGrant(TimeStampedModel):
    """Money the circle gives to a project of the alliance, with the proof of its use
    (Verwendungsnachweis). A withdrawn grant counts nowhere."""

    project = optional_link("core.Project", _("project"), related_name="circle_grants")
    amount = euro_amount(_("amount (EUR)"))
    purpose = models.CharField(_("purpose"), max_length=300)
    decided_on = plausible_date(_("decided on"))
    status = choice_field(_("status"), GrantStatus, default=GrantStatus.DECIDED)
    proof_received_on = plausible_date(_("proof of use received on"), optional=True)

    class Meta:
        verbose_name, verbose_name_plural = _("grant to a project"), _("grants to projects")
        ordering = ["-decided_on"]
        constraints = [
            positive_amount("project_grant_amount_positive"),
            in_order(
                "decided_on",
                "proof_received_on",
                name="project_grant_proof_after_decision",
                message=_("The proof of use cannot arrive before the grant was decided."),
                optional=("proof_received_on",),
            ),
            models.CheckConstraint(
                condition=~models.Q(status=GrantStatus.PROOF_RECEIVED)
                | models.Q(proof_received_on__isnull=False),
                name="project_grant_proof_has_date",
                violation_error_message=_("Enter the date the proof of use was received."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} ({formats.money(self.amount)}, {formats.date(self.decided_on)})"


class DonationReceipt(TimeStampedModel):
    """A donation receipt (Zuwendungsbestätigung) issued to a supporter: its number and
    date, and the entries it confirms (an entry is confirmed at most once). Printing it
    again gives a copy marked as such."""

    number = models.CharField(_("receipt number"), max_length=20, unique=True)
    issued_on = plausible_date(_("issued on"))
    supporter = protected_link(Supporter, _("member or donor"), related_name="receipts")
    total = euro_amount(_("total (EUR)"))
    is_collective = models.BooleanField(_("collective receipt"), default=False)
    times_printed = models.PositiveIntegerField(_("times printed"), default=0)

    class Meta:
        verbose_name, verbose_name_plural = _("donation receipt"), _("donation receipts")
        ordering = ["-issued_on", "-number"]

    def __str__(self) -> str:
        return self.number


class CircleSettings(TimeStampedModel):
    """The circle's own data for donation receipts (one row per alliance): the body that
    receives the money and its tax exemption (Freistellungsbescheid)."""

    recipient = models.CharField(_("name of the receiving body"), max_length=200, blank=True)
    recipient_address = models.CharField(_("its address"), max_length=300, blank=True)
    purpose = models.CharField(_("tax-privileged purpose"), max_length=300, blank=True)
    tax_office = models.CharField(_("tax office"), max_length=200, blank=True)
    tax_number = models.CharField(_("tax number"), max_length=40, blank=True)
    exemption_notice_on = plausible_date(_("date of the exemption notice"), optional=True)
    assessment_period = models.CharField(_("last assessment period"), max_length=40, blank=True)
    place = models.CharField(_("place of signature"), max_length=100, blank=True)
    signatory = models.CharField(_("signed by"), max_length=200, blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("receipt settings"), _("receipt settings")

    def __str__(self) -> str:
        return self.recipient or str(_("receipt settings"))

    @property
    def complete(self) -> bool:
        needed = (self.recipient, self.purpose, self.tax_office, self.tax_number, self.place)
        return all(value.strip() for value in needed) and self.exemption_notice_on is not None
