"""Factories for the board (use inside a tenant schema)."""

import datetime

import factory

from core.models import (
    AgendaItem,
    BoardMeeting,
    BoardMember,
    BoardPosition,
    MeetingStatus,
    MeetingTemplate,
)


class BoardMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardMember

    full_name = factory.Sequence(lambda n: f"Kuratoriumsmitglied {n}")
    affiliation = "Stadtwerke"
    position = BoardPosition.MEMBER
    email = factory.Sequence(lambda n: f"kuratorium{n}@example.org")
    term_start = datetime.date(2025, 1, 1)


class MeetingTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingTemplate

    name = factory.Sequence(lambda n: f"Kuratoriumssitzung {n}")
    location = "Rathaus, Raum 101"
    start_time = datetime.time(16, 0)
    agenda = "Begrüßung\nBericht der Koordination\nVerschiedenes"


class BoardMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardMeeting

    title = factory.Sequence(lambda n: f"Sitzung {n}")
    date = datetime.date(2026, 3, 1)
    start_time = datetime.time(16, 0)
    location = "Rathaus"
    status = MeetingStatus.PLANNED


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(BoardMeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Tagesordnungspunkt {n}")
