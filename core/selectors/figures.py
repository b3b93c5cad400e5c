"""The alliance's key figures, counted with the ORM inside its schema.

The coordinator home shows them; the state statistics (``regional``) count the same
declarations (``core.figures.ALLIANCE_FIGURES``) for all alliances at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from core.figures import ALLIANCE_FIGURES
from kernel.figures import Counting


@dataclass
class AllianceFigures(ALLIANCE_FIGURES.record("AllianceFigureValues", module=__name__)):
    """Every figure and breakdown of ``ALLIANCE_FIGURES`` (a field each, named by its
    key), the activity figures of ``year``."""

    year: int = 0

    @classmethod
    def of(cls, values: dict[str, Any], **extra: Any) -> AllianceFigures:
        """From the registry's values (``FigureRegistry.reduce()``) and ``extra`` fields."""
        return cls(**values, **extra)


def alliance_figures(
    *, year: int | None = None, today: datetime.date | None = None
) -> AllianceFigures:
    """Figures of the current schema: active partners now, activity within ``year``."""
    today = today or timezone.localdate()
    year = year or today.year
    values = ALLIANCE_FIGURES.count(Counting(today=today, year=year))
    return AllianceFigures.of(values, year=year)
