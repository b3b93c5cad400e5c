"""Sentinel records of the public site: an award kept off the public page.

The identity and the legal pages are published by design (every visitor of the
alliance's host reads them), so they carry no sentinel: what must never cross hosts is
checked for them in tests/core/test_publicsite.py.
"""

from __future__ import annotations

from tests.sentinels import DAY, record, text

SEEDS = {
    "award": record(
        sentinel_in=("awarded_by", "note"),
        title=text("{sentinel} award"),
        awarded_on=DAY,
        is_public=False,
    ),
}
