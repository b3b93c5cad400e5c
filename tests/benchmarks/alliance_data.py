"""Synthetic records of one alliance for the benchmarks (never used by the application).

``seed_alliance_data()`` writes, in the current schema and with ``bulk_create``, about
what a mid-sized local alliance holds after some years: 80 partners (every 23rd has
left, every 5th has trained care guides), 2 contact persons each, a catalogue of 12
measures with 2 per partner, 12 projects, 24 events, 30 funding entries, 6 board
meetings and 8 awarded family seals. These are the tables the statistics engine
counts and the partner list reads.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from core import models

PARTNERS = 80
CONTACTS_PER_PARTNER = 2
MEASURES = 12
PROJECTS = 12
EVENTS = 24
FUNDING_ENTRIES = 30
BOARD_MEETINGS = 6
SEALS = 8


def seed_alliance_data(today: datetime.date | None = None) -> None:
    """Benchmark records in the current schema (see the module docstring)."""
    today = today or timezone.localdate()
    categories = models.MeasureCategory.values
    measures = models.Measure.objects.bulk_create(
        models.Measure(name=f"Maßnahme {number:02d}", category=categories[number % len(categories)])
        for number in range(MEASURES)
    )
    kinds = models.PartnerKind.values
    partners = models.Partner.objects.bulk_create(
        models.Partner(
            name=f"Benchmark-models.Partner {number:03d}",
            kind=kinds[number % len(kinds)] if number % 3 else models.PartnerKind.COMPANY,
            status=models.PartnerStatus.LEFT if number % 23 == 22 else models.PartnerStatus.ACTIVE,
            street=f"Musterstraße {number + 1}",
            postcode="07743",
            city="Musterstadt",
            website=f"https://partner-{number}.example",
            joined_on=datetime.date(2015 + number % 10, 1 + number % 12, 1),
            care_guides_count=(1 + number % 3) if number % 5 == 0 else 0,  # 20 %
            description="Flexible Arbeitszeiten und Unterstützung für Familien.",
        )
        for number in range(PARTNERS)
    )
    links = models.Partner.measures.through
    links.objects.bulk_create(
        links(partner_id=partner.pk, measure_id=measures[(index + step) % MEASURES].pk)
        for index, partner in enumerate(partners)
        for step in (0, 5)
    )
    models.ContactPerson.objects.bulk_create(
        models.ContactPerson(
            partner=partner,
            first_name=f"Vorname{index}",
            last_name=f"Nachname{index}-{number}",
            email=f"kontakt{index}-{number}@partner.example",
            is_primary=number == 0,
        )
        for index, partner in enumerate(partners)
        for number in range(CONTACTS_PER_PARTNER)
    )
    # careguides: the partners' numbers of care guides are counted from these records.
    models.CareGuide.objects.bulk_create(
        models.CareGuide(partner=partner, name=f"Pflegelotse {index}-{number}")
        for index, partner in enumerate(partners)
        for number in range(partner.care_guides_count)
    )
    topics, statuses = models.Topic.values, models.ProjectStatus.values
    models.Project.objects.bulk_create(
        models.Project(
            title=f"Benchmark-Projekt {number}",
            topic=topics[number % len(topics)],
            status=statuses[number % len(statuses)],
            start_date=datetime.date(today.year - 1, 1 + number % 12, 1),
            target_groups=["families"],
            families_reached=10 * (number + 1),
            funding_amount=Decimal("1500.00"),
        )
        for number in range(PROJECTS)
    )
    event_kinds = models.EventKind.values
    models.Event.objects.bulk_create(
        models.Event(
            title=f"Benchmark-Veranstaltung {number}",
            kind=event_kinds[number % len(event_kinds)],
            date=datetime.date(today.year - number % 2, 1 + number % 12, 10),
            participant_count=20 + 5 * number,
        )
        for number in range(EVENTS)
    )
    funding_kinds = models.FundingKind.values
    models.FundingEntry.objects.bulk_create(
        models.FundingEntry(
            kind=funding_kinds[number % len(funding_kinds)],
            amount=Decimal(100 + 25 * number),
            received_on=datetime.date(today.year - number % 2, 1 + number % 12, 5),
            partner=partners[number],
        )
        for number in range(FUNDING_ENTRIES)
    )
    models.BoardMeeting.objects.bulk_create(
        models.BoardMeeting(
            title=f"Benchmark-Sitzung {number}",
            date=datetime.date(today.year - number % 2, 1 + 2 * number, 15),
            start_time=datetime.time(16, 0),
            status=models.MeetingStatus.HELD if number < 4 else models.MeetingStatus.PLANNED,
        )
        for number in range(BOARD_MEETINGS)
    )
    models.SealApplication.objects.bulk_create(
        models.SealApplication(
            partner=partners[number * 3],
            submitted_on=today - datetime.timedelta(days=400),
            status=models.SealStatus.AWARDED,
            awarded_on=today - datetime.timedelta(days=365),
            valid_until=today + datetime.timedelta(days=365 * 2 - 30 * number),
        )
        for number in range(SEALS)
    )
