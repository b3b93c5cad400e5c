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

from core import models
from core.documents import BOARD_DOCUMENTS
from core.filters.board import BoardMeetingFilter
from core.forms import board as forms
from core.selectors.board import meeting_agenda, meeting_detail, meeting_list
from core.services import board as services
from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column, clock_time
from kernel.crud.views import ObjectListView
from kernel.meetings.views import MEETING_COLUMNS, MeetingPages
from tenants.permissions import access_for, requires

VIEW = "alliance.board.view"
MANAGE = "alliance.board.manage"


def _detail_url(meeting: models.BoardMeeting) -> str:
    return reverse("meeting-detail", args=[meeting.pk])


PAGES = MeetingPages(
    (models.BoardMeeting, models.AgendaItem, models.MeetingAttachment),
    services,
    forms,
    detail_url=_detail_url,
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
    agenda_selector=meeting_agenda,
    minutes_final_message=lambda: _("The minutes have been approved and can no longer be changed."),
    documents=BOARD_DOCUMENTS,
    may_manage=lambda request: access_for(request).can(MANAGE),
)

# Attachments go to people who may see the board's documents (never a public URL).
PAGE_VIEWS = PAGES.guarded(manage=requires(MANAGE), view=requires(VIEW))


# ---------------------------------------------------------------- meetings


@requires("alliance.board.view")
def meeting_detail_view(request, pk: int):
    meeting = PAGES.meeting_or_404(pk)
    access = access_for(request)
    can_manage = access.can("alliance.board.manage")
    planned = meeting.status == models.MeetingStatus.PLANNED
    return render(
        request,
        "core/board/meeting_detail.html",
        {
            **PAGES.detail_context(meeting),
            "can_manage": can_manage,
            "can_decide": access.can("alliance.applications.decide"),
            "can_mark_held": can_manage and planned and meeting.date <= timezone.localdate(),
            "can_cancel": can_manage and planned,
            "can_edit_minutes": can_manage
            and meeting.minutes_status != models.MinutesStatus.APPROVED,
            "documents": PAGES.document_links(meeting, can_manage=can_manage),
            "can_approve_minutes": can_manage
            and meeting.minutes_status == models.MinutesStatus.DRAFT
            and meeting.status != models.MeetingStatus.CANCELLED
            and meeting.date <= timezone.localdate(),
        },
    )


class BoardMeetingPages(ObjectPages):
    """Board meetings: the list (at the board's start page), new, changed and deleted
    meetings; each meeting's own page is above."""

    model, prefix, name = models.BoardMeeting, "meetings", "meeting"
    routes, stem = ("create", "edit", "delete"), "Meeting"
    view_permission, change_permission = VIEW, MANAGE
    queryset = meeting_list
    filterset, default_order = BoardMeetingFilter, "timeline"
    row_link = _detail_url
    table = [
        *MEETING_COLUMNS.only("title", "date"),
        Column("time", gettext_lazy("Begins at"), clock_time("start_time"), "start_time"),
        Column("location", gettext_lazy("Place"), order_by=True),
        *MEETING_COLUMNS.only("status", "agenda"),
        Column("decisions", gettext_lazy("Decisions"), "decision_count", order_by=True),
        *MEETING_COLUMNS.only("minutes", "attachments"),
        Column("template", gettext_lazy("Template"), "template.name", order_by=True),
    ]
    extra_links = [
        (gettext_lazy("Board members"), reverse_lazy("boardmember-list"), VIEW),
        (gettext_lazy("Meeting templates"), reverse_lazy("meetingtemplate-list"), VIEW),
    ]
    service_module = services
    create_title = gettext_lazy("New board meeting")
    delete_question = gettext_lazy(
        "Delete the meeting %(name)s with its agenda, minutes and attachments?"
    )
    deleted_message = gettext_lazy("The meeting has been deleted.")

    class Edit:
        def get_form_class(self):
            return forms.BoardMeetingForm if "pk" in self.kwargs else forms.BoardMeetingCreateForm

    class Delete:
        def question_args(self, obj):
            return {"name": obj}


class MeetingListView(ObjectListView):
    required_permission, spec = VIEW, BoardMeetingPages.spec


# ---------------------------------------------------------------- minutes


minutes_approve = requires(MANAGE)(PAGES.minutes_finalise)
