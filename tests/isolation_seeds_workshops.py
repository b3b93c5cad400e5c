"""Sentinel builders for workshops, their topics, registrations and seats, and working
group tasks (see tests/isolation.py). The event and working group of the same id exist
already (tests/isolation_seeds_projects.py)."""

from __future__ import annotations

from tests.sentinels import DAY, PK, record, text


def _registration(model, pk, sentinel, partner, day):
    registration = model.objects.create(
        pk=pk,
        workshop_id=pk,
        name=f"{sentinel} Person",
        email="sentinel.workshop@example.org",
        organisation=sentinel,
    )
    registration.wishes.set([pk])
    return registration


SEEDS = {
    "workshop": record(sentinel_in=("privacy_notice",), event_id=PK, capacity=30),
    "workshoptopic": record(
        sentinel_in=("host", "result"), workshop_id=PK, title=text("{sentinel} Thema")
    ),
    "workshopregistration": _registration,
    "workshopassignment": record(registration_id=PK, topic_id=PK, round=1),
    "workinggrouptask": record(
        sentinel_in=("description", "responsible"),
        working_group_id=PK,
        origin_topic_id=PK,
        title=text("{sentinel} Aufgabe"),
        due=DAY,
    ),
}
