"""Invitations to regional meetings: who is invited, the e-mails (invitation,
reminders, cancellation) and the invitees' replies through their personal link.

E-mails are written, with their calendar file, to the e-mail outbox in the same
transaction (``kernel.mail``) and leave after it commits; each is marked as sent with a
conditional UPDATE first, so a repeated or concurrent run never queues one twice.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.audit.services import audit_log, changes_between, save_audited, snapshot
from kernel.crud.records import record_delete, record_update
from regional.models import Invitation, RegionalMeeting, RegionalMeetingStatus, Response
from regional.selectors.meetings import local_coordinators

EMAIL_KINDS = ("invitation", "reminder_week", "reminder_day", "reminder_reply", "cancellation")


def reply_url(invitation: Invitation) -> str:
    """The invitee's reply link, on the configured site address (tenants.links)."""
    from tenants.links import state_url

    path = reverse(
        "regional-meeting-reply",
        urlconf=settings.PUBLIC_SCHEMA_URLCONF,
        args=[invitation.token],
    )
    return state_url(path)


def queue_email(invitation_id: int, kind: str) -> None:
    """Build the invitee's e-mail now (the meeting as it is) and queue it in the outbox."""
    from kernel.mail.services import email_queue, text_attachments
    from regional.services.meeting_mail import build_meeting_email

    invitation = Invitation.objects.select_related("meeting", "meeting__host_alliance").get(
        pk=invitation_id
    )
    message = build_meeting_email(invitation, kind)
    email_queue(
        subject=message.subject,
        body=message.body,
        to=message.to,
        attachments=text_attachments(message),
    )


# ---------------------------------------------------------------- invitations

_NAMED = re.compile(r'^"?(?P<name>[^"<>]*?)"?\s*<(?P<email>[^<>\s]+)>$')


def parse_invitee_lines(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(name, e-mail) pairs from lines "Name <email>" or "email"; and the bad lines."""
    people: list[tuple[str, str]] = []
    bad: list[str] = []
    for raw in text.splitlines():
        line = raw.strip().rstrip(",;").strip()
        if not line:
            continue
        match = _NAMED.match(line)
        if match:
            name, email = match.group("name").strip(), match.group("email").strip()
        elif " " not in line and "<" not in line and ">" not in line:
            name, email = "", line
        else:
            bad.append(raw.strip())
            continue
        try:
            validate_email(email)
        except ValidationError:
            bad.append(raw.strip())
            continue
        if len(name) > 200 or len(email) > 254:
            bad.append(raw.strip())
            continue
        people.append((name, email))
    return people, bad


# The reply token is a credential: it never goes into the audit trail.
_SECRET_FIELDS = ("token",)


def _invitation_create(*, actor, data: dict[str, Any]) -> Invitation:
    return save_audited(
        Invitation(**data),
        actor=actor,
        action="regional.invitation.created",
        changes=lambda saved: changes_between({}, snapshot(saved, exclude=_SECRET_FIELDS)),
    )


@dataclass
class InvitationResult:
    created: list[Invitation] = field(default_factory=list)
    already_invited: list[str] = field(default_factory=list)
    alliances_without_coordinator: list[str] = field(default_factory=list)


@transaction.atomic
def invitations_add(
    *,
    actor,
    meeting: RegionalMeeting,
    alliances=(),
    people: list[tuple[str, str]] = (),
) -> InvitationResult:
    """Invite the local coordinators of ``alliances`` and ``people`` (name, e-mail).

    An address is invited once per meeting (compared without regard to case); those
    already invited are reported, not invited again.
    """
    from tenants.models import User

    if meeting.status != RegionalMeetingStatus.PLANNED:
        raise ValidationError(_("Invitations can only be added to a planned meeting."))
    RegionalMeeting.objects.select_for_update().filter(pk=meeting.pk).first()
    result = InvitationResult()
    taken = {email.lower() for email in meeting.invitations.values_list("email", flat=True)}

    def add(data: dict[str, Any]) -> None:
        key = data["email"].lower()
        if key in taken:
            result.already_invited.append(data["email"])
            return
        taken.add(key)
        result.created.append(_invitation_create(actor=actor, data=data))

    alliances = list(alliances)
    with_coordinator = set()
    for membership in local_coordinators(alliances):
        user = membership.user
        with_coordinator.add(membership.alliance_id)
        add(
            {
                "meeting": meeting,
                "alliance": membership.alliance,
                "user": user,
                "name": (user.full_name or user.email)[:200],
                "email": user.email,
            }
        )
    result.alliances_without_coordinator = [
        alliance.name for alliance in alliances if alliance.pk not in with_coordinator
    ]
    emails = [email for _name, email in people]
    users = {u.email.lower(): u for u in User.objects.filter(email__in=emails)}
    for name, email in people:
        user = users.get(email.lower())
        if user is None:
            user = User.objects.filter(email__iexact=email).first()
        display = name or (user.full_name if user and user.full_name else email)
        add(
            {
                "meeting": meeting,
                "alliance": None,
                "user": user,
                "name": display[:200],
                "email": email,
            }
        )
    return result


@transaction.atomic
def invitation_remove(*, actor, invitation: Invitation) -> None:
    record_delete(
        actor=actor,
        instance=invitation,
        action="regional.invitation.deleted",
        changes=snapshot(invitation, exclude=_SECRET_FIELDS),
    )


@transaction.atomic
def invitations_send(*, actor, meeting: RegionalMeeting, resend: bool = False) -> int:
    """E-mail the invitation (with a calendar file and the personal reply link) to each
    invitee not sent it yet, or to everyone with ``resend``; returns how many."""
    if meeting.status != RegionalMeetingStatus.PLANNED:
        raise ValidationError(_("Invitations can only be sent for a planned meeting."))
    now = timezone.now()
    invitations = Invitation.objects.filter(meeting=meeting)
    if not resend:
        invitations = invitations.filter(sent_at__isnull=True)
    sent = 0
    for pk in list(invitations.order_by("pk").values_list("pk", flat=True)):
        claimed = Invitation.objects.filter(pk=pk)
        if not resend:
            claimed = claimed.filter(sent_at__isnull=True)
        if claimed.update(sent_at=now) == 1:
            queue_email(pk, "invitation")
            sent += 1
    if sent:
        audit_log(
            actor=actor,
            action="regional.regionalmeeting.invitations_sent",
            target=meeting,
            changes={"sent": sent, "resend": resend},
        )
    return sent


class ReplyLinkHolder:
    """The audit trail's actor for a reply given through the personal link."""

    pk = None

    def __init__(self, invitation: Invitation) -> None:
        self.invitation = invitation

    def __str__(self) -> str:
        return _("%(name)s (reply link)") % {"name": self.invitation.name}


@transaction.atomic
def invitation_reply(*, actor, invitation: Invitation, response: str) -> Invitation:
    """The invitee attends or not; they may change their mind until the meeting begins."""
    from regional.ics import meeting_start

    if response not in (Response.ATTENDING, Response.DECLINED):
        raise ValidationError({"response": _("Please choose whether you will attend.")})
    meeting = RegionalMeeting.objects.get(pk=invitation.meeting_id)
    if meeting.status == RegionalMeetingStatus.CANCELLED:
        raise ValidationError(_("The meeting has been cancelled."))
    if meeting.status == RegionalMeetingStatus.HELD or meeting_start(meeting) <= timezone.now():
        raise ValidationError(_("The meeting has already begun; replies are closed."))
    if invitation.response == response:
        return invitation
    return record_update(
        actor=actor if actor is not None else ReplyLinkHolder(invitation),
        instance=invitation,
        data={"response": response, "responded_at": timezone.now()},
        action="regional.invitation.replied",
    )


REMINDER_FIELDS = {"week": "reminder_week_sent_at", "day": "reminder_day_sent_at"}


def reminder_claim(*, invitation_id: int, which: str, now: datetime.datetime | None = None) -> bool:
    """Mark the reminder ``which`` of one invitation as sent, if nobody did yet.

    The conditional UPDATE is the claim: of two runs at the same time exactly one gets
    1 back and sends the e-mail (queued when the surrounding transaction commits).
    """
    column = REMINDER_FIELDS[which]
    now = now or timezone.now()
    with transaction.atomic():
        claimed = Invitation.objects.filter(pk=invitation_id, **{f"{column}__isnull": True}).update(
            **{column: now}
        )
        if claimed != 1:
            return False
        invitation = Invitation.objects.select_related("meeting").get(pk=invitation_id)
        audit_log(
            actor=None,
            action=f"regional.invitation.reminded_{which}",
            target=invitation,
            changes={column: now.isoformat()},
        )
        queue_email(invitation_id, f"reminder_{which}")
    return True


# ---------------------------------------------------------------- reminding non-responders

#: Who was reminded to reply is not reminded again within this time (a second click,
#: a repeated API call): the button and ``POST .../remind/`` are idempotent meanwhile.
REPLY_REMINDER_PAUSE = datetime.timedelta(hours=1)


@transaction.atomic
def invitations_remind_pending(
    *, actor, meeting: RegionalMeeting, now: datetime.datetime | None = None
) -> int:
    """E-mail everyone whose invitation was sent and who has not replied yet a reminder
    with their reply link; returns how many were reminded.

    Refused for a meeting that is not planned or has begun. Each invitation is claimed
    with a conditional UPDATE, so those reminded within ``REPLY_REMINDER_PAUSE`` (by this
    or a concurrent request) are left out.
    """
    from django.db.models import F, Q

    from regional.ics import meeting_start

    now = now or timezone.now()
    if meeting.status == RegionalMeetingStatus.CANCELLED:
        raise ValidationError(_("The meeting has been cancelled."))
    if meeting.status != RegionalMeetingStatus.PLANNED or meeting_start(meeting) <= now:
        raise ValidationError(
            _("The meeting has already begun; nobody can be reminded to reply any more.")
        )
    due = Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - REPLY_REMINDER_PAUSE)
    pending = Invitation.objects.filter(
        due, meeting=meeting, response=Response.PENDING, sent_at__isnull=False
    )
    reminded: list[str] = []
    for pk, name in list(pending.order_by("pk").values_list("pk", "name")):
        claimed = Invitation.objects.filter(due, pk=pk, response=Response.PENDING).update(
            reminded_at=now, reminder_count=F("reminder_count") + 1
        )
        if claimed == 1:
            queue_email(pk, "reminder_reply")
            reminded.append(name)
    if reminded:
        audit_log(
            actor=actor,
            action="regional.regionalmeeting.reminded_to_reply",
            target=meeting,
            changes={"reminded": len(reminded), "names": reminded},
        )
    return len(reminded)
