"""Reads of the attendance recorded for regional meetings: per meeting (who came, from
how many alliances) and per alliance (its history of regional meetings).

``attendance_of_alliance`` is the one read for an alliance's attendance history: the
alliance's own page of regional meetings uses it, and the state office's page of one
alliance can too. It shows only that alliance's people.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from regional.models import Invitation, RegionalMeeting, RegionalMeetingStatus, WalkIn
from tenants.models import Alliance

__all__ = [
    "AllianceAttendance",
    "AttendanceSummary",
    "attendance_of_alliance",
    "attendance_summary",
    "meeting_attendance",
]


@dataclass
class AttendanceSummary:
    """Who came to one meeting: the invitees who attended and the walk-ins."""

    recorded: bool
    attended: list[Invitation] = field(default_factory=list)
    walk_ins: list[WalkIn] = field(default_factory=list)

    @property
    def people(self) -> int:
        return len(self.attended) + len(self.walk_ins)

    @property
    def alliances(self) -> int:
        """How many alliances were present (people without one are not counted)."""
        ids = {i.alliance_id for i in self.attended} | {w.alliance_id for w in self.walk_ins}
        return len(ids - {None})


def meeting_attendance(meeting: RegionalMeeting) -> tuple[list[Invitation], list[WalkIn]]:
    """The meeting's invitations (by alliance and name) and its walk-ins, as the
    attendance form and the API show them."""
    invitations = list(
        Invitation.objects.filter(meeting=meeting)
        .select_related("alliance")
        .order_by("alliance__name", "name", "pk")
    )
    walk_ins = list(
        WalkIn.objects.filter(meeting=meeting)
        .select_related("alliance")
        .order_by("alliance__name", "name", "pk")
    )
    return invitations, walk_ins


def attendance_summary(invitations, walk_ins) -> AttendanceSummary:
    """The summary of a meeting's attendance from its invitations and walk-ins; not
    recorded while no invitee is marked either way and nobody came uninvited."""
    invitations, walk_ins = list(invitations), list(walk_ins)
    recorded = bool(walk_ins) or any(i.attended is not None for i in invitations)
    return AttendanceSummary(
        recorded=recorded,
        attended=[i for i in invitations if i.attended],
        walk_ins=walk_ins,
    )


@dataclass
class AllianceAttendance:
    """One regional meeting in an alliance's history: whether its attendance was
    recorded, whether the alliance was there, and who of its people came."""

    meeting: RegionalMeeting
    recorded: bool
    people: list[str]

    @property
    def attended(self) -> bool:
        return bool(self.people)


def attendance_of_alliance(
    alliance: Alliance, *, today: datetime.date | None = None
) -> list[AllianceAttendance]:
    """The regional meetings up to ``today`` that ``alliance`` was invited to or came to
    uninvited, newest first, each with this alliance's attendance (two queries in all).

    "Recorded" means the office recorded the meeting's attendance at all (any invitee
    marked, or any walk-in); only names of this alliance's people are returned.
    """
    today = today or timezone.localdate()
    own_invitations = Invitation.objects.filter(alliance=alliance).order_by("name", "pk")
    own_walk_ins = WalkIn.objects.filter(alliance=alliance).order_by("name", "pk")
    recorded = Exists(
        Invitation.objects.filter(meeting=OuterRef("pk"), attended__isnull=False)
    ) | Exists(WalkIn.objects.filter(meeting=OuterRef("pk")))
    meetings = (
        RegionalMeeting.objects.filter(date__lte=today)
        .filter(
            Q(pk__in=Invitation.objects.filter(alliance=alliance).values("meeting"))
            | Q(pk__in=WalkIn.objects.filter(alliance=alliance).values("meeting"))
        )
        .exclude(status=RegionalMeetingStatus.CANCELLED)
        .annotate(recorded=recorded)
        .order_by("-date", "-start_time", "-pk")
    )
    rows = []
    for meeting in meetings.prefetch_related(
        Prefetch("invitations", queryset=own_invitations, to_attr="own_invitations"),
        Prefetch("walk_ins", queryset=own_walk_ins, to_attr="own_walk_ins"),
    ):
        people = [i.name for i in meeting.own_invitations if i.attended]
        people += [w.name for w in meeting.own_walk_ins]
        rows.append(AllianceAttendance(meeting=meeting, recorded=meeting.recorded, people=people))
    return rows
