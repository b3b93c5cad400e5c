"""The one FilterSet of the statistics snapshots, for the HTML list and the API."""

from __future__ import annotations

import datetime

import django_filters
from django.utils.translation import gettext_lazy as _

from kernel import formats
from kernel.collation import by_name
from kernel.crud.dates import PlausibleDateFilter
from kernel.crud.filters import SearchFilterSet, limited_to
from regional.filters.alliances import (
    SIZES,
    activity_filter,
    district_filter,
    size_filter,
    state_filter,
)
from regional.models import AllianceSnapshot
from tenants.models import Alliance


def date_choices(dates: list[datetime.date]) -> list[tuple[str, str]]:
    return [(day.isoformat(), formats.date(day)) for day in dates]


class AllianceSnapshotFilter(SearchFilterSet):
    """Snapshots by day, date range, the alliance's state, district, size (the snapshot's
    active partners) and activity, and by alliance, and a search by alliance.

    The API filters by ``taken_on`` (or a range), the alliance filters and alliance
    (``API_FILTERS``); the page of one day's figures searches and offers the alliance
    filters, and its ``date`` names the day, which the view has chosen already
    (``page_filters()``).
    """

    search_fields = ("alliance__name", "alliance__host_organisation")
    dates: list[datetime.date] = []
    chosen: datetime.date | None = None

    date = django_filters.ChoiceFilter(label=_("Figures of"), method="keep_day", empty_label=None)
    taken_on = PlausibleDateFilter(label=_("Date"), field_name="taken_on")
    taken_on_from = PlausibleDateFilter(
        label=_("Date from"), field_name="taken_on", lookup_expr="gte"
    )
    taken_on_until = PlausibleDateFilter(
        label=_("Date until"), field_name="taken_on", lookup_expr="lte"
    )
    state = state_filter("alliance__state")
    district = district_filter("alliance__district")
    size = size_filter(method="by_size")
    status = activity_filter("alliance__status")
    alliance = django_filters.ModelChoiceFilter(
        label=_("Alliance"), queryset=Alliance.objects.order_by(by_name())
    )

    class Meta:
        model = AllianceSnapshot

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.form.fields.get("date")
        if field is not None:
            # SearchFilterSet has built the form already: give its field the dates.
            field.choices = date_choices(self.dates)
            if self.chosen is not None:
                field.initial = self.chosen.isoformat()

    def by_size(self, queryset, name, value):
        # A snapshot's size is its own count of active partners.
        return queryset.filter(SIZES[value].condition("partners_total"))

    def keep_day(self, queryset, name, value):
        return queryset  # the view has already chosen the day's snapshots


ALLIANCE_FILTERS = ("state", "district", "size", "status")
API_FILTERS = ("taken_on", "taken_on_from", "taken_on_until", *ALLIANCE_FILTERS, "alliance")
PAGE_FILTERS = ("q", "date", *ALLIANCE_FILTERS)

AllianceSnapshotApiFilter = limited_to(AllianceSnapshotFilter, API_FILTERS)


def page_filters(*, dates: list[datetime.date] = (), chosen: datetime.date | None = None) -> type:
    """The snapshot FilterSet of the page of one day's figures, offering ``dates``."""
    return limited_to(AllianceSnapshotFilter, PAGE_FILTERS, dates=list(dates), chosen=chosen)
