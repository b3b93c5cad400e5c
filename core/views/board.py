"""The board (Kuratorium): members, meeting templates and series, meetings with their
agendas, minutes and attachments."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filters.board import BoardMeetingFilter, BoardMemberFilter, MeetingTemplateFilter
from core.forms.board import (
    AgendaItemForm,
    AttachmentForm,
    BoardMeetingCreateForm,
    BoardMeetingForm,
    BoardMemberForm,
    MeetingSeriesForm,
    MeetingTemplateForm,
    MinutesForm,
)
from core.forms.meetings import AgendaCorrectionForm
from core.models import (
    AgendaItem,
    BoardMeeting,
    BoardMember,
    MeetingAttachment,
    MeetingStatus,
    MeetingTemplate,
    MinutesStatus,
)
from core.selectors.board import (
    board_member_list,
    meeting_agenda,
    meeting_detail,
    meeting_list,
    meeting_template_list,
)
from core.services import board as services
from core.services.meetings import agenda_is_locked
from kernel.crud.tables import Column, ListSpec, list_view
from kernel.crud.views import confirm_page, form_page
from kernel.uploads import stored_file_response
from tenants.permissions import access_for, requires

# ---------------------------------------------------------------- board members

BOARD_MEMBERS = ListSpec(
    name="board-members",
    title=gettext_lazy("Board members"),
    permission="alliance.board.view",
    queryset=board_member_list,
    filterset=BoardMemberFilter,
    default_order="full_name",
    detail_url=lambda m: reverse("boardmember-detail", args=[m.pk]),
    create_url="boardmember-create",
    create_permission="alliance.board.manage",
    columns=[
        Column("name", gettext_lazy("Name"), lambda m: m.full_name, "full_name", link=True),
        Column(
            "position", gettext_lazy("Position"), lambda m: m.get_position_display(), "position"
        ),
        Column("affiliation", gettext_lazy("Organisation"), lambda m: m.affiliation, "affiliation"),
        Column(
            "partner",
            gettext_lazy("Partner organisation"),
            lambda m: m.partner.name if m.partner else None,
            "partner__name",
        ),
        Column("email", gettext_lazy("E-mail address"), lambda m: m.email, "email"),
        Column("phone", gettext_lazy("Phone"), lambda m: m.phone),
        Column("term_start", gettext_lazy("Term begins"), lambda m: m.term_start, "term_start"),
        Column("term_end", gettext_lazy("Term ends"), lambda m: m.term_end, "term_end"),
    ],
    extra_links=[
        (gettext_lazy("Meetings"), reverse_lazy("meeting-list"), "alliance.board.view"),
    ],
)


@requires("alliance.board.view")
def board_member_list_view(request):
    return list_view(request, BOARD_MEMBERS)


@requires("alliance.board.view")
def board_member_detail(request, pk: int):
    member = get_object_or_404(board_member_list(), pk=pk)
    return render(
        request,
        "core/board/member_detail.html",
        {"member": member, "can_manage": access_for(request).can("alliance.board.manage")},
    )


@requires("alliance.board.manage")
def board_member_create(request):
    return form_page(
        request,
        form_class=BoardMemberForm,
        save=lambda form: services.board_member_create(actor=request.user, data=form.cleaned_data),
        success_url=lambda m: reverse("boardmember-detail", args=[m.pk]),
        title=_("New board member"),
        cancel_url=reverse("boardmember-list"),
    )


@requires("alliance.board.manage")
def board_member_edit(request, pk: int):
    member = get_object_or_404(BoardMember, pk=pk)
    return form_page(
        request,
        form_class=BoardMemberForm,
        instance=member,
        save=lambda form: services.board_member_update(
            actor=request.user, member=member, data=form.cleaned_data
        ),
        success_url=lambda m: reverse("boardmember-detail", args=[m.pk]),
        title=_("Edit board member"),
        cancel_url=reverse("boardmember-detail", args=[pk]),
    )


@requires("alliance.board.manage")
def board_member_delete(request, pk: int):
    member = get_object_or_404(BoardMember, pk=pk)
    return confirm_page(
        request,
        obj=member,
        action=lambda: services.board_member_delete(actor=request.user, member=member),
        title=_("Remove board member"),
        question=_("Remove %(name)s from the board members?") % {"name": member.full_name},
        cancel_url=reverse("boardmember-detail", args=[pk]),
        success_url=reverse("boardmember-list"),
        success_message=_("The board member has been removed."),
        button=_("Remove"),
    )


# ---------------------------------------------------------------- meeting templates


@requires("alliance.board.view")
def meeting_template_list_view(request):
    return list_view(request, MEETING_TEMPLATES)


MEETING_TEMPLATES = ListSpec(
    name="meeting-templates",
    title=gettext_lazy("Meeting templates"),
    permission="alliance.board.view",
    queryset=meeting_template_list,
    filterset=MeetingTemplateFilter,
    default_order="name",
    detail_url=lambda t: reverse("meetingtemplate-detail", args=[t.pk]),
    create_url="meetingtemplate-create",
    create_permission="alliance.board.manage",
    columns=[
        Column("name", gettext_lazy("Name"), lambda t: t.name, "name", link=True),
        Column("place", gettext_lazy("Place"), lambda t: t.location, "location"),
        Column("time", gettext_lazy("Begins at"), lambda t: t.start_time, "start_time"),
        Column("agenda", gettext_lazy("Standing agenda"), lambda t: t.agenda_lines),
        Column("meetings", gettext_lazy("Meetings"), lambda t: t.meeting_count, "meeting_count"),
    ],
    extra_links=[
        (gettext_lazy("Board meetings"), reverse_lazy("meeting-list"), "alliance.board.view")
    ],
)


@requires("alliance.board.view")
def meeting_template_detail_view(request, pk: int):
    template = get_object_or_404(meeting_template_list(), pk=pk)
    return render(
        request,
        "core/board/template_detail.html",
        {"template": template, "can_manage": access_for(request).can("alliance.board.manage")},
    )


@requires("alliance.board.manage")
def meeting_template_create(request):
    return form_page(
        request,
        form_class=MeetingTemplateForm,
        save=lambda form: services.meeting_template_create(
            actor=request.user, data=form.cleaned_data
        ),
        success_url=lambda t: reverse("meetingtemplate-list"),
        title=_("New meeting template"),
        cancel_url=reverse("meetingtemplate-list"),
    )


@requires("alliance.board.manage")
def meeting_template_edit(request, pk: int):
    template = get_object_or_404(MeetingTemplate, pk=pk)
    return form_page(
        request,
        form_class=MeetingTemplateForm,
        instance=template,
        save=lambda form: services.meeting_template_update(
            actor=request.user, template=template, data=form.cleaned_data
        ),
        success_url=lambda t: reverse("meetingtemplate-list"),
        title=_("Edit meeting template"),
        cancel_url=reverse("meetingtemplate-list"),
    )


@requires("alliance.board.manage")
def meeting_template_delete(request, pk: int):
    template = get_object_or_404(MeetingTemplate, pk=pk)
    return confirm_page(
        request,
        obj=template,
        action=lambda: services.meeting_template_delete(actor=request.user, template=template),
        title=_("Delete meeting template"),
        question=_("Delete the template %(name)s? Meetings planned from it are kept.")
        % {"name": template.name},
        cancel_url=reverse("meetingtemplate-list"),
        success_url=reverse("meetingtemplate-list"),
        success_message=_("The meeting template has been deleted."),
        button=_("Delete"),
    )


@requires("alliance.board.manage")
def meeting_series(request, pk: int):
    template = get_object_or_404(MeetingTemplate, pk=pk)

    def save(form):
        data = form.cleaned_data
        meetings = services.meeting_series_plan(
            actor=request.user,
            template=template,
            first_date=data["first_date"],
            count=data["count"],
            title=data["title"],
        )
        return meetings[0]

    return form_page(
        request,
        form_class=MeetingSeriesForm,
        form_kwargs={"initial": {"title": template.name, "count": 4}},
        save=save,
        success_url=lambda m: reverse("meeting-list"),
        title=_("Plan quarterly meetings from %(name)s") % {"name": template.name},
        cancel_url=reverse("meetingtemplate-list"),
        success_message=_("The meetings have been planned."),
    )


# ---------------------------------------------------------------- meetings

MEETINGS = ListSpec(
    name="board-meetings",
    title=gettext_lazy("Board meetings"),
    permission="alliance.board.view",
    queryset=meeting_list,
    filterset=BoardMeetingFilter,
    default_order="timeline",
    detail_url=lambda m: reverse("meeting-detail", args=[m.pk]),
    create_url="meeting-create",
    create_permission="alliance.board.manage",
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


@requires("alliance.board.view")
def meeting_list_view(request):
    return list_view(request, MEETINGS)


def _meeting_or_404(pk: int) -> BoardMeeting:
    try:
        return meeting_detail(pk)
    except BoardMeeting.DoesNotExist as exc:
        raise Http404 from exc


@requires("alliance.board.view")
def meeting_detail_view(request, pk: int):
    meeting = _meeting_or_404(pk)
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


@requires("alliance.board.manage")
def meeting_create(request):
    return form_page(
        request,
        form_class=BoardMeetingCreateForm,
        save=lambda form: services.meeting_create(actor=request.user, data=form.cleaned_data),
        success_url=lambda m: reverse("meeting-detail", args=[m.pk]),
        title=_("New board meeting"),
        cancel_url=reverse("meeting-list"),
    )


@requires("alliance.board.manage")
def meeting_edit(request, pk: int):
    meeting = get_object_or_404(BoardMeeting, pk=pk)
    return form_page(
        request,
        form_class=BoardMeetingForm,
        instance=meeting,
        save=lambda form: services.meeting_update(
            actor=request.user, meeting=meeting, data=form.cleaned_data
        ),
        success_url=lambda m: reverse("meeting-detail", args=[m.pk]),
        title=_("Edit board meeting"),
        cancel_url=reverse("meeting-detail", args=[pk]),
    )


@requires("alliance.board.manage")
def meeting_delete(request, pk: int):
    meeting = get_object_or_404(BoardMeeting, pk=pk)
    return confirm_page(
        request,
        obj=meeting,
        action=lambda: services.meeting_delete(actor=request.user, meeting=meeting),
        title=_("Delete board meeting"),
        question=_("Delete the meeting %(name)s with its agenda, minutes and attachments?")
        % {"name": meeting},
        cancel_url=reverse("meeting-detail", args=[pk]),
        success_url=reverse("meeting-list"),
        success_message=_("The meeting has been deleted."),
        button=_("Delete"),
    )


@requires("alliance.board.manage")
def meeting_held(request, pk: int):
    meeting = get_object_or_404(BoardMeeting, pk=pk)
    return confirm_page(
        request,
        obj=meeting,
        action=lambda: services.meeting_mark_held(actor=request.user, meeting=meeting),
        title=_("Meeting held"),
        question=_("Record that the meeting %(name)s has taken place?") % {"name": meeting},
        cancel_url=reverse("meeting-detail", args=[pk]),
        success_url=reverse("meeting-detail", args=[pk]),
        success_message=_("The meeting has been marked as held."),
        button=_("Mark as held"),
    )


@requires("alliance.board.manage")
def meeting_cancel(request, pk: int):
    meeting = get_object_or_404(BoardMeeting, pk=pk)
    return confirm_page(
        request,
        obj=meeting,
        action=lambda: services.meeting_cancel(actor=request.user, meeting=meeting),
        title=_("Cancel meeting"),
        question=_(
            "Cancel the meeting %(name)s? Pending applications move to the next planned meeting."
        )
        % {"name": meeting},
        cancel_url=reverse("meeting-detail", args=[pk]),
        success_url=reverse("meeting-detail", args=[pk]),
        success_message=_("The meeting has been cancelled."),
        button=_("Cancel meeting"),
    )


# ---------------------------------------------------------------- agenda items


@requires("alliance.board.manage")
def agenda_item_create(request, pk: int):
    meeting = get_object_or_404(BoardMeeting, pk=pk)
    return form_page(
        request,
        form_class=AgendaItemForm,
        form_kwargs={"meeting": meeting},
        save=lambda form: services.agenda_item_create(
            actor=request.user, meeting=meeting, **_data_and_reason(form)
        ),
        success_url=lambda item: reverse("meeting-detail", args=[pk]),
        title=_("New agenda item for %(name)s") % {"name": meeting},
        cancel_url=reverse("meeting-detail", args=[pk]),
    )


def _data_and_reason(form) -> dict:
    data, reason = form.data_and_reason()
    return {"data": data, "reason": reason}


def _agenda_item_or_404(pk: int, item_pk: int) -> AgendaItem:
    return get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=item_pk, meeting=pk)


@requires("alliance.board.manage")
def agenda_item_edit(request, pk: int, item_pk: int):
    item = _agenda_item_or_404(pk, item_pk)
    return form_page(
        request,
        form_class=AgendaItemForm,
        instance=item,
        form_kwargs={"meeting": item.meeting},
        save=lambda form: services.agenda_item_update(
            actor=request.user, item=item, **_data_and_reason(form)
        ),
        success_url=lambda i: reverse("meeting-detail", args=[pk]),
        title=_("Edit agenda item"),
        cancel_url=reverse("meeting-detail", args=[pk]),
    )


@requires("alliance.board.manage")
def agenda_item_delete(request, pk: int, item_pk: int):
    item = _agenda_item_or_404(pk, item_pk)
    if agenda_is_locked(item.meeting):
        # A locked agenda: removing an item needs a reason, asked for in a form.
        return form_page(
            request,
            form_class=AgendaCorrectionForm,
            save=lambda form: services.agenda_item_delete(
                actor=request.user, item=item, reason=form.cleaned_data["reason"]
            ),
            success_url=lambda _: reverse("meeting-detail", args=[pk]),
            title=_("Remove agenda item"),
            cancel_url=reverse("meeting-detail", args=[pk]),
            success_message=_("The agenda item has been removed."),
        )
    return confirm_page(
        request,
        obj=item,
        action=lambda: services.agenda_item_delete(actor=request.user, item=item),
        title=_("Remove agenda item"),
        question=_("Remove the item %(name)s from the agenda?") % {"name": item},
        cancel_url=reverse("meeting-detail", args=[pk]),
        success_url=reverse("meeting-detail", args=[pk]),
        success_message=_("The agenda item has been removed."),
        button=_("Remove"),
    )


# ---------------------------------------------------------------- minutes


@requires("alliance.board.manage")
def minutes_edit(request, pk: int):
    meeting = get_object_or_404(BoardMeeting, pk=pk)
    if request.method != "POST" and meeting.minutes_status == MinutesStatus.APPROVED:
        messages.error(request, _("The minutes have been approved and can no longer be changed."))
        return redirect("meeting-detail", pk=pk)
    return form_page(
        request,
        form_class=MinutesForm,
        form_kwargs={"initial": {"minutes": meeting.minutes}},
        save=lambda form: services.minutes_update(
            actor=request.user, meeting=meeting, minutes=form.cleaned_data["minutes"]
        ),
        success_url=lambda m: reverse("meeting-detail", args=[pk]),
        title=_("Minutes of %(name)s") % {"name": meeting},
        cancel_url=reverse("meeting-detail", args=[pk]),
        success_message=_("The draft minutes have been saved."),
    )


@requires("alliance.board.manage")
def minutes_approve(request, pk: int):
    meeting = get_object_or_404(BoardMeeting, pk=pk)
    return confirm_page(
        request,
        obj=meeting,
        action=lambda: services.minutes_approve(actor=request.user, meeting=meeting),
        title=_("Approve minutes"),
        question=_(
            "Approve the minutes of %(name)s as of today? Approved minutes cannot be changed."
        )
        % {"name": meeting},
        cancel_url=reverse("meeting-detail", args=[pk]),
        success_url=reverse("meeting-detail", args=[pk]),
        success_message=_("The minutes have been approved."),
        button=_("Approve"),
    )


# ---------------------------------------------------------------- attachments


@requires("alliance.board.manage")
def attachment_create(request, pk: int):
    meeting = get_object_or_404(BoardMeeting, pk=pk)
    return form_page(
        request,
        form_class=AttachmentForm,
        save=lambda form: services.attachment_create(
            actor=request.user,
            meeting=meeting,
            title=form.cleaned_data["title"],
            file=form.cleaned_data["file"],
        ),
        success_url=lambda a: reverse("meeting-detail", args=[pk]),
        title=_("New attachment for %(name)s") % {"name": meeting},
        cancel_url=reverse("meeting-detail", args=[pk]),
        success_message=_("The file has been uploaded."),
    )


def _attachment_or_404(pk: int, attachment_pk: int) -> MeetingAttachment:
    return get_object_or_404(MeetingAttachment, pk=attachment_pk, meeting=pk)


@requires("alliance.board.view")
def attachment_download(request, pk: int, attachment_pk: int):
    """The file, to people who may see the board's documents (never a public URL)."""
    attachment = _attachment_or_404(pk, attachment_pk)
    return stored_file_response(attachment.file.storage, attachment.file.name)


@requires("alliance.board.manage")
def attachment_delete(request, pk: int, attachment_pk: int):
    attachment = _attachment_or_404(pk, attachment_pk)
    return confirm_page(
        request,
        obj=attachment,
        action=lambda: services.attachment_delete(actor=request.user, attachment=attachment),
        title=_("Delete attachment"),
        question=_("Delete the attachment %(name)s?") % {"name": attachment.title},
        cancel_url=reverse("meeting-detail", args=[pk]),
        success_url=reverse("meeting-detail", args=[pk]),
        success_message=_("The attachment has been deleted."),
        button=_("Delete"),
    )
