"""Writes of regional meetings: the meeting, its agenda, invitations and replies,
reminders, minutes and attachments.

E-mails (invitations, reminders, cancellations) are written, with their calendar file,
to the e-mail outbox in the same transaction (``kernel.mail``) and leave after it commits;
each is marked as sent with a conditional UPDATE first, so a repeated or concurrent run
never queues one twice.
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context

from core.services.meetings import (
    agenda_correction_reason,
    audit_agenda_correction,
    ensure_minutes_approvable,
)
from kernel.audit.services import audit_log, changes_between, snapshot
from kernel.crud.records import record_create, record_delete, record_update
from kernel.uploads import attachment_check
from regional.models import (
    AgendaEntry,
    Invitation,
    RegionalAttachment,
    RegionalMeeting,
    RegionalMeetingStatus,
    RegionalMinutesStatus,
    Response,
)
from regional.selectors.meetings import local_coordinators, next_agenda_time

EMAIL_KINDS = ("invitation", "reminder_week", "reminder_day", "cancellation")


def reply_url(invitation: Invitation) -> str:
    """The invitee's reply link, on the configured site address (tenants.links)."""
    from tenants.links import state_url

    path = reverse(
        "regional-meeting-reply",
        urlconf=settings.PUBLIC_SCHEMA_URLCONF,
        args=[invitation.token],
    )
    return state_url(path)


def _queue_email(invitation_id: int, kind: str) -> None:
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


def _public():
    """Regional records and files live in the public schema, whichever host writes."""
    return schema_context(get_public_schema_name())


# ---------------------------------------------------------------- meetings


def meeting_create(*, actor, data: dict[str, Any]) -> RegionalMeeting:
    with _public():
        return record_create(actor=actor, model=RegionalMeeting, data=data)


def meeting_update(*, actor, meeting: RegionalMeeting, data: dict[str, Any]) -> RegionalMeeting:
    if meeting.status == RegionalMeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled meeting can no longer be changed."))
    with _public():
        return record_update(actor=actor, instance=meeting, data=data)


@transaction.atomic
def meeting_cancel(*, actor, meeting: RegionalMeeting) -> RegionalMeeting:
    """Cancel a planned meeting; everyone who received the invitation is told (with a
    calendar cancellation that removes the entry)."""
    if meeting.status != RegionalMeetingStatus.PLANNED:
        raise ValidationError(_("Only a planned meeting can be cancelled."))
    meeting = record_update(
        actor=actor,
        instance=meeting,
        data={"status": RegionalMeetingStatus.CANCELLED},
        action="regional.regionalmeeting.cancelled",
    )
    for pk in meeting.invitations.filter(sent_at__isnull=False).values_list("pk", flat=True):
        _queue_email(pk, "cancellation")
    return meeting


def meeting_mark_held(
    *, actor, meeting: RegionalMeeting, today: datetime.date | None = None
) -> RegionalMeeting:
    today = today or timezone.localdate()
    if meeting.status != RegionalMeetingStatus.PLANNED:
        raise ValidationError(_("Only a planned meeting can be marked as held."))
    if meeting.date > today:
        raise ValidationError(_("A meeting in the future cannot be marked as held."))
    return record_update(
        actor=actor,
        instance=meeting,
        data={"status": RegionalMeetingStatus.HELD},
        action="regional.regionalmeeting.held",
    )


# ---------------------------------------------------------------- agenda
# Once the meeting has taken place its agenda is locked: each change needs a ``reason``
# (core.services.meetings, shared with the board), recorded in an audit entry.
# Positions are 1..n without gaps. The unique (meeting, position) constraint is checked
# row by row, so renumbering first parks the entries on high numbers, then sets the final ones.

_PARKING_OFFSET = 10000


def _renumber(entries: list[AgendaEntry], wanted: dict[int, int]) -> None:
    if not entries:
        return
    for offset, entry in enumerate(entries, start=1):
        entry.position = _PARKING_OFFSET + offset
    AgendaEntry.objects.bulk_update(entries, ["position"])
    for entry in entries:
        entry.position = wanted[entry.pk]
    AgendaEntry.objects.bulk_update(entries, ["position"])


def _locked_meeting(meeting_id: int, reason: str) -> tuple[RegionalMeeting, str]:
    """The meeting, locked against parallel edits, and the reason a change to its agenda
    needs ("" for a meeting yet to take place)."""
    meeting = RegionalMeeting.objects.select_for_update().get(pk=meeting_id)
    return meeting, agenda_correction_reason(meeting, reason)


def _locked_entries(meeting_id: int, exclude_pk: int | None = None) -> list[AgendaEntry]:
    """The meeting's entries in order, with the meeting locked against parallel edits."""
    RegionalMeeting.objects.select_for_update().filter(pk=meeting_id).first()
    queryset = AgendaEntry.objects.select_for_update().filter(meeting_id=meeting_id)
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return list(queryset.order_by("position", "pk"))


def _place(entries: list[AgendaEntry], free: int | None = None) -> None:
    """Number ``entries`` 1..n in their order, leaving ``free`` unused if given."""
    wanted = {}
    for index, entry in enumerate(entries, start=1):
        wanted[entry.pk] = index if free is None or index < free else index + 1
    _renumber([entry for entry in entries if entry.position != wanted[entry.pk]], wanted)


def _clamp(position: int | None, highest: int) -> int:
    if position is None or position > highest:
        return highest
    return max(position, 1)


@transaction.atomic
def agenda_entry_create(
    *, actor, meeting: RegionalMeeting, data: dict[str, Any], reason: str = ""
) -> AgendaEntry:
    """Add an entry; without a position it goes last, otherwise the entries from that
    position on move down one place. Without a time it begins when the previous timed
    entry ends."""
    data = dict(data)
    meeting, reason = _locked_meeting(meeting.pk, reason)
    if data.get("start_time") is None and data.get("position") is None:
        data["start_time"] = next_agenda_time(meeting)
    entries = _locked_entries(meeting.pk)
    position = _clamp(data.pop("position", None), len(entries) + 1)
    _place(entries, free=position)
    entry = record_create(
        actor=actor, model=AgendaEntry, data={**data, "meeting": meeting, "position": position}
    )
    audit_agenda_correction(
        actor=actor, meeting=meeting, reason=reason, change="created", item=entry
    )
    return entry


@transaction.atomic
def agenda_entry_update(
    *, actor, entry: AgendaEntry, data: dict[str, Any], reason: str = ""
) -> AgendaEntry:
    """Change an entry; a new position moves it and closes the gap it leaves."""
    data = dict(data)
    meeting, reason = _locked_meeting(entry.meeting_id, reason)
    others = _locked_entries(entry.meeting_id, exclude_pk=entry.pk)
    old_position = AgendaEntry.objects.values_list("position", flat=True).get(pk=entry.pk)
    requested = data.pop("position", None)
    new_position = old_position if requested is None else _clamp(requested, len(others) + 1)
    entry.position = old_position
    entry = record_update(actor=actor, instance=entry, data=data)
    if new_position != old_position:
        _move(actor=actor, entry=entry, others=others, old=old_position, new=new_position)
    audit_agenda_correction(
        actor=actor, meeting=meeting, reason=reason, change="updated", item=entry
    )
    return entry


def _move(*, actor, entry: AgendaEntry, others: list[AgendaEntry], old: int, new: int) -> None:
    AgendaEntry.objects.filter(pk=entry.pk).update(position=0)
    _place(others, free=new)
    AgendaEntry.objects.filter(pk=entry.pk).update(position=new)
    entry.position = new
    audit_log(
        actor=actor,
        action="regional.agendaentry.moved",
        target=entry,
        changes={"position": [str(old), str(new)]},
    )


@transaction.atomic
def agenda_entry_move(
    *, actor, entry: AgendaEntry, direction: str, reason: str = ""
) -> AgendaEntry:
    """Move an entry one place up or down (at the ends nothing changes)."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Unknown direction."))
    meeting, reason = _locked_meeting(entry.meeting_id, reason)
    others = _locked_entries(entry.meeting_id, exclude_pk=entry.pk)
    old = AgendaEntry.objects.values_list("position", flat=True).get(pk=entry.pk)
    new = _clamp(old - 1 if direction == "up" else old + 1, len(others) + 1)
    if new != old:
        _move(actor=actor, entry=entry, others=others, old=old, new=new)
        audit_agenda_correction(
            actor=actor, meeting=meeting, reason=reason, change="moved", item=entry
        )
    return entry


@transaction.atomic
def agenda_entry_delete(*, actor, entry: AgendaEntry, reason: str = "") -> None:
    meeting_id = entry.meeting_id
    meeting, reason = _locked_meeting(meeting_id, reason)
    _locked_entries(meeting_id)
    audit_agenda_correction(
        actor=actor, meeting=meeting, reason=reason, change="deleted", item=entry
    )
    record_delete(actor=actor, instance=entry)
    _place(_locked_entries(meeting_id))


_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


@dataclass
class AgendaLine:
    title: str
    start_time: datetime.time | None = None
    duration_minutes: int | None = None
    speaker: str = ""


def parse_agenda_lines(text: str) -> tuple[list[AgendaLine], list[str]]:
    """Agenda entries from lines "10:00 | 15 | Welcome | Speaker".

    Time, minutes and speaker may be left out ("Welcome", "10:00 | Welcome",
    "15 | Discussion"); returns the entries and the lines that could not be read.
    """
    entries: list[AgendaLine] = []
    bad: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        parts = [part.strip() for part in line.split("|")]
        entry = AgendaLine(title="")
        match = _TIME.match(parts[0])
        if match:
            entry.start_time = datetime.time(int(match.group(1)), int(match.group(2)))
            parts = parts[1:]
        if parts and parts[0].isdigit():
            entry.duration_minutes = int(parts[0])
            parts = parts[1:]
        if (
            not parts
            or not parts[0]
            or len(parts) > 2
            or len(parts[0]) > 300
            or (len(parts) == 2 and len(parts[1]) > 200)
            or entry.duration_minutes == 0
            or (entry.duration_minutes or 0) > 1440
        ):
            bad.append(line)
            continue
        entry.title = parts[0]
        entry.speaker = parts[1] if len(parts) == 2 else ""
        entries.append(entry)
    return entries, bad


@transaction.atomic
def agenda_bulk_add(
    *, actor, meeting: RegionalMeeting, lines: list[AgendaLine], reason: str = ""
) -> list[AgendaEntry]:
    """Append several entries at once; an entry without a time begins when the previous
    timed one ends (or, on an empty agenda, when the meeting begins)."""
    if not lines:
        raise ValidationError(_("Please enter at least one agenda item."))
    created = []
    for line in lines:
        created.append(
            agenda_entry_create(
                actor=actor,
                reason=reason,
                meeting=meeting,
                data={
                    "title": line.title,
                    "start_time": line.start_time,
                    "duration_minutes": line.duration_minutes,
                    "speaker": line.speaker,
                },
            )
        )
    return created


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
    invitation = Invitation(**data)
    invitation.full_clean()
    invitation.save()
    audit_log(
        actor=actor,
        action="regional.invitation.created",
        target=invitation,
        changes=changes_between({}, snapshot(invitation, exclude=_SECRET_FIELDS)),
    )
    return invitation


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
    audit_log(
        actor=actor,
        action="regional.invitation.deleted",
        target=invitation,
        changes=snapshot(invitation, exclude=_SECRET_FIELDS),
    )
    invitation.delete()


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
            _queue_email(pk, "invitation")
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
        _queue_email(invitation_id, f"reminder_{which}")
    return True


# ---------------------------------------------------------------- minutes


def minutes_update(
    *, actor, meeting: RegionalMeeting, minutes: str, today: datetime.date | None = None
) -> RegionalMeeting:
    """Write or change the draft minutes after the meeting; published minutes are final."""
    today = today or timezone.localdate()
    current = RegionalMeeting.objects.values_list("minutes_status", flat=True).get(pk=meeting.pk)
    if current == RegionalMinutesStatus.PUBLISHED:
        raise ValidationError(_("The minutes have been published and can no longer be changed."))
    if meeting.status == RegionalMeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled meeting has no minutes."))
    if meeting.date > today:
        raise ValidationError(_("Minutes can be written once the meeting has taken place."))
    if not minutes.strip():
        raise ValidationError({"minutes": _("Please write the minutes.")})
    return record_update(
        actor=actor,
        instance=meeting,
        data={"minutes": minutes, "minutes_status": RegionalMinutesStatus.DRAFT},
        action="regional.regionalmeeting.minutes_written",
    )


def minutes_publish(
    *, actor, meeting: RegionalMeeting, published_on: datetime.date | None = None
) -> RegionalMeeting:
    """Approve the draft minutes, once the meeting has taken place, and show them to the
    invited alliances."""
    if meeting.minutes_status != RegionalMinutesStatus.DRAFT:
        raise ValidationError(_("Only draft minutes can be approved and published."))
    published_on = published_on or timezone.localdate()
    ensure_minutes_approvable(meeting, published_on)
    return record_update(
        actor=actor,
        instance=meeting,
        data={
            "minutes_status": RegionalMinutesStatus.PUBLISHED,
            "minutes_published_on": published_on,
        },
        action="regional.regionalmeeting.minutes_published",
    )


# ---------------------------------------------------------------- attachments


@transaction.atomic
def attachment_create(
    *, actor, meeting: RegionalMeeting, title: str, file: UploadedFile
) -> RegionalAttachment:
    """Store a file for the invited alliances under MEDIA_ROOT/public/regional/<meeting>/."""
    attachment_check(file)
    title = title.strip() or os.path.splitext(os.path.basename(file.name))[0]
    with _public():
        return record_create(
            actor=actor,
            model=RegionalAttachment,
            data={"meeting": meeting, "title": title[:200], "file": file},
        )


def attachment_delete(*, actor, attachment: RegionalAttachment) -> None:
    """Remove the record and, once that is committed, the stored file."""
    name = attachment.file.name

    def remove_file() -> None:
        from django.core.files.storage import default_storage

        with _public():
            default_storage.delete(name)

    with _public():
        record_delete(actor=actor, instance=attachment)
    if name:
        transaction.on_commit(remove_file)
