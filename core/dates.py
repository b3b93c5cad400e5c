"""Plausible dates for the alliance's workspace and the state layer: the one rule is
defined in :mod:`tenants.dates` (so that ``tenants`` can use it too) and re-exported here
for the rooms above it."""

from tenants.dates import (
    CHECKED_APPS,
    EARLIEST,
    LATEST,
    check_date_fields_are_plausible,
    date_fields,
    ensure_date_order,
    is_plausible_date,
    validate_plausible_date,
)

__all__ = [
    "CHECKED_APPS",
    "EARLIEST",
    "LATEST",
    "check_date_fields_are_plausible",
    "date_fields",
    "ensure_date_order",
    "is_plausible_date",
    "validate_plausible_date",
]
