"""FilterSets of the state office's certification templates."""

from __future__ import annotations

from kernel.crud.filters import SearchFilterSet
from regional.models import CertificationTemplate, TemplateGroup


class TemplateFilter(SearchFilterSet):
    search_fields = ("name", "key", "description")

    class Meta:
        model = CertificationTemplate
        fields = ["q", "kind", "is_published"]


class TemplateGroupFilter(SearchFilterSet):
    search_fields = ("name", "key", "description")

    class Meta:
        model = TemplateGroup
