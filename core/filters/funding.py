"""FilterSets of the funding circle."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from core.models import FundingEntry, Partner
from kernel.crud.filters import SearchFilterSet, YearFilter


class FundingEntryFilter(SearchFilterSet):
    search_fields = ("donor", "purpose", "partner__name")
    year = YearFilter("received_on")
    partner = django_filters.ModelChoiceFilter(label=_("Partner"), queryset=Partner.objects.all())

    class Meta:
        model = FundingEntry
        fields = ["q", "kind", "year", "partner"]  # kind: from the model
