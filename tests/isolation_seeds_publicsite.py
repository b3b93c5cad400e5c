"""Sentinel records of the public site: an award kept off the public page.

The identity and the legal pages are published by design (every visitor of the
alliance's host reads them), so they carry no sentinel: what must never cross hosts is
checked for them in tests/core/test_publicsite.py.
"""

from __future__ import annotations


def _award(model, pk, sentinel, partner, day):
    return model.objects.create(
        pk=pk, title=f"{sentinel} award", awarded_by=sentinel, awarded_on=day, note=sentinel,
        is_public=False,
    )  # fmt: skip


SEEDS = {"award": _award}
