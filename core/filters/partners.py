"""FilterSets of partners."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import (
    ContactPerson,
    Measure,
    Partner,
)
from kernel.crud.filters import ConditionFilter, SearchFilterSet


class PartnerFilter(SearchFilterSet):
    search_fields = ("name", "city", "description", "contacts__last_name")
    # kind, status, size_class: generated from the model's fields (Meta.fields)
    measures = django_filters.ModelChoiceFilter(
        label=_("Measure"), queryset=Measure.objects.all(), field_name="measures"
    )
    has_care_guides = ConditionFilter(
        label=_("With care guides"),
        condition=lambda: Q(care_guides_count__gt=0),
        otherwise=lambda: Q(care_guides_count=0),
    )
    public_listing_consent = django_filters.BooleanFilter(label=_("May be listed publicly"))

    class Meta:
        model = Partner
        fields = ["q", "kind", "status", "size_class", "measures", "public_listing_consent"]

    def search(self, queryset, name, value):
        return super().search(queryset, name, value).distinct()


class MeasureFilter(SearchFilterSet):
    search_fields = ("name", "description")
    is_active = django_filters.BooleanFilter(label=_("In the catalogue"))

    class Meta:
        model = Measure
        fields = ["q", "category", "is_active"]  # category: from the model


class ContactPersonFilter(SearchFilterSet):
    """Contacts of one partner (``?partner=<id>``) and a search over names and e-mail."""

    search_fields = ("first_name", "last_name", "email", "position", "partner__name")
    partner = django_filters.ModelChoiceFilter(label=_("Partner"), queryset=Partner.objects.all())
    is_primary = django_filters.BooleanFilter(label=_("Main contact"))

    class Meta:
        model = ContactPerson
