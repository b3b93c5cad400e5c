"""FilterSets of the holiday programme and the family guide."""

from __future__ import annotations

import django_filters
from django.db.models import F, Q
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from core.models import GuideEntry, HolidayOffer
from kernel.crud.filters import SearchFilterSet, YearFilter

MONTH_CHOICES = list(MONTHS.items())


class HolidayOfferFilter(SearchFilterSet):
    search_fields = ("title", "description", "organiser", "place", "partner__name")
    month = django_filters.TypedChoiceFilter(
        label=_("Month"), choices=MONTH_CHOICES, coerce=int, method="filter_month"
    )
    year = YearFilter("start_date")
    age = django_filters.NumberFilter(
        label=_("Suitable for age"), method="filter_age", min_value=0, max_value=99
    )
    organiser = django_filters.CharFilter(label=_("Organiser"), lookup_expr="icontains")
    is_published = django_filters.BooleanFilter(label=_("Published"))

    class Meta:
        model = HolidayOffer

    def filter_month(self, queryset, name, value: int):
        """Offers that take place (at least partly) in that month."""
        if not value:
            return queryset
        month = int(value)
        return queryset.filter(
            Q(start_date__month=month)
            | Q(end_date__month=month)
            | Q(
                start_date__year=F("end_date__year"),
                start_date__month__lt=month,
                end_date__month__gt=month,
            )
            | Q(start_date__year__lt=F("end_date__year"), start_date__month__lt=month)
            | Q(start_date__year__lt=F("end_date__year"), end_date__month__gt=month)
        )

    def filter_age(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(age_min__lte=value, age_max__gte=value)


class GuideEntryFilter(SearchFilterSet):
    search_fields = ("title", "organisation", "description", "address")
    is_published = django_filters.BooleanFilter(label=_("Published"))

    class Meta:
        model = GuideEntry
        fields = ["q", "category", "is_published"]  # category: from the model
