"""FilterSets of the new-alliance pipeline (list and board)."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kernel.crud.filters import ConditionFilter, SearchFilterSet
from regional.filters.alliances import district_filter
from regional.models import AllianceSetup, ProvisioningStatus
from regional.selectors.setups import mentor_choices


def _mentors(request):
    return mentor_choices()


class SetupBoardFilter(SearchFilterSet):
    """What the board can be narrowed to (its columns are the stages)."""

    search_fields = (
        "place", "alliance_name", "slug", "initiators", "host_organisation",
        "coordinator_name", "notes", "mentor__full_name",
    )  # fmt: skip
    district = district_filter()
    mentor = django_filters.ModelChoiceFilter(label=_("Mentor"), queryset=_mentors)
    overdue = ConditionFilter(
        label=_("With overdue items"),
        condition=lambda: Q(overdue_task_count__gt=0),
        otherwise=lambda: Q(overdue_task_count=0),
    )

    class Meta:
        model = AllianceSetup
        fields = ["q", "district", "mentor", "overdue"]


class SetupFilter(SetupBoardFilter):
    provisioning_status = django_filters.ChoiceFilter(
        label=_("Provisioning"), choices=ProvisioningStatus.choices
    )

    class Meta:
        model = AllianceSetup
        fields = ["q", "stage", "district", "mentor", "provisioning_status", "overdue"]
