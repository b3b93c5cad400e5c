"""Factories of the state layer's regional meetings (public schema)."""

import datetime

import factory

from regional.models import (
    AgendaItem,
    Invitation,
    MeetingKind,
    RegionalMeeting,
    RegionalMeetingStatus,
)
from tests.clock import in_days
from tests.factories.base import numbered, record_factory
from tests.factories.board import AgendaItemFactory


class RegionalMeetingFactory(record_factory(RegionalMeeting)):
    title = numbered("Regionaltreffen Nord {n}")
    kind = MeetingKind.REGIONAL
    date = factory.LazyFunction(lambda: in_days(30))
    start_time = datetime.time(10, 0)
    end_time = datetime.time(15, 0)
    place = "Rathaus Sondershausen, Großer Saal"
    moderation = "Landeskoordinierungsstelle"
    status = RegionalMeetingStatus.PLANNED


class RegionalAgendaItemFactory(AgendaItemFactory):
    """An item of a regional meeting's agenda: the board's item with a time slot."""

    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(RegionalMeetingFactory)
    start_time = datetime.time(10, 0)
    duration_minutes = 15
    speaker = ""


class InvitationFactory(record_factory(Invitation)):
    meeting = factory.SubFactory(RegionalMeetingFactory)
    name = numbered("Eingeladene Person {n}")
    email = numbered("eingeladen{n}@example.org")
