"""FilterSets of the board's members and meetings."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import (
    BoardMeeting,
    BoardMember,
    BoardPosition,
    MeetingStatus,
    MeetingTemplate,
    MinutesStatus,
)
from kernel.crud.filters import SearchFilterSet


class BoardMemberFilter(SearchFilterSet):
    search_fields = ("full_name", "affiliation", "partner__name")
    position = django_filters.ChoiceFilter(label=_("Position"), choices=BoardPosition.choices)
    current = django_filters.BooleanFilter(label=_("Current term"), method="filter_current")

    class Meta:
        model = BoardMember
        fields = ["q", "position", "current"]

    def filter_current(self, queryset, name, value):
        if value is None:
            return queryset
        today = timezone.localdate()
        current = Q(term_start__lte=today) & (Q(term_end__isnull=True) | Q(term_end__gte=today))
        return queryset.filter(current) if value else queryset.exclude(current)


class BoardMeetingFilter(SearchFilterSet):
    search_fields = ("title", "location", "minutes")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MeetingStatus.choices)
    minutes_status = django_filters.ChoiceFilter(label=_("Minutes"), choices=MinutesStatus.choices)
    upcoming = django_filters.BooleanFilter(label=_("Upcoming"), method="filter_upcoming")

    class Meta:
        model = BoardMeeting
        fields = ["q", "status", "minutes_status", "upcoming"]

    def filter_upcoming(self, queryset, name, value):
        if value is None:
            return queryset
        today = timezone.localdate()
        return queryset.filter(date__gte=today) if value else queryset.filter(date__lt=today)


class MeetingTemplateFilter(SearchFilterSet):
    search_fields = ("name", "location", "agenda")

    class Meta:
        model = MeetingTemplate
        fields = ["q"]
