"""Sentinel records of the family seal, the holiday programme and the family guide.

Each builder makes ONE record with the given primary key that carries the sentinel in a
text field. Holiday offers and guide entries are left unpublished: published ones are
meant for the public pages, and the isolation audit looks for leaks of private data.
"""

from __future__ import annotations

from core.models import SealApplication, SealCriterion
from tests.sentinels import DAY, PARTNER, days_after, record, same_id, text

_criterion = record(text=text("{sentinel} criterion"), position=1)
_application = record(
    sentinel_in=("reviewer", "review_notes"),
    partner=PARTNER,
    submitted_on=DAY,
    status="awarded",
    awarded_on=DAY,
    valid_until=days_after(60),
)

SEEDS = {
    "sealcriterion": _criterion,
    "sealapplication": _application,
    "sealcheck": record(
        sentinel_in=("note",),
        criterion=same_id(SealCriterion, _criterion),
        application=same_id(SealApplication, _application),
        fulfilled=True,
    ),
    "holidayoffer": record(
        sentinel_in=("description", "organiser", "registration"),
        title=text("{sentinel} offer"),
        partner=PARTNER,
        start_date=DAY,
        end_date=days_after(2),
        is_published=False,
    ),
    "guideentry": record(
        sentinel_in=("organisation", "description"),
        title=text("{sentinel} guide entry"),
        category="advice",
        is_published=False,
    ),
}
