"""FilterSet of the starter templates (list and API)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from kernel.crud.filters import SearchFilterSet
from kernel.starter import starter_kind_choices
from regional.models import StarterTemplate


class StarterTemplateFilter(SearchFilterSet):
    search_fields = ("name", "description")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=starter_kind_choices)
    is_active = django_filters.BooleanFilter(label=_("Copied into new alliances"))

    class Meta:
        model = StarterTemplate
