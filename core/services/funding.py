"""Writes of the funding circle."""

from __future__ import annotations

from typing import Any

from core.models import FundingEntry
from kernel.crud.records import record_create, record_delete, record_update


def funding_entry_create(*, actor, data: dict[str, Any]) -> FundingEntry:
    """Record money received; the model refuses amounts of zero or less."""
    return record_create(actor=actor, model=FundingEntry, data=data)


def funding_entry_update(*, actor, entry: FundingEntry, data: dict[str, Any]) -> FundingEntry:
    return record_update(actor=actor, instance=entry, data=data)


def funding_entry_delete(*, actor, entry: FundingEntry) -> None:
    record_delete(actor=actor, instance=entry)
