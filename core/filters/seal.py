"""FilterSets of the family seal."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from core.models import Partner, SealApplication, SealCriterion, SealStatus
from core.selectors.seal import expiring_filter
from kernel.crud.filters import SearchFilterSet


class SealApplicationFilter(SearchFilterSet):
    search_fields = ("partner__name", "reviewer", "review_notes")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SealStatus.choices)
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"), queryset=Partner.objects.order_by("name")
    )
    expiring = django_filters.BooleanFilter(
        label=_("Expiring within 90 days"), method="filter_expiring"
    )

    class Meta:
        model = SealApplication
        fields = ["q", "status", "partner", "expiring"]

    def filter_expiring(self, queryset, name, value):
        if value is None:
            return queryset
        condition = expiring_filter()
        return queryset.filter(condition) if value else queryset.exclude(condition)


class SealCriterionFilter(SearchFilterSet):
    search_fields = ("text",)
    is_required = django_filters.BooleanFilter(label=_("Required"))
    is_active = django_filters.BooleanFilter(label=_("In use"))

    class Meta:
        model = SealCriterion
        fields = ["q", "is_required", "is_active"]
