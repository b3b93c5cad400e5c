"""FilterSets of the new-alliance pipeline (list and board)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from kernel.crud.filters import SearchFilterSet
from regional.models import AllianceSetup, ProvisioningStatus, SetupStage
from regional.selectors.setups import mentor_choices
from tenants.districts import District


def _mentors(request):
    return mentor_choices()


class SetupBoardFilter(SearchFilterSet):
    """What the board can be narrowed to (its columns are the stages)."""

    search_fields = (
        "place", "alliance_name", "slug", "initiators", "host_organisation",
        "coordinator_name", "notes", "mentor__full_name",
    )  # fmt: skip
    district = django_filters.ChoiceFilter(label=_("District"), choices=District.choices)
    mentor = django_filters.ModelChoiceFilter(label=_("Mentor"), queryset=_mentors)
    overdue = django_filters.BooleanFilter(label=_("With overdue items"), method="filter_overdue")

    class Meta:
        model = AllianceSetup
        fields = ["q", "district", "mentor", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        if value:
            return queryset.filter(overdue_task_count__gt=0)
        return queryset.filter(overdue_task_count=0)


class SetupFilter(SetupBoardFilter):
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=SetupStage.choices)
    provisioning_status = django_filters.ChoiceFilter(
        label=_("Provisioning"), choices=ProvisioningStatus.choices
    )

    class Meta:
        model = AllianceSetup
        fields = ["q", "stage", "district", "mentor", "provisioning_status", "overdue"]
