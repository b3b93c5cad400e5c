"""Sentinel builders for projects, working groups, events and funding entries.

``SEEDS[model_name](model, pk, sentinel, partner, day)`` creates one record with id ``pk``
carrying ``sentinel`` in a text field, in the current schema (see tests/isolation.py).
"""

from __future__ import annotations

from decimal import Decimal


def _project(model, pk, sentinel, partner, day):
    project = model.objects.create(
        pk=pk,
        title=f"{sentinel} Projekt",
        topic="childcare",
        description=sentinel,
        funding_source=sentinel,
        start_date=day,
        lead_partner=partner,
        target_groups=["families"],
    )
    project.partners.set([partner])
    return project


def _working_group(model, pk, sentinel, partner, day):
    group = model.objects.create(
        pk=pk, name=f"{sentinel} Arbeitsgruppe", topic="care", chair=sentinel, description=sentinel
    )
    group.members.set([partner])
    return group


def _event(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk,
        title=f"{sentinel} Veranstaltung",
        kind="family_day",
        date=day,
        place=sentinel,
        description=sentinel,
        participant_count=12,
    )


def _funding_entry(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk,
        kind="donation",
        amount=Decimal("99.00"),
        received_on=day,
        partner=partner,
        donor=sentinel,
        purpose=sentinel,
    )


SEEDS = {
    "project": _project,
    "workinggroup": _working_group,
    "event": _event,
    "fundingentry": _funding_entry,
}
