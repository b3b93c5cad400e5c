"""FilterSets of admission applications."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters.base import SearchFilterSet
from core.models import Application, ApplicationStatus, PartnerKind, SizeClass


class DateInput(forms.DateInput):
    input_type = "date"


class ApplicationFilter(SearchFilterSet):
    search_fields = ("organisation_name", "city", "contact_name", "statement")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ApplicationStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=PartnerKind.choices)
    size_class = django_filters.ChoiceFilter(label=_("Size"), choices=SizeClass.choices)
    received_from = django_filters.DateFilter(
        label=_("Received from"), field_name="received_on", lookup_expr="gte", widget=DateInput
    )
    received_until = django_filters.DateFilter(
        label=_("Received until"), field_name="received_on", lookup_expr="lte", widget=DateInput
    )

    class Meta:
        model = Application
        fields = ["q", "status", "kind", "size_class", "received_from", "received_until"]
