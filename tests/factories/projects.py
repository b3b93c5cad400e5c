"""Factories for projects, working groups, events and the funding circle.

Use them inside ``schema_context("<alliance>")``: they write to the current schema.
"""

import datetime
from decimal import Decimal

import factory

from core.models import (
    Event,
    EventKind,
    FundingEntry,
    FundingKind,
    Project,
    ProjectStatus,
    Topic,
    WorkingGroup,
)
from tests.factories.base import numbered, record_factory


def many_to_many(field: str) -> factory.PostGeneration:
    """Sets the many-to-many ``field`` to the records passed as ``field=[...]``."""

    def set_records(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, field).set(extracted)

    return factory.PostGeneration(set_records)


class ProjectFactory(record_factory(Project, skip_postgeneration_save=True)):
    title = numbered("Projekt {n}")
    topic = Topic.CHILDCARE
    status = ProjectStatus.RUNNING
    start_date = datetime.date(2025, 3, 1)
    end_date = None
    target_groups = factory.LazyFunction(lambda: ["families"])
    families_reached = 10
    funding_amount = Decimal("1000.00")

    partners = many_to_many("partners")


class WorkingGroupFactory(record_factory(WorkingGroup, skip_postgeneration_save=True)):
    name = numbered("Arbeitsgruppe {n}")
    topic = Topic.CARE

    members = many_to_many("members")


class EventFactory(record_factory(Event)):
    title = numbered("Veranstaltung {n}")
    kind = EventKind.FAMILY_DAY
    date = datetime.date(2025, 6, 14)
    participant_count = 50


class FundingEntryFactory(record_factory(FundingEntry)):
    kind = FundingKind.DONATION
    amount = Decimal("250.00")
    received_on = datetime.date(2025, 5, 2)
