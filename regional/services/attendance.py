"""Recording who came to a regional meeting: each invitee attended or not, and the
people who came without an invitation (walk-ins), for an alliance or as guests.

One service writes the whole record at once (the form's checkbox list and the API send
the complete picture): who of the invited came, and the walk-ins, which replace those
recorded before. Recorded from the meeting's day on, never for a cancelled meeting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kernel.audit.services import audit_log
from regional.models import Invitation, RegionalMeeting, RegionalMeetingStatus, WalkIn
from tenants.models import Alliance

__all__ = ["WalkInData", "attendance_record", "attendance_refusal"]

NAME_MAX = WalkIn._meta.get_field("name").max_length


@dataclass(frozen=True)
class WalkInData:
    """A person who came without an invitation: their name and alliance (or None)."""

    name: str
    alliance: Alliance | None = None


def attendance_refusal(meeting: RegionalMeeting) -> str:
    """Why attendance cannot be recorded for ``meeting`` now, or ''."""
    if meeting.status == RegionalMeetingStatus.CANCELLED:
        return _("The meeting has been cancelled; no attendance can be recorded.")
    if meeting.date > timezone.localdate():
        return _("Attendance can be recorded from the day of the meeting on.")
    return ""


def _clean_walk_ins(walk_ins: Iterable[WalkInData]) -> list[WalkInData]:
    cleaned, errors = [], []
    for walk_in in walk_ins:
        name = " ".join((walk_in.name or "").split())
        if not name:
            errors.append(_("Every person without an invitation needs a name."))
        elif len(name) > NAME_MAX:
            errors.append(
                _("The name %(name)s is too long (at most %(max)s characters).")
                % {"name": name[:40] + "…", "max": NAME_MAX}
            )
        else:
            cleaned.append(WalkInData(name=name, alliance=walk_in.alliance))
    if errors:
        raise ValidationError({"walk_ins": errors})
    return cleaned


@transaction.atomic
def attendance_record(
    *,
    actor,
    meeting: RegionalMeeting,
    attended: Iterable[int],
    walk_ins: Iterable[WalkInData] = (),
) -> RegionalMeeting:
    """Record that the invitees with the ids ``attended`` came and the others did not,
    and replace the meeting's walk-ins by ``walk_ins``; one audit entry says what changed.

    An id that is not an invitation of this meeting is refused (nothing is changed).
    """
    refusal = attendance_refusal(meeting)
    if refusal:
        raise ValidationError(refusal)
    meeting = RegionalMeeting.objects.select_for_update().get(pk=meeting.pk)
    invitations = {i.pk: i for i in Invitation.objects.filter(meeting=meeting).order_by("pk")}
    attended = set(attended)
    unknown = attended - set(invitations)
    if unknown:
        ids = ", ".join(str(pk) for pk in sorted(unknown))
        message = _("These are not invitations of this meeting: %(ids)s") % {"ids": ids}
        raise ValidationError({"attended": message})
    walk_ins = _clean_walk_ins(walk_ins)
    changes: dict[str, list] = {}
    for pk, invitation in invitations.items():
        came = pk in attended
        if invitation.attended is not came:
            changes.setdefault("attended", []).append([invitation.name, invitation.attended, came])
    Invitation.objects.filter(pk__in=attended).update(attended=True)
    Invitation.objects.filter(meeting=meeting).exclude(pk__in=attended).update(attended=False)

    def described(items) -> list[str]:
        return sorted(f"{w.name} ({w.alliance.name if w.alliance else '–'})" for w in items)

    before = described(meeting.walk_ins.select_related("alliance"))
    after = described(walk_ins)
    if before != after:
        changes["walk_ins"] = [before, after]
        meeting.walk_ins.all().delete()
        for walk_in in walk_ins:
            row = WalkIn(meeting=meeting, alliance=walk_in.alliance, name=walk_in.name)
            row.full_clean()
            row.save()
    if changes:
        audit_log(
            actor=actor,
            action="regional.regionalmeeting.attendance_recorded",
            target=meeting,
            changes=changes,
        )
    return meeting
