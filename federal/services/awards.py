"""Writes of the "Bündnis des Monats" award, each with an audit entry
(``federal.award.created``, ``.updated``, ``.deleted``)."""

from __future__ import annotations

import datetime
from typing import Any, TypedDict

from federal.models import Award
from kernel.crud.records import record_services
from tenants.models import Alliance


class AwardFields(TypedDict, total=False):
    month: datetime.date
    alliance: Alliance
    citation: str
    published: bool


def _first_of_month(fields: dict[str, Any], award: Award | None) -> dict[str, Any]:
    # Any day names its month: the award is stored under the month's first day, so two
    # awards of one month meet the unique constraint.
    month = fields.get("month")
    if isinstance(month, datetime.date):
        fields["month"] = month.replace(day=1)
    if isinstance(fields.get("citation"), str):
        fields["citation"] = fields["citation"].strip()
    return fields


award_create, award_update, award_delete = record_services(
    Award, "award", AwardFields, prepare=_first_of_month
)
