"""Reads of regional meetings, their agendas, invitations, replies and files."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from kernel.collation import by_name, german_key
from kernel.meetings.selectors import count_per_meeting
from regional.models import (
    AgendaItem,
    Invitation,
    RegionalAttachment,
    RegionalMeeting,
    RegionalMeetingStatus,
    RegionalMinutesStatus,
    Response,
    WalkIn,
)
from tenants.models import Alliance, AllianceStatus, Membership
from tenants.roles import Role


def meeting_list() -> QuerySet[RegionalMeeting]:
    """Meetings with their host and the counts the lists and exports show."""
    return RegionalMeeting.objects.select_related("host_alliance").annotate(
        agenda_count=count_per_meeting(AgendaItem),
        invited_count=count_per_meeting(Invitation),
        attending_count=count_per_meeting(Invitation, response=Response.ATTENDING),
        declined_count=count_per_meeting(Invitation, response=Response.DECLINED),
        pending_count=count_per_meeting(Invitation, response=Response.PENDING),
        attachment_count=count_per_meeting(RegionalAttachment),
    )


def upcoming_meetings(today: datetime.date | None = None) -> QuerySet[RegionalMeeting]:
    today = today or timezone.localdate()
    return meeting_list().filter(date__gte=today)


def past_meetings(today: datetime.date | None = None) -> QuerySet[RegionalMeeting]:
    """The archive: meetings whose day has passed."""
    today = today or timezone.localdate()
    return meeting_list().filter(date__lt=today)


def _agenda() -> Prefetch:
    return Prefetch("agenda", queryset=AgendaItem.objects.order_by("position", "pk"))


def _attachments() -> Prefetch:
    return Prefetch("attachments", queryset=RegionalAttachment.objects.order_by("title", "pk"))


def meeting_list_with_agenda() -> QuerySet[RegionalMeeting]:
    """The meetings as :func:`meeting_list` gives them, each with its agenda in order."""
    return meeting_list().prefetch_related(_agenda())


def meeting_detail(pk: int) -> RegionalMeeting:
    """A meeting with agenda, every invitation (with its alliance) and the attachments."""
    return (
        RegionalMeeting.objects.select_related("host_alliance")
        .prefetch_related(
            _agenda(),
            _attachments(),
            Prefetch(
                "invitations",
                queryset=Invitation.objects.select_related("alliance").order_by(
                    "alliance__name", "name", "pk"
                ),
            ),
            Prefetch(
                "walk_ins",
                queryset=WalkIn.objects.select_related("alliance").order_by(
                    "alliance__name", "name", "pk"
                ),
            ),
        )
        .get(pk=pk)
    )


def meeting_agenda(meeting: RegionalMeeting) -> list[AgendaItem]:
    """The agenda in order (uses the entries prefetched by meeting_detail() if any)."""
    return sorted(meeting.agenda.all(), key=lambda entry: (entry.position, entry.pk))


def overlapping_meetings(meeting: RegionalMeeting) -> list[RegionalMeeting]:
    """Other planned meetings on the same day whose time overlaps with ``meeting``."""
    if meeting.status != RegionalMeetingStatus.PLANNED:
        return []
    return list(
        RegionalMeeting.objects.filter(
            date=meeting.date,
            status=RegionalMeetingStatus.PLANNED,
            start_time__lt=meeting.end_time,
            end_time__gt=meeting.start_time,
        )
        .exclude(pk=meeting.pk)
        .order_by("start_time", "pk")
    )


def next_agenda_time(meeting: RegionalMeeting) -> datetime.time | None:
    """When an item added at the end would begin: when the last item ends (if it has a
    time and a duration), or when the meeting begins if the agenda is empty."""
    last = AgendaItem.objects.filter(meeting=meeting).order_by("-position").first()
    if last is None:
        return meeting.start_time
    if last.start_time is None or not last.duration_minutes:
        return None
    moment = datetime.datetime.combine(meeting.date, last.start_time)
    return (moment + datetime.timedelta(minutes=last.duration_minutes)).time()


# ---------------------------------------------------------------- replies


@dataclass
class ReplyCounts:
    attending: int = 0
    declined: int = 0
    pending: int = 0

    @property
    def total(self) -> int:
        return self.attending + self.declined + self.pending

    def add(self, response: str) -> None:
        if response == Response.ATTENDING:
            self.attending += 1
        elif response == Response.DECLINED:
            self.declined += 1
        else:
            self.pending += 1


@dataclass
class AllianceReplies:
    alliance: Alliance | None  # None: people invited in their own right
    counts: ReplyCounts = field(default_factory=ReplyCounts)
    invitations: list[Invitation] = field(default_factory=list)


@dataclass
class ReplySummary:
    counts: ReplyCounts
    by_alliance: list[AllianceReplies]


def reply_summary(invitations) -> ReplySummary:
    """Counts of the replies, in total and per alliance (people without one come last)."""
    total = ReplyCounts()
    groups: dict[int | None, AllianceReplies] = {}
    for invitation in invitations:
        total.add(invitation.response)
        group = groups.get(invitation.alliance_id)
        if group is None:
            group = groups[invitation.alliance_id] = AllianceReplies(invitation.alliance)
        group.counts.add(invitation.response)
        group.invitations.append(invitation)
    ordered = sorted(
        groups.values(),
        key=lambda g: (g.alliance is None, german_key(g.alliance.name if g.alliance else "")),
    )
    return ReplySummary(counts=total, by_alliance=ordered)


def invitation_list() -> QuerySet[Invitation]:
    """Every invitation with its alliance (the organiser's list and the API)."""
    return Invitation.objects.select_related("alliance")


def invitation_by_token(token: str) -> Invitation:
    """The invitation behind a reply link, with its meeting; DoesNotExist if unknown."""
    return Invitation.objects.select_related("meeting").get(token=token)


# ---------------------------------------------------------------- whom to invite


def invitable_alliances() -> QuerySet[Alliance]:
    """Alliances that can be invited (not dissolved), by name."""
    return Alliance.objects.exclude(status=AllianceStatus.DISSOLVED).order_by(by_name())


def local_coordinators(alliances) -> QuerySet[Membership]:
    """The active local coordinators of ``alliances``, with their accounts."""
    return (
        Membership.objects.filter(
            alliance__in=alliances, role=Role.LOCAL_COORDINATOR, user__is_active=True
        )
        .select_related("user", "alliance")
        .order_by(by_name("alliance__name"), "user__email")
    )


# ---------------------------------------------------------------- invited alliances


def invited_meetings(alliance: Alliance) -> QuerySet[RegionalMeeting]:
    """Meetings ``alliance`` is invited to, each with its agenda, this alliance's own
    invitations only, and its attachments."""
    own = Invitation.objects.filter(alliance=alliance).select_related("alliance")
    own = own.order_by(by_name(), "pk")
    return (
        RegionalMeeting.objects.filter(
            pk__in=Invitation.objects.filter(alliance=alliance).values("meeting")
        )
        .select_related("host_alliance")
        .prefetch_related(
            _agenda(),
            _attachments(),
            Prefetch("invitations", queryset=own, to_attr="own_invitations"),
        )
    )


def invited_meeting_detail(alliance: Alliance, pk: int) -> RegionalMeeting:
    """One meeting ``alliance`` is invited to; DoesNotExist if it is not invited."""
    return invited_meetings(alliance).get(pk=pk)


def own_invitation(meeting: RegionalMeeting, alliance: Alliance, user) -> Invitation | None:
    """The logged-in person's own invitation to ``meeting`` for ``alliance``, if any."""
    if user is None or not user.is_authenticated:
        return None
    return (
        Invitation.objects.filter(meeting=meeting, alliance=alliance)
        .filter(Q(user=user) | Q(email__iexact=user.email))
        .order_by("pk")
        .first()
    )


def published_minutes(meeting: RegionalMeeting) -> str:
    """The minutes as invited alliances may read them: only once published."""
    if meeting.minutes_status == RegionalMinutesStatus.PUBLISHED:
        return meeting.minutes
    return ""


# ---------------------------------------------------------------- reminders


def reminder_candidates(
    *, which: str, now: datetime.datetime | None = None
) -> QuerySet[Invitation]:
    """Invitations due for the reminder ``which`` ("week" or "day") at ``now``.

    Date-based windows, so a run that was missed is made up by the next one: the week
    reminder from seven days before until two days before the meeting, the day reminder
    from the day before until the meeting begins. Only invitations that were sent before
    the reminder's first day (no reminder right after the invitation), whose invitee has
    not declined, of planned meetings; each reminder is claimed once (see the task).
    """
    from regional.ics import BERLIN

    now = now or timezone.now()
    today = timezone.localtime(now).date()
    if which == "week":
        first_day = 7
        window = Q(meeting__date__gte=today + datetime.timedelta(days=2)) & Q(
            meeting__date__lte=today + datetime.timedelta(days=7)
        )
        not_yet = Q(reminder_week_sent_at__isnull=True)
    elif which == "day":
        first_day = 1
        window = Q(meeting__date__gte=today) & Q(
            meeting__date__lte=today + datetime.timedelta(days=1)
        )
        not_yet = Q(reminder_day_sent_at__isnull=True)
    else:
        raise ValueError(which)
    queryset = Invitation.objects.filter(
        window,
        not_yet,
        meeting__status=RegionalMeetingStatus.PLANNED,
        sent_at__isnull=False,
    ).exclude(response=Response.DECLINED)
    # Sent before the reminder's first day: meeting.date - first_day > sent_at's date.
    candidates = []
    rows = queryset.values_list("pk", "sent_at", "meeting__date", "meeting__start_time")
    for pk, sent_at, day, begins in rows:
        if datetime.datetime.combine(day, begins, tzinfo=BERLIN) <= now:
            continue  # the meeting has begun: too late to remind
        if timezone.localtime(sent_at).date() < day - datetime.timedelta(days=first_day):
            candidates.append(pk)
    return Invitation.objects.filter(pk__in=candidates).order_by("pk")
