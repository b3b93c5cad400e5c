"""Create, change and delete any workspace record, with validation and an audit entry.

The area services (partners, projects, ...) build on these three functions and add
their own rules; views, the admin and the API never save records themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models, transaction

from kernel.access import check_fields, guarded_fields
from kernel.audit.services import audit_log, changes_between, snapshot

M = TypeVar("M", bound=models.Model)


def _set_many(instance: models.Model, many: dict[str, Iterable[Any]] | None) -> dict[str, Any]:
    changes = {}
    for name, values in (many or {}).items():
        manager = getattr(instance, name)
        before = sorted(str(pk) for pk in manager.values_list("pk", flat=True))
        manager.set(list(values))
        after = sorted(str(pk) for pk in manager.values_list("pk", flat=True))
        if before != after:
            changes[name] = [before, after]
    return changes


def _label(instance: models.Model) -> str:
    return f"{instance._meta.app_label}.{instance._meta.model_name}"


def _save(instance: models.Model, before: dict, many) -> dict[str, Any]:
    """Validate and save ``instance``; its changes since ``before`` (a snapshot)."""
    instance.full_clean()
    instance.save()
    changes = changes_between(before, snapshot(instance))
    changes.update(_set_many(instance, many))
    return changes


def _audit(*, actor, instance: models.Model, action: str | None, verb: str, changes) -> None:
    """The audit entry: ``action``, or ``<app>.<model>.<verb>``."""
    action = action or f"{_label(instance)}.{verb}"
    audit_log(actor=actor, action=action, target=instance, changes=changes)


@transaction.atomic
def record_create(
    *,
    actor,
    model: type[M],
    data: dict[str, Any],
    many: dict[str, Iterable[Any]] | None = None,
    action: str | None = None,
) -> M:
    """Validate and save a new ``model`` from ``data`` (field -> value)."""
    # Guarded fields (tenants.permissions.FIELD_RULES) count as set unless left at default.
    guarded = guarded_fields(model._meta.label_lower)
    check_fields(
        actor=actor,
        model=model,
        fields=[
            f for f in data if f in guarded and data[f] != model._meta.get_field(f).get_default()
        ],
    )
    instance = model(**data)
    changes = _save(instance, {}, many)
    _audit(actor=actor, instance=instance, action=action, verb="created", changes=changes)
    return instance


@transaction.atomic
def record_update(
    *,
    actor,
    instance: M,
    data: dict[str, Any],
    many: dict[str, Iterable[Any]] | None = None,
    action: str | None = None,
) -> M:
    """Validate and save changes to ``instance``; no audit entry if nothing changed."""
    stored = type(instance).objects.get(pk=instance.pk)
    # Compared with the stored row: a ModelForm has already put its values on ``instance``.
    check_fields(
        actor=actor,
        model=type(instance),
        fields=[f for f, value in data.items() if getattr(stored, f, value) != value],
    )
    before = snapshot(stored)
    for field, value in data.items():
        setattr(instance, field, value)
    changes = _save(instance, before, many)
    if changes:
        _audit(actor=actor, instance=instance, action=action, verb="updated", changes=changes)
    return instance


@transaction.atomic
def record_delete(*, actor, instance: models.Model, action: str | None = None) -> None:
    _audit(
        actor=actor, instance=instance, action=action, verb="deleted", changes=snapshot(instance)
    )
    instance.delete()
