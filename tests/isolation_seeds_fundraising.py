"""Sentinel records of the fundraising circle: a member with an address, an action, a
grant, the receipt settings and a receipt (each ONE record with the given primary key,
carrying the sentinel in a text field)."""

from __future__ import annotations

from decimal import Decimal

from core.models import Supporter
from tests.sentinels import DAY, days_after, record, same_id, text

_supporter = record(
    sentinel_in=("notes",),
    name=text("{sentinel} Supporter"),
    street=text("{sentinel}straße 1"),
    postcode="07743",
    city="Jena",
    email="sentinel.supporter@example.org",
    joined_on=DAY,
)

SEEDS = {
    "supporter": _supporter,
    "fundraisingaction": record(
        sentinel_in=("description",),
        title=text("{sentinel} action"),
        date=DAY,
        income=Decimal("100"),
    ),
    "projectgrant": record(amount=Decimal("250"), purpose=text("{sentinel} grant"), decided_on=DAY),
    "circlesettings": record(sentinel_in=("purpose",), recipient=text("{sentinel} circle")),
    "donationreceipt": record(
        number=text("S-{pk}"),
        issued_on=days_after(1),
        supporter=same_id(Supporter, _supporter),
        total=Decimal("10"),
    ),
}
