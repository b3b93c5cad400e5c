"""The API lists' ordering (its own module: DRF's settings name it, so it must import
nothing that reads those settings)."""

from __future__ import annotations

from rest_framework.filters import OrderingFilter

from kernel.collation import order_by_name


class StableOrderingFilter(OrderingFilter):
    """DRF's ordering, then the primary key: DRF's filter sorts by the request's (or the
    view's default) ``ordering`` alone, so rows that tie (events on one date) could swap
    between pages. The pk breaks every tie the same way on every page. Names sort in
    German order (kernel.collation)."""

    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view)
        if not ordering:
            return queryset
        ties = () if {"pk", "-pk", "id", "-id"} & set(ordering) else ("pk",)
        return order_by_name(queryset, *ordering, *ties)
