"""The demo workshops (``demo.workshops``): Jena's open space with sixty registrations,
five topics and tasks, and the world café of the state's strategy meeting."""

from __future__ import annotations

import datetime
import random
from types import SimpleNamespace

from django.utils import timezone
from django_tenants.utils import schema_context

from core.models import WorkingGroupTask, Workshop, WorkshopAssignment
from demo.workshops import JENA_TOPICS, seed_strategy_workshop, seed_workshops
from regional.models import MeetingKind, RegionalRegistration, RegionalWorkshop, Response
from tests.factories.projects import WorkingGroupFactory
from tests.factories.regional import InvitationFactory, RegionalMeetingFactory


def test_jena_open_space_has_sixty_people_five_topics_and_tasks(jena):
    counts = {}
    seed = SimpleNamespace(
        alliance=jena,
        actor=None,
        today=timezone.localdate(),
        rng=random.Random("test"),  # noqa: S311
        profile=SimpleNamespace(flagship=True),
        person=lambda: ("Anna", "Muster"),
        count=lambda what, n=1: counts.__setitem__(what, counts.get(what, 0) + n),
    )
    with schema_context("jena"):
        for name in {group for *_rest, group in JENA_TOPICS if group}:
            WorkingGroupFactory(name=name)
        seed_workshops(seed)
        workshop = Workshop.objects.get()
        assert workshop.registrations.count() == 60
        assert workshop.topics.count() == 5
        assert WorkshopAssignment.objects.filter(round=2).count() == 60
        assert WorkingGroupTask.objects.count() == 4 == counts["working_group_tasks"]


def test_strategy_meeting_gets_world_cafe_tables_once(jena):
    meeting = RegionalMeetingFactory(
        kind=MeetingKind.STRATEGY, date=timezone.localdate() + datetime.timedelta(days=20)
    )
    InvitationFactory(meeting=meeting, alliance=jena, response=Response.ATTENDING)
    InvitationFactory(meeting=meeting, alliance=jena, response=Response.DECLINED)
    assert seed_strategy_workshop(actor=None) == 1
    assert seed_strategy_workshop(actor=None) == 0
    workshop = RegionalWorkshop.objects.get(meeting=meeting)
    assert workshop.topics.count() == 4
    assert RegionalRegistration.objects.get().alliance == jena
