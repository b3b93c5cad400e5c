"""FilterSets of the funding circle."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters.projects import YEAR_BOUNDS
from core.models import FundingEntry, FundingKind, Partner
from kernel.crud.filters import SearchFilterSet


class FundingEntryFilter(SearchFilterSet):
    search_fields = ("donor", "purpose", "partner__name")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=FundingKind.choices)
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="received_on", lookup_expr="year", **YEAR_BOUNDS
    )
    partner = django_filters.ModelChoiceFilter(label=_("Partner"), queryset=Partner.objects.all())

    class Meta:
        model = FundingEntry
        fields = ["q", "kind", "year", "partner"]
