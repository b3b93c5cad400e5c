"""Sentinel records of care guides and cooperation agreements (careguides).

Each builder makes ONE record with the given primary key that carries the sentinel in a
text field. The agreement is not public: the isolation audit looks for private data.
"""

from __future__ import annotations

from tests.sentinels import DAY, PARTNER, record, text

SEEDS = {
    "careguide": record(
        sentinel_in=("training_course",),
        partner=PARTNER,
        name=text("{sentinel} guide"),
        email=text("guide{pk}@sentinel.example"),
        trained_on=DAY,
    ),
    "cooperationagreement": record(
        sentinel_in=("subject", "description", "signed_by_alliance", "signed_by_other"),
        partner=PARTNER,
        organisation=text("{sentinel} network"),
        status="signed",
        signed_on=DAY,
        valid_from=DAY,
        is_public=False,
    ),
}
