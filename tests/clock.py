"""A fixed clock for the tests whose dates are computed from today.

The clock stands at noon (Berlin) of a fixed day in every test of a module that sets
``pytestmark = AT_NOON``: dates computed from TODAY and the dates the code computes from
the clock agree even when the suite runs across midnight (time-machine's marker; the
clock still ticks from noon).
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

NOW = datetime.datetime(2026, 6, 17, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
TODAY = NOW.date()
AT_NOON = pytest.mark.time_machine(NOW)


def platform_today() -> datetime.date:
    """Today where the platform runs (settings.TIME_ZONE), not on the machine's clock:
    from 23:00 to midnight UTC the two name different days, and data seeded relative to
    the platform's today is only current while that day lasts."""
    return timezone.localdate()


def in_days(days: int) -> datetime.date:
    """The date ``days`` from today as the code sees it (before today if negative)."""
    return timezone.localdate() + datetime.timedelta(days=days)
