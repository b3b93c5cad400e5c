"""FilterSets of the board's members and meetings."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import (
    BoardMeeting,
    BoardMember,
    MeetingTemplate,
    MinutesStatus,
)
from core.selectors.board import current_term
from kernel.crud.filters import ConditionFilter, SearchFilterSet


class BoardMemberFilter(SearchFilterSet):
    search_fields = ("full_name", "affiliation", "partner__name")
    current = ConditionFilter(label=_("Current term"), condition=current_term)

    class Meta:
        model = BoardMember
        fields = ["q", "position", "current"]  # position: from the model


class BoardMeetingFilter(SearchFilterSet):
    search_fields = ("title", "location", "minutes")
    minutes_status = django_filters.ChoiceFilter(label=_("Minutes"), choices=MinutesStatus.choices)
    upcoming = ConditionFilter(
        label=_("Upcoming"),
        condition=lambda: Q(date__gte=timezone.localdate()),
        otherwise=lambda: Q(date__lt=timezone.localdate()),
    )

    class Meta:
        model = BoardMeeting
        fields = ["q", "status", "minutes_status", "upcoming"]  # status: from the model


class MeetingTemplateFilter(SearchFilterSet):
    search_fields = ("name", "location", "agenda")

    class Meta:
        model = MeetingTemplate
