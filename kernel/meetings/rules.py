"""Rules every kind of meeting shares: the board's (``core``) and the state's regional
meetings (``regional``), both built on ``kernel.meetings.models.MeetingBase``.

- Minutes are approved only once the meeting has taken place (not for a cancelled one),
  and never dated before the meeting or after today.
- The agenda of a meeting that has taken place is locked: a correction needs a reason,
  and leaves an audit entry on the meeting that names the reason.

Both meeting models have ``date`` and ``status`` (``MeetingStatus``).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel import formats
from kernel.audit.services import audit_log
from kernel.meetings.models import MeetingStatus

HELD = MeetingStatus.HELD
CANCELLED = MeetingStatus.CANCELLED


def has_taken_place(meeting: models.Model, today: datetime.date | None = None) -> bool:
    """Marked as held, or its day is over."""
    today = today or timezone.localdate()
    return meeting.status == HELD or meeting.date < today


def ensure_minutes_approvable(
    meeting: models.Model, approved_on: datetime.date, today: datetime.date | None = None
) -> None:
    """Minutes can be approved from the meeting's day on, dated between it and today."""
    today = today or timezone.localdate()
    if meeting.status == CANCELLED:
        raise ValidationError(_("A cancelled meeting has no minutes."))
    if meeting.date > today:
        raise ValidationError(
            _("Minutes can be approved only after the meeting has taken place (%(date)s).")
            % {"date": formats.date(meeting.date)}
        )
    if not meeting.date <= approved_on <= today:
        raise ValidationError(
            _("The minutes must be approved between the meeting (%(date)s) and today.")
            % {"date": formats.date(meeting.date)}
        )


def agenda_is_locked(meeting: models.Model, today: datetime.date | None = None) -> bool:
    return has_taken_place(meeting, today)


def agenda_correction_reason(
    meeting: models.Model, reason: str, today: datetime.date | None = None
) -> str:
    """ "" for a meeting yet to take place; for one that has taken place, the reason for
    changing its agenda, which must be given."""
    if not agenda_is_locked(meeting, today):
        return ""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(
            {
                "reason": _(
                    "The meeting has taken place and its agenda is locked. Please give a "
                    "reason for the correction."
                )
            }
        )
    return reason


def audit_agenda_correction(
    *, actor, meeting: models.Model, reason: str, change: str, item: object
) -> None:
    """The audit entry of a correction to a locked agenda, naming its reason."""
    if not reason:
        return
    audit_log(
        actor=actor,
        action=f"{meeting._meta.app_label}.{meeting._meta.model_name}.agenda_corrected",
        target=meeting,
        changes={"reason": reason, "change": change, "item": str(item)[:300]},
    )
