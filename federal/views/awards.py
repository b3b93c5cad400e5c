"""The "Bündnis des Monats" award (/bund/awards/): the federal office chooses one
alliance per month and publishes it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from federal.filters import AwardFilter
from federal.forms import AwardForm
from federal.models import Award
from federal.selectors.awards import award_list
from federal.services import awards as services
from kernel.crud.pages import ObjectPages, detail_link
from kernel.crud.tables import Column

MANAGE = "federal.awards.manage"


class AwardPages(ObjectPages):
    model, prefix, name = Award, "awards", "federal-award"
    routes, back_to = ("list", "create", "edit", "delete"), "list"
    instance_arg = "award"
    view_permission = change_permission = MANAGE
    title = _("Alliance of the month")
    queryset, filterset, default_order = award_list, AwardFilter, "-month"
    export_permission = MANAGE
    row_link = detail_link("federal-award-edit")
    table = [
        Column("month", _("Month"), "month_label", order_by="month"),
        Column("alliance", _("Alliance"), "alliance.name", order_by="alliance__name"),
        Column("state", _("State"), "alliance.state.name", order_by="alliance__state__name"),
        Column("published", order_by=True),
        Column("citation", export_only=True),
    ]
    form_class, service_module = AwardForm, services
    create_title = _("New alliance of the month")
    edit_title = _("Change the alliance of the month")
    delete_question = _("Delete the award of %(month_label)s to %(alliance)s?")
    deleted_message = _("The award has been deleted.")
