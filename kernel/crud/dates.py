"""Date inputs of forms, filters and the API that accept only plausible dates.

Every stored date passes ``kernel.dates.validate_plausible_date``; a form or filter value
outside that range (``?received_from=0001-01-01``, ``9999-12-31``) is a typo, not a
question, so it is refused with the same German message: the HTML list shows it at the
filter (and lists everything) and the API answers 400, instead of silently filtering on
year 1. The browser's date picker is bounded by the same range.
"""

from __future__ import annotations

import django_filters
from django import forms

from kernel.dates import EARLIEST, LATEST, validate_plausible_date


class DateInput(forms.DateInput):
    """A browser date picker limited to the plausible range (the server checks it too)."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)
        self.attrs.setdefault("min", EARLIEST.isoformat())
        self.attrs.setdefault("max", LATEST.isoformat())


class PlausibleDateField(forms.DateField):
    """A form date that is not a model field (a service argument) in the plausible range."""

    widget = DateInput
    default_validators = [validate_plausible_date]


class PlausibleDateFilter(django_filters.DateFilter):
    """``DateFilter`` whose form field is the plausible-date field."""

    field_class = PlausibleDateField
