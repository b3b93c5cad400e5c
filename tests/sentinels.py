"""Declaring the isolation audit's sentinel records (tests/isolation.py).

``record(**fields)`` is a builder ``(model, pk, sentinel, partner, day)`` that creates
ONE record with the id ``pk``. A field's value is stored as it is, or, if it is callable
(the markers below), computed from the seed, so each ``tests/isolation_seeds_<area>.py``
declares its records instead of repeating the same create call.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter


@dataclass(frozen=True)
class Seed:
    """What every builder is given: the shared id, the sentinel text, the target
    alliance's sentinel partner and the day the records are about."""

    pk: int
    sentinel: str
    partner: object
    day: datetime.date


# The markers: a field filled from the seed.
PK = attrgetter("pk")  # the shared id, also of the records one points to
PARTNER = attrgetter("partner")
DAY = attrgetter("day")


def text(template: str) -> Callable[[Seed], str]:
    """``template`` with ``{sentinel}`` and ``{pk}`` filled in."""
    return lambda seed: template.format(sentinel=seed.sentinel, pk=seed.pk)


def days_after(days: int) -> Callable[[Seed], datetime.date]:
    """The seed's day moved by ``days`` (negative: before it)."""
    return lambda seed: seed.day + datetime.timedelta(days=days)


def same_id(model, builder) -> Callable[[Seed], object]:
    """The ``model`` record of the seed's id, built by ``builder`` if it is not there yet
    (a record another one points to, seeded before or after it)."""

    def existing_or_built(seed: Seed):
        found = model.objects.filter(pk=seed.pk).first()
        return found or builder(model, seed.pk, seed.sentinel, seed.partner, seed.day)

    return existing_or_built


def record(*, sentinel_in: tuple[str, ...] = (), linked: tuple[str, ...] = (), **fields):
    """A builder of one record with ``fields``: each text field named in ``sentinel_in``
    holds the sentinel itself, each many-to-many field named in ``linked`` is set to the
    sentinel partner."""

    def build(model, pk, sentinel, partner, day):
        seed = Seed(pk, sentinel, partner, day)
        values = {name: value(seed) if callable(value) else value for name, value in fields.items()}
        values.update(dict.fromkeys(sentinel_in, sentinel))
        created = model.objects.create(pk=pk, **values)
        for name in linked:
            getattr(created, name).set([partner])
        return created

    return build
