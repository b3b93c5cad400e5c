"""Writes of company care guides (Pflegelotsen).

A guide's refresher is due two years after the training unless a date is given.
Invariant: ``Partner.care_guides_count`` is the number of the partner's active guides;
every write here ends with :func:`care_guides_recount`. A number given where a partner
is imported or written through the API (``care_guides_count``) is kept by recording
guides still to be named, as the data migration did for the former hand-kept number.
"""

from __future__ import annotations

import datetime
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from core.models import CareGuide, Partner
from core.models.careguides import TAKEN_OVER_NAME
from kernel.crud.records import record_create, record_delete, record_update

#: How long a training counts before a refresher is due (the default of ``refresher_due``).
REFRESHER_YEARS = 2


class CareGuideFields(TypedDict, total=False):
    name: str
    email: str
    phone: str
    training_course: str
    trained_on: datetime.date | None
    refresher_due: datetime.date | None
    is_active: bool


def refresher_default(trained_on: datetime.date | None) -> datetime.date | None:
    """Two years after the training (29 February: 28 February)."""
    if trained_on is None:
        return None
    year = trained_on.year + REFRESHER_YEARS
    try:
        return trained_on.replace(year=year)
    except ValueError:
        return trained_on.replace(year=year, day=28)


def _with_refresher(fields: dict, guide: CareGuide | None = None) -> dict:
    trained_on = fields.get("trained_on", guide.trained_on if guide else None)
    refresher_due = fields.get("refresher_due", guide.refresher_due if guide else None)
    if refresher_due is None and trained_on is not None:
        return {**fields, "refresher_due": refresher_default(trained_on)}
    return fields


def care_guides_recount(*, partner_ids: list[int] | None = None) -> None:
    """Set each partner's ``care_guides_count`` (all, or those of ``partner_ids``) to its
    number of active guides, in one statement."""
    active = (
        CareGuide.objects.filter(partner=OuterRef("pk"), is_active=True)
        .order_by()
        .values("partner")
        .annotate(n=Count("pk"))
        .values("n")
    )
    partners = Partner.objects.all()
    if partner_ids is not None:
        partners = partners.filter(pk__in=partner_ids)
    partners.exclude(care_guides_count=Coalesce(Subquery(active), 0)).update(
        care_guides_count=Coalesce(Subquery(active), 0)
    )


def _recount(*partners: Partner) -> None:
    care_guides_recount(partner_ids=[p.pk for p in partners])
    for partner in partners:
        partner.refresh_from_db(fields=["care_guides_count"])


@transaction.atomic
def care_guide_create(*, actor, partner: Partner, **fields: Unpack[CareGuideFields]) -> CareGuide:
    guide = record_create(
        actor=actor, model=CareGuide, data={**_with_refresher(dict(fields)), "partner": partner}
    )
    _recount(partner)
    return guide


@transaction.atomic
def care_guide_update(
    *,
    actor,
    guide: CareGuide,
    partner: Partner | None = None,
    **fields: Unpack[CareGuideFields],
) -> CareGuide:
    """Change the given fields; ``partner`` moves the guide to another partner."""
    data = _with_refresher(dict(fields), guide)
    if partner is not None:
        data["partner"] = partner
    before = Partner.objects.get(pk=CareGuide.objects.get(pk=guide.pk).partner_id)
    guide = record_update(actor=actor, instance=guide, data=data)
    if guide.taken_over and guide.name != TAKEN_OVER_NAME:
        # Named now: no longer a placeholder from the former number.
        CareGuide.objects.filter(pk=guide.pk).update(taken_over=False)
        guide.taken_over = False
    _recount(before, guide.partner)
    return guide


@transaction.atomic
def care_guide_delete(*, actor, guide: CareGuide) -> None:
    partner = guide.partner
    record_delete(actor=actor, instance=guide)
    _recount(partner)


def care_guides_check_count(*, partner: Partner | None, count: int) -> None:
    """Refuse a number below the partner's active guides: which guide has stopped is
    for a person to say (mark them as no longer active)."""
    if partner is None or partner.pk is None:
        return
    if count < partner.care_guides.filter(is_active=True).count():
        raise ValidationError(
            {
                "care_guides_count": _(
                    "The number of care guides is counted from the care guide records: "
                    "to lower it, mark the guides who stopped as no longer active."
                )
            }
        )


def care_guides_fill_up(*, partner: Partner, count: int) -> None:
    """After a partner's write that recorded ``count`` (an import's or the API's number,
    audited with the partner): record the guides still to be named, then recount."""
    missing = count - partner.care_guides.filter(is_active=True).count()
    if missing > 0:
        CareGuide.objects.bulk_create(
            CareGuide(partner=partner, name=TAKEN_OVER_NAME, taken_over=True)
            for _number in range(missing)
        )
    _recount(partner)
