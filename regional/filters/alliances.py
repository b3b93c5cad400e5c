"""The one FilterSet of the alliances, for the state area's public list, the monitoring
list (alliances needing attention, ``regional.filters.monitoring``) and the API, and the
alliance filters the other alliance lists share (state, district, size, activity).

An alliance's size is the number of active partners of its newest snapshot, in classes
(``SIZES``); its activity is its status (dissolved alliances are not listed). The
snapshot list (``regional.filters.statistics``) and the address book
(``regional.filters.addressbook``) declare the same filters from the functions below, so
each list offers the same choices under the same parameter names.
"""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kernel.crud.filters import SearchFilterSet, limited_to
from regional.selectors.monitoring import Flags, Reason
from regional.selectors.statistics import latest_partners
from tenants import districts
from tenants.models import Alliance, AllianceStatus, State
from tenants.scope import current_state_key

# ---------------------------------------------------------------- size classes


@dataclass(frozen=True)
class SizeClass:
    """Alliances with ``low`` to ``high`` active partners (``high`` None: no upper end;
    ``low`` None: without figures yet)."""

    value: str
    label: object
    low: int | None
    high: int | None = None

    def condition(self, field: str) -> Q:
        """The rows whose number ``field`` lies in the class."""
        if self.low is None:
            return Q(**{f"{field}__isnull": True})
        condition = Q(**{f"{field}__gte": self.low})
        return condition & Q(**{f"{field}__lte": self.high}) if self.high is not None else condition

    def holds(self, number: int | None) -> bool:
        """Whether ``number`` (None: no figures) lies in the class."""
        if self.low is None or number is None:
            return self.low is None and number is None
        return self.low <= number and (self.high is None or number <= self.high)


SIZES = {
    size.value: size
    for size in (
        SizeClass("0-9", _("up to 9 active partners"), 0, 9),
        SizeClass("10-24", _("10 to 24 active partners"), 10, 24),
        SizeClass("25-49", _("25 to 49 active partners"), 25, 49),
        SizeClass("50-", _("50 active partners or more"), 50),
        SizeClass("none", _("no figures yet"), None),
    )
}
# The statuses of the listed alliances (dissolved ones are not listed).
ACTIVITIES = [(s.value, s.label) for s in AllianceStatus if s != AllianceStatus.DISSOLVED]


# ---------------------------------------------------------------- shared declarations


def _states(request) -> QuerySet[State]:
    # A state office works in its own state: the only one it can choose.
    key = current_state_key()
    return State.objects.filter(key=key) if key else State.objects.all()


def state_filter(field_name: str = "state", **kwargs) -> django_filters.Filter:
    """The state, by its official key (``?state=16``): any for the public lists, the
    office's own in a state office's lists."""
    return django_filters.ModelChoiceFilter(
        field_name=field_name,
        queryset=_states,
        to_field_name="key",
        label=_("State"),
        empty_label=_("All"),
        **kwargs,
    )


class DistrictChoiceField(django_filters.fields.ChoiceField):
    """A district's official key; one of Thuringia's old slugs (``?district=jena``, as
    API clients sent it before issue 18) is taken as its key."""

    def to_python(self, value):
        return districts.from_input(super().to_python(value))


class DistrictFilter(django_filters.ChoiceFilter):
    field_class = DistrictChoiceField


def district_filter(field_name: str = "district", **kwargs) -> django_filters.Filter:
    """The district, by its official key (``?district=16053``), among the home state's
    (read from ``kernel.geo`` when the form is built)."""
    return DistrictFilter(
        field_name=field_name,
        choices=districts.choices,
        label=_("District"),
        empty_label=_("All"),
        **kwargs,
    )


def size_filter(**kwargs) -> django_filters.Filter:
    """The size class (``?size=10-24``); the FilterSet's ``method`` applies it."""
    return django_filters.ChoiceFilter(
        choices=[(size.value, size.label) for size in SIZES.values()],
        label=_("Size"),
        empty_label=_("All"),
        **kwargs,
    )


def activity_filter(field_name: str = "status", **kwargs) -> django_filters.Filter:
    """Active, being founded or dormant (``?status=dormant``)."""
    return django_filters.ChoiceFilter(
        field_name=field_name,
        choices=ACTIVITIES,
        label=_("Activity"),
        empty_label=_("All"),
        **kwargs,
    )


def district_codes(term: str) -> list[str]:
    """The districts whose German name holds ``term``: a search for a place ("Jena",
    "Gotha") finds the alliances of its district."""
    folded = term.casefold()
    return [code for code, label in districts.choices() if folded in label.casefold()]


# ---------------------------------------------------------------- the alliances


class AllianceFilter(SearchFilterSet):
    """Alliances by state, district, size and activity, and a search over name, host
    organisation and place (the district's name); every word must match. The state
    office's monitoring list also filters by the ``reason`` an alliance needs attention,
    from its ``flags``, computed once per request (``regional.filters.monitoring``); the
    public list and the API offer the rest (``PUBLIC_FILTERS``)."""

    search_fields = ("name", "host_organisation", "slug")
    flags: dict[int, Flags] = {}

    reason = django_filters.ChoiceFilter(
        label=_("Reason"), choices=Reason.choices, method="with_reason", empty_label=_("All")
    )
    state = state_filter()
    district = district_filter()
    size = size_filter(method="by_size")
    status = activity_filter()

    class Meta:
        model = Alliance

    def with_reason(self, queryset, name, value):
        return queryset.filter(pk__in=[pk for pk, f in self.flags.items() if value in f.reasons])

    def by_size(self, queryset, name, value):
        size = SIZES[value]
        return queryset.alias(active_partners=latest_partners()).filter(
            size.condition("active_partners")
        )

    def search(self, queryset, name, value):
        for term in value.split()[:5]:
            condition = Q(district__in=district_codes(term))
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": term})
            queryset = queryset.filter(condition)
        return queryset


PUBLIC_FILTERS = ("q", "state", "district", "size", "status")
# What anyone may filter the alliances by: the start page and the API's public list.
PublicAllianceFilter = limited_to(AllianceFilter, PUBLIC_FILTERS)
