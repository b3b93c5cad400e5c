"""Reads of the audit trail of the current schema."""

from __future__ import annotations

from django.db.models import QuerySet

from kernel.audit.models import AuditEntry


def audit_entry_list(*, action_prefix: str = "", search: str = "") -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.all()
    if action_prefix:
        entries = entries.filter(action__startswith=action_prefix)
    if search:
        entries = entries.filter(object_repr__icontains=search) | entries.filter(
            actor_label__icontains=search
        )
    return entries.order_by("-created_at", "-id")
