"""Reads every kind of meeting shares."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def count_per_meeting(model, **filters) -> Coalesce:
    """The number of ``model`` rows of each meeting (agenda items, attachments, ...), as a
    subquery: annotating several counts this way multiplies no rows."""
    counted = (
        model.objects.filter(meeting=OuterRef("pk"), **filters)
        .order_by()
        .values("meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))
