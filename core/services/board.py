"""Writes of the board (Kuratorium): members, meeting templates, meetings, agendas,
minutes and attachments.

The meetings share their agenda, minutes and attachment rules with the regional
meetings (``kernel.meetings``); this module declares what is the board's own.
"""

from __future__ import annotations

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from core.models import (
    AgendaItem,
    BoardMeeting,
    BoardMember,
    BoardPosition,
    MeetingAttachment,
    MeetingStatus,
    MeetingTemplate,
    Partner,
)
from core.services import records
from core.services.records import record_create, record_delete, record_update
from kernel.dates import validate_plausible_date
from kernel.meetings import services as meetings
from kernel.meetings.agenda import Agenda
from kernel.meetings.services import UNCHANGED, given

SERIES_MAX = 12
MONTHS_BETWEEN_MEETINGS = 3

AGENDA = Agenda(meeting_model=BoardMeeting, item_model=AgendaItem, records=records)


# ---------------------------------------------------------------- board members


def board_member_create(
    *,
    actor,
    full_name: str,
    term_start: datetime.date,
    affiliation: str = "",
    partner: Partner | None = None,
    position: str = BoardPosition.MEMBER,
    email: str = "",
    phone: str = "",
    term_end: datetime.date | None = None,
) -> BoardMember:
    return record_create(
        actor=actor,
        model=BoardMember,
        data={
            "full_name": full_name,
            "affiliation": affiliation,
            "partner": partner,
            "position": position,
            "email": email,
            "phone": phone,
            "term_start": term_start,
            "term_end": term_end,
        },
    )


def board_member_update(
    *,
    actor,
    member: BoardMember,
    full_name=UNCHANGED,
    term_start=UNCHANGED,
    affiliation=UNCHANGED,
    partner=UNCHANGED,
    position=UNCHANGED,
    email=UNCHANGED,
    phone=UNCHANGED,
    term_end=UNCHANGED,
) -> BoardMember:
    """Change the fields given (the others stay as they are)."""
    return record_update(
        actor=actor,
        instance=member,
        data=given(
            full_name=full_name,
            affiliation=affiliation,
            partner=partner,
            position=position,
            email=email,
            phone=phone,
            term_start=term_start,
            term_end=term_end,
        ),
    )


def board_member_delete(*, actor, member: BoardMember) -> None:
    record_delete(actor=actor, instance=member)


# ---------------------------------------------------------------- meeting templates


def meeting_template_create(
    *,
    actor,
    name: str,
    location: str = "",
    start_time: datetime.time | None = None,
    agenda: str = "",
) -> MeetingTemplate:
    return record_create(
        actor=actor,
        model=MeetingTemplate,
        data={"name": name, "location": location, "start_time": start_time, "agenda": agenda},
    )


def meeting_template_update(
    *,
    actor,
    template: MeetingTemplate,
    name=UNCHANGED,
    location=UNCHANGED,
    start_time=UNCHANGED,
    agenda=UNCHANGED,
) -> MeetingTemplate:
    """Change the fields given (the others stay as they are)."""
    return record_update(
        actor=actor,
        instance=template,
        data=given(name=name, location=location, start_time=start_time, agenda=agenda),
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


@transaction.atomic
def meeting_create(
    *,
    actor,
    title: str,
    date: datetime.date,
    start_time: datetime.time | None = None,
    location: str = "",
    template: MeetingTemplate | None = None,
) -> BoardMeeting:
    """A single meeting. With a template, empty place and time come from it and the
    standing agenda becomes the meeting's agenda."""
    if template is not None:
        location = location or template.location
        start_time = template.start_time if start_time is None else start_time
    meeting = record_create(
        actor=actor,
        model=BoardMeeting,
        data={
            "title": title,
            "date": date,
            "start_time": start_time,
            "location": location,
            "template": template,
        },
    )
    if template is not None:
        _create_agenda(actor=actor, meeting=meeting, lines=template.agenda_lines)
    return meeting


def meeting_update(
    *,
    actor,
    meeting: BoardMeeting,
    title=UNCHANGED,
    date=UNCHANGED,
    start_time=UNCHANGED,
    location=UNCHANGED,
) -> BoardMeeting:
    """Change the fields given (the others stay as they are)."""
    return record_update(
        actor=actor,
        instance=meeting,
        data=given(title=title, date=date, start_time=start_time, location=location),
    )


def meeting_delete(*, actor, meeting: BoardMeeting) -> None:
    if meeting.decisions.exists():
        raise ValidationError(
            _("Decisions were taken in this meeting; it cannot be deleted. Cancel it instead.")
        )
    record_delete(actor=actor, instance=meeting)


def meeting_mark_held(*, actor, meeting: BoardMeeting) -> BoardMeeting:
    return meetings.mark_held(records=records, actor=actor, meeting=meeting)


def meeting_cancel(*, actor, meeting: BoardMeeting) -> BoardMeeting:
    meetings.ensure_planned_for_cancel(meeting)
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


def agenda_item_create(
    *,
    actor,
    meeting: BoardMeeting,
    title: str,
    notes: str = "",
    position: int | None = None,
    reason: str = "",
) -> AgendaItem:
    """Add an item; without a position (or beyond the end) it goes last, otherwise the
    items from that position on move down one place."""
    return AGENDA.create(
        actor=actor,
        meeting=meeting,
        fields={"title": title, "notes": notes},
        position=position,
        reason=reason,
    )


def agenda_item_update(
    *,
    actor,
    item: AgendaItem,
    title=UNCHANGED,
    notes=UNCHANGED,
    position: int | None = None,
    reason: str = "",
) -> AgendaItem:
    """Change an item's text; a new position moves it and closes the gap it leaves."""
    return AGENDA.update(
        actor=actor,
        item=item,
        fields=given(title=title, notes=notes),
        position=position,
        reason=reason,
    )


def agenda_item_delete(*, actor, item: AgendaItem, reason: str = "") -> None:
    AGENDA.delete(actor=actor, item=item, reason=reason)


# ---------------------------------------------------------------- minutes


def minutes_update(*, actor, meeting: BoardMeeting, minutes: str) -> BoardMeeting:
    """Write or change the draft minutes; approved minutes are final."""
    return meetings.minutes_write(
        records=records,
        actor=actor,
        meeting=meeting,
        minutes=minutes,
        final_error=_("The minutes have been approved and can no longer be changed."),
    )


def minutes_approve(
    *, actor, meeting: BoardMeeting, approved_on: datetime.date | None = None
) -> BoardMeeting:
    """Approve the draft minutes once the meeting has taken place."""
    return meetings.minutes_finalise(
        records=records,
        actor=actor,
        meeting=meeting,
        on=approved_on,
        not_draft_error=_("Only draft minutes can be approved."),
        action="minutes_approved",
    )


# ---------------------------------------------------------------- attachments


def attachment_create(
    *, actor, meeting: BoardMeeting, title: str, file: UploadedFile
) -> MeetingAttachment:
    # Saving stores the file under MEDIA_ROOT/<schema>/board/<meeting>/.
    return meetings.attachment_add(
        records=records,
        actor=actor,
        model=MeetingAttachment,
        meeting=meeting,
        title=title,
        file=file,
    )


def attachment_delete(*, actor, attachment: MeetingAttachment) -> None:
    """Remove the record and, once that is committed, the stored file."""
    meetings.attachment_remove(records=records, actor=actor, attachment=attachment)
