"""FilterSets of care guides, partners without one, and cooperation agreements."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import (
    AgreementStatus,
    CareGuide,
    CooperationAgreement,
    Partner,
)
from core.selectors.agreements import agreements_in_force, expired_condition
from core.selectors.careguides import REFRESHER_NOTICE_DAYS
from kernel.collation import by_name
from kernel.crud.filters import ConditionFilter, SearchFilterSet


def refresher_due_condition() -> Q:
    """Active guides whose refresher is due within the notice period (or overdue)."""
    due = timezone.localdate() + datetime.timedelta(days=REFRESHER_NOTICE_DAYS)
    return Q(is_active=True, refresher_due__lte=due)


class CareGuideFilter(SearchFilterSet):
    search_fields = ("name", "email", "training_course", "partner__name")
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"), queryset=Partner.objects.order_by(by_name())
    )
    is_active = django_filters.BooleanFilter(label=_("Active"))
    refresher_due = ConditionFilter(
        label=_("Refresher due within 90 days"), condition=refresher_due_condition
    )
    taken_over = django_filters.BooleanFilter(label=_("Still to be named"))

    class Meta:
        model = CareGuide


class PartnerWithoutGuideFilter(SearchFilterSet):
    search_fields = ("name", "city")

    class Meta:
        model = Partner
        fields = ["q", "kind", "status"]  # kind, status: from the model


def _by_status(queryset, name, value):
    if value == AgreementStatus.EXPIRED:
        return queryset.filter(expired_condition())
    if value == AgreementStatus.SIGNED:
        return queryset.filter(status=value).exclude(expired_condition())
    return queryset.filter(status=value) if value else queryset


class AgreementFilter(SearchFilterSet):
    search_fields = ("organisation", "partner__name", "subject", "description")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AgreementStatus.choices, method=_by_status
    )
    in_force = ConditionFilter(
        label=_("In force"), condition=lambda: Q(pk__in=agreements_in_force().values("pk"))
    )
    is_public = django_filters.BooleanFilter(label=_("On the public page"))

    class Meta:
        model = CooperationAgreement
