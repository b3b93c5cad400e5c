"""Reads of alliances for the state layer."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from tenants.models import Alliance, AllianceStatus, Domain


def alliance_list(*, include_dissolved: bool = False) -> QuerySet[Alliance]:
    """Alliances with their primary domain prefetched (``primary_domains``), by name."""
    queryset = Alliance.objects.prefetch_related(
        Prefetch(
            "domains",
            queryset=Domain.objects.filter(is_primary=True),
            to_attr="primary_domains",
        )
    ).order_by("name")
    if not include_dissolved:
        queryset = queryset.exclude(status=AllianceStatus.DISSOLVED)
    return queryset
