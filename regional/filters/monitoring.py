"""The one FilterSet of the monitoring list (alliances needing attention), for the HTML
list, its exports and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from kernel.crud.filters import SearchFilterSet
from regional.selectors.monitoring import Flags, Reason
from tenants.districts import District
from tenants.models import Alliance


class MonitoringFilter(SearchFilterSet):
    """Flagged alliances by reason and district, and a search by name. ``flags`` are the
    reasons of each alliance, computed once per request (``with_flags()``)."""

    search_fields = ("name", "host_organisation")
    flags: dict[int, Flags] = {}

    reason = django_filters.ChoiceFilter(
        label=_("Reason"), choices=Reason.choices, method="with_reason", empty_label=_("All")
    )
    district = django_filters.ChoiceFilter(
        choices=District.choices, label=_("District"), empty_label=_("All")
    )

    class Meta:
        model = Alliance

    def with_reason(self, queryset, name, value):
        return queryset.filter(pk__in=[pk for pk, f in self.flags.items() if value in f.reasons])


def with_flags(flags: dict[int, Flags], filterset: type = MonitoringFilter) -> type:
    """``filterset`` that filters by the reasons of ``flags``."""
    return type(filterset.__name__, (filterset,), {"flags": flags})
