"""Reads of care guides: all of them, refreshers due, partners without a guide."""

from __future__ import annotations

import datetime

from django.db.models import Case, CharField, Count, QuerySet, Value, When
from django.db.models.functions import Concat, Lower
from django.utils import timezone

from core.models import CareGuide, Partner, PartnerKind, PartnerStatus
from kernel.collation import by_name

#: How far ahead a refresher counts as due (list filter, coordinator's home).
REFRESHER_NOTICE_DAYS = 90


def care_guide_list() -> QuerySet[CareGuide]:
    return CareGuide.objects.select_related("partner")


def care_guide_detail(pk: int) -> CareGuide:
    return care_guide_list().get(pk=pk)


def refreshers_due(*, today: datetime.date | None = None) -> QuerySet[CareGuide]:
    """Active guides whose refresher is due within the notice period or overdue."""
    today = today or timezone.localdate()
    return (
        care_guide_list()
        .filter(
            is_active=True,
            refresher_due__lte=today + datetime.timedelta(days=REFRESHER_NOTICE_DAYS),
        )
        .order_by("refresher_due", by_name())
    )


def partners_without_guide() -> QuerySet[Partner]:
    """Partners (not left) without an active care guide, to approach: active companies
    first, then other active partners, then the rest, each by name (``approach_order``)."""
    priority = Case(
        When(status=PartnerStatus.ACTIVE, kind=PartnerKind.COMPANY, then=Value("1")),
        When(status=PartnerStatus.ACTIVE, then=Value("2")),
        default=Value("3"),
        output_field=CharField(),
    )
    return (
        Partner.objects.exclude(status=PartnerStatus.LEFT)
        .filter(care_guides_count=0)
        .annotate(
            contact_count=Count("contacts", distinct=True),
            approach_order=Concat(priority, Lower("name"), output_field=CharField()),
        )
    )
