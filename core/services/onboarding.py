"""Writes of the first-run checklist: start it, mark an item done, skipped or open again."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.models import ChecklistMark, ChecklistStatus
from core.onboarding import CHECKLIST, checklist_items
from kernel.audit.services import audit_log


@transaction.atomic
def checklist_start(*, actor) -> int:
    """Open every registered item that has no mark yet (provisioning calls this: the
    new alliance's coordinator sees the checklist); returns how many were opened. Safe
    to run twice."""
    existing = set(ChecklistMark.objects.values_list("key", flat=True))
    keys = [item.key for item in checklist_items() if item.key not in existing]
    ChecklistMark.objects.bulk_create([ChecklistMark(key=key) for key in keys])
    if keys:
        audit_log(actor=actor, action="core.checklist.started", changes={"items": keys})
    return len(keys)


@transaction.atomic
def checklist_mark(*, actor, key: str, status: str) -> ChecklistMark:
    """Mark the item ``key`` done, skipped or open again (``ChecklistStatus``)."""
    errors = {}
    if key not in CHECKLIST:
        errors["key"] = _("There is no such item on the checklist.")
    if status not in ChecklistStatus.values:
        errors["status"] = _("Choose done, skipped or open.")
    if errors:
        raise ValidationError(errors)
    mark = ChecklistMark.objects.select_for_update().filter(key=key).first()
    before = mark.status if mark is not None else ChecklistStatus.OPEN
    if mark is None:
        mark = ChecklistMark(key=key)
    mark.status = status
    mark.full_clean()
    mark.save()
    if before != status:
        audit_log(
            actor=actor,
            action="core.checklist.marked",
            target=mark,
            changes={"status": [before, status]},
        )
    return mark
