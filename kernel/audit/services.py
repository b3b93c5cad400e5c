"""The one way to record a write in the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models

from kernel.audit.models import AuditEntry


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
        # A renamed model keeps the type its older entries carry (``AUDIT_LABEL``), so
        # the trail of one record is never split in two.
        entry.object_type = getattr(target, "AUDIT_LABEL", target._meta.label_lower)
        entry.object_id = str(target.pk)
        entry.object_repr = str(target)[:200]
    # The fields are checked (the action's format among them); not whether the actor
    # exists (the caller hands over a saved user) nor the action's check constraint,
    # which repeats the field's validator: both would ask the database once more for
    # every entry, and every write leaves one.
    entry.full_clean(exclude=["actor"], validate_constraints=False)
    entry.save()
    return entry


M = TypeVar("M", bound=models.Model)


def save_audited(
    instance: M,
    *,
    actor: Any | None,
    action: str,
    changes: dict[str, Any] | Callable[[M], dict[str, Any]],
) -> M:
    """Validate and save ``instance`` and record ``action`` with ``changes`` (or with
    what ``changes(instance)`` says once it is saved, e.g. a new row with its id): how a
    service that sets the fields itself writes a row."""
    instance.full_clean()
    instance.save()
    detail = changes(instance) if callable(changes) else changes
    audit_log(actor=actor, action=action, target=instance, changes=detail)
    return instance


def snapshot(instance: models.Model, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The concrete field values of ``instance`` as JSON-friendly strings."""
    values = {}
    for field in instance._meta.concrete_fields:
        if field.name in exclude or field.name in ("created_at", "updated_at", "password"):
            continue
        value = field.value_from_object(instance)
        values[field.name] = None if value is None else str(value)
    return values


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field whose value differs."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }
