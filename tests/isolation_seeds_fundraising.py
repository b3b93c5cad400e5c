"""Sentinel records of the fundraising circle: a member with an address, an action, a
grant, the receipt settings and a receipt (each ONE record with the given primary key,
carrying the sentinel in a text field)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from core.models import Supporter


def _supporter(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk,
        name=f"{sentinel} Supporter",
        street=f"{sentinel}straße 1",
        postcode="07743",
        city="Jena",
        email="sentinel.supporter@example.org",
        joined_on=day,
        notes=sentinel,
    )


def _action(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk, title=f"{sentinel} action", date=day, income=Decimal("100"), description=sentinel
    )


def _grant(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk, amount=Decimal("250"), purpose=f"{sentinel} grant", decided_on=day
    )


def _settings(model, pk, sentinel, partner, day):
    return model.objects.create(pk=pk, recipient=f"{sentinel} circle", purpose=sentinel)


def _receipt(model, pk, sentinel, partner, day):
    supporter = Supporter.objects.filter(pk=pk).first() or _supporter(
        Supporter, pk, sentinel, partner, day
    )
    return model.objects.create(
        pk=pk,
        number=f"S-{pk}",
        issued_on=day + datetime.timedelta(days=1),
        supporter=supporter,
        total=Decimal("10"),
    )


SEEDS = {
    "supporter": _supporter,
    "fundraisingaction": _action,
    "projectgrant": _grant,
    "circlesettings": _settings,
    "donationreceipt": _receipt,
}
