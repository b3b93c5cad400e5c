"""Reads every kind of workshop shares: the counts of a list, the attendance list and
the seat plan."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, Q, QuerySet

from kernel.collation import by_name, german_sorted

from .models import RegistrationStatus

CONFIRMED = RegistrationStatus.CONFIRMED
WAITING = RegistrationStatus.WAITING


def with_counts(queryset: QuerySet) -> QuerySet:
    """Workshops with ``confirmed_count``, ``waiting_count`` and ``topic_count``."""
    return queryset.annotate(
        confirmed_count=Count(
            "registrations", filter=Q(registrations__status=CONFIRMED), distinct=True
        ),
        waiting_count=Count(
            "registrations", filter=Q(registrations__status=WAITING), distinct=True
        ),
        topic_count=Count("topics", distinct=True),
    )


def attendance(workshop) -> list[Any]:
    """The people with a confirmed place, by name: the attendance list."""
    return list(
        workshop.registrations.filter(status=CONFIRMED).order_by(
            by_name(), by_name("organisation"), "pk"
        )
    )


def seat_plan(workshop) -> list[dict[str, Any]]:
    """Per round, per topic (by title) the people seated there, by name."""
    topics = list(workshop.topics.order_by("title", "pk").prefetch_related("seats__registration"))
    seated: dict[tuple[int, int], list[str]] = defaultdict(list)
    for topic in topics:
        for seat in topic.seats.all():
            seated[(seat.round, topic.pk)].append(seat.registration.name)
    return [
        {
            "round": number,
            "tables": [
                {"topic": topic, "people": german_sorted(seated[(number, topic.pk)])}
                for topic in topics
            ],
        }
        for number in range(1, workshop.rounds + 1)
    ]


def registrations(workshop) -> QuerySet:
    """The workshop's registrations in the order they came, with wishes and seats."""
    return workshop.registrations.order_by("created_at", "pk").prefetch_related(
        "wishes", "seats__topic"
    )
