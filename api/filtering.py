"""The API lists' filtering (its own module: DRF's settings name it, so it must import
nothing that reads those settings)."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend

# Query parameters no FilterSet reads: the page, its size, the order, the format.
NOT_FILTERS = frozenset({"page", "page_size", "ordering", "format"})


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, which builds no FilterSet (nor its form) for a request
    without a filter parameter: every filter leaves the rows as they are when its value
    is missing, so the FilterSet would hand back the same queryset (no FilterSet of
    ours has a required filter or filters unasked)."""

    def filter_queryset(self, request, queryset, view):
        if NOT_FILTERS.issuperset(request.query_params.keys()):
            return queryset
        return super().filter_queryset(request, queryset, view)
