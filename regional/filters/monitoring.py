"""The monitoring list's part of the one alliance FilterSet (``regional.filters.alliances``),
for the HTML list, its exports and the API: the reasons an alliance needs attention, and
the alliance filters and search every alliance list offers."""

from __future__ import annotations

from kernel.crud.filters import limited_to
from regional.filters.alliances import AllianceFilter
from regional.selectors.monitoring import Flags

MONITORING_FILTERS = ("q", "reason", "state", "district", "size", "status")
MonitoringFilter = limited_to(AllianceFilter, MONITORING_FILTERS)


def with_flags(flags: dict[int, Flags], filterset: type = MonitoringFilter) -> type:
    """``filterset`` that filters by the reasons of ``flags``."""
    return type(filterset.__name__, (filterset,), {"flags": flags})
