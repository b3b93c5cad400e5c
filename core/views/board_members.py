"""The board (Kuratorium): its members, meeting templates and quarterly series."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from core.filters.board import BoardMemberFilter, MeetingTemplateFilter
from core.forms.board import BoardMemberForm, MeetingSeriesForm, MeetingTemplateForm
from core.models import BoardMember, MeetingTemplate
from core.selectors.board import (
    board_member_detail,
    board_member_list,
    meeting_template_detail,
    meeting_template_list,
)
from core.services import board as services
from kernel.crud.tables import Column, ListSpec
from kernel.crud.views import (
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
    form_page,
)
from tenants.permissions import requires

VIEW = "alliance.board.view"
MANAGE = "alliance.board.manage"


class _Manage:
    required_permission = MANAGE


class _View:
    required_permission = VIEW
    change_permission = MANAGE


# ---------------------------------------------------------------- board members

BOARD_MEMBERS = ListSpec(
    name="board-members",
    title=_("Board members"),
    permission="alliance.board.view",
    queryset=board_member_list,
    filterset=BoardMemberFilter,
    default_order="full_name",
    detail_url=lambda m: reverse("boardmember-detail", args=[m.pk]),
    create_url="boardmember-create",
    create_permission="alliance.board.manage",
    columns=[
        Column("name", _("Name"), lambda m: m.full_name, "full_name", link=True),
        Column("position", _("Position"), lambda m: m.get_position_display(), "position"),
        Column("affiliation", _("Organisation"), lambda m: m.affiliation, "affiliation"),
        Column(
            "partner",
            _("Partner organisation"),
            lambda m: m.partner.name if m.partner else None,
            "partner__name",
        ),
        Column("email", _("E-mail address"), lambda m: m.email, "email"),
        Column("phone", _("Phone"), lambda m: m.phone),
        Column("term_start", _("Term begins"), lambda m: m.term_start, "term_start"),
        Column("term_end", _("Term ends"), lambda m: m.term_end, "term_end"),
    ],
    extra_links=[
        (_("Meetings"), reverse_lazy("meeting-list"), "alliance.board.view"),
    ],
)


class _Member:
    model = BoardMember
    list_url, detail_url, instance_arg = "boardmember-list", "boardmember-detail", "member"


class BoardMemberListView(_View, ObjectListView):
    spec = BOARD_MEMBERS


class BoardMemberDetailView(_View, ObjectDetailView):
    selector = board_member_detail
    template_name = "core/board/member_detail.html"
    context_object_name = "member"


class BoardMemberEditView(_Manage, _Member, ObjectEditView):
    form_class = BoardMemberForm
    create_service, update_service = services.board_member_create, services.board_member_update
    create_title, edit_title = _("New board member"), _("Edit board member")


class BoardMemberDeleteView(_Manage, _Member, ObjectDeleteView):
    service = services.board_member_delete
    title = _("Remove board member")
    question = _("Remove %(name)s from the board members?")
    success_message = _("The board member has been removed.")
    button = _("Remove")

    def question_args(self, obj):
        return {"name": obj.full_name}


# ---------------------------------------------------------------- meeting templates

MEETING_TEMPLATES = ListSpec(
    name="meeting-templates",
    title=_("Meeting templates"),
    permission="alliance.board.view",
    queryset=meeting_template_list,
    filterset=MeetingTemplateFilter,
    default_order="name",
    detail_url=lambda t: reverse("meetingtemplate-detail", args=[t.pk]),
    create_url="meetingtemplate-create",
    create_permission="alliance.board.manage",
    columns=[
        Column("name", _("Name"), lambda t: t.name, "name", link=True),
        Column("place", _("Place"), lambda t: t.location, "location"),
        Column("time", _("Begins at"), lambda t: t.start_time, "start_time"),
        Column("agenda", _("Standing agenda"), lambda t: t.agenda_lines),
        Column("meetings", _("Meetings"), lambda t: t.meeting_count, "meeting_count"),
    ],
    extra_links=[(_("Board meetings"), reverse_lazy("meeting-list"), "alliance.board.view")],
)


class _Template:
    model = MeetingTemplate
    list_url, detail_url, instance_arg = (
        "meetingtemplate-list",
        "meetingtemplate-detail",
        "template",
    )

    # Saving, cancelling and deleting a template all lead back to the list.
    def success_url(self, obj):
        return reverse(self.list_url)

    def cancel_url(self, obj):
        return reverse(self.list_url)


class MeetingTemplateListView(_View, ObjectListView):
    spec = MEETING_TEMPLATES


class MeetingTemplateDetailView(_View, ObjectDetailView):
    selector = meeting_template_detail
    template_name = "core/board/template_detail.html"
    context_object_name = "template"


class MeetingTemplateEditView(_Manage, _Template, ObjectEditView):
    form_class = MeetingTemplateForm
    create_service = services.meeting_template_create
    update_service = services.meeting_template_update
    create_title, edit_title = _("New meeting template"), _("Edit meeting template")


class MeetingTemplateDeleteView(_Manage, _Template, ObjectDeleteView):
    service = services.meeting_template_delete
    title = _("Delete meeting template")
    question = _("Delete the template %(name)s? Meetings planned from it are kept.")
    success_message = _("The meeting template has been deleted.")


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
        title=gettext_now("Plan quarterly meetings from %(name)s") % {"name": template.name},
        cancel_url=reverse("meetingtemplate-list"),
        success_message=gettext_now("The meetings have been planned."),
    )
