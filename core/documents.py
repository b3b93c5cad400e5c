"""The alliance's printed documents: its letterhead (name, address and logo from the
public site's identity), the board meetings' agenda and minutes (declared once for
``kernel.meetings.documents``) and the board's decision letter to an applicant."""

from __future__ import annotations

from django.db import connection
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.models import AgendaItem, BoardMember, Decision, DecisionOutcome
from core.selectors.publicsite import site_identity
from kernel.letters import Letter, letter_pdf, salutation
from kernel.meetings.documents import AgendaLine, Attendee, MeetingDocuments, MeetingSheet
from kernel.pdf import Letterhead
from kernel.uploads import image_bytes
from tenants.models import Alliance


def alliance_letterhead() -> Letterhead:
    """The letterhead of the alliance whose schema is active."""
    identity = site_identity()
    # A request's tenant is the alliance; a task or shell in ``schema_context`` has a
    # stand-in without a name, so the name is read from the alliance's row then.
    name = getattr(getattr(connection, "tenant", None), "name", "") or (
        Alliance.objects.filter(schema_name=connection.schema_name)
        .values_list("name", flat=True)
        .first()
    )
    contact = [part for part in (identity.contact_email, identity.contact_phone) if part]
    return Letterhead(
        name=name or _("Local Alliance for Families"),
        address_lines=(*identity.address_lines, *([" · ".join(contact)] if contact else [])),
        logo=image_bytes(identity.logo),
        colour=identity.primary_colour,
    )


# ---------------------------------------------------------------- board meetings


def board_meeting_sheet(meeting) -> MeetingSheet:
    items = AgendaItem.objects.filter(meeting=meeting).order_by("position")
    return MeetingSheet(
        letterhead=alliance_letterhead(),
        title=meeting.title,
        date=meeting.date,
        start_time=meeting.start_time,
        place=meeting.location,
        items=tuple(
            AgendaLine(position=item.position, title=item.title, details=item.notes.strip())
            for item in items
        ),
        occasion=_("the board meeting %(title)s") % {"title": meeting.title},
    )


def _members_at(meeting):
    """The board members whose term covers the meeting's day."""
    return BoardMember.objects.filter(
        Q(term_end__isnull=True) | Q(term_end__gte=meeting.date),
        term_start__lte=meeting.date,
        anonymised_at__isnull=True,
    )


def board_meeting_recipients(meeting) -> list[tuple[str, str]]:
    """The board members whose term covers the meeting's day."""
    return [(member.full_name, member.email) for member in _members_at(meeting).exclude(email="")]


def board_meeting_attendees(meeting) -> list[Attendee]:
    """The attendance list of a board meeting: its members on the day, to sign."""
    return [Attendee(member.full_name, member.affiliation) for member in _members_at(meeting)]


BOARD_DOCUMENTS = MeetingDocuments(
    sheet=board_meeting_sheet,
    recipients=board_meeting_recipients,
    attendees=board_meeting_attendees,
    minutes_not_final=lambda: _("The minutes can be sent once they have been approved."),
)


# ---------------------------------------------------------------- decision letters


#: The outcomes the applicant gets a letter about.
LETTER_OUTCOMES = (DecisionOutcome.ADMIT, DecisionOutcome.REJECT)


def decision_letter_filename(decision: Decision) -> str:
    with translation.override("de"):
        stem = slugify(_("decision letter"))
    name = slugify(decision.application.organisation_name)[:60].strip("-") or "antrag"
    return f"{stem}-{name}-{decision.meeting.date.isoformat()}.pdf"


def decision_letter_pdf(decision: Decision) -> bytes:
    """The board's letter to the applicant, admitted or rejected (a deferred decision
    has none: see ``LETTER_OUTCOMES``), with the meeting's date and the reasons (the
    decision's note)."""
    application, meeting = decision.application, decision.meeting
    letterhead = alliance_letterhead()
    with translation.override("de"):
        values = {
            "alliance": letterhead.name,
            "date": date_format(meeting.date, "j. F Y"),
            "received": date_format(application.received_on, "j. F Y"),
        }
        outcome = {
            DecisionOutcome.ADMIT: _(
                "We are pleased to inform you that our board decided at its meeting on "
                "%(date)s to admit your organisation as a partner of the alliance."
            ),
            DecisionOutcome.REJECT: _(
                "Our board discussed your application at its meeting on %(date)s. We regret "
                "to inform you that it decided not to admit your organisation."
            ),
        }[decision.outcome] % values
        paragraphs = [
            _("Thank you for your application of %(received)s.") % values,
            outcome,
        ]
        if decision.note.strip():
            paragraphs.append(_("Reasons: %(reasons)s") % {"reasons": decision.note.strip()})
        paragraphs.append(
            _("Votes: %(yes)s in favour, %(no)s against, %(abstain)s abstentions.")
            % {
                "yes": decision.votes_yes,
                "no": decision.votes_no,
                "abstain": decision.votes_abstain,
            }
        )
        letter = Letter(
            letterhead=letterhead,
            recipient_lines=tuple(
                line
                for line in (
                    application.organisation_name,
                    application.contact_name,
                    application.city,
                )
                if line
            ),
            date=timezone.localdate(decision.created_at) if decision.created_at else meeting.date,
            subject=_("Your application for admission: %(alliance)s") % values,
            salutation=salutation(application.contact_name),
            paragraphs=tuple(paragraphs),
            closing=_("Kind regards"),
            signature=_("The board, %(alliance)s") % values,
        )
        return letter_pdf(letter)
