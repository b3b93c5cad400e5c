"""The one FilterSet of the address book, for the HTML list, its exports and the API.

The address book's rows are read into memory (``regional.selectors.addressbook.Rows``),
so each filter narrows the rows by a predicate rather than by a database query; the
values still pass the FilterSet's form first (a bad value is a German message at its
field, the list stays unfiltered)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from kernel.crud.filters import SearchFilterSet
from regional.filters.alliances import (
    SIZES,
    activity_filter,
    district_filter,
    size_filter,
    state_filter,
)
from regional.selectors.addressbook import Group, Rows
from tenants.models import Alliance, AllianceStatus


def _alliance_choices() -> list[tuple[str, str]]:
    rows = Alliance.objects.exclude(status=AllianceStatus.DISSOLVED).order_by("name", "pk")
    return [(str(pk), name) for pk, name in rows.values_list("pk", "name")]


class AddressBookFilter(SearchFilterSet):
    """Rows by alliance, its state, district, size and activity, and by group, and a
    search over name, e-mail address, phone and alliance (every word must match)."""

    alliance = django_filters.ChoiceFilter(
        label=_("Alliance"), choices=_alliance_choices, method="by_alliance", empty_label=_("All")
    )
    state = state_filter(method="by_state")
    district = district_filter(method="by_district")
    size = size_filter(method="by_size")
    status = activity_filter(method="by_status")
    group = django_filters.ChoiceFilter(
        label=_("Group"), choices=Group.choices, method="by_group", empty_label=_("All")
    )

    def by_alliance(self, rows: Rows, name, value) -> Rows:
        return rows.where(lambda row: row.alliance_id == int(value))

    def by_state(self, rows: Rows, name, value) -> Rows:
        return rows.where(lambda row: row.state_id == value.pk)

    def by_district(self, rows: Rows, name, value) -> Rows:
        return rows.where(lambda row: row.district == value)

    def by_size(self, rows: Rows, name, value) -> Rows:
        return rows.where(lambda row: SIZES[value].holds(row.active_partners))

    def by_status(self, rows: Rows, name, value) -> Rows:
        return rows.where(lambda row: row.status == value)

    def by_group(self, rows: Rows, name, value) -> Rows:
        return rows.where(lambda row: value in row.groups)

    def search(self, rows: Rows, name, value) -> Rows:
        for term in value.casefold().split()[:5]:
            rows = rows.where(
                lambda row, term=term: any(
                    term in text.casefold()
                    for text in (row.name, row.email, row.phone, row.alliance_name)
                )
            )
        return rows

    def filter_queryset(self, queryset: Rows) -> Rows:
        # The rows are no QuerySet (django-filter's own method insists on one).
        for name, value in self.form.cleaned_data.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset
