"""Checks of a regional meeting's agenda shared by the tests of its locked agenda."""

from __future__ import annotations

from kernel.audit.models import AuditEntry


def agenda_titles(meeting) -> list[str]:
    """The titles of ``meeting``'s agenda items, in their order."""
    return list(meeting.agenda.order_by("position").values_list("title", flat=True))


def assert_correction_audited(change: str, reason: str) -> None:
    """The one correction of a locked agenda left an audit entry with ``change`` and
    ``reason``."""
    audit = AuditEntry.objects.get(action="regional.regionalmeeting.agenda_corrected")
    assert audit.changes["reason"] == reason
    assert audit.changes["change"] == change
