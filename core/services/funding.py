"""Writes of the funding circle."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TypedDict, Unpack

from core.models import FundingEntry, Partner
from kernel.crud.records import record_create, record_delete, record_update


class FundingEntryFields(TypedDict, total=False):
    kind: str
    amount: Decimal
    received_on: date
    partner: Partner | None
    donor: str
    purpose: str


def funding_entry_create(*, actor, **fields: Unpack[FundingEntryFields]) -> FundingEntry:
    """Record money received; the model refuses amounts of zero or less."""
    return record_create(actor=actor, model=FundingEntry, data=fields)


def funding_entry_update(
    *, actor, entry: FundingEntry, **fields: Unpack[FundingEntryFields]
) -> FundingEntry:
    return record_update(actor=actor, instance=entry, data=fields)


def funding_entry_delete(*, actor, entry: FundingEntry) -> None:
    record_delete(actor=actor, instance=entry)
