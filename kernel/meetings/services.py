"""Writes every kind of meeting shares: marking it held, its minutes from draft to final,
and its attachments.

``records`` is the module with ``record_update``/``record_create``/``record_delete``
(see ``kernel.meetings.agenda.Agenda``). Audit actions are named after the meeting's
model (``core.boardmeeting.minutes_approved``, ``regional.regionalmeeting.held``).
"""

from __future__ import annotations

import contextlib
import datetime
import os
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.meetings.agenda import audit_label
from kernel.meetings.models import MeetingStatus
from kernel.meetings.rules import ensure_minutes_approvable
from kernel.uploads import attachment_check

MINUTES_DRAFT = "draft"


def mark_held(*, records: Any, actor, meeting, today: datetime.date | None = None):
    """A planned meeting whose day has come took place."""
    today = today or timezone.localdate()
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("Only a planned meeting can be marked as held."))
    if meeting.date > today:
        raise ValidationError(_("A meeting in the future cannot be marked as held."))
    return records.record_update(
        actor=actor,
        instance=meeting,
        data={"status": MeetingStatus.HELD},
        action=f"{audit_label(type(meeting))}.held",
    )


def ensure_planned_for_cancel(meeting) -> None:
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("Only a planned meeting can be cancelled."))


def minutes_write(
    *,
    records: Any,
    actor,
    meeting,
    minutes: str,
    final_error: str,
    check: Callable[[], None] | None = None,
):
    """Write or change the draft minutes; final minutes (``final_error``) stay as they
    are. ``check`` adds the rules of one kind of meeting."""
    current = type(meeting).objects.values_list("minutes_status", flat=True).get(pk=meeting.pk)
    if current == meeting.MINUTES_FINAL:
        raise ValidationError(final_error)
    if check is not None:
        check()
    if not minutes.strip():
        raise ValidationError({"minutes": _("Please write the minutes.")})
    return records.record_update(
        actor=actor,
        instance=meeting,
        data={"minutes": minutes, "minutes_status": MINUTES_DRAFT},
        action=f"{audit_label(type(meeting))}.minutes_written",
    )


def minutes_finalise(
    *,
    records: Any,
    actor,
    meeting,
    on: datetime.date | None,
    not_draft_error: str,
    action: str,
):
    """Make the draft minutes final (approved, or approved and published), dated ``on``
    (today if not given), once the meeting has taken place."""
    if meeting.minutes_status != MINUTES_DRAFT:
        raise ValidationError(not_draft_error)
    on = on or timezone.localdate()
    ensure_minutes_approvable(meeting, on)
    return records.record_update(
        actor=actor,
        instance=meeting,
        data={"minutes_status": meeting.MINUTES_FINAL, meeting.MINUTES_DATE_FIELD: on},
        action=f"{audit_label(type(meeting))}.{action}",
    )


@transaction.atomic
def attachment_add(
    *,
    records: Any,
    actor,
    model: type[models.Model],
    meeting,
    title: str,
    file: UploadedFile,
    storage_context: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext,
):
    """Check and store a file for a meeting; without a title it is named after the file.
    ``storage_context`` is entered while the file is saved (a schema, say)."""
    attachment_check(file)
    title = title.strip() or os.path.splitext(os.path.basename(file.name))[0]
    with storage_context():
        return records.record_create(
            actor=actor,
            model=model,
            data={"meeting": meeting, "title": title[:200], "file": file},
        )


def attachment_remove(
    *,
    records: Any,
    actor,
    attachment,
    storage_context: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext,
) -> None:
    """Remove the record and, once that is committed, the stored file."""
    storage, name = attachment.file.storage, attachment.file.name

    def remove_file() -> None:
        with storage_context():
            storage.delete(name)

    with storage_context():
        records.record_delete(actor=actor, instance=attachment)
    if name:
        transaction.on_commit(remove_file)


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


#: The default of a keyword of a partial update: leave the field as it is.
UNCHANGED: Any = _Unchanged()


def given(**values: Any) -> dict[str, Any]:
    """The keywords of a partial update that were given (not ``UNCHANGED``)."""
    return {name: value for name, value in values.items() if value is not UNCHANGED}
