"""The board's meetings (Kuratorium): the list, each meeting with its agenda, minutes
and attachments. Members, templates and series are in ``core.views.board_members``.

The pages every kind of meeting shares come from ``kernel.meetings.views``, declared
here in ``PAGES``.
"""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filters.board import BoardMeetingFilter
from core.forms.board import (
    AgendaItemForm,
    AttachmentForm,
    BoardMeetingCreateForm,
    BoardMeetingForm,
    MinutesForm,
)
from core.models import (
    AgendaItem,
    BoardMeeting,
    MeetingAttachment,
    MeetingStatus,
    MinutesStatus,
)
from core.selectors.board import meeting_agenda, meeting_detail, meeting_list
from core.services import board as services
from kernel.crud.tables import Column, ListSpec
from kernel.crud.views import (
    ObjectDeleteView,
    ObjectEditView,
    ObjectListView,
    confirm_page,
    form_page,
)
from kernel.meetings.rules import agenda_is_locked
from kernel.meetings.views import MeetingPages
from tenants.permissions import access_for, requires

VIEW = "alliance.board.view"
MANAGE = "alliance.board.manage"


def _detail_url(meeting: BoardMeeting) -> str:
    return reverse("meeting-detail", args=[meeting.pk])


PAGES = MeetingPages(
    (BoardMeeting, AgendaItem, MeetingAttachment),
    services,
    (AgendaItemForm, MinutesForm, AttachmentForm),
    detail_url=_detail_url,
    form_page=form_page,
    confirm_page=confirm_page,
    cancel_question=gettext_lazy(
        "Cancel the meeting %(name)s? Pending applications move to the next planned meeting."
    ),
    minutes_final_service="minutes_approve",
    minutes_final_texts={
        "title": gettext_lazy("Approve minutes"),
        "question": gettext_lazy(
            "Approve the minutes of %(name)s as of today? Approved minutes cannot be changed."
        ),
        "success_message": gettext_lazy("The minutes have been approved."),
        "button": gettext_lazy("Approve"),
    },
    detail_selector=meeting_detail,
    minutes_final_message=lambda: _("The minutes have been approved and can no longer be changed."),
)

# Attachments go to people who may see the board's documents (never a public URL).
PAGE_VIEWS = PAGES.guarded(manage=requires(MANAGE), view=requires(VIEW))


# ---------------------------------------------------------------- meetings

MEETINGS = ListSpec(
    name="board-meetings",
    title=gettext_lazy("Board meetings"),
    permission=VIEW,
    queryset=meeting_list,
    filterset=BoardMeetingFilter,
    default_order="timeline",
    detail_url=lambda m: reverse("meeting-detail", args=[m.pk]),
    create_url="meeting-create",
    create_permission=MANAGE,
    columns=[
        Column("title", gettext_lazy("Title"), lambda m: m.title, "title", link=True),
        Column("date", gettext_lazy("Date"), lambda m: m.date, "date"),
        Column(
            "time",
            gettext_lazy("Begins at"),
            lambda m: m.start_time.strftime("%H:%M") if m.start_time else None,
            "start_time",
        ),
        Column("location", gettext_lazy("Place"), lambda m: m.location, "location"),
        Column("status", gettext_lazy("Status"), lambda m: m.get_status_display(), "status"),
        Column("agenda", gettext_lazy("Agenda items"), lambda m: m.agenda_count, "agenda_count"),
        Column(
            "decisions", gettext_lazy("Decisions"), lambda m: m.decision_count, "decision_count"
        ),
        Column(
            "minutes",
            gettext_lazy("Minutes"),
            lambda m: m.get_minutes_status_display(),
            "minutes_status",
        ),
        Column(
            "attachments",
            gettext_lazy("Attachments"),
            lambda m: m.attachment_count,
            "attachment_count",
        ),
        Column(
            "template",
            gettext_lazy("Template"),
            lambda m: m.template.name if m.template else None,
            "template__name",
        ),
    ],
    extra_links=[
        (gettext_lazy("Board members"), reverse_lazy("boardmember-list"), "alliance.board.view"),
        (
            gettext_lazy("Meeting templates"),
            reverse_lazy("meetingtemplate-list"),
            "alliance.board.view",
        ),
    ],
)


class _Meeting:
    model = BoardMeeting
    list_url, detail_url, instance_arg = "meeting-list", "meeting-detail", "meeting"
    required_permission = MANAGE


class MeetingListView(ObjectListView):
    required_permission = VIEW
    spec = MEETINGS


@requires("alliance.board.view")
def meeting_detail_view(request, pk: int):
    meeting = PAGES.meeting_or_404(pk)
    access = access_for(request)
    can_manage = access.can("alliance.board.manage")
    return render(
        request,
        "core/board/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": meeting_agenda(meeting),
            "attachments": list(meeting.attachments.all()),
            "can_manage": can_manage,
            "can_decide": access.can("alliance.applications.decide"),
            "can_mark_held": can_manage
            and meeting.status == MeetingStatus.PLANNED
            and meeting.date <= timezone.localdate(),
            "can_cancel": can_manage and meeting.status == MeetingStatus.PLANNED,
            "can_edit_minutes": can_manage and meeting.minutes_status != MinutesStatus.APPROVED,
            "can_approve_minutes": can_manage
            and meeting.minutes_status == MinutesStatus.DRAFT
            and meeting.status != MeetingStatus.CANCELLED
            and meeting.date <= timezone.localdate(),
            "agenda_locked": agenda_is_locked(meeting),
        },
    )


class MeetingEditView(_Meeting, ObjectEditView):
    create_service, update_service = services.meeting_create, services.meeting_update
    create_title, edit_title = gettext_lazy("New board meeting"), gettext_lazy("Edit board meeting")

    def get_form_class(self):
        return BoardMeetingForm if "pk" in self.kwargs else BoardMeetingCreateForm


class MeetingDeleteView(_Meeting, ObjectDeleteView):
    service = services.meeting_delete
    title = gettext_lazy("Delete board meeting")
    question = gettext_lazy("Delete the meeting %(name)s with its agenda, minutes and attachments?")
    success_message = gettext_lazy("The meeting has been deleted.")

    def question_args(self, obj):
        return {"name": obj}


# ---------------------------------------------------------------- minutes


minutes_approve = requires(MANAGE)(PAGES.minutes_finalise)
