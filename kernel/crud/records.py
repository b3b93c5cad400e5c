"""Create, change and delete any workspace record, with validation and an audit entry.

The area services (partners, projects, ...) build on these three functions and add
their own rules; views, the admin and the API never save records themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.db import models, transaction

from kernel.access import check_fields, guarded_fields
from kernel.audit.services import audit_log, changes_between, snapshot
from kernel.uploads import discard_released_files

M = TypeVar("M", bound=models.Model)


def _set_many(
    instance: models.Model, many: dict[str, Iterable[Any] | None] | None
) -> dict[str, Any]:
    """Set each many-to-many field of ``many`` (a value of None leaves that one as it is)."""
    changes = {}
    for name, values in (many or {}).items():
        if values is None:
            continue
        manager = getattr(instance, name)
        before = sorted(str(pk) for pk in manager.values_list("pk", flat=True))
        manager.set(list(values))
        after = sorted(str(pk) for pk in manager.values_list("pk", flat=True))
        if before != after:
            changes[name] = [before, after]
    return changes


def declared(fields_type: type, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (a service's ``**fields``), refusing any keyword the TypedDict
    ``fields_type`` does not declare: the keywords are the service's signature."""
    unknown = sorted(set(values) - set(fields_type.__annotations__))
    if unknown:
        raise TypeError(f"unexpected keyword argument(s): {', '.join(unknown)}")
    return dict(values)


def _label(instance: models.Model) -> str:
    return f"{instance._meta.app_label}.{instance._meta.model_name}"


def _save_logged(
    instance: M,
    *,
    actor,
    before: dict[str, Any],
    many: dict[str, Iterable[Any] | None] | None,
    action: str,
) -> M:
    """Validate and save ``instance``, set its many-to-many fields and log what changed
    since ``before`` as ``action`` (nothing changed: no entry; a new row always has its id)."""
    instance.full_clean()
    instance.save()
    changes = changes_between(before, snapshot(instance))
    changes.update(_set_many(instance, many))
    if changes:
        audit_log(actor=actor, action=action, target=instance, changes=changes)
    return instance


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
    return _save_logged(
        instance, actor=actor, before={}, many=many, action=action or f"{_label(instance)}.created"
    )


@transaction.atomic
def record_update(
    *,
    actor,
    instance: M,
    data: dict[str, Any],
    many: dict[str, Iterable[Any] | None] | None = None,
    action: str | None = None,
) -> M:
    """Validate and save changes to ``instance``; no audit entry if nothing changed.
    A many-to-many field given as None keeps its values."""
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
    saved = _save_logged(
        instance,
        actor=actor,
        before=before,
        many=many,
        action=action or f"{_label(instance)}.updated",
    )
    discard_released_files(stored, saved)
    return saved


def record_note(*, instance: M, action: str, **values: Any) -> M:
    """The system (no person acts) notes ``values`` on ``instance``, e.g. that a
    reminder went out, with an audit entry ``action``."""
    return record_update(actor=None, instance=instance, data=values, action=action)


@transaction.atomic
def record_delete(
    *,
    actor,
    instance: models.Model,
    action: str | None = None,
    changes: dict[str, Any] | None = None,
) -> None:
    """Delete ``instance`` with an audit entry of what it held (``changes``: what the entry
    records instead, e.g. without its secrets) and, after the commit, its stored files."""
    audit_log(
        actor=actor,
        action=action or f"{_label(instance)}.deleted",
        target=instance,
        changes=snapshot(instance) if changes is None else changes,
    )
    instance.delete()
    discard_released_files(instance)


def record_services(
    model: type[M],
    instance: str,
    fields_type: type,
    *,
    prepare: Callable[[dict[str, Any], M | None], dict[str, Any]] | None = None,
):
    """The create, update and delete services of a record, declared in one line::

        event_create, event_update, event_delete = record_services(Event, "event", EventFields)

    ``create(*, actor, **fields)``, ``update(*, actor, event, **fields)`` and
    ``delete(*, actor, event)``; the fields are those the TypedDict ``fields_type``
    declares (any other keyword is refused). A record with rules of its own names them
    in ``prepare(fields, record)`` (None when creating): it refuses what breaks them
    (ValidationError) and returns the values to save.
    """
    prepare = prepare or (lambda fields, record: fields)

    def record(values: dict[str, Any]) -> M:
        if instance not in values:
            raise TypeError(f"missing keyword argument: {instance}")
        return values.pop(instance)

    def create(*, actor, **fields: Any) -> M:
        data = prepare(declared(fields_type, fields), None)
        return record_create(actor=actor, model=model, data=data)

    def update(*, actor, **fields: Any) -> M:
        changed = record(fields)
        data = prepare(declared(fields_type, fields), changed)
        return record_update(actor=actor, instance=changed, data=data)

    def delete(*, actor, **kwargs: Any) -> None:
        deleted = record(kwargs)
        if kwargs:
            raise TypeError(f"unexpected keyword argument(s): {', '.join(sorted(kwargs))}")
        record_delete(actor=actor, instance=deleted)

    for service in (create, update, delete):
        service.__qualname__ = f"{model.__name__}.{service.__name__}"
    return create, update, delete
