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
from kernel.crud.facts import Fact, clock, dash, mailto, short_date
from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column
from kernel.crud.views import form_page
from tenants.permissions import requires

VIEW = "alliance.board.view"
MANAGE = "alliance.board.manage"


class _BoardPages(ObjectPages):
    view_permission, change_permission, service_module = VIEW, MANAGE, services


# ---------------------------------------------------------------- board members


class BoardMemberPages(_BoardPages):
    model, prefix, name, instance_arg = BoardMember, "members", "boardmember", "member"
    queryset, filterset, default_order = board_member_list, BoardMemberFilter, "full_name"
    table = [
        Column("name", value="full_name", order_by=True, link=True),
        Column("position", order_by=True),
        Column("affiliation", order_by=True),
        Column("partner", value="partner.name", order_by=True),
        Column("email", order_by=True),
        Column("phone"),
        Column("term_start", order_by=True),
        Column("term_end", order_by=True),
    ]
    extra_links = [(_("Meetings"), reverse_lazy("meeting-list"), VIEW)]
    selector, template_name = board_member_detail, "core/board/member_detail.html"
    heading, trail = "full_name", [(_("Board meetings"), "meeting-list")]
    facts = [
        Fact(_("Position"), "position"),
        Fact(_("Organisation"), "affiliation", dash),
        Fact(_("Partner organisation"), "partner.name", dash),
        Fact(_("E-mail address"), "email", mailto),
        Fact(_("Phone"), "phone", dash),
        Fact(_("Term begins"), "term_start", short_date),
        Fact(_("Term ends"), "term_end", short_date, dash),
    ]
    form_class, service_name = BoardMemberForm, "board_member"
    create_title = _("New board member")
    delete_title = _("Remove board member")
    delete_question = _("Remove %(name)s from the board members?")
    deleted_message, delete_button = _("The board member has been removed."), _("Remove")

    class Delete:
        def question_args(self, obj):
            return {"name": obj.full_name}


# ---------------------------------------------------------------- meeting templates


class MeetingTemplatePages(_BoardPages):
    """Saving, cancelling and deleting a template all lead back to the list."""

    model, prefix, name, instance_arg = MeetingTemplate, "templates", "meetingtemplate", "template"
    back_to = "list"
    queryset = meeting_template_list
    filterset, default_order = MeetingTemplateFilter, "name"
    table = [
        Column("name", order_by=True, link=True),
        Column("place", value="location", order_by=True),
        Column("time", value="start_time", order_by=True),
        Column("agenda", _("Standing agenda"), "agenda_lines"),
        Column("meetings", _("Meetings"), "meeting_count", order_by=True),
    ]
    extra_links = [(_("Board meetings"), reverse_lazy("meeting-list"), VIEW)]
    selector, template_name = meeting_template_detail, "core/board/template_detail.html"
    heading = "name"
    facts = [
        Fact(_("Place"), "location", dash),
        Fact(_("Begins at"), "start_time", clock, dash),
        Fact(_("Meetings"), "meeting_count"),
    ]
    form_class, service_name = MeetingTemplateForm, "meeting_template"
    create_title = _("New meeting template")
    delete_question = _("Delete the template %(name)s? Meetings planned from it are kept.")
    deleted_message = _("The meeting template has been deleted.")


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
