"""Writes of regional meetings: the meeting, its agenda, minutes and attachments.
Invitations, replies and reminders are in ``regional.services.invitations``.

The agenda, minutes and attachments follow the rules every meeting shares
(``kernel.meetings``); this module declares what is the regional meetings' own.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context

from core.services import records
from core.services.records import record_create, record_update
from kernel.meetings import services as meetings
from kernel.meetings.agenda import Agenda
from kernel.meetings.services import UNCHANGED, given
from regional.models import (
    AgendaItem,
    RegionalAttachment,
    RegionalMeeting,
    RegionalMeetingStatus,
)
from regional.selectors.meetings import next_agenda_time
from regional.services.invitations import queue_email

AGENDA = Agenda(meeting_model=RegionalMeeting, item_model=AgendaItem, records=records)


def _public():
    """Regional records and files live in the public schema, whichever host writes."""
    return schema_context(get_public_schema_name())


# ---------------------------------------------------------------- meetings


def meeting_create(
    *,
    actor,
    title: str,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    place: str,
    kind: str = "regional",
    host_alliance=None,
    moderation: str = "",
    description: str = "",
) -> RegionalMeeting:
    with _public():
        return record_create(
            actor=actor,
            model=RegionalMeeting,
            data={
                "title": title,
                "kind": kind,
                "date": date,
                "start_time": start_time,
                "end_time": end_time,
                "place": place,
                "host_alliance": host_alliance,
                "moderation": moderation,
                "description": description,
            },
        )


def meeting_update(
    *,
    actor,
    meeting: RegionalMeeting,
    title=UNCHANGED,
    kind=UNCHANGED,
    date=UNCHANGED,
    start_time=UNCHANGED,
    end_time=UNCHANGED,
    place=UNCHANGED,
    host_alliance=UNCHANGED,
    moderation=UNCHANGED,
    description=UNCHANGED,
) -> RegionalMeeting:
    """Change the fields given (a partial change leaves the others as they are)."""
    if meeting.status == RegionalMeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled meeting can no longer be changed."))
    data = given(
        title=title,
        kind=kind,
        date=date,
        start_time=start_time,
        end_time=end_time,
        place=place,
        host_alliance=host_alliance,
        moderation=moderation,
        description=description,
    )
    with _public():
        return record_update(actor=actor, instance=meeting, data=data)


@transaction.atomic
def meeting_cancel(*, actor, meeting: RegionalMeeting) -> RegionalMeeting:
    """Cancel a planned meeting; everyone who received the invitation is told (with a
    calendar cancellation that removes the entry)."""
    meetings.ensure_planned_for_cancel(meeting)
    meeting = record_update(
        actor=actor,
        instance=meeting,
        data={"status": RegionalMeetingStatus.CANCELLED},
        action="regional.regionalmeeting.cancelled",
    )
    for pk in meeting.invitations.filter(sent_at__isnull=False).values_list("pk", flat=True):
        queue_email(pk, "cancellation")
    return meeting


def meeting_mark_held(
    *, actor, meeting: RegionalMeeting, today: datetime.date | None = None
) -> RegionalMeeting:
    return meetings.mark_held(records=records, actor=actor, meeting=meeting, today=today)


# ---------------------------------------------------------------- agenda
# Once the meeting has taken place its agenda is locked: each change needs a ``reason``
# (kernel.meetings.rules, shared with the board), recorded in an audit entry.


def _start_where_previous_ends(meeting: RegionalMeeting, fields: dict) -> dict:
    if fields.get("start_time") is None:
        fields["start_time"] = next_agenda_time(meeting)
    return fields


def agenda_item_create(
    *,
    actor,
    meeting: RegionalMeeting,
    title: str,
    start_time: datetime.time | None = None,
    duration_minutes: int | None = None,
    speaker: str = "",
    position: int | None = None,
    reason: str = "",
) -> AgendaItem:
    """Add an item; without a position it goes last, otherwise the items from that
    position on move down one place. Without a time (and position) it begins when the
    previous timed item ends."""
    return AGENDA.create(
        actor=actor,
        meeting=meeting,
        fields={
            "title": title,
            "start_time": start_time,
            "duration_minutes": duration_minutes,
            "speaker": speaker,
        },
        position=position,
        reason=reason,
        prepare=_start_where_previous_ends if position is None else None,
    )


def agenda_item_update(
    *,
    actor,
    item: AgendaItem,
    title=UNCHANGED,
    start_time=UNCHANGED,
    duration_minutes=UNCHANGED,
    speaker=UNCHANGED,
    position: int | None = None,
    reason: str = "",
) -> AgendaItem:
    """Change an item; a new position moves it and closes the gap it leaves."""
    return AGENDA.update(
        actor=actor,
        item=item,
        fields=given(
            title=title, start_time=start_time, duration_minutes=duration_minutes, speaker=speaker
        ),
        position=position,
        reason=reason,
    )


def agenda_item_move(*, actor, item: AgendaItem, direction: str, reason: str = "") -> AgendaItem:
    """Move an item one place up or down (at the ends nothing changes)."""
    return AGENDA.move(actor=actor, item=item, direction=direction, reason=reason)


def agenda_item_delete(*, actor, item: AgendaItem, reason: str = "") -> None:
    AGENDA.delete(actor=actor, item=item, reason=reason)


_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


@dataclass
class AgendaLine:
    title: str
    start_time: datetime.time | None = None
    duration_minutes: int | None = None
    speaker: str = ""


def parse_agenda_lines(text: str) -> tuple[list[AgendaLine], list[str]]:
    """Agenda entries from lines "10:00 | 15 | Welcome | Speaker".

    Time, minutes and speaker may be left out ("Welcome", "10:00 | Welcome",
    "15 | Discussion"); returns the entries and the lines that could not be read.
    """
    entries: list[AgendaLine] = []
    bad: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        parts = [part.strip() for part in line.split("|")]
        entry = AgendaLine(title="")
        match = _TIME.match(parts[0])
        if match:
            entry.start_time = datetime.time(int(match.group(1)), int(match.group(2)))
            parts = parts[1:]
        if parts and parts[0].isdigit():
            entry.duration_minutes = int(parts[0])
            parts = parts[1:]
        if (
            not parts
            or not parts[0]
            or len(parts) > 2
            or len(parts[0]) > 300
            or (len(parts) == 2 and len(parts[1]) > 200)
            or entry.duration_minutes == 0
            or (entry.duration_minutes or 0) > 1440
        ):
            bad.append(line)
            continue
        entry.title = parts[0]
        entry.speaker = parts[1] if len(parts) == 2 else ""
        entries.append(entry)
    return entries, bad


@transaction.atomic
def agenda_bulk_add(
    *, actor, meeting: RegionalMeeting, lines: list[AgendaLine], reason: str = ""
) -> list[AgendaItem]:
    """Append several items at once; an item without a time begins when the previous
    timed one ends (or, on an empty agenda, when the meeting begins)."""
    if not lines:
        raise ValidationError(_("Please enter at least one agenda item."))
    return [
        agenda_item_create(
            actor=actor,
            reason=reason,
            meeting=meeting,
            title=line.title,
            start_time=line.start_time,
            duration_minutes=line.duration_minutes,
            speaker=line.speaker,
        )
        for line in lines
    ]


# ---------------------------------------------------------------- minutes


def minutes_update(
    *, actor, meeting: RegionalMeeting, minutes: str, today: datetime.date | None = None
) -> RegionalMeeting:
    """Write or change the draft minutes after the meeting; published minutes are final."""
    today = today or timezone.localdate()

    def check() -> None:
        if meeting.status == RegionalMeetingStatus.CANCELLED:
            raise ValidationError(_("A cancelled meeting has no minutes."))
        if meeting.date > today:
            raise ValidationError(_("Minutes can be written once the meeting has taken place."))

    return meetings.minutes_write(
        records=records,
        actor=actor,
        meeting=meeting,
        minutes=minutes,
        final_error=_("The minutes have been published and can no longer be changed."),
        check=check,
    )


def minutes_publish(
    *, actor, meeting: RegionalMeeting, published_on: datetime.date | None = None
) -> RegionalMeeting:
    """Approve the draft minutes, once the meeting has taken place, and show them to the
    invited alliances."""
    return meetings.minutes_finalise(
        records=records,
        actor=actor,
        meeting=meeting,
        on=published_on,
        not_draft_error=_("Only draft minutes can be approved and published."),
        action="minutes_published",
    )


# ---------------------------------------------------------------- attachments


def attachment_create(
    *, actor, meeting: RegionalMeeting, title: str, file: UploadedFile
) -> RegionalAttachment:
    """Store a file for the invited alliances under MEDIA_ROOT/public/regional/<meeting>/."""
    return meetings.attachment_add(
        records=records,
        actor=actor,
        model=RegionalAttachment,
        meeting=meeting,
        title=title,
        file=file,
        storage_context=_public,
    )


def attachment_delete(*, actor, attachment: RegionalAttachment) -> None:
    """Remove the record and, once that is committed, the stored file."""
    meetings.attachment_remove(
        records=records, actor=actor, attachment=attachment, storage_context=_public
    )
