"""Reads every kind of meeting shares."""

from __future__ import annotations

from django.db.models.functions import Coalesce

from kernel.queries import related_count


def count_per_meeting(model, **filters) -> Coalesce:
    """The number of ``model`` rows of each meeting (agenda items, attachments, ...), as a
    subquery: annotating several counts this way multiplies no rows."""
    return related_count(model, "meeting", **filters)
