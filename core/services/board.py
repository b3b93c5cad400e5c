"""Writes of the board (Kuratorium): members, meeting templates, meetings, agendas,
minutes and attachments.

The meetings share their agenda, minutes and attachment rules with the regional
meetings (``kernel.meetings``); this module declares what is the board's own.
"""

from __future__ import annotations

import calendar
import datetime
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import (
    AgendaItem,
    BoardMeeting,
    BoardMember,
    MeetingAttachment,
    MeetingStatus,
    MeetingTemplate,
    Partner,
)
from kernel.crud import records
from kernel.crud.records import declared, record_create, record_delete, record_update
from kernel.dates import validate_plausible_date
from kernel.meetings.agenda import Agenda
from kernel.meetings.services import MeetingWrites, ensure_planned_for_cancel

SERIES_MAX = 12
MONTHS_BETWEEN_MEETINGS = 3


# ---------------------------------------------------------------- board members


class BoardMemberFields(TypedDict, total=False):
    """The keywords of a board member's writes (``full_name`` and ``term_start`` are
    required to create one)."""

    full_name: str
    affiliation: str
    partner: Partner | None
    position: str
    email: str
    phone: str
    term_start: datetime.date
    term_end: datetime.date | None


def board_member_create(*, actor, **fields: Unpack[BoardMemberFields]) -> BoardMember:
    return record_create(actor=actor, model=BoardMember, data=declared(BoardMemberFields, fields))


def board_member_update(
    *, actor, member: BoardMember, **fields: Unpack[BoardMemberFields]
) -> BoardMember:
    """Change the fields given (the others stay as they are)."""
    return record_update(actor=actor, instance=member, data=declared(BoardMemberFields, fields))


def board_member_delete(*, actor, member: BoardMember) -> None:
    record_delete(actor=actor, instance=member)


# ---------------------------------------------------------------- meeting templates


class MeetingTemplateFields(TypedDict, total=False):
    name: str
    location: str
    start_time: datetime.time | None
    agenda: str


def meeting_template_create(*, actor, **fields: Unpack[MeetingTemplateFields]) -> MeetingTemplate:
    return record_create(
        actor=actor, model=MeetingTemplate, data=declared(MeetingTemplateFields, fields)
    )


def meeting_template_update(
    *, actor, template: MeetingTemplate, **fields: Unpack[MeetingTemplateFields]
) -> MeetingTemplate:
    """Change the fields given (the others stay as they are)."""
    return record_update(
        actor=actor, instance=template, data=declared(MeetingTemplateFields, fields)
    )


def meeting_template_delete(*, actor, template: MeetingTemplate) -> None:
    """Meetings planned from the template keep their data; they just lose the link."""
    record_delete(actor=actor, instance=template)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved by ``months``, on the same day of the month or the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def quarterly_dates(first_date: datetime.date, count: int) -> list[datetime.date]:
    return [add_months(first_date, MONTHS_BETWEEN_MEETINGS * n) for n in range(count)]


def _create_agenda(*, actor, meeting: BoardMeeting, lines: list[str]) -> None:
    for position, line in enumerate(lines, start=1):
        record_create(
            actor=actor,
            model=AgendaItem,
            data={"meeting": meeting, "position": position, "title": line[:300]},
        )


@transaction.atomic
def meeting_series_plan(
    *,
    actor,
    template: MeetingTemplate,
    first_date: datetime.date,
    count: int,
    title: str,
) -> list[BoardMeeting]:
    """Plan ``count`` meetings three months apart, each with the template's place, time
    and standing agenda."""
    if not 1 <= count <= SERIES_MAX:
        raise ValidationError(
            _("A series has between 1 and %(max)d meetings.") % {"max": SERIES_MAX}
        )
    # Checked before the date arithmetic, which fails beyond year 9999.
    try:
        validate_plausible_date(first_date)
    except ValidationError as error:
        raise ValidationError({"first_date": error.messages}) from None
    title = title.strip() or template.name
    meetings = []
    for day in quarterly_dates(first_date, count):
        meeting = record_create(
            actor=actor,
            model=BoardMeeting,
            data={
                "title": title,
                "date": day,
                "start_time": template.start_time,
                "location": template.location,
                "template": template,
            },
        )
        _create_agenda(actor=actor, meeting=meeting, lines=template.agenda_lines)
        meetings.append(meeting)
    return meetings


# ---------------------------------------------------------------- meetings


class BoardMeetingFields(TypedDict, total=False):
    title: str
    date: datetime.date
    start_time: datetime.time | None
    location: str
    template: MeetingTemplate | None


@transaction.atomic
def meeting_create(*, actor, **fields: Unpack[BoardMeetingFields]) -> BoardMeeting:
    """A single meeting. With a template, empty place and time come from it and the
    standing agenda becomes the meeting's agenda."""
    data = declared(BoardMeetingFields, fields)
    template = data.get("template")
    if template is not None:
        if not data.get("location"):
            data["location"] = template.location
        if data.get("start_time") is None:
            data["start_time"] = template.start_time
    meeting = record_create(actor=actor, model=BoardMeeting, data=data)
    if template is not None:
        _create_agenda(actor=actor, meeting=meeting, lines=template.agenda_lines)
    return meeting


def meeting_update(
    *, actor, meeting: BoardMeeting, **fields: Unpack[BoardMeetingFields]
) -> BoardMeeting:
    """Change the fields given (the others stay as they are)."""
    return record_update(actor=actor, instance=meeting, data=declared(BoardMeetingFields, fields))


def meeting_delete(*, actor, meeting: BoardMeeting) -> None:
    if meeting.decisions.exists():
        raise ValidationError(
            _("Decisions were taken in this meeting; it cannot be deleted. Cancel it instead.")
        )
    record_delete(actor=actor, instance=meeting)


def meeting_mark_held(*, actor, meeting: BoardMeeting) -> BoardMeeting:
    return WRITES.mark_held(actor=actor, meeting=meeting)


def meeting_cancel(*, actor, meeting: BoardMeeting) -> BoardMeeting:
    ensure_planned_for_cancel(meeting)
    if meeting.decisions.exists():
        raise ValidationError(_("Decisions were taken in this meeting; it cannot be cancelled."))
    return record_update(
        actor=actor,
        instance=meeting,
        data={"status": MeetingStatus.CANCELLED},
        action="core.boardmeeting.cancelled",
    )


# ---------------------------------------------------------------- agenda items
# Once the meeting has taken place its agenda is locked: each change needs a ``reason``
# (kernel.meetings.rules), recorded in an audit entry on the meeting.


class AgendaItemFields(TypedDict, total=False):
    """The keywords of an agenda item's writes, besides ``position`` and ``reason``."""

    title: str
    notes: str


AGENDA = Agenda(BoardMeeting, AgendaItem, records, fields_type=AgendaItemFields)
agenda_item_create = AGENDA.create
agenda_item_update = AGENDA.update
agenda_item_delete = AGENDA.delete


# ---------------------------------------------------------------- minutes, attachments
# Approved minutes are final. Files are stored under MEDIA_ROOT/<schema>/board/<meeting>/.

WRITES = MeetingWrites(
    records,
    MeetingAttachment,
    minutes_final_error=gettext_lazy(
        "The minutes have been approved and can no longer be changed."
    ),
    minutes_not_draft_error=gettext_lazy("Only draft minutes can be approved."),
    minutes_final_action="minutes_approved",
)
minutes_update = WRITES.minutes_update
attachment_create = WRITES.attachment_create
attachment_delete = WRITES.attachment_delete


def minutes_approve(
    *, actor, meeting: BoardMeeting, approved_on: datetime.date | None = None
) -> BoardMeeting:
    """Approve the draft minutes once the meeting has taken place."""
    return WRITES.minutes_finalise(actor=actor, meeting=meeting, on=approved_on)


def meeting_document_send(*, actor, meeting: BoardMeeting, document: str) -> int:
    """Send the agenda or the approved minutes as PDF to the board members whose term
    covers the meeting (``kernel.meetings.documents``); returns how many."""
    # Imported here: the PDF library takes a fifth of a second to load, and this module
    # is loaded at every process start (core.starter, at the apps' ready), most of which
    # (workers, commands) never write a PDF.
    from core.documents import BOARD_DOCUMENTS

    return BOARD_DOCUMENTS.send(actor=actor, meeting=meeting, document=document)
