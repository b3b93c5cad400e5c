"""Writes of the fundraising circle: members and donors, actions, grants to projects,
the receipt settings and donation receipts.

A receipt confirms donations and membership fees of a supporter with an address; each
entry is confirmed once (``FundingEntry.receipt``), and the receipt's entries can no
longer be changed. Printing a receipt again gives a copy marked as such.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import (
    CircleSettings,
    DonationReceipt,
    FundingEntry,
    FundingKind,
    FundraisingAction,
    Partner,
    Project,
    ProjectGrant,
    Supporter,
)
from kernel.audit.services import audit_log
from kernel.crud.records import record_create, record_delete, record_services, record_update

RECEIPT_KINDS = (FundingKind.DONATION, FundingKind.MEMBERSHIP_FEE)
# § 63 Abs. 5 AO: a receipt is not recognised once the exemption notice is older.
NOTICE_VALID_YEARS = 5


class SupporterFields(TypedDict, total=False):
    kind: str
    name: str
    partner: Partner | None
    street: str
    postcode: str
    city: str
    email: str
    joined_on: datetime.date | None
    left_on: datetime.date | None
    yearly_fee: Decimal | None
    notes: str


class ActionFields(TypedDict, total=False):
    title: str
    date: datetime.date
    income: Decimal
    costs: Decimal
    description: str


class GrantFields(TypedDict, total=False):
    project: Project | None
    amount: Decimal
    purpose: str
    decided_on: datetime.date
    status: str
    proof_received_on: datetime.date | None


class SettingsFields(TypedDict, total=False):
    recipient: str
    recipient_address: str
    purpose: str
    tax_office: str
    tax_number: str
    exemption_notice_on: datetime.date | None
    assessment_period: str
    place: str
    signatory: str


# ---------------------------------------------------------------- members and donors


def supporter_create(*, actor, **fields: Unpack[SupporterFields]) -> Supporter:
    return record_create(actor=actor, model=Supporter, data=fields)


def supporter_update(*, actor, supporter: Supporter, **fields: Unpack[SupporterFields]):
    return record_update(actor=actor, instance=supporter, data=fields)


def supporter_delete(*, actor, supporter: Supporter) -> None:
    """Only a supporter without recorded money can go; the others must be kept (tax law)."""
    if supporter.funding_entries.exists() or supporter.receipts.exists():
        raise ValidationError(
            _(
                "Money from this member or donor has been recorded; the record must be kept "
                "for ten years. Record the leaving date instead."
            )
        )
    record_delete(actor=actor, instance=supporter)


# ---------------------------------------------------------------- actions and grants


action_create, action_update, action_delete = record_services(
    FundraisingAction, "action", ActionFields
)
grant_create, grant_update, grant_delete = record_services(ProjectGrant, "grant", GrantFields)


# ---------------------------------------------------------------- receipt settings


def circle_settings() -> CircleSettings:
    """The alliance's one settings row (made empty on first use)."""
    settings, _created = CircleSettings.objects.get_or_create(pk=1)
    return settings


def settings_update(*, actor, **fields: Unpack[SettingsFields]) -> CircleSettings:
    return record_update(actor=actor, instance=circle_settings(), data=fields)


# ---------------------------------------------------------------- receipts


def receipt_blockers(settings: CircleSettings, on: datetime.date) -> list[str]:
    """Why no receipt can be issued with these settings on ``on`` (empty: it can)."""
    if not settings.complete:
        return [
            _(
                "The receipt settings are incomplete: the receiving body, its purpose, tax "
                "office, tax number, the date of the exemption notice and the place are needed."
            )
        ]
    notice = settings.exemption_notice_on
    limit = notice.replace(year=notice.year + NOTICE_VALID_YEARS, day=min(notice.day, 28))
    if on > limit:
        return [
            _(
                "The exemption notice is older than five years; receipts based on it are not "
                "recognised (Section 63 (5) AO). Enter the date of the current notice."
            )
        ]
    return []


def _check_receivable(entries: list[FundingEntry], supporter: Supporter) -> None:
    if not supporter.has_address or supporter.anonymised_at is not None:
        raise ValidationError(
            _("A receipt needs the full address of the member or donor (street, postcode, city).")
        )
    for entry in entries:
        if entry.kind not in RECEIPT_KINDS:
            raise ValidationError(_("Only donations and membership fees can be confirmed."))
        if entry.receipt_id is not None:
            raise ValidationError(
                _("This money has already been confirmed on receipt %(number)s.")
                % {"number": entry.receipt.number}
            )
        if entry.supporter_id != supporter.pk:
            raise ValidationError(_("The entry belongs to another member or donor."))


def _next_number(year: int) -> str:
    taken = DonationReceipt.objects.filter(number__startswith=f"{year}-").count()
    number = taken + 1
    while DonationReceipt.objects.filter(number=f"{year}-{number:04d}").exists():
        number += 1
    return f"{year}-{number:04d}"


@transaction.atomic
def _issue(*, actor, supporter: Supporter, entries: list[FundingEntry], collective: bool):
    today = timezone.localdate()
    blockers = receipt_blockers(circle_settings(), today)
    if blockers:
        raise ValidationError(blockers)
    if not entries:
        raise ValidationError(_("There is no money left to confirm for this member or donor."))
    _check_receivable(entries, supporter)
    receipt = DonationReceipt(
        number=_next_number(today.year),
        issued_on=today,
        supporter=supporter,
        total=sum((entry.amount for entry in entries), Decimal("0")),
        is_collective=collective,
    )
    receipt.full_clean()
    receipt.save()
    FundingEntry.objects.filter(pk__in=[entry.pk for entry in entries]).update(receipt=receipt)
    audit_log(
        actor=actor,
        action="core.donation_receipt.issued",
        target=receipt,
        changes={"entries": [entry.pk for entry in entries], "total": str(receipt.total)},
    )
    return receipt


@transaction.atomic
def receipt_issue(*, actor, entry: FundingEntry) -> DonationReceipt:
    """A receipt for one donation or membership fee of a supporter with an address."""
    entry = (
        FundingEntry.objects.select_for_update(of=("self",))
        .select_related("receipt", "supporter")
        .get(pk=entry.pk)
    )
    if entry.supporter_id is None:
        raise ValidationError(_("Choose the member or donor of this entry first."))
    return _issue(actor=actor, supporter=entry.supporter, entries=[entry], collective=False)


@transaction.atomic
def receipt_issue_collective(*, actor, supporter: Supporter, year: int) -> DonationReceipt:
    """A collective receipt (Sammelbestätigung) for every donation and membership fee
    of ``supporter`` in ``year`` that has no receipt yet."""
    entries = list(
        FundingEntry.objects.select_for_update(of=("self",))
        .select_related("receipt")
        .filter(
            supporter=supporter,
            kind__in=RECEIPT_KINDS,
            receipt__isnull=True,
            received_on__year=year,
        )
        .order_by("received_on", "pk")
    )
    return _issue(actor=actor, supporter=supporter, entries=entries, collective=True)


@transaction.atomic
def receipt_printed(*, actor, receipt: DonationReceipt) -> bool:
    """Count a print of ``receipt``; True if it is the original (the first print)."""
    receipt = DonationReceipt.objects.select_for_update().get(pk=receipt.pk)
    original = receipt.times_printed == 0
    receipt.times_printed += 1
    receipt.save(update_fields=["times_printed", "updated_at"])
    audit_log(
        actor=actor,
        action="core.donation_receipt.printed",
        target=receipt,
        changes={"copy": not original},
    )
    return original
