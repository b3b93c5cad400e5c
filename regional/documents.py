"""The regional meetings' printed documents, declared once for
``kernel.meetings.documents``: the agenda with its times and speakers and the published
minutes under the state coordination office's letterhead, sent to the invitees."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kernel.meetings.documents import (
    AgendaLine,
    Attendee,
    MeetingDocuments,
    MeetingSheet,
    clock,
)
from kernel.pdf import Letterhead
from kernel.uploads import image_bytes
from regional.models import AgendaItem
from regional.selectors.attendance import meeting_attendance
from tenants.selectors import current_state


def state_letterhead() -> Letterhead:
    """The coordination office of the state the request works in (``tenants.State``): its name, host
    organisation, address, contact and logo."""
    office = current_state()
    contact = [part for part in (office.email, office.phone) if part]
    lines = [office.host_organisation, *office.address_lines, " · ".join(contact)]
    return Letterhead(
        name=office.office_title,
        address_lines=tuple(line for line in lines if line),
        logo=image_bytes(office.logo),
    )


def _details(item) -> str:
    parts = []
    if item.speaker:
        parts.append(_("Speaker: %(name)s") % {"name": item.speaker})
    if item.duration_minutes:
        parts.append(_("%(count)s minutes") % {"count": item.duration_minutes})
    return " · ".join(parts)


def regional_meeting_sheet(meeting) -> MeetingSheet:
    items = AgendaItem.objects.filter(meeting=meeting).order_by("position")
    facts = [(_("Kind"), meeting.get_kind_display()), (_("Moderation"), meeting.moderation)]
    if meeting.host_alliance_id:
        facts.append((_("Host alliance"), meeting.host_alliance.name))
    return MeetingSheet(
        letterhead=state_letterhead(),
        title=meeting.title,
        date=meeting.date,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        place=meeting.place,
        facts=tuple(facts),
        items=tuple(
            AgendaLine(
                position=item.position,
                title=item.title,
                time=clock(item.start_time),
                details=_details(item),
            )
            for item in items
        ),
        occasion=_("the meeting %(title)s") % {"title": meeting.title},
    )


def regional_meeting_recipients(meeting) -> list[tuple[str, str]]:
    """Everyone invited to the meeting."""
    return list(meeting.invitations.order_by("name").values_list("name", "email"))


def regional_meeting_attendees(meeting) -> list[Attendee]:
    """Every invitee (by alliance and name) with their attendance once recorded, then
    the people who came without an invitation."""
    invitations, walk_ins = meeting_attendance(meeting)
    recorded = bool(walk_ins) or any(i.attended is not None for i in invitations)

    def organisation(person) -> str:
        return person.alliance.name if person.alliance_id else ""

    rows = [
        Attendee(
            invitation.name,
            organisation(invitation),
            bool(invitation.attended) if recorded else None,
        )
        for invitation in invitations
    ]
    rows += [Attendee(w.name, organisation(w), True, invited=False) for w in walk_ins]
    return rows


REGIONAL_DOCUMENTS = MeetingDocuments(
    sheet=regional_meeting_sheet,
    recipients=regional_meeting_recipients,
    attendees=regional_meeting_attendees,
    minutes_not_final=lambda: _("The minutes can be sent once they have been published."),
)
