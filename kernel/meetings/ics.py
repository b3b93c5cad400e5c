"""iCalendar (RFC 5545) for any meeting, written by hand.

One VEVENT per meeting, with a UID that stays the same for the meeting's whole life,
so calendar programs update the entry they already hold when an invitation is sent
again (with a higher SEQUENCE) and remove it on a cancellation (METHOD:CANCEL).
Times are written in UTC (``...Z``): no VTIMEZONE is needed and every program shows
them in its own time zone. Lines end with CRLF and are folded at 75 octets. Years are
always written with four digits (``strftime("%Y")`` writes year 999 as "999", which is
not a valid DATE-TIME).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from kernel.dates import is_plausible_date

METHODS = ("REQUEST", "CANCEL", "PUBLISH")
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


def sequence(meeting) -> int:
    """Grows with every change of the meeting, as RFC 5546 asks of a re-sent invitation."""
    changed = meeting.updated_at or meeting.created_at or _SEQUENCE_EPOCH
    return max(0, int((changed - _SEQUENCE_EPOCH).total_seconds() // 60))


@dataclass(frozen=True)
class Event:
    """One meeting as a calendar event; ``start``/``end`` are aware datetimes."""

    uid: str
    sequence: int
    start: datetime.datetime
    end: datetime.datetime
    summary: str
    location: str
    description: str
    organiser_name: str
    organiser_email: str
    cancelled: bool = False
    last_modified: datetime.datetime | None = None
    attendee_name: str = ""
    attendee_email: str = ""


def calendar_text(event: Event, *, prodid: str, method: str, now: datetime.datetime) -> str:
    """The iCalendar text of one event: METHOD:REQUEST (an invitation or an update),
    METHOD:CANCEL (the meeting was cancelled) or METHOD:PUBLISH (a plain download)."""
    if method not in METHODS:
        raise ValueError(method)
    lines = [*_head(prodid, method), *_event_lines(event, method, now), "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)


def feed_text(events, *, prodid: str, name: str, now: datetime.datetime) -> str:
    """A subscribed calendar (METHOD:PUBLISH) of several events, named ``name``; a
    program that polls it updates each event by its UID and drops those no longer in it."""
    lines = [*_head(prodid, "PUBLISH"), f"X-WR-CALNAME:{escape(name)}"]
    for event in events:
        lines += _event_lines(event, "PUBLISH", now)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _head(prodid: str, method: str) -> list[str]:
    return [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{prodid}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
    ]


def _event_lines(event: Event, method: str, now: datetime.datetime) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"SEQUENCE:{event.sequence}",
        f"DTSTAMP:{utc_stamp(now)}",
        f"DTSTART:{utc_stamp(event.start)}",
        f"DTEND:{utc_stamp(event.end)}",
        f"SUMMARY:{escape(event.summary)}",
        f"LOCATION:{escape(event.location)}",
        f"DESCRIPTION:{escape(event.description)}",
        f"ORGANIZER;CN={param(event.organiser_name)}:mailto:{event.organiser_email}",
    ]
    if event.attendee_email:
        lines.append(
            f"ATTENDEE;CN={param(event.attendee_name or event.attendee_email)};"
            f"ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{event.attendee_email}"
        )
    lines.append(
        "STATUS:CANCELLED" if method == "CANCEL" or event.cancelled else "STATUS:CONFIRMED"
    )
    if event.last_modified and is_plausible_date(event.last_modified):
        lines.append(f"LAST-MODIFIED:{utc_stamp(event.last_modified)}")
    lines += ["TRANSP:OPAQUE", "END:VEVENT"]
    return lines
