"""Writes of regional meetings: the meeting, its agenda, minutes and attachments.
Invitations, replies and reminders are in ``regional.services.invitations``.

The agenda, minutes and attachments follow the rules every meeting shares
(``kernel.meetings``); this module declares what is the regional meetings' own.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tenants.utils import get_public_schema_name, schema_context

from kernel.crud import records
from kernel.crud.records import declared, record_create, record_update
from kernel.meetings.agenda import Agenda
from kernel.meetings.services import MeetingWrites, ensure_planned_for_cancel
from regional.documents import REGIONAL_DOCUMENTS
from regional.models import (
    AgendaItem,
    RegionalAttachment,
    RegionalMeeting,
    RegionalMeetingStatus,
)
from regional.selectors.meetings import next_agenda_time
from regional.services.invitations import queue_email
from tenants.models import Alliance


def _public():
    """Regional records and files live in the public schema, whichever host writes."""
    return schema_context(get_public_schema_name())


# ---------------------------------------------------------------- meetings


class RegionalMeetingFields(TypedDict, total=False):
    """The keywords of a regional meeting's writes (all but ``kind``, ``host_alliance``,
    ``moderation`` and ``description`` are required to create one)."""

    title: str
    kind: str
    date: datetime.date
    start_time: datetime.time
    end_time: datetime.time
    place: str
    host_alliance: Alliance | None
    moderation: str
    description: str


def meeting_create(*, actor, **fields: Unpack[RegionalMeetingFields]) -> RegionalMeeting:
    with _public():
        return record_create(
            actor=actor, model=RegionalMeeting, data=declared(RegionalMeetingFields, fields)
        )


def meeting_update(
    *, actor, meeting: RegionalMeeting, **fields: Unpack[RegionalMeetingFields]
) -> RegionalMeeting:
    """Change the fields given (a partial change leaves the others as they are)."""
    if meeting.status == RegionalMeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled meeting can no longer be changed."))
    data = declared(RegionalMeetingFields, fields)
    with _public():
        return record_update(actor=actor, instance=meeting, data=data)


@transaction.atomic
def meeting_cancel(*, actor, meeting: RegionalMeeting) -> RegionalMeeting:
    """Cancel a planned meeting; everyone who received the invitation is told (with a
    calendar cancellation that removes the entry)."""
    ensure_planned_for_cancel(meeting)
    meeting = record_update(
        actor=actor,
        instance=meeting,
        data={"status": RegionalMeetingStatus.CANCELLED},
        action="regional.regionalmeeting.cancelled",
    )
    for pk in meeting.invitations.filter(sent_at__isnull=False).values_list("pk", flat=True):
        queue_email(pk, "cancellation")
    return meeting


# ---------------------------------------------------------------- agenda
# Once the meeting has taken place its agenda is locked: each change needs a ``reason``
# (kernel.meetings.rules, shared with the board), recorded in an audit entry.


def _start_where_previous_ends(meeting: RegionalMeeting, fields: dict) -> dict:
    """An item added at the end without a time begins when the previous timed one ends."""
    if fields.get("start_time") is None:
        fields["start_time"] = next_agenda_time(meeting)
    return fields


class AgendaItemFields(TypedDict, total=False):
    """The keywords of an agenda item's writes, besides ``position`` and ``reason``."""

    title: str
    start_time: datetime.time | None
    duration_minutes: int | None
    speaker: str


AGENDA = Agenda(
    RegionalMeeting, AgendaItem, records, AgendaItemFields, prepare_new=_start_where_previous_ends
)
agenda_item_create = AGENDA.create
agenda_item_update = AGENDA.update
agenda_item_move = AGENDA.move
agenda_item_delete = AGENDA.delete


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


# ---------------------------------------------------------------- minutes, attachments
# Published minutes are final; files are stored for the invited alliances under
# MEDIA_ROOT/public/regional/<meeting>/.


def _minutes_after_the_meeting(meeting: RegionalMeeting, today: datetime.date) -> None:
    if meeting.status == RegionalMeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled meeting has no minutes."))
    if meeting.date > today:
        raise ValidationError(_("Minutes can be written once the meeting has taken place."))


WRITES = MeetingWrites(
    records,
    RegionalAttachment,
    minutes_final_error=gettext_lazy(
        "The minutes have been published and can no longer be changed."
    ),
    minutes_not_draft_error=gettext_lazy("Only draft minutes can be approved and published."),
    minutes_final_action="minutes_published",
    minutes_check=_minutes_after_the_meeting,
    storage_context=_public,
)
minutes_update = WRITES.minutes_update
meeting_mark_held = WRITES.mark_held
attachment_create = WRITES.attachment_create
attachment_delete = WRITES.attachment_delete


def minutes_publish(
    *, actor, meeting: RegionalMeeting, published_on: datetime.date | None = None
) -> RegionalMeeting:
    """Approve the draft minutes, once the meeting has taken place, and show them to the
    invited alliances."""
    return WRITES.minutes_finalise(actor=actor, meeting=meeting, on=published_on)


def meeting_document_send(*, actor, meeting: RegionalMeeting, document: str) -> int:
    """Send the agenda or the published minutes as PDF to everyone invited
    (``kernel.meetings.documents``); returns how many."""
    return REGIONAL_DOCUMENTS.send(actor=actor, meeting=meeting, document=document)
