"""The alliance's key figures, counted with the ORM inside its schema.

The coordinator home shows them; the state statistics (``regional``) count the same
declarations (``core.figures.ALLIANCE_FIGURES``) for all alliances at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone

from core.figures import ALLIANCE_FIGURES
from kernel.figures import Counting


@dataclass
class AllianceFigures:
    partners_total: int = 0
    partners_by_kind: dict[str, int] = field(default_factory=dict)
    companies: int = 0
    partners_with_care_guides: int = 0
    care_guides_total: int = 0
    care_guides_share: float = 0.0  # share of active partners with trained care guides
    valid_seals: int = 0
    projects_by_topic: dict[str, int] = field(default_factory=dict)
    projects_by_status: dict[str, int] = field(default_factory=dict)
    projects_total: int = 0
    families_reached: int = 0
    events: int = 0
    event_participants: int = 0
    funding_total: Decimal = Decimal("0")
    funding_by_kind: dict[str, Decimal] = field(default_factory=dict)
    board_meetings_held: int = 0
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
