"""The printed documents of every kind of meeting: the agenda with its invitation text,
the minutes and the attendance list, as A4 PDFs under the sender's letterhead
(``kernel.pdf``), and sending the agenda and the minutes to the invitees as e-mail
attachments.

Each room declares once how its meeting reads on paper (a :class:`MeetingDocuments`:
the letterhead, the facts, the agenda lines and who is invited); the rendering, the
file names, the rules (minutes only once final) and the e-mail are the same for all.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kernel.audit.services import audit_log
from kernel.mail.services import email_queue
from kernel.meetings.agenda import audit_label
from kernel.meetings.models import MeetingStatus
from kernel.pdf import FPDF, Letterhead, latin1, paged_output, paged_pdf

AGENDA, MINUTES, ATTENDANCE = "agenda", "minutes", "attendance"
#: The documents sent to the invitees (the attendance list stays with the organiser).
DOCUMENTS = (AGENDA, MINUTES)
#: Every document a meeting prints.
PRINTED = (*DOCUMENTS, ATTENDANCE)


@dataclass(frozen=True)
class AgendaLine:
    """One agenda item as the printed agenda lists it."""

    position: int
    title: str
    #: Its time of day ("14:30 Uhr"), or "".
    time: str = ""
    #: Notes, speaker, length: shown below the title.
    details: str = ""


@dataclass(frozen=True)
class Attendee:
    """One row of the attendance list: an invitee, or someone who came uninvited."""

    name: str
    organisation: str = ""
    #: Whether they came, once recorded; None before (the list is signed at the door).
    present: bool | None = None
    invited: bool = True


@dataclass(frozen=True)
class MeetingSheet:
    """What the documents of one meeting print."""

    letterhead: Letterhead
    title: str
    date: datetime.date
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    place: str = ""
    #: Further facts as (label, value): the moderation, the host.
    facts: tuple[tuple[str, str], ...] = ()
    items: tuple[AgendaLine, ...] = ()
    #: What kind of meeting the invitation invites to ("the board meeting").
    occasion: str = ""


@dataclass(frozen=True)
class MeetingDocuments:
    """How one kind of meeting reads on paper and who receives its documents."""

    #: The meeting as its documents print it.
    sheet: Callable[[object], MeetingSheet]
    #: The invitees as (name, e-mail address); addresses may be empty.
    recipients: Callable[[object], Sequence[tuple[str, str]]]
    #: The meaning of "final minutes" in this kind's words, for the refusal.
    minutes_not_final: Callable[[], str] = field(
        default=lambda: _("The minutes can be sent once they have been approved.")
    )
    #: Who is on the attendance list, in its order (None: this kind has none).
    attendees: Callable[[object], Sequence[Attendee]] | None = None

    def pdf(self, meeting, document: str, sheet: MeetingSheet | None = None) -> bytes:
        """The agenda or the minutes of ``meeting`` as a PDF, in German."""
        with translation.override("de"):
            sheet = sheet or self.sheet(meeting)
            if document == AGENDA:
                return agenda_pdf(sheet)
            if document == ATTENDANCE:
                return attendance_pdf(sheet, list(self.attendees(meeting)))
            return minutes_pdf(sheet, minutes=meeting.minutes, final_on=final_on(meeting))

    def send(self, *, actor, meeting, document: str) -> int:
        """Queue one e-mail with the document as PDF to every invitee; see
        :func:`meeting_document_send`."""
        return meeting_document_send(
            actor=actor, meeting=meeting, document=document, documents=self
        )


def final_on(meeting) -> datetime.date | None:
    """When the minutes became final (approved, published), or None for a draft."""
    return getattr(meeting, meeting.MINUTES_DATE_FIELD) if meeting.minutes_final else None


def long_date(day: datetime.date) -> str:
    """ "Donnerstag, 4. Dezember 2026" (in the active language)."""
    return date_format(day, "l, j. F Y")


def clock(time: datetime.time | None) -> str:
    """ "14:30 Uhr", or "" without a time."""
    return _("%(time)s o'clock") % {"time": f"{time:%H:%M}"} if time else ""


def filename(meeting, document: str) -> str:
    """A safe German file name: ``protokoll-kuratoriumssitzung-2026-12-04.pdf``."""
    with translation.override("de"):
        stem = {AGENDA: _("agenda"), ATTENDANCE: _("attendance list")}.get(document) or _("minutes")
    title = slugify(meeting.title)[:60].strip("-") or "sitzung"
    return f"{slugify(stem)}-{title}-{meeting.date.isoformat()}.pdf"


# ---------------------------------------------------------------- rendering


def agenda_pdf(sheet: MeetingSheet, *, compress: bool = True) -> bytes:
    return paged_output(partial(_render, sheet, None, None, AGENDA), compress=compress)


def minutes_pdf(
    sheet: MeetingSheet, *, minutes: str, final_on: datetime.date | None, compress: bool = True
) -> bytes:
    return paged_output(partial(_render, sheet, minutes, final_on, MINUTES), compress=compress)


def _headed_pdf(sheet: MeetingSheet, heading: str, **rendering) -> FPDF:
    """A meeting document's page with the letterhead, its heading and the meeting's
    title: every sheet (agenda, minutes, attendance list) opens the same way."""
    pdf = paged_pdf(
        title=f"{heading}: {sheet.title}",
        author=sheet.letterhead.name,
        margins=(20, 15, 20),
        letterhead=sheet.letterhead,
        **rendering,
    )
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, latin1(heading), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", style="B", size=13)
    pdf.multi_cell(0, 7, latin1(sheet.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    return pdf


def _render(sheet: MeetingSheet, minutes, final_on, document: str, **rendering) -> FPDF:
    heading = _("Agenda") if document == AGENDA else _("Minutes")
    pdf = _headed_pdf(sheet, heading, **rendering)
    if document == AGENDA:
        _invitation(pdf, sheet)
    _facts(pdf, sheet, final_on if document == MINUTES else None, document)
    pdf.ln(3)
    _agenda(pdf, sheet.items, heading=_("Agenda") if document == MINUTES else "")
    if document == MINUTES:
        _section(pdf, _("Record of the meeting"))
        pdf.set_font("Helvetica", size=10)
        text = minutes.strip() or _("No minutes have been written yet.")
        pdf.multi_cell(0, 5, latin1(text), new_x="LMARGIN", new_y="NEXT")
    return pdf


def _invitation(pdf: FPDF, sheet: MeetingSheet) -> None:
    when = long_date(sheet.date)
    if sheet.start_time:
        when = _("%(date)s at %(time)s") % {"date": when, "time": clock(sheet.start_time)}
    text = _("We cordially invite you to %(occasion)s on %(when)s") % {
        "occasion": sheet.occasion or _("the meeting"),
        "when": when,
    }
    if sheet.place:
        text += " " + _("at %(place)s") % {"place": sheet.place}
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, latin1(text + "."), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _facts(pdf: FPDF, sheet: MeetingSheet, final_on, document: str) -> None:
    time = clock(sheet.start_time)
    if sheet.start_time and sheet.end_time:
        time = _("%(start)s to %(end)s") % {
            "start": f"{sheet.start_time:%H:%M}",
            "end": f"{sheet.end_time:%H:%M}",
        }
    rows = [(_("Date"), long_date(sheet.date)), (_("Time of day"), time), (_("Place"), sheet.place)]
    rows += list(sheet.facts)
    if document == MINUTES:
        status = (
            _("approved on %(date)s") % {"date": date_format(final_on, "d.m.Y")}
            if final_on
            else _("Draft, not yet approved")
        )
        rows.append((_("Minutes"), status))
    rows = [(label, value) for label, value in rows if value]
    pdf.set_font("Helvetica", style="B", size=10)
    width = max(pdf.get_string_width(latin1(f"{label}:")) for label, _value in rows) + 4
    for label, value in rows:
        pdf.set_font("Helvetica", style="B", size=10)
        pdf.cell(max(width, 32), 5.5, latin1(f"{label}:"))
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 5.5, latin1(value), new_x="LMARGIN", new_y="NEXT")


def _section(pdf: FPDF, title: str) -> None:
    pdf.ln(2)
    pdf.set_font("Helvetica", style="B", size=12)
    pdf.multi_cell(0, 7, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _agenda(pdf: FPDF, items: Sequence[AgendaLine], *, heading: str) -> None:
    _section(pdf, heading or _("Items"))
    if not items:
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 5, latin1(_("No agenda items yet.")), new_x="LMARGIN", new_y="NEXT")
        return
    # The time column only when an item has a time of day (regional meetings).
    time_width = 24 if any(item.time for item in items) else 0
    for item in items:
        # An item is never cut in two: it starts on a new page if it would not fit.
        lines = 1 + (item.details.count("\n") + 1 if item.details else 0)
        if pdf.will_page_break(6 + lines * 5):
            pdf.add_page()
        pdf.set_font("Helvetica", style="B", size=10)
        pdf.cell(10, 6, latin1(f"{item.position}."))
        if time_width:
            pdf.cell(time_width, 6, latin1(item.time))
        pdf.multi_cell(0, 6, latin1(item.title), new_x="LMARGIN", new_y="NEXT")
        if item.details:
            pdf.set_font("Helvetica", size=9)
            pdf.set_x(pdf.l_margin + 10 + time_width)
            pdf.multi_cell(0, 4.6, latin1(item.details), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)


# ---------------------------------------------------------------- attendance list

#: Empty rows at the end of a list not yet recorded, for people who come uninvited.
BLANK_ROWS = 4


def attendance_pdf(
    sheet: MeetingSheet, attendees: Sequence[Attendee], *, compress: bool = True
) -> bytes:
    """The attendance list: the meeting's facts, then one row per person (number, name,
    organisation, present, signature). Before the attendance is recorded it is the
    sheet signed at the door, with empty rows for people who come uninvited; after, it
    says who came."""
    draw = partial(_render_attendance, sheet, tuple(attendees))
    return paged_output(draw, compress=compress)


def _render_attendance(sheet: MeetingSheet, attendees: tuple[Attendee, ...], **rendering):
    pdf = _headed_pdf(sheet, _("Attendance list"), **rendering)
    _facts(pdf, sheet, None, ATTENDANCE)
    pdf.ln(4)
    recorded = any(person.present is not None for person in attendees)
    yes, no = _("yes"), _("no")
    pdf.set_font("Helvetica", size=10)
    with pdf.list_table(
        col_widths=(9, 48, 52, 22, 39),
        width=pdf.epw,
        text_align=("RIGHT", "LEFT", "LEFT", "CENTER", "LEFT"),
        v_align="MIDDLE",
        # Room to sign in on the sheet used at the door.
        line_height=5 if recorded else 7,
    ) as table:
        labels = ("#", _("Name"), _("Organisation"), _("Present"), _("Signature"))
        table.row([latin1(label) for label in labels])
        for number, person in enumerate(attendees, start=1):
            name = person.name
            if not person.invited:
                name = f"{name}\n" + _("(without invitation)")
            present = "" if person.present is None else (yes if person.present else no)
            table.row([str(number), latin1(name), latin1(person.organisation), present, ""])
        if not recorded:
            for number in range(len(attendees) + 1, len(attendees) + 1 + BLANK_ROWS):
                table.row([str(number), "", "", "", ""])
    pdf.ln(3)
    pdf.set_font("Helvetica", size=8)
    pdf.set_text_color(90, 90, 90)
    invited = sum(1 for person in attendees if person.invited)
    if recorded:
        came = sum(1 for person in attendees if person.present)
        summary = _("%(invited)s invited; %(present)s people attended.") % {
            "invited": invited,
            "present": came,
        }
    else:
        summary = _("%(invited)s invited. With my signature I confirm my attendance.") % {
            "invited": invited
        }
    pdf.multi_cell(0, 4, latin1(summary), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    return pdf


# ---------------------------------------------------------------- sending


def addresses(meeting, documents: MeetingDocuments) -> dict[str, str]:
    """The invitees' addresses (each once, whatever its case) with their names."""
    recipients: dict[str, str] = {}
    seen: set[str] = set()
    for name, address in documents.recipients(meeting):
        if address and address.lower() not in seen:
            seen.add(address.lower())
            recipients[address] = name
    return recipients


def send_refusal(meeting, document: str, documents: MeetingDocuments) -> str:
    """Why ``document`` of ``meeting`` cannot be sent now, or "": no agenda of a
    cancelled meeting, minutes only once final and written, and only to invitees with an
    address."""
    if document not in DOCUMENTS:
        return _("Unknown document.")
    if document == AGENDA and meeting.status == MeetingStatus.CANCELLED:
        return _("The meeting has been cancelled; its agenda is not sent.")
    if document == MINUTES and not meeting.minutes_final:
        return str(documents.minutes_not_final())
    if document == MINUTES and not meeting.minutes.strip():
        return _("The meeting has no minutes to send.")
    if not addresses(meeting, documents):
        return _("Nobody to send to: no invitee of this meeting has an e-mail address.")
    return ""


@transaction.atomic
def meeting_document_send(*, actor, meeting, document: str, documents: MeetingDocuments) -> int:
    """Queue one e-mail per invitee with the agenda or the minutes of ``meeting`` as PDF
    attached; returns how many. Minutes go out only once final; without an invitee with
    an address nothing is sent. Leaves an audit entry ``<meeting>.<document>_sent``."""
    refusal = send_refusal(meeting, document, documents)
    if refusal:
        raise ValidationError(refusal)
    recipients = addresses(meeting, documents)
    with translation.override("de"):
        sheet = documents.sheet(meeting)
    pdf = documents.pdf(meeting, document, sheet)
    attachment = {"filename": filename(meeting, document), "content": pdf,
                  "mimetype": "application/pdf"}  # fmt: skip
    with translation.override("de"):
        values = {"title": meeting.title, "date": date_format(meeting.date, "d.m.Y")}
        if document == AGENDA:
            subject = _("Agenda: %(title)s on %(date)s") % values
            what = _("the agenda of the meeting %(title)s on %(date)s") % values
        else:
            subject = _("Minutes: %(title)s on %(date)s") % values
            what = _("the minutes of the meeting %(title)s on %(date)s") % values
        for address, name in recipients.items():
            body = _(
                "Hello %(name)s,\n\nplease find attached %(what)s as a PDF file.\n\n"
                "Kind regards\n%(sender)s\n"
            ) % {"name": name or address, "what": what, "sender": sheet.letterhead.name}
            email_queue(subject=subject, body=body, to=[address], actor=actor,
                        attachments=[attachment])  # fmt: skip
    audit_log(
        actor=actor,
        action=f"{audit_label(type(meeting))}.{document}_sent",
        target=meeting,
        changes={"recipients": len(recipients)},
    )
    return len(recipients)
