"""FilterSets of workshops, their registrations and topics, and working group tasks."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from core.models import (
    WorkingGroup,
    WorkingGroupTask,
    Workshop,
    WorkshopRegistration,
    WorkshopTopic,
)
from kernel.crud.filters import SearchFilterSet


class WorkshopFilter(SearchFilterSet):
    search_fields = ("event__title", "event__place")

    class Meta:
        model = Workshop
        fields = ["q", "format"]


def _by_workshop() -> django_filters.ModelChoiceFilter:
    """The filter of a topic's or registration's workshop."""
    return django_filters.ModelChoiceFilter(label=_("Workshop"), queryset=Workshop.objects.all())


class RegistrationFilter(SearchFilterSet):
    search_fields = ("name", "email", "organisation")
    workshop = _by_workshop()

    class Meta:
        model, fields = WorkshopRegistration, ["q", "status", "workshop"]


class TopicFilter(SearchFilterSet):
    search_fields = ("title", "host", "moderator", "result")
    workshop = _by_workshop()

    class Meta:
        model, fields = WorkshopTopic, ["q", "workshop"]


class TaskFilter(SearchFilterSet):
    search_fields = ("title", "description", "responsible")
    working_group = django_filters.ModelChoiceFilter(
        label=_("Working group"), queryset=WorkingGroup.objects.all()
    )

    class Meta:
        model = WorkingGroupTask
        fields = ["q", "status", "working_group"]
