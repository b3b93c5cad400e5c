"""Reads of the fundraising circle: members and donors, actions, grants, receipts, and
the yearly overview (income by kind, net of the actions, grants given)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Count, DecimalField, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from core.models import (
    CircleSettings,
    DonationReceipt,
    FundingEntry,
    FundingKind,
    FundraisingAction,
    GrantStatus,
    ProjectGrant,
    Supporter,
)
from core.selectors.funding import funding_totals_by_year

_MONEY = DecimalField(max_digits=14, decimal_places=2)
ZERO = Decimal("0.00")


def _money(expression) -> Coalesce:
    return Coalesce(expression, Value(ZERO), output_field=_MONEY)


def members_on(day: datetime.date) -> Q:
    """Supporters who were members of the circle on ``day``."""
    return Q(joined_on__lte=day) & (Q(left_on__isnull=True) | Q(left_on__gt=day))


# ---------------------------------------------------------------- lists and details


def supporter_list() -> QuerySet[Supporter]:
    return Supporter.objects.select_related("partner").annotate(
        given=_money(Sum("funding_entries__amount")),
    )


def supporter_detail(pk: int) -> Supporter:
    return Supporter.objects.select_related("partner").get(pk=pk)


def supporter_entries(supporter: Supporter) -> QuerySet[FundingEntry]:
    return supporter.funding_entries.select_related("receipt").order_by("-received_on", "-pk")


def receivable_years(supporter: Supporter) -> list[int]:
    """Years with donations or membership fees of ``supporter`` not yet confirmed."""
    return sorted(
        {
            day.year
            for day in supporter.funding_entries.filter(
                kind__in=[FundingKind.DONATION, FundingKind.MEMBERSHIP_FEE],
                receipt__isnull=True,
            ).values_list("received_on", flat=True)
        },
        reverse=True,
    )


def action_list() -> QuerySet[FundraisingAction]:
    return FundraisingAction.objects.annotate(net_amount=F("income") - F("costs"))


def action_detail(pk: int) -> FundraisingAction:
    return FundraisingAction.objects.get(pk=pk)


def grant_list() -> QuerySet[ProjectGrant]:
    return ProjectGrant.objects.select_related("project")


def grant_detail(pk: int) -> ProjectGrant:
    return ProjectGrant.objects.select_related("project").get(pk=pk)


def receipt_list() -> QuerySet[DonationReceipt]:
    return (
        DonationReceipt.objects.select_related("supporter")
        .prefetch_related("entries")
        .annotate(entry_count=Count("entries"))
    )


def receipt_detail(pk: int) -> DonationReceipt:
    return DonationReceipt.objects.select_related("supporter").get(pk=pk)


def receipt_entries(receipt: DonationReceipt) -> list[FundingEntry]:
    return list(receipt.entries.order_by("received_on", "pk"))


def circle_settings_or_blank() -> CircleSettings:
    """The circle's receipt settings, or blank ones (unsaved) before the first save."""
    return CircleSettings.objects.filter(pk=1).first() or CircleSettings()


# ---------------------------------------------------------------- totals


def counted_grants() -> QuerySet[ProjectGrant]:
    """Grants that count as given: every one but the withdrawn."""
    return ProjectGrant.objects.exclude(status=GrantStatus.WITHDRAWN)


def fundraising_overview() -> dict:
    """Per year (newest first) and since founding: income by kind (the funding
    entries), the actions' income, costs and net, and the grants given to projects.

    Three grouped queries; each row is ``{"year", "by_kind", "income", "action_income",
    "action_costs", "action_net", "grants", "grant_count"}``; ``"total"`` sums them all.
    """
    income = {row["year"]: row for row in funding_totals_by_year()}
    actions = {
        row["year"]: row
        for row in FundraisingAction.objects.order_by()
        .annotate(year=ExtractYear("date"))
        .values("year")
        .annotate(income=_money(Sum("income")), costs=_money(Sum("costs")))
    }
    grants = {
        row["year"]: row
        for row in counted_grants()
        .order_by()
        .annotate(year=ExtractYear("decided_on"))
        .values("year")
        .annotate(amount=_money(Sum("amount")), n=Count("id"))
    }
    empty_kinds = dict.fromkeys(FundingKind.values, ZERO)
    rows = []
    for year in sorted(set(income) | set(actions) | set(grants), reverse=True):
        action = actions.get(year, {"income": ZERO, "costs": ZERO})
        rows.append(
            {
                "year": year,
                "by_kind": income.get(year, {}).get("by_kind", empty_kinds),
                "income": income.get(year, {}).get("total", ZERO),
                "action_income": action["income"],
                "action_costs": action["costs"],
                "action_net": action["income"] - action["costs"],
                "grants": grants.get(year, {}).get("amount", ZERO),
                "grant_count": grants.get(year, {}).get("n", 0),
            }
        )
    keys = ("income", "action_income", "action_costs", "action_net", "grants", "grant_count")
    total = {key: sum((row[key] for row in rows), 0) for key in keys}
    total["by_kind"] = {
        kind: sum((row["by_kind"][kind] for row in rows), ZERO) for kind in FundingKind.values
    }
    total["first_year"] = rows[-1]["year"] if rows else None
    total["members"] = Supporter.objects.filter(members_on(timezone.localdate())).count()
    return {"rows": rows, "total": total}


# ---------------------------------------------------------------- tax retention

#: Tax law (§ 147 AO, § 50 (7) EStDV): entries and receipt copies are kept ten years,
#: counted from the end of the calendar year they belong to.
TAX_RETENTION_YEARS = 10


def tax_retention_until(supporter: Supporter) -> datetime.date | None:
    """The last day the supporter's money records must be kept (None: nothing to keep)."""
    years = [
        day.year
        for day in [
            *supporter.funding_entries.values_list("received_on", flat=True),
            *supporter.receipts.values_list("issued_on", flat=True),
        ]
    ]
    if not years:
        return None
    return datetime.date(max(years) + TAX_RETENTION_YEARS, 12, 31)
