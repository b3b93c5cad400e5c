"""FilterSets of the public site's records."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from core.models import Award
from kernel.crud.filters import SearchFilterSet


class AwardFilter(SearchFilterSet):
    search_fields = ("title", "awarded_by", "note")
    is_public = django_filters.BooleanFilter(label=_("On the public page"))

    class Meta:
        model = Award
