"""iCalendar (RFC 5545) for regional meetings: what their calendar event says. The
writing (UID, SEQUENCE, UTC times, escaping, folding) is the meeting base's
(``kernel.meetings.ics``).

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
from kernel.meetings.ics import METHODS, Event, calendar_text, feed_text, sequence

BERLIN = ZoneInfo("Europe/Berlin")


def _prodid() -> str:
    """The calendar files' producer: the installation's platform."""
    return f"-//{settings.BUENDNISNETZ_PLATFORM_NAME}//Regionaltreffen//DE"


def has_calendar(meeting) -> bool:
    """Whether a calendar file can be written for ``meeting`` (its date is plausible)."""
    return is_plausible_date(meeting.date)


def meeting_start(meeting) -> datetime.datetime:
    return datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=BERLIN)


def meeting_end(meeting) -> datetime.datetime:
    return datetime.datetime.combine(meeting.date, meeting.end_time, tzinfo=BERLIN)


def meeting_uid(meeting) -> str:
    return f"regional-meeting-{meeting.pk}@{settings.BASE_DOMAIN}"


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
    if method not in METHODS:
        raise ValueError(method)
    if not has_calendar(meeting):
        return None
    event = meeting_event(
        meeting,
        agenda,
        attendee_name=attendee_name,
        attendee_email=attendee_email,
        reply_url=reply_url,
    )
    return calendar_text(event, prodid=_prodid(), method=method, now=now or timezone.now())


def meeting_event(
    meeting, agenda: Iterable, *, attendee_name="", attendee_email="", reply_url=""
) -> Event:
    """The calendar event of ``meeting`` (whose date must be plausible)."""
    organiser_email = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip()
    return Event(
        uid=meeting_uid(meeting),
        sequence=sequence(meeting),
        start=meeting_start(meeting),
        end=meeting_end(meeting),
        summary=meeting.title,
        location=meeting.place,
        description=description(meeting, agenda, reply_url),
        organiser_name=_("State coordination office"),
        organiser_email=organiser_email,
        cancelled=meeting.status == "cancelled",
        last_modified=meeting.updated_at,
        attendee_name=attendee_name,
        attendee_email=attendee_email,
    )


def meetings_feed(meetings: Iterable, *, now: datetime.datetime | None = None) -> str:
    """A person's subscribed calendar of ``meetings`` (each with its agenda prefetched):
    the same events, UIDs and times (UTC) as the meetings' own calendar files, without
    anyone's name or reply link; meetings with an implausible date are left out."""
    events = [meeting_event(m, m.agenda.all()) for m in meetings if has_calendar(m)]
    return feed_text(
        events, prodid=_prodid(), name=_("Regional meetings"), now=now or timezone.now()
    )
