"""FROZEN: the columns every time-stamped table starts with, as the migrations created them.

Every model on ``TimeStampedModel`` (``tenants.models.base``) opens its table with the
same key and the same two time stamps; the squashed migrations of ``core``, ``regional``
and ``tenants`` and the frozen field modules of the shared abstract models
(``kernel.workshops.migration_fields``) take these three fields from here instead of
spelling them out in each ``CreateModel``.

Never edit this module: it is part of migration history, like the migrations that use
it. The values are written out here, not taken from the model, whose later changes must
not alter what old migrations did; a change goes into a new migration.
"""

from __future__ import annotations

from django.db import models

__all__ = ["stamped"]


def stamped() -> list[tuple[str, models.Field]]:
    """The key and the two time stamps, new field instances on each call (a field
    belongs to one table)."""
    return [
        (
            "id",
            models.BigAutoField(
                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
            ),
        ),
        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
    ]
