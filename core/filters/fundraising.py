"""FilterSets of the fundraising circle (pages and API)."""

from __future__ import annotations

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import (
    DonationReceipt,
    FundraisingAction,
    Project,
    ProjectGrant,
    Supporter,
)
from core.selectors.fundraising import members_on
from kernel.crud.filters import ConditionFilter, SearchFilterSet, YearFilter


class SupporterFilter(SearchFilterSet):
    search_fields = ("name", "city", "email", "partner__name")
    member = ConditionFilter(
        label=_("Member today"), condition=lambda: members_on(timezone.localdate())
    )

    class Meta:
        model = Supporter
        fields = ["q", "kind", "member"]  # kind: generated from the model's field


class FundraisingActionFilter(SearchFilterSet):
    search_fields = ("title", "description")
    year = YearFilter("date")

    class Meta:
        model = FundraisingAction


class ProjectGrantFilter(SearchFilterSet):
    search_fields = ("purpose", "project__title")
    year = YearFilter("decided_on")
    project = django_filters.ModelChoiceFilter(label=_("Project"), queryset=Project.objects.all())

    class Meta:
        model = ProjectGrant
        fields = ["q", "status", "year", "project"]  # status: generated from the model's field


class DonationReceiptFilter(SearchFilterSet):
    search_fields = ("number", "supporter__name")
    year = YearFilter("issued_on")

    class Meta:
        model = DonationReceipt
