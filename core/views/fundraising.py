"""The fundraising circle: its yearly overview, members and donors, actions and grants
to projects (declarations over kernel.crud). Receipts: core/views/fundraising_receipts.py."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.filters.fundraising import (
    FundraisingActionFilter,
    ProjectGrantFilter,
    SupporterFilter,
)
from core.forms.fundraising import FundraisingActionForm, ProjectGrantForm, SupporterForm
from core.models import FundingKind, FundraisingAction, ProjectGrant, Supporter
from core.selectors.fundraising import (
    action_detail,
    action_list,
    fundraising_overview,
    grant_detail,
    grant_list,
    receivable_years,
    supporter_detail,
    supporter_entries,
    supporter_list,
)
from core.services import fundraising as services
from core.views.imports import import_link
from kernel import formats
from kernel.charts import LineChart, Series, layout, running_label, svg
from kernel.crud.facts import Fact, dash, link, number, short_date, strong
from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column
from tenants.permissions import access_for, requires

VIEW = "alliance.fundraising.view"
CHANGE = "alliance.fundraising.change"
DONORS = "alliance.fundraising.donors"


def _whole_euros(value) -> str:
    """The chart's axis and tooltips: whole euros with thousands separators."""
    return formats.number(round(value), 0)


def _overview_chart(rows: list[dict]):
    oldest_first = list(reversed(rows))
    today = timezone.localdate()
    # The running year has not ended: shaded and marked, not read as a drop.
    running = next((i for i, row in enumerate(oldest_first) if row["year"] >= today.year), None)
    chart = LineChart(
        [str(row["year"]) for row in oldest_first],
        [
            Series(gettext("Income"), [float(row["income"]) for row in oldest_first]),
            Series(
                gettext("Net of the actions"), [float(row["action_net"]) for row in oldest_first]
            ),
            Series(gettext("Grants to projects"), [float(row["grants"]) for row in oldest_first]),
        ],
        format_value=_whole_euros,
        empty_text=gettext("No entries."),
        width=720,
        height=280,
        running_from=running,
        running_label=running_label(today),
    )
    return svg(
        layout(chart),
        chart_id="chart-fundraising",
        title=gettext("The fundraising circle per year"),
        description=gettext(
            "Lines per year: income, net of the fundraising actions and grants given to "
            "projects, in euros. The table below gives the same figures."
        ),
    )


@requires(VIEW)
def fundraising_overview_page(request):
    """Per year income by kind, the actions' net and the grants given; since founding."""
    overview = fundraising_overview()
    access = access_for(request)
    links = [
        (_("Money received"), reverse_lazy("funding-list"), "alliance.work.view"),
        (_("Members and donors"), reverse_lazy("supporter-list"), DONORS),
        (_("Fundraising actions"), reverse_lazy("fundraising-action-list"), VIEW),
        (_("Grants to projects"), reverse_lazy("project-grant-list"), VIEW),
        (_("Donation receipts"), reverse_lazy("donation-receipt-list"), DONORS),
        (_("Receipt settings"), reverse_lazy("fundraising-settings"), CHANGE),
    ]
    return render(
        request,
        "core/fundraising/overview.html",
        {
            "links": [(label, url) for label, url, code in links if access.can(code)],
            "kinds": [(kind, label) for kind, label in FundingKind.choices],
            "rows": overview["rows"],
            "total": overview["total"],
            "chart": _overview_chart(overview["rows"]),
        },
    )


class FundraisingPages(ObjectPages):
    """A page of the fundraising circle: its lists lead back to the circle's overview."""

    view_permission, change_permission, service_module = VIEW, CHANGE, services
    extra_links = [(_("Funding circle"), reverse_lazy("fundraising-overview"), VIEW)]


# ---------------------------------------------------------------- members and donors


def _receipt_years(supporter: Supporter) -> list[int]:
    """The years a collective receipt can be issued for (none without an address)."""
    return receivable_years(supporter) if supporter.has_address else []


class SupporterPages(FundraisingPages):
    model, prefix, name = Supporter, "supporters", "supporter"
    view_permission = change_permission = DONORS
    queryset, filterset, default_order = supporter_list, SupporterFilter, "name"
    table = [
        Column("name", order_by=True, link=True),
        Column("kind", order_by=True),
        Column("city", order_by=True),
        Column("joined", _("Joined on"), "joined_on", order_by=True),
        Column("left", _("Left on"), "left_on", order_by=True),
        Column("fee", _("Yearly fee (EUR)"), "yearly_fee", order_by=True, money=True),
        Column("given", _("Given in all (EUR)"), order_by=True, money=True),
        Column("partner", value="partner.name", export_only=True),
        Column("street", export_only=True),
        Column("postcode", _("Postcode"), export_only=True),
        Column("email", export_only=True),
    ]
    empty_links = [import_link("supporters")]
    selector, template_name = supporter_detail, "core/fundraising/supporter_detail.html"
    detail_context = {"entries": supporter_entries, "receipt_years": _receipt_years}
    form_class = SupporterForm
    create_title = _("New member or donor")
    delete_question = _("Delete %(name)s for good?")
    deleted_message = _("The member or donor has been deleted.")


# ---------------------------------------------------------------- actions


class FundraisingActionPages(FundraisingPages):
    model, prefix, name = FundraisingAction, "actions", "fundraising-action"
    instance_arg = "action"
    queryset, filterset, default_order = action_list, FundraisingActionFilter, "-date"
    table = [
        Column("title", order_by=True, link=True),
        Column("date", order_by=True),
        Column("income", order_by=True, money=True),
        Column("costs", order_by=True, money=True),
        Column("net", _("Net (EUR)"), "net_amount", order_by=True, money=True),
        Column("description", export_only=True),
    ]
    selector, template_name = action_detail, "core/fundraising/action_detail.html"
    heading = "title"
    facts = [
        Fact(_("Date"), "date", short_date),
        Fact(_("Income (EUR)"), "income", number),
        Fact(_("Costs (EUR)"), "costs", number),
        Fact(_("Net (EUR)"), "net", number, strong),
    ]
    form_class = FundraisingActionForm
    create_title = _("New fundraising action")
    delete_question = _("Delete the fundraising action %(title)s for good?")
    deleted_message = _("The fundraising action has been deleted.")


# ---------------------------------------------------------------- grants to projects


class ProjectGrantPages(FundraisingPages):
    model, prefix, name, instance_arg = ProjectGrant, "grants", "project-grant", "grant"
    queryset, filterset, default_order = grant_list, ProjectGrantFilter, "-decided_on"
    table = [
        Column("decided_on", order_by=True, link=True),
        Column("project", value="project.title", order_by=True),
        Column("purpose", order_by=True),
        Column("amount", order_by=True, money=True),
        Column("status", order_by=True),
        Column("proof", value="proof_received_on", order_by=True),
    ]
    selector, template_name, heading = grant_detail, "record.html", "purpose"
    facts = [
        Fact(_("Project"), "project", link("project-detail", "title")),
        Fact(_("Amount (EUR)"), "amount", number),
        Fact(_("Decided on"), "decided_on", short_date),
        Fact(_("Status"), "status"),
        Fact(_("Proof of use received on"), "proof_received_on", short_date, dash),
    ]
    form_class = ProjectGrantForm
    create_title = _("New grant to a project")
    delete_question = _("Delete the grant %(grant)s for good?")
    deleted_message = _("The grant has been deleted.")
