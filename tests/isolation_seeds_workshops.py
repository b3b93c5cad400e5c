"""Sentinel builders for workshops, their topics, registrations and seats, and working
group tasks (see tests/isolation.py). The event and working group of the same id exist
already (tests/isolation_seeds_projects.py)."""

from __future__ import annotations


def _workshop(model, pk, sentinel, partner, day):
    return model.objects.create(pk=pk, event_id=pk, capacity=30, privacy_notice=sentinel)


def _topic(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk, workshop_id=pk, title=f"{sentinel} Thema", host=sentinel, result=sentinel
    )


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


def _seat(model, pk, sentinel, partner, day):
    return model.objects.create(pk=pk, registration_id=pk, topic_id=pk, round=1)


def _task(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk,
        working_group_id=pk,
        origin_topic_id=pk,
        title=f"{sentinel} Aufgabe",
        description=sentinel,
        responsible=sentinel,
        due=day,
    )


SEEDS = {
    "workshop": _workshop,
    "workshoptopic": _topic,
    "workshopregistration": _registration,
    "workshopassignment": _seat,
    "workinggrouptask": _task,
}
