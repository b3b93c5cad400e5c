"""The one way to record a write in the audit trail."""

from __future__ import annotations

from typing import Any

from django.db import models

from core.audit.models import AuditEntry


def audit_log(
    *,
    actor: Any | None,
    action: str,
    target: models.Model | None = None,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record ``action`` by ``actor`` (a user, or None for the system) in the current schema.

    ``changes`` maps field names to ``[old, new]`` (or any JSON-serialisable detail).
    """
    actor_id = getattr(actor, "pk", None)
    entry = AuditEntry(
        actor_id=actor_id,
        actor_label=str(actor)[:200] if actor is not None else "System",
        action=action,
        changes=changes or {},
    )
    if target is not None:
        entry.object_type = target._meta.label_lower
        entry.object_id = str(target.pk)
        entry.object_repr = str(target)[:200]
    entry.full_clean()
    entry.save()
    return entry
