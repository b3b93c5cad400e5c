"""FilterSets of admission applications."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from core.models import Application, ApplicationStatus, PartnerKind, SizeClass
from kernel.crud.dates import PlausibleDateFilter
from kernel.crud.filters import SearchFilterSet


class ApplicationFilter(SearchFilterSet):
    search_fields = ("organisation_name", "city", "contact_name", "statement")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ApplicationStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=PartnerKind.choices)
    size_class = django_filters.ChoiceFilter(label=_("Size"), choices=SizeClass.choices)
    received_from = PlausibleDateFilter(
        label=_("Received from"), field_name="received_on", lookup_expr="gte"
    )
    received_until = PlausibleDateFilter(
        label=_("Received until"), field_name="received_on", lookup_expr="lte"
    )

    class Meta:
        model = Application
