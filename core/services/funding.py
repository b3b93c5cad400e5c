"""Writes of the funding circle."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.models import FundingEntry, Partner, Supporter
from kernel.crud.records import record_create, record_delete, record_update


class FundingEntryFields(TypedDict, total=False):
    kind: str
    amount: Decimal
    received_on: date
    partner: Partner | None
    donor: str
    purpose: str
    supporter: Supporter | None


# fundraising: what a donation receipt states may not change once it is issued
CONFIRMED_FIELDS = ("kind", "amount", "received_on", "supporter")


def _refuse_if_confirmed(entry: FundingEntry, fields: dict) -> None:
    if entry.receipt_id is None:
        return
    stored = FundingEntry.objects.get(pk=entry.pk)
    if fields is None or any(
        name in fields and fields[name] != getattr(stored, name) for name in CONFIRMED_FIELDS
    ):
        raise ValidationError(
            _(
                "A donation receipt has been issued for this entry; its kind, amount, date and "
                "donor can no longer be changed and it cannot be deleted."
            )
        )


def funding_entry_create(*, actor, **fields: Unpack[FundingEntryFields]) -> FundingEntry:
    """Record money received; the model refuses amounts of zero or less."""
    return record_create(actor=actor, model=FundingEntry, data=fields)


def funding_entry_update(
    *, actor, entry: FundingEntry, **fields: Unpack[FundingEntryFields]
) -> FundingEntry:
    _refuse_if_confirmed(entry, fields)
    return record_update(actor=actor, instance=entry, data=fields)


def funding_entry_delete(*, actor, entry: FundingEntry) -> None:
    _refuse_if_confirmed(entry, None)
    record_delete(actor=actor, instance=entry)
