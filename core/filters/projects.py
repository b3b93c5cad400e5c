"""FilterSets of projects, working groups and events."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import Event, Partner, Project, WorkingGroup
from kernel.crud.filters import SearchFilterSet, YearFilter


class ProjectFilter(SearchFilterSet):
    search_fields = ("title", "description", "funding_source", "lead_partner__name")
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner involved"), queryset=Partner.objects.all(), method="filter_partner"
    )
    year = YearFilter(label=_("Running in year"), method="filter_year")

    class Meta:
        model = Project
        fields = ["q", "topic", "status", "partner", "year"]  # topic, status: from the model

    def filter_partner(self, queryset, name, value: Partner | None):
        """Projects the partner leads or takes part in."""
        if value is None:
            return queryset
        taking_part = Project.partners.through.objects.filter(partner=value).values("project_id")
        return queryset.filter(Q(lead_partner=value) | Q(pk__in=taking_part))

    def filter_year(self, queryset, name, value):
        """Projects that started by the end of the year and had not ended before it began."""
        if value is None:
            return queryset
        year = int(value)
        return queryset.filter(
            start_date__isnull=False, start_date__lte=datetime.date(year, 12, 31)
        ).filter(Q(end_date__isnull=True) | Q(end_date__gte=datetime.date(year, 1, 1)))


class WorkingGroupFilter(SearchFilterSet):
    search_fields = ("name", "description", "chair")
    is_active = django_filters.BooleanFilter(label=_("Active"))
    member = django_filters.ModelChoiceFilter(
        label=_("Member"), queryset=Partner.objects.all(), method="filter_member"
    )

    class Meta:
        model = WorkingGroup
        fields = ["q", "topic", "is_active", "member"]  # topic: from the model

    def filter_member(self, queryset, name, value: Partner | None):
        if value is None:
            return queryset
        groups = WorkingGroup.members.through.objects.filter(partner=value).values(
            "workinggroup_id"
        )
        return queryset.filter(pk__in=groups)


class EventFilter(SearchFilterSet):
    search_fields = ("title", "place", "description", "project__title")
    year = YearFilter("date")
    project = django_filters.ModelChoiceFilter(
        label=_("Project"), queryset=Project.objects.order_by("title")
    )

    class Meta:
        model = Event
        fields = ["q", "kind", "year", "project"]  # kind: from the model
