"""iCalendar (RFC 5545) for regional meetings, written by hand.

One VEVENT per meeting, with a UID that stays the same for the meeting's whole life,
so calendar programs update the entry they already hold when an invitation is sent
again (with a higher SEQUENCE) and remove it on a cancellation (METHOD:CANCEL).
Times are written in UTC (``...Z``): no VTIMEZONE is needed and every program shows
them in its own time zone. Lines end with CRLF and are folded at 75 octets.

A meeting whose stored date lies outside the plausible range (only rows written before
the range was enforced, see ``kernel.dates``) gets no calendar file: its start may not
even be expressible in UTC (year 1 at 00:30 in Berlin is year 0 in UTC, an OverflowError),
and a calendar program cannot use it anyway. Years are always written with four digits
(``strftime("%Y")`` writes year 999 as "999", which is not a valid DATE-TIME).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.dates import is_plausible_date

BERLIN = ZoneInfo("Europe/Berlin")
PRODID = "-//Bündnisnetz Thüringen//Regionaltreffen//DE"
# SEQUENCE counts minutes since this moment: it grows whenever the meeting is saved.
_SEQUENCE_EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def escape(text: object) -> str:
    """TEXT value escaping: backslash, semicolon, comma and line breaks."""
    value = str(text if text is not None else "")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\n", "\\n")


def param(text: object) -> str:
    """A parameter value (such as CN): quoted, without characters a quoted value forbids."""
    value = " ".join(str(text or "").replace('"', "'").split())
    return f'"{value}"'


def fold(line: str) -> str:
    """A content line in pieces of at most 75 octets, each continuation starting with a
    space; a multi-byte UTF-8 character is never split."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        length = len(char.encode("utf-8"))
        if size + length > 75:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += length
    pieces.append(current)
    return "\r\n".join(pieces)


def utc_stamp(moment: datetime.datetime) -> str:
    """A UTC DATE-TIME value, always with four digits of year; raises OverflowError for a
    moment that UTC cannot express (see ``has_calendar``)."""
    utc = moment.astimezone(datetime.UTC)
    return f"{utc.year:04d}{utc.month:02d}{utc.day:02d}T{utc:%H%M%S}Z"


def has_calendar(meeting) -> bool:
    """Whether a calendar file can be written for ``meeting`` (its date is plausible)."""
    return is_plausible_date(meeting.date)


def meeting_start(meeting) -> datetime.datetime:
    return datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=BERLIN)


def meeting_end(meeting) -> datetime.datetime:
    return datetime.datetime.combine(meeting.date, meeting.end_time, tzinfo=BERLIN)


def meeting_uid(meeting) -> str:
    return f"regional-meeting-{meeting.pk}@{settings.BASE_DOMAIN}"


def sequence(meeting) -> int:
    """Grows with every change of the meeting, as RFC 5546 asks of a re-sent invitation."""
    changed = meeting.updated_at or meeting.created_at or _SEQUENCE_EPOCH
    return max(0, int((changed - _SEQUENCE_EPOCH).total_seconds() // 60))


def agenda_lines(entries: Iterable) -> list[str]:
    """The agenda as plain text lines: "10:00 Welcome (15 min) – Speaker"."""
    lines = []
    for entry in entries:
        text = entry.title
        if entry.start_time:
            text = f"{entry.start_time:%H:%M} {text}"
        if entry.duration_minutes:
            text += " " + _("(%(minutes)s min)") % {"minutes": entry.duration_minutes}
        if entry.speaker:
            text += f" – {entry.speaker}"
        lines.append(text)
    return lines


def description(meeting, agenda: Iterable, reply_url: str = "") -> str:
    parts = []
    if meeting.description.strip():
        parts.append(meeting.description.strip())
    facts = []
    if meeting.host_alliance_id:
        facts.append(_("Host: %(host)s") % {"host": meeting.host_alliance.name})
    if meeting.moderation:
        facts.append(_("Moderation: %(name)s") % {"name": meeting.moderation})
    if facts:
        parts.append("\n".join(facts))
    lines = agenda_lines(agenda)
    if lines:
        parts.append(_("Agenda:") + "\n" + "\n".join(lines))
    if reply_url:
        parts.append(_("Your reply: %(url)s") % {"url": reply_url})
    return "\n\n".join(parts)


def meeting_calendar(
    meeting,
    agenda: Iterable,
    *,
    method: str = "REQUEST",
    attendee_name: str = "",
    attendee_email: str = "",
    reply_url: str = "",
    now: datetime.datetime | None = None,
) -> str | None:
    """The iCalendar text of ``meeting``: METHOD:REQUEST (an invitation or an update)
    or METHOD:CANCEL (the meeting was cancelled); None if its date is implausible (no
    file rather than a malformed one, see the module's docstring)."""
    if method not in ("REQUEST", "CANCEL", "PUBLISH"):
        raise ValueError(method)
    if not has_calendar(meeting):
        return None
    now = now or timezone.now()
    organiser = settings.DEFAULT_FROM_EMAIL
    organiser_email = organiser.rsplit("<", 1)[-1].rstrip(">").strip()
    organiser_name = _("State coordination office")
    cancelled = method == "CANCEL" or meeting.status == "cancelled"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{meeting_uid(meeting)}",
        f"SEQUENCE:{sequence(meeting)}",
        f"DTSTAMP:{utc_stamp(now)}",
        f"DTSTART:{utc_stamp(meeting_start(meeting))}",
        f"DTEND:{utc_stamp(meeting_end(meeting))}",
        f"SUMMARY:{escape(meeting.title)}",
        f"LOCATION:{escape(meeting.place)}",
        f"DESCRIPTION:{escape(description(meeting, agenda, reply_url))}",
        f"ORGANIZER;CN={param(organiser_name)}:mailto:{organiser_email}",
    ]
    if attendee_email:
        lines.append(
            f"ATTENDEE;CN={param(attendee_name or attendee_email)};ROLE=REQ-PARTICIPANT;"
            f"PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{attendee_email}"
        )
    lines.append("STATUS:CANCELLED" if cancelled else "STATUS:CONFIRMED")
    if meeting.updated_at and is_plausible_date(meeting.updated_at):
        lines.append(f"LAST-MODIFIED:{utc_stamp(meeting.updated_at)}")
    lines += ["TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)
