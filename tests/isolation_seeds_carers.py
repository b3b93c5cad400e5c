"""Sentinel records of the childcare pool: a carer and a placement (personal data of
carers and families, which no other alliance and no other role may ever see)."""

from __future__ import annotations

import datetime

from core.models import Carer
from tests.sentinels import DAY, PARTNER, record, same_id


def _carer(model, pk, sentinel, partner, day):
    carer = model(
        pk=pk,
        first_name=sentinel,
        last_name=sentinel,
        email="sentinel.carer@example.org",
        phone="+49 3641 888888",
        address=sentinel,
        status="active",
        availability=["evenings"],
        languages=sentinel,
        qualifications=sentinel,
        police_clearance_on=day - datetime.timedelta(days=30),
        first_aid_on=day - datetime.timedelta(days=30),
        training_on=day - datetime.timedelta(days=30),
        notes=sentinel,
    )
    carer.clean()  # the derived validity dates
    carer.save()
    return carer


SEEDS = {
    "carer": _carer,
    "placement": record(
        sentinel_in=("family_name", "family_contact", "notes"),
        children_ages=lambda seed: seed.sentinel[:50],
        partner=PARTNER,
        carer=same_id(Carer, _carer),
        kind="evening",
        hours_per_month=12,
        start_date=DAY,
        status="running",
    ),
}
