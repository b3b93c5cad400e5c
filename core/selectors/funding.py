"""Reads of the funding circle."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear

from core.models import FundingEntry, FundingKind

_MONEY = DecimalField(max_digits=14, decimal_places=2)


def funding_list() -> QuerySet[FundingEntry]:
    return FundingEntry.objects.select_related("partner")


def funding_detail(pk: int) -> FundingEntry:
    return FundingEntry.objects.select_related("partner", "supporter", "receipt").get(pk=pk)


def funding_totals_by_year() -> list[dict]:
    """Per year (newest first): the sum of each kind and the total, in ONE query.

    Each row is ``{"year": 2025, "by_kind": {"donation": Decimal(...), ...},
    "total": Decimal(...)}``; ``by_kind`` has every kind of ``FundingKind`` (0 if none).
    """
    sums = {
        f"sum_{kind}": Coalesce(
            Sum("amount", filter=Q(kind=kind)), Value(Decimal("0")), output_field=_MONEY
        )
        for kind in FundingKind.values
    }
    rows = (
        FundingEntry.objects.order_by()
        .annotate(year=ExtractYear("received_on"))
        .values("year")
        .annotate(**sums, total=Sum("amount", output_field=_MONEY))
        .order_by("-year")
    )
    return [
        {
            "year": row["year"],
            "by_kind": {kind: row[f"sum_{kind}"] for kind in FundingKind.values},
            "total": row["total"],
        }
        for row in rows
    ]
