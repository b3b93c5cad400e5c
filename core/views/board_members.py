"""The board (Kuratorium): its members, meeting templates and quarterly series."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filters.board import BoardMemberFilter, MeetingTemplateFilter
from core.forms.board import BoardMemberForm, MeetingSeriesForm, MeetingTemplateForm
from core.models import BoardMember, MeetingTemplate
from core.selectors.board import board_member_list, meeting_template_list
from core.services import board as services
from kernel.crud.tables import Column, ListSpec, list_view
from kernel.crud.views import confirm_page, form_page
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
        save=lambda form: services.board_member_create(actor=request.user, **form.cleaned_data),
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
            actor=request.user, member=member, **form.cleaned_data
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
        save=lambda form: services.meeting_template_create(actor=request.user, **form.cleaned_data),
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
            actor=request.user, template=template, **form.cleaned_data
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
