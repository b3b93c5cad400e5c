"""Reads of the board: members, meeting templates, meetings and their agendas."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear
from django.utils import timezone

from core.models import (
    AgendaItem,
    Application,
    BoardMeeting,
    BoardMember,
    Decision,
    MeetingAttachment,
    MeetingStatus,
    MeetingTemplate,
)
from core.selectors.admissions import pending_applications
from kernel.collation import by_name
from kernel.meetings.selectors import count_per_meeting

# Past meetings sort after every upcoming one: their key is this minus the date (YYYYMMDD).
_PAST_BASE = 200_000_000


def board_member_list() -> QuerySet[BoardMember]:
    return BoardMember.objects.select_related("partner")


def current_term(day: datetime.date | None = None) -> Q:
    """Board members whose term covers ``day`` (default: today)."""
    day = day or timezone.localdate()
    return Q(term_start__lte=day) & (Q(term_end__isnull=True) | Q(term_end__gte=day))


def current_board_members(day: datetime.date | None = None) -> QuerySet[BoardMember]:
    return board_member_list().filter(current_term(day))


def meeting_template_list() -> QuerySet[MeetingTemplate]:
    return MeetingTemplate.objects.annotate(meeting_count=Count("meetings")).order_by(by_name())


def meeting_list(today: datetime.date | None = None) -> QuerySet[BoardMeeting]:
    """Meetings with their counts; ``timeline`` orders upcoming ones first (soonest
    first), then past ones (latest first)."""
    today = today or timezone.localdate()
    ymd = ExtractYear("date") * 10000 + ExtractMonth("date") * 100 + ExtractDay("date")
    return BoardMeeting.objects.select_related("template").annotate(
        agenda_count=count_per_meeting(AgendaItem),
        attachment_count=count_per_meeting(MeetingAttachment),
        decision_count=count_per_meeting(Decision),
        timeline=Case(
            When(date__gte=today, then=ymd),
            default=Value(_PAST_BASE) - ymd,
            output_field=IntegerField(),
        ),
    )


def meeting_detail(pk: int) -> BoardMeeting:
    return (
        BoardMeeting.objects.select_related("template")
        .prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position")),
            Prefetch("attachments", queryset=MeetingAttachment.objects.order_by("title", "pk")),
        )
        .get(pk=pk)
    )


def next_planned_meeting(today: datetime.date | None = None) -> BoardMeeting | None:
    """The earliest planned meeting from today on: where pending applications go."""
    today = today or timezone.localdate()
    return (
        BoardMeeting.objects.filter(status=MeetingStatus.PLANNED, date__gte=today)
        .order_by("date", "start_time", "pk")
        .first()
    )


def decision_meetings() -> QuerySet[BoardMeeting]:
    """Meetings in which the board can decide: planned or held ones."""
    return BoardMeeting.objects.filter(
        status__in=[MeetingStatus.PLANNED, MeetingStatus.HELD]
    ).order_by("-date", "-pk")


@dataclass
class MeetingAgenda:
    """A meeting's agenda as the page shows it."""

    meeting: BoardMeeting
    items: list[AgendaItem]
    # Pending applications: only on the next planned meeting.
    applications: list[Application] = field(default_factory=list)
    # Decisions taken in the meeting: once it has been held.
    decisions: list[Decision] = field(default_factory=list)
    is_next: bool = False

    def __iter__(self):
        """The stored items, then the applications, then the decisions."""
        yield from self.items
        yield from self.applications
        yield from self.decisions


def meeting_agenda(meeting: BoardMeeting, today: datetime.date | None = None) -> MeetingAgenda:
    """The stored agenda items plus, for the next planned meeting, every pending
    application, and for a held meeting the decisions taken in it."""
    # Uses the items prefetched by meeting_detail() when there are any.
    items = sorted(meeting.agenda_items.all(), key=lambda item: (item.position, item.pk))
    agenda = MeetingAgenda(meeting=meeting, items=items)
    next_meeting = next_planned_meeting(today)
    if next_meeting is not None and next_meeting.pk == meeting.pk:
        agenda.is_next = True
        agenda.applications = list(pending_applications())
    if meeting.status == MeetingStatus.HELD:
        agenda.decisions = list(
            Decision.objects.filter(meeting=meeting)
            .select_related("application", "application__partner")
            .order_by(by_name("application__organisation_name"), "pk")
        )
    return agenda


def board_member_detail(pk: int) -> BoardMember:
    return board_member_list().get(pk=pk)


def meeting_template_detail(pk: int) -> MeetingTemplate:
    return meeting_template_list().get(pk=pk)
