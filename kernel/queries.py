"""Per-row figures of a list read in its own query: a count or the values of related
rows as a subquery of each row, which multiplies no rows (a join with ``Count`` needs a
``GROUP BY`` over the whole row, and counting the list's rows then counts that grouping
again) and builds no model objects (as a prefetch of the related rows does)."""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def related_count(model, link: str, **filters: Any) -> Coalesce:
    """The number of ``model`` rows whose ``link`` is the row (0 when none)."""
    counted = (
        model.objects.filter(**{link: OuterRef("pk")}, **filters)
        .order_by()
        .values(link)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def related_values(model, link: str, field: str, *order: Any) -> ArraySubquery:
    """The list of ``field`` of the ``model`` rows whose ``link`` is the row, in ``order``
    (an empty list when none)."""
    return ArraySubquery(
        model.objects.filter(**{link: OuterRef("pk")}).order_by(*order).values(field)
    )
