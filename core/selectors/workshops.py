"""Reads of the alliance's workshops and of the working groups' tasks."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from core.models import WorkingGroupTask, Workshop, WorkshopRegistration, WorkshopTopic
from kernel.workshops.selectors import with_counts


def workshop_list() -> QuerySet[Workshop]:
    """Workshops with their event and the counts of places, waiting list and topics."""
    return with_counts(Workshop.objects.select_related("event"))


def workshop_detail(pk: int) -> Workshop:
    return workshop_list().get(pk=pk)


def public_workshops() -> QuerySet[Workshop]:
    """Workshops of public events from today on that take registrations."""
    return (
        Workshop.objects.select_related("event")
        .filter(
            event__is_public=True, event__date__gte=timezone.localdate(), registration_open=True
        )
        .order_by("event__date", "pk")
    )


def public_workshop(pk: int) -> Workshop:
    """A workshop of a public event from today on (its form may be closed)."""
    return Workshop.objects.select_related("event").get(
        pk=pk, event__is_public=True, event__date__gte=timezone.localdate()
    )


def registration_list() -> QuerySet[WorkshopRegistration]:
    return WorkshopRegistration.objects.select_related("workshop__event").prefetch_related("wishes")


def topic_list() -> QuerySet[WorkshopTopic]:
    return WorkshopTopic.objects.select_related("workshop__event")


def task_list() -> QuerySet[WorkingGroupTask]:
    return WorkingGroupTask.objects.select_related("working_group", "origin_topic")


def task_detail(pk: int) -> WorkingGroupTask:
    return task_list().get(pk=pk)
