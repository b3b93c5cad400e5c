"""Reads of projects, working groups and events."""

from __future__ import annotations

from django.db.models import Count, IntegerField, Prefetch, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear

from core.models import Event, Partner, Project, WorkingGroup
from kernel.collation import by_name


def _partners_by_name(relation: str = "partners") -> Prefetch:
    return Prefetch(relation, queryset=Partner.objects.order_by(by_name()))


def project_list() -> QuerySet[Project]:
    """Projects with lead partner, participating partners and the number of events."""
    return (
        Project.objects.select_related("lead_partner")
        .prefetch_related(_partners_by_name())
        .annotate(event_count=Count("events", distinct=True))
    )


def project_detail(pk: int) -> Project:
    return (
        Project.objects.select_related("lead_partner")
        .prefetch_related(
            _partners_by_name(),
            Prefetch("events", queryset=Event.objects.order_by("-date", "title")),
        )
        .get(pk=pk)
    )


def working_group_list() -> QuerySet[WorkingGroup]:
    """Working groups with their member partners and the number of members."""
    return WorkingGroup.objects.prefetch_related(_partners_by_name("members")).annotate(
        member_count=Count("members", distinct=True)
    )


def working_group_detail(pk: int) -> WorkingGroup:
    return WorkingGroup.objects.prefetch_related(_partners_by_name("members")).get(pk=pk)


def event_list() -> QuerySet[Event]:
    return Event.objects.select_related("project")


def event_detail(pk: int) -> Event:
    return event_list().get(pk=pk)


def event_summary_by_year(queryset: QuerySet[Event] | None = None) -> list[dict]:
    """Per year (newest first) the number of events and their participants, in one query.

    ``queryset`` narrows the events counted (e.g. the list's filters); default: all.
    Events without a participant count add nothing to the participants.
    """
    events = Event.objects.all() if queryset is None else queryset
    return list(
        events.order_by()
        .annotate(year=ExtractYear("date"))
        .values("year")
        .annotate(
            events=Count("pk"),
            participants=Coalesce(Sum("participant_count"), Value(0), output_field=IntegerField()),
        )
        .order_by("-year")
    )
