"""FilterSets of admission applications."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.models import Application
from kernel.crud.dates import PlausibleDateFilter
from kernel.crud.filters import SearchFilterSet


class ApplicationFilter(SearchFilterSet):
    search_fields = ("organisation_name", "city", "contact_name", "statement")
    received_from = PlausibleDateFilter(
        label=_("Received from"), field_name="received_on", lookup_expr="gte"
    )
    received_until = PlausibleDateFilter(
        label=_("Received until"), field_name="received_on", lookup_expr="lte"
    )

    class Meta:
        model = Application
        # status, kind, size_class: generated from the model's fields
        fields = ["q", "status", "kind", "size_class", "received_from", "received_until"]
