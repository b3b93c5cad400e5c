"""FilterSets of the childcare pool (the HTML lists and the API): carers, placements and
the matching of a care request."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import (
    Availability,
    CareKind,
    Carer,
    Partner,
    Placement,
)
from core.models.carers import ASSIGNABLE
from core.selectors.carers import checks_valid_on, expiring_filter
from kernel.collation import by_name
from kernel.crud.dates import PlausibleDateField, PlausibleDateFilter
from kernel.crud.filters import ConditionFilter, SearchFilterSet


class CarerFilter(SearchFilterSet):
    """The register; ``available_on``, ``slots`` and ``language`` together are the
    matching of a request (as ``core.selectors.carers.matching_carers``)."""

    search_fields = ("first_name", "last_name", "email", "languages", "qualifications")
    expiring = ConditionFilter(
        label=_("Checks expiring within 60 days"),
        condition=lambda: expiring_filter(today=timezone.localdate()),
    )
    available_on = PlausibleDateFilter(label=_("Assignable on"), method="filter_available_on")
    slots = django_filters.MultipleChoiceFilter(
        label=_("Available"),
        choices=Availability.choices,
        method="filter_slots",
        widget=forms.CheckboxSelectMultiple,
    )
    language = django_filters.CharFilter(
        label=_("Language"), field_name="languages", lookup_expr="icontains", max_length=50
    )

    class Meta:
        model = Carer
        # status: generated from the model's fields
        fields = ["q", "status", "expiring", "available_on", "slots", "language"]

    def filter_available_on(self, queryset, name, value):
        """Vetted or active carers with every check valid on that day."""
        if value is None:
            return queryset
        return queryset.filter(checks_valid_on(value), status__in=ASSIGNABLE)

    def filter_slots(self, queryset, name, value):
        """Available in every one of the chosen times."""
        return queryset.filter(availability__contains=list(value)) if value else queryset


class PlacementFilter(SearchFilterSet):
    search_fields = ("family_name", "carer__first_name", "carer__last_name", "partner__name")
    # status, kind, recurrence: generated from the model's fields (Meta.fields)
    partner = django_filters.ModelChoiceFilter(
        label=_("Paid by (employer)"), queryset=Partner.objects.order_by(by_name())
    )
    carer = django_filters.ModelChoiceFilter(
        label=_("Carer"),
        queryset=Carer.objects.order_by(by_name("last_name"), by_name("first_name")),
    )

    class Meta:
        model = Placement
        fields = ["q", "status", "kind", "recurrence", "partner", "carer"]


class MatchForm(forms.Form):
    """A care request: what kind, from when, at which times, in which language."""

    kind = forms.ChoiceField(label=_("Kind of care"), choices=CareKind.choices)
    start_date = PlausibleDateField(label=_("From"))
    slots = forms.MultipleChoiceField(
        label=_("Needed at"),
        choices=Availability.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language_wish = forms.CharField(label=_("Language wish"), required=False, max_length=50)
