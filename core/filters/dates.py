"""Date filters of lists and the API that accept only plausible dates.

A list's ``?received_from=0001-01-01`` or the API's ``?taken_on_until=9999-12-31`` is a
typo, not a question: like every stored date (``kernel.dates``) such a filter value is
refused with the same German message, so the HTML list shows it at the filter (and lists
everything) and the API answers 400, instead of silently filtering on year 1.
"""

from __future__ import annotations

import django_filters

from core.forms.partners import PlausibleDateField


class PlausibleDateFilter(django_filters.DateFilter):
    """``DateFilter`` whose form field is the plausible-date field (its picker is bounded
    by the range too)."""

    field_class = PlausibleDateField
