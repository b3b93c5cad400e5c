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
from tests.factories.base import numbered, record_factory


class BoardMemberFactory(record_factory(BoardMember)):
    full_name = numbered("Kuratoriumsmitglied {n}")
    affiliation = "Stadtwerke"
    position = BoardPosition.MEMBER
    email = numbered("kuratorium{n}@example.org")
    term_start = datetime.date(2025, 1, 1)


class MeetingTemplateFactory(record_factory(MeetingTemplate)):
    name = numbered("Kuratoriumssitzung {n}")
    location = "Rathaus, Raum 101"
    start_time = datetime.time(16, 0)
    agenda = "Begrüßung\nBericht der Koordination\nVerschiedenes"


class BoardMeetingFactory(record_factory(BoardMeeting)):
    title = numbered("Sitzung {n}")
    date = datetime.date(2026, 3, 1)
    start_time = datetime.time(16, 0)
    location = "Rathaus"
    status = MeetingStatus.PLANNED


class AgendaItemFactory(record_factory(AgendaItem)):
    meeting = factory.SubFactory(BoardMeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = numbered("Tagesordnungspunkt {n}")
