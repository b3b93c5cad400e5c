"""FilterSets of the fundraising circle (pages and API)."""

from __future__ import annotations

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters.projects import YEAR_BOUNDS
from core.models import (
    DonationReceipt,
    FundraisingAction,
    GrantStatus,
    Project,
    ProjectGrant,
    Supporter,
    SupporterKind,
)
from core.selectors.fundraising import members_on
from kernel.crud.filters import ConditionFilter, SearchFilterSet


class SupporterFilter(SearchFilterSet):
    search_fields = ("name", "city", "email", "partner__name")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=SupporterKind.choices)
    member = ConditionFilter(
        label=_("Member today"), condition=lambda: members_on(timezone.localdate())
    )

    class Meta:
        model = Supporter
        fields = ["q", "kind", "member"]


class FundraisingActionFilter(SearchFilterSet):
    search_fields = ("title", "description")
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="date", lookup_expr="year", **YEAR_BOUNDS
    )

    class Meta:
        model = FundraisingAction
        fields = ["q", "year"]


class ProjectGrantFilter(SearchFilterSet):
    search_fields = ("purpose", "project__title")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=GrantStatus.choices)
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="decided_on", lookup_expr="year", **YEAR_BOUNDS
    )
    project = django_filters.ModelChoiceFilter(label=_("Project"), queryset=Project.objects.all())

    class Meta:
        model = ProjectGrant
        fields = ["q", "status", "year", "project"]


class DonationReceiptFilter(SearchFilterSet):
    search_fields = ("number", "supporter__name")
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="issued_on", lookup_expr="year", **YEAR_BOUNDS
    )

    class Meta:
        model = DonationReceipt
        fields = ["q", "year"]
