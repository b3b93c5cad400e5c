"""Sentinel records of the first-run checklist (onboarding)."""

from __future__ import annotations

from tests.sentinels import record

SEEDS = {
    # The key is a slug: the sentinel in lower case (unknown keys are never shown).
    "checklistmark": record(key=lambda seed: seed.sentinel.lower()[:40], status="done"),
}
