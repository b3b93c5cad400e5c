"""Writes of the board (Kuratorium): members, meeting templates, meetings, agendas,
minutes and attachments."""

from __future__ import annotations

import calendar
import datetime
import os
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import (
    AgendaItem,
    BoardMeeting,
    BoardMember,
    MeetingAttachment,
    MeetingStatus,
    MeetingTemplate,
    MinutesStatus,
)
from core.services.meetings import (
    agenda_correction_reason,
    audit_agenda_correction,
    ensure_minutes_approvable,
)
from kernel.audit.services import audit_log
from kernel.crud.records import record_create, record_delete, record_update
from kernel.dates import validate_plausible_date
from kernel.uploads import attachment_check

SERIES_MAX = 12
MONTHS_BETWEEN_MEETINGS = 3


# ---------------------------------------------------------------- board members


def board_member_create(*, actor, data: dict[str, Any]) -> BoardMember:
    return record_create(actor=actor, model=BoardMember, data=data)


def board_member_update(*, actor, member: BoardMember, data: dict[str, Any]) -> BoardMember:
    return record_update(actor=actor, instance=member, data=data)


def board_member_delete(*, actor, member: BoardMember) -> None:
    record_delete(actor=actor, instance=member)


# ---------------------------------------------------------------- meeting templates


def meeting_template_create(*, actor, data: dict[str, Any]) -> MeetingTemplate:
    return record_create(actor=actor, model=MeetingTemplate, data=data)


def meeting_template_update(
    *, actor, template: MeetingTemplate, data: dict[str, Any]
) -> MeetingTemplate:
    return record_update(actor=actor, instance=template, data=data)


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
def meeting_create(*, actor, data: dict[str, Any]) -> BoardMeeting:
    """A single meeting. With a template, empty place and time come from it and the
    standing agenda becomes the meeting's agenda."""
    data = dict(data)
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


def meeting_update(*, actor, meeting: BoardMeeting, data: dict[str, Any]) -> BoardMeeting:
    return record_update(actor=actor, instance=meeting, data=data)


def meeting_delete(*, actor, meeting: BoardMeeting) -> None:
    if meeting.decisions.exists():
        raise ValidationError(
            _("Decisions were taken in this meeting; it cannot be deleted. Cancel it instead.")
        )
    record_delete(actor=actor, instance=meeting)


def meeting_mark_held(*, actor, meeting: BoardMeeting) -> BoardMeeting:
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("Only a planned meeting can be marked as held."))
    if meeting.date > timezone.localdate():
        raise ValidationError(_("A meeting in the future cannot be marked as held."))
    return record_update(
        actor=actor,
        instance=meeting,
        data={"status": MeetingStatus.HELD},
        action="core.boardmeeting.held",
    )


def meeting_cancel(*, actor, meeting: BoardMeeting) -> BoardMeeting:
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("Only a planned meeting can be cancelled."))
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
# (core.services.meetings), recorded in an audit entry on the meeting.
# Positions are 1..n without gaps. The unique (meeting, position) constraint is checked
# row by row, so renumbering first parks the items on high numbers, then sets the final ones.

_PARKING_OFFSET = 10000


def _renumber(items: list[AgendaItem], start: dict[int, int]) -> None:
    """Give each item in ``items`` the position ``start[item.pk]`` (two bulk updates)."""
    if not items:
        return
    for offset, item in enumerate(items, start=1):
        item.position = _PARKING_OFFSET + offset
    AgendaItem.objects.bulk_update(items, ["position"])
    for item in items:
        item.position = start[item.pk]
    AgendaItem.objects.bulk_update(items, ["position"])


def _others(meeting: BoardMeeting, exclude_pk: int | None = None) -> list[AgendaItem]:
    queryset = AgendaItem.objects.select_for_update().filter(meeting=meeting)
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return list(queryset.order_by("position", "pk"))


def _make_gap(items: list[AgendaItem], position: int) -> None:
    """Number ``items`` 1..n, leaving ``position`` free."""
    wanted = {}
    for index, item in enumerate(items, start=1):
        wanted[item.pk] = index if index < position else index + 1
    changed = [item for item in items if item.position != wanted[item.pk]]
    _renumber(changed, wanted)


def _clamp(position: int | None, highest: int) -> int:
    if position is None or position > highest:
        return highest
    return max(position, 1)


@transaction.atomic
def agenda_item_create(
    *, actor, meeting: BoardMeeting, data: dict[str, Any], reason: str = ""
) -> AgendaItem:
    """Add an item; without a position (or beyond the end) it goes last, otherwise the
    items from that position on move down one place."""
    data = dict(data)
    meeting = BoardMeeting.objects.select_for_update().get(pk=meeting.pk)
    reason = agenda_correction_reason(meeting, reason)
    items = _others(meeting)
    position = _clamp(data.pop("position", None), len(items) + 1)
    _make_gap(items, position)
    item = record_create(
        actor=actor, model=AgendaItem, data={**data, "meeting": meeting, "position": position}
    )
    audit_agenda_correction(
        actor=actor, meeting=meeting, reason=reason, change="created", item=item
    )
    return item


@transaction.atomic
def agenda_item_update(
    *, actor, item: AgendaItem, data: dict[str, Any], reason: str = ""
) -> AgendaItem:
    """Change an item's text; a new position moves it and closes the gap it leaves."""
    data = dict(data)
    meeting = BoardMeeting.objects.select_for_update().get(pk=item.meeting_id)
    reason = agenda_correction_reason(meeting, reason)
    others = _others(item.meeting, exclude_pk=item.pk)
    old_position = AgendaItem.objects.values_list("position", flat=True).get(pk=item.pk)
    requested = data.pop("position", None)
    new_position = old_position if requested is None else _clamp(requested, len(others) + 1)
    item.position = old_position
    item = record_update(actor=actor, instance=item, data=data)
    if new_position != old_position:
        AgendaItem.objects.filter(pk=item.pk).update(position=0)
        _make_gap(others, new_position)
        AgendaItem.objects.filter(pk=item.pk).update(position=new_position)
        item.position = new_position
        audit_log(
            actor=actor,
            action="core.agendaitem.moved",
            target=item,
            changes={"position": [str(old_position), str(new_position)]},
        )
    audit_agenda_correction(
        actor=actor, meeting=meeting, reason=reason, change="updated", item=item
    )
    return item


@transaction.atomic
def agenda_item_delete(*, actor, item: AgendaItem, reason: str = "") -> None:
    meeting = BoardMeeting.objects.select_for_update().get(pk=item.meeting_id)
    reason = agenda_correction_reason(meeting, reason)
    audit_agenda_correction(
        actor=actor, meeting=meeting, reason=reason, change="deleted", item=item
    )
    record_delete(actor=actor, instance=item)
    remaining = _others(meeting)
    wanted = {entry.pk: index for index, entry in enumerate(remaining, start=1)}
    _renumber([entry for entry in remaining if entry.position != wanted[entry.pk]], wanted)


# ---------------------------------------------------------------- minutes


def minutes_update(*, actor, meeting: BoardMeeting, minutes: str) -> BoardMeeting:
    """Write or change the draft minutes; approved minutes are final."""
    current = BoardMeeting.objects.values_list("minutes_status", flat=True).get(pk=meeting.pk)
    if current == MinutesStatus.APPROVED:
        raise ValidationError(_("The minutes have been approved and can no longer be changed."))
    if not minutes.strip():
        raise ValidationError({"minutes": _("Please write the minutes.")})
    return record_update(
        actor=actor,
        instance=meeting,
        data={"minutes": minutes, "minutes_status": MinutesStatus.DRAFT},
        action="core.boardmeeting.minutes_written",
    )


def minutes_approve(
    *, actor, meeting: BoardMeeting, approved_on: datetime.date | None = None
) -> BoardMeeting:
    """Approve the draft minutes once the meeting has taken place."""
    if meeting.minutes_status != MinutesStatus.DRAFT:
        raise ValidationError(_("Only draft minutes can be approved."))
    approved_on = approved_on or timezone.localdate()
    ensure_minutes_approvable(meeting, approved_on)
    return record_update(
        actor=actor,
        instance=meeting,
        data={
            "minutes_status": MinutesStatus.APPROVED,
            "minutes_approved_on": approved_on,
        },
        action="core.boardmeeting.minutes_approved",
    )


# ---------------------------------------------------------------- attachments


@transaction.atomic
def attachment_create(
    *, actor, meeting: BoardMeeting, title: str, file: UploadedFile
) -> MeetingAttachment:
    attachment_check(file)
    title = title.strip() or os.path.splitext(os.path.basename(file.name))[0]
    # Saving stores the file under MEDIA_ROOT/<schema>/board/<meeting>/.
    return record_create(
        actor=actor,
        model=MeetingAttachment,
        data={"meeting": meeting, "title": title[:200], "file": file},
    )


def attachment_delete(*, actor, attachment: MeetingAttachment) -> None:
    """Remove the record and, once that is committed, the stored file."""
    storage, name = attachment.file.storage, attachment.file.name
    record_delete(actor=actor, instance=attachment)
    if name:
        transaction.on_commit(lambda: storage.delete(name))
