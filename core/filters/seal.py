"""FilterSets of the family seal."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from core.models import Partner, SealApplication, SealCriterion, SealStatus
from core.selectors.seal import expiring_filter
from kernel.crud.filters import ConditionFilter, SearchFilterSet


class SealApplicationFilter(SearchFilterSet):
    search_fields = ("partner__name", "reviewer", "review_notes")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SealStatus.choices)
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"), queryset=Partner.objects.order_by("name")
    )
    expiring = ConditionFilter(label=_("Expiring within 90 days"), condition=expiring_filter)

    class Meta:
        model = SealApplication
        fields = ["q", "status", "partner", "expiring"]


class SealCriterionFilter(SearchFilterSet):
    search_fields = ("text",)
    is_required = django_filters.BooleanFilter(label=_("Required"))
    is_active = django_filters.BooleanFilter(label=_("In use"))

    class Meta:
        model = SealCriterion
        fields = ["q", "is_required", "is_active"]
