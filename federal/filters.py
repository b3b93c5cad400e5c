"""FilterSets of the federal service office's lists (HTML and API)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from federal.models import Award, Milestone, Participation, Programme
from kernel.crud.filters import SearchFilterSet
from tenants.models import State


class ProgrammeFilter(SearchFilterSet):
    search_fields = ("name", "description", "participations__alliance__name")
    state = django_filters.ModelChoiceFilter(
        label=_("State of a participant"),
        queryset=State.objects.all(),
        field_name="participations__alliance__state",
        distinct=True,
    )

    class Meta:
        model = Programme
        fields = ["q", "kind", "status", "state"]


class AwardFilter(SearchFilterSet):
    search_fields = ("alliance__name", "citation")

    class Meta:
        model = Award
        fields = ["q", "published"]


class MilestoneFilter(SearchFilterSet):
    search_fields = ("title",)

    class Meta:
        model = Milestone
        fields = ["q", "programme"]


class ParticipationFilter(SearchFilterSet):
    search_fields = ("alliance__name",)

    class Meta:
        model = Participation
        fields = ["q", "programme"]
