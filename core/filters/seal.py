"""FilterSets of the family seal."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from core.models import (
    CertificateState,
    CertificationProgramme,
    CriterionGroup,
    Partner,
    SealApplication,
    SealCriterion,
)
from core.selectors.seal import expiring_filter, state_filter
from kernel.collation import by_name
from kernel.crud.filters import ConditionFilter, SearchFilterSet


class SealApplicationFilter(SearchFilterSet):
    search_fields = ("partner__name", "reviewer", "review_notes")
    # The status as it reads today: "expired" finds awarded certificates past validity.
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CertificateState.choices, method="filter_state"
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"), queryset=CertificationProgramme.objects.order_by(by_name())
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"), queryset=Partner.objects.order_by(by_name())
    )
    expiring = ConditionFilter(label=_("Expiring within 90 days"), condition=expiring_filter)

    class Meta:
        model = SealApplication

    def filter_state(self, queryset, name, value):
        return queryset.filter(state_filter(value)) if value else queryset


class SealCriterionFilter(SearchFilterSet):
    search_fields = ("text",)
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"), queryset=CertificationProgramme.objects.order_by(by_name())
    )
    group = django_filters.ModelChoiceFilter(
        label=_("Criterion group"), queryset=CriterionGroup.objects.order_by(by_name())
    )
    is_required = django_filters.BooleanFilter(label=_("Required"))
    is_active = django_filters.BooleanFilter(label=_("In use"))

    class Meta:
        model = SealCriterion


class ProgrammeFilter(SearchFilterSet):
    search_fields = ("name", "description")
    is_active = django_filters.BooleanFilter(label=_("In use"))

    class Meta:
        model = CertificationProgramme
        fields = ["q", "kind", "is_active"]


class CriterionGroupFilter(SearchFilterSet):
    search_fields = ("name", "description")
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"), queryset=CertificationProgramme.objects.order_by(by_name())
    )

    class Meta:
        model = CriterionGroup
