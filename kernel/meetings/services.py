"""Writes every kind of meeting shares: marking it held, its minutes from draft to final,
and its attachments, declared once per kind of meeting in a :class:`MeetingWrites`.

``records`` is the module with ``record_update``/``record_create``/``record_delete``
(see ``kernel.meetings.agenda.Agenda``). Audit actions are named after the meeting's
model (``core.boardmeeting.minutes_approved``, ``regional.regionalmeeting.held``).
"""

from __future__ import annotations

import contextlib
import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass
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


def ensure_planned_for_cancel(meeting) -> None:
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("Only a planned meeting can be cancelled."))


@dataclass(frozen=True)
class MeetingWrites:
    """The shared writes of one kind of meeting, and what differs: the texts of its
    final minutes, the audit action that makes them final, further rules for writing
    minutes (``minutes_check(meeting, today)``) and where its files are stored."""

    records: Any
    attachment_model: type[models.Model]
    #: Refusal to change final minutes (lazy; translated when raised).
    minutes_final_error: Any
    #: Refusal to make minutes final that are not a draft.
    minutes_not_draft_error: Any
    #: The last part of the audit action that makes the minutes final.
    minutes_final_action: str
    minutes_check: Callable[[Any, datetime.date], None] | None = None
    #: Entered while a file is saved or removed (a schema, say).
    storage_context: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext

    def mark_held(self, *, actor, meeting, today: datetime.date | None = None):
        """A planned meeting whose day has come took place."""
        today = today or timezone.localdate()
        if meeting.status != MeetingStatus.PLANNED:
            raise ValidationError(_("Only a planned meeting can be marked as held."))
        if meeting.date > today:
            raise ValidationError(_("A meeting in the future cannot be marked as held."))
        return self.records.record_update(
            actor=actor,
            instance=meeting,
            data={"status": MeetingStatus.HELD},
            action=f"{audit_label(type(meeting))}.held",
        )

    def minutes_update(self, *, actor, meeting, minutes: str, today: datetime.date | None = None):
        """Write or change the draft minutes; final minutes stay as they are."""
        model = type(meeting)
        current = model.objects.values_list("minutes_status", flat=True).get(pk=meeting.pk)
        if current == meeting.MINUTES_FINAL:
            raise ValidationError(str(self.minutes_final_error))
        if self.minutes_check is not None:
            self.minutes_check(meeting, today or timezone.localdate())
        if not minutes.strip():
            raise ValidationError({"minutes": _("Please write the minutes.")})
        return self.records.record_update(
            actor=actor,
            instance=meeting,
            data={"minutes": minutes, "minutes_status": MINUTES_DRAFT},
            action=f"{audit_label(model)}.minutes_written",
        )

    def minutes_finalise(self, *, actor, meeting, on: datetime.date | None = None):
        """Make the draft minutes final (approved, or approved and published), dated
        ``on`` (today if not given), once the meeting has taken place."""
        if meeting.minutes_status != MINUTES_DRAFT:
            raise ValidationError(str(self.minutes_not_draft_error))
        on = on or timezone.localdate()
        ensure_minutes_approvable(meeting, on)
        return self.records.record_update(
            actor=actor,
            instance=meeting,
            data={"minutes_status": meeting.MINUTES_FINAL, meeting.MINUTES_DATE_FIELD: on},
            action=f"{audit_label(type(meeting))}.{self.minutes_final_action}",
        )

    @transaction.atomic
    def attachment_create(self, *, actor, meeting, title: str, file: UploadedFile):
        """Check and store a file for a meeting; without a title it is named after the
        file."""
        attachment_check(file)
        title = title.strip() or os.path.splitext(os.path.basename(file.name))[0]
        with self.storage_context():
            return self.records.record_create(
                actor=actor,
                model=self.attachment_model,
                data={"meeting": meeting, "title": title[:200], "file": file},
            )

    def attachment_delete(self, *, actor, attachment) -> None:
        """Remove the record and, once that is committed, the stored file
        (``record_delete`` discards it)."""
        with self.storage_context():
            self.records.record_delete(actor=actor, instance=attachment)
