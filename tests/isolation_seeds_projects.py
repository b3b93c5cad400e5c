"""Sentinel builders for projects, working groups, events and funding entries.

``SEEDS[model_name](model, pk, sentinel, partner, day)`` creates one record with id ``pk``
carrying ``sentinel`` in a text field, in the current schema (see tests/isolation.py).
"""

from __future__ import annotations

from decimal import Decimal

from tests.sentinels import DAY, PARTNER, record, text

SEEDS = {
    "project": record(
        sentinel_in=("description", "funding_source"),
        title=text("{sentinel} Projekt"),
        topic="childcare",
        start_date=DAY,
        lead_partner=PARTNER,
        target_groups=["families"],
        linked=("partners",),
    ),
    "workinggroup": record(
        sentinel_in=("chair", "description"),
        name=text("{sentinel} Arbeitsgruppe"),
        topic="care",
        linked=("members",),
    ),
    "event": record(
        sentinel_in=("place", "description"),
        title=text("{sentinel} Veranstaltung"),
        kind="family_day",
        date=DAY,
        participant_count=12,
    ),
    "fundingentry": record(
        sentinel_in=("donor", "purpose"),
        kind="donation",
        amount=Decimal("99.00"),
        received_on=DAY,
        partner=PARTNER,
    ),
}
