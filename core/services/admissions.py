"""Writes of admission applications and the board's decisions on them."""

from __future__ import annotations

import datetime
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core.documents import (
    LETTER_OUTCOMES,
    alliance_letterhead,
    decision_letter_filename,
    decision_letter_pdf,
)
from core.models import (
    Application,
    ApplicationStatus,
    BoardMeeting,
    ContactPerson,
    Decision,
    DecisionOutcome,
    MeetingStatus,
    Partner,
    PartnerStatus,
)
from core.selectors.board import current_board_members
from core.services.partners import contact_create, partner_create, partner_update
from kernel.audit.services import audit_log
from kernel.crud.records import record_create, record_update
from kernel.mail.services import email_queue

REACTIVATABLE = (PartnerStatus.APPLICANT, PartnerStatus.DORMANT, PartnerStatus.LEFT)
# What an admitted organisation's new partner record takes over from its application.
TAKEN_OVER = ("kind", "size_class", "city", "website")


class ApplicantFields(TypedDict, total=False):
    """What an organisation tells about itself, in a letter or the public form."""

    organisation_name: str
    kind: str
    size_class: str
    city: str
    website: str
    contact_name: str
    contact_email: str
    contact_phone: str
    statement: str


class ApplicationFields(ApplicantFields, total=False):
    """What the coordinator records from the letter; status and partner follow the board."""

    received_on: datetime.date


def application_create(*, actor, **fields: Unpack[ApplicationFields]) -> Application:
    """The coordinator records an organisation's informal letter; it is pending."""
    return record_create(
        actor=actor, model=Application, data={**fields, "status": ApplicationStatus.PENDING}
    )


def _ensure_pending(application: Application) -> None:
    if application.status != ApplicationStatus.PENDING:
        raise ValidationError(
            _("This application is no longer pending (%(status)s).")
            % {"status": application.get_status_display()}
        )


def application_update(
    *, actor, application: Application, **fields: Unpack[ApplicationFields]
) -> Application:
    _ensure_pending(Application.objects.get(pk=application.pk))
    data = {key: value for key, value in fields.items() if key not in ("status", "partner")}
    return record_update(actor=actor, instance=application, data=data)


@transaction.atomic
def application_withdraw(*, actor, application: Application) -> Application:
    """The organisation withdrew its application before the board decided."""
    current = Application.objects.select_for_update().get(pk=application.pk)
    _ensure_pending(current)
    return record_update(
        actor=actor,
        instance=application,
        data={"status": ApplicationStatus.WITHDRAWN},
        action="core.application.withdrawn",
    )


# ---------------------------------------------------------------- decisions


def split_name(full_name: str) -> tuple[str, str]:
    """'Anna Maria Schmidt' -> ('Anna Maria', 'Schmidt'); a single word serves as both."""
    parts = full_name.split()
    if not parts:
        return "", ""
    if len(parts) == 1:
        return parts[0], parts[0]
    return " ".join(parts[:-1]), parts[-1]


def _check_votes(
    outcome: str, votes_yes: int, votes_no: int, votes_abstain: int, members_present: int | None
) -> None:
    if min(votes_yes, votes_no, votes_abstain, members_present or 0) < 0:
        raise ValidationError(_("Numbers of votes cannot be negative."))
    if outcome == DecisionOutcome.ADMIT and votes_yes <= votes_no:
        raise ValidationError(_("An admission needs more votes in favour than against."))
    if outcome == DecisionOutcome.REJECT and votes_yes > votes_no:
        raise ValidationError(
            _("With more votes in favour than against the application cannot be rejected.")
        )


def _admit(*, actor, application: Application, meeting: BoardMeeting) -> Partner:
    """Create the partner (or activate the one of the same name) with its contact person."""
    existing = (
        Partner.objects.select_for_update()
        .filter(name__iexact=application.organisation_name.strip())
        .first()
    )
    if existing is None:
        partner = partner_create(
            actor=actor,
            name=application.organisation_name.strip(),
            **{name: getattr(application, name) for name in TAKEN_OVER},
            status=PartnerStatus.ACTIVE,
            joined_on=meeting.date,
            public_listing_consent=False,
            description=application.statement,
        )
    elif existing.status in REACTIVATABLE:
        data: dict[str, Any] = {"status": PartnerStatus.ACTIVE, "left_on": None}
        if existing.status != PartnerStatus.DORMANT or existing.joined_on is None:
            data["joined_on"] = meeting.date
        if not existing.description:
            data["description"] = application.statement
        partner = partner_update(actor=actor, partner=existing, **data)
    else:
        raise ValidationError(
            _("%(name)s is already an active partner of the alliance.") % {"name": existing.name}
        )
    email = application.contact_email.strip()
    already_known = (
        bool(email) and ContactPerson.objects.filter(partner=partner, email__iexact=email).exists()
    )
    if not already_known:
        first_name, last_name = split_name(application.contact_name)
        contact_create(
            actor=actor,
            partner=partner,
            first_name=first_name[:100],
            last_name=last_name[:100],
            email=email,
            phone=application.contact_phone,
            is_primary=not partner.contacts.filter(is_primary=True).exists(),
        )
    return partner


def _alliance_name() -> str:
    tenant = getattr(connection, "tenant", None)
    name = getattr(tenant, "name", "")
    if name:
        return name
    from tenants.models import Alliance

    alliance = Alliance.objects.filter(schema_name=connection.schema_name).first()
    return alliance.name if alliance else ""


def _notify(application: Application, decision: Decision) -> None:
    """Tell the applicant about the board's decision, in German, after the commit."""
    outcome = "admitted" if decision.outcome == DecisionOutcome.ADMIT else "rejected"
    context = {
        "application": application,
        "decision": decision,
        "meeting": decision.meeting,
        "alliance_name": _alliance_name(),
    }
    with translation.override("de"):
        if outcome == "admitted":
            subject = _("Welcome to the local alliance for families")
        else:
            subject = _("Your application to the local alliance for families")
        body = render_to_string(f"core/emails/admission_{outcome}.txt", context)
    email_queue(subject=str(subject), body=body, to=[application.contact_email])


@transaction.atomic
def decision_record(
    *,
    actor,
    application: Application,
    meeting: BoardMeeting,
    outcome: str,
    votes_yes: int,
    votes_no: int,
    votes_abstain: int = 0,
    members_present: int | None = None,
    note: str = "",
) -> Decision:
    """Record the board's vote on an application; admit and reject close it and notify
    the applicant, defer leaves it pending for the next meeting.

    The meeting must have taken place and not before the application arrived; the
    board's size on the meeting's date is counted from its members' terms and stored
    with the decision, and ``Decision.clean`` checks votes, attendance and quorum.
    Without ``members_present`` only those who voted (abstentions included) count as
    present."""
    current = Application.objects.select_for_update().get(pk=application.pk)
    _ensure_pending(current)
    meeting = BoardMeeting.objects.get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("No decisions can be taken in a cancelled meeting."))
    if outcome not in DecisionOutcome.values:
        raise ValidationError({"outcome": _("Please choose an outcome.")})
    if Decision.objects.filter(application=current, meeting=meeting).exists():
        raise ValidationError(
            _("The board has already decided on this application in this meeting.")
        )
    _check_votes(outcome, votes_yes, votes_no, votes_abstain, members_present)
    decision = record_create(
        actor=actor,
        model=Decision,
        data={
            "application": current,
            "meeting": meeting,
            "outcome": outcome,
            "votes_yes": votes_yes,
            "votes_no": votes_no,
            "votes_abstain": votes_abstain,
            "members_present": (
                votes_yes + votes_no + votes_abstain if members_present is None else members_present
            ),
            "board_size": current_board_members(meeting.date).count(),
            "note": note,
        },
    )
    if outcome == DecisionOutcome.ADMIT:
        partner = _admit(actor=actor, application=current, meeting=meeting)
        record_update(
            actor=actor,
            instance=current,
            data={"status": ApplicationStatus.ADMITTED, "partner": partner},
            action="core.application.admitted",
        )
    elif outcome == DecisionOutcome.REJECT:
        record_update(
            actor=actor,
            instance=current,
            data={"status": ApplicationStatus.REJECTED},
            action="core.application.rejected",
        )
    if outcome in (DecisionOutcome.ADMIT, DecisionOutcome.REJECT):
        _notify(current, decision)
    application.refresh_from_db()
    return decision


# ---------------------------------------------------------------- the decision letter


def decision_letter_refusal(decision: Decision) -> str:
    """Why the board's letter about ``decision`` cannot be sent, or "": only admissions
    and rejections have a letter, and only to an applicant with an address."""
    application = decision.application
    if decision.outcome not in LETTER_OUTCOMES:
        return _("A deferred decision has no letter.")
    if application.anonymised_at:
        return _("The application has been anonymised; no letter can be sent.")
    if not application.contact_email:
        return _("The application has no e-mail address to send the letter to.")
    return ""


@transaction.atomic
def decision_letter_send(*, actor, decision: Decision) -> str:
    """Queue the board's letter about ``decision`` (``core.documents``) as a PDF to the
    applicant's contact person, in German; returns the address. Leaves the audit entry
    ``core.decision.letter_sent``."""
    decision = Decision.objects.select_related("application", "meeting").get(pk=decision.pk)
    refusal = decision_letter_refusal(decision)
    if refusal:
        raise ValidationError(refusal)
    application = decision.application
    attachment = {
        "filename": decision_letter_filename(decision),
        "content": decision_letter_pdf(decision),
        "mimetype": "application/pdf",
    }
    sender = alliance_letterhead().name
    with translation.override("de"):
        subject = _("Your application for admission: %(alliance)s") % {"alliance": sender}
        body = _(
            "Hello %(name)s,\n\nplease find attached %(what)s as a PDF file.\n\n"
            "Kind regards\n%(sender)s\n"
        ) % {
            "name": application.contact_name or application.organisation_name,
            "what": _("the letter of our board about your application"),
            "sender": sender,
        }
    email_queue(subject=subject, body=body, to=[application.contact_email], actor=actor,
                attachments=[attachment])  # fmt: skip
    audit_log(
        actor=actor,
        action="core.decision.letter_sent",
        target=decision,
        changes={"recipients": 1},
    )
    return application.contact_email
