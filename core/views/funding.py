"""The funding circle: donations, membership fees and grants, and their yearly totals."""

from __future__ import annotations

from decimal import Decimal

from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.filters.funding import FundingEntryFilter
from core.forms.funding import FundingEntryForm
from core.models import FundingEntry, FundingKind
from core.selectors.funding import funding_detail, funding_list, funding_totals_by_year
from core.services import funding as services
from core.services.fundraising import RECEIPT_KINDS
from core.views.imports import import_link
from core.views.work import VIEW, WorkPages
from kernel.crud.tables import Column
from tenants.permissions import access_for, requires


@requires(VIEW)
def funding_totals(request):
    """Per year the sum of each kind and the total, with a grand total row."""
    rows = funding_totals_by_year()
    kinds = list(FundingKind.choices)
    grand = {
        "by_kind": {
            kind: sum((row["by_kind"][kind] for row in rows), Decimal("0")) for kind, _l in kinds
        },
        "total": sum((row["total"] for row in rows), Decimal("0")),
    }
    table = [
        (row["year"], [row["by_kind"][kind] for kind, _l in kinds], row["total"]) for row in rows
    ]
    return render(
        request,
        "core/funding/totals.html",
        {
            "kinds": [label for _k, label in kinds],
            "table": table,
            "grand": ([grand["by_kind"][kind] for kind, _l in kinds], grand["total"]),
        },
    )


class FundingPages(WorkPages):
    model, prefix, name, instance_arg = FundingEntry, "funding", "funding", "entry"
    title, queryset, filterset = _("Funding circle"), funding_list, FundingEntryFilter
    default_order = "-received_on"
    table = [
        Column("received_on", order_by=True, link=True),
        Column("kind", order_by=True),
        Column("amount", order_by=True, money=True),
        Column("partner", value="partner.name", order_by=True),
        Column("donor", order_by=True),
        Column("purpose", order_by=True),
    ]
    extra_links = [
        (_("Yearly totals"), reverse_lazy("funding-totals"), VIEW),
        (
            _("Funding circle overview"),
            reverse_lazy("fundraising-overview"),
            "alliance.fundraising.view",
        ),
    ]
    empty_links = [import_link("funding")]
    selector, template_name = funding_detail, "core/funding/detail.html"
    form_class, service_module, service_name = FundingEntryForm, services, "funding_entry"
    create_title = _("New funding entry")
    delete_question = _("Delete the entry %(entry)s for good?")
    deleted_message = _("The funding entry has been deleted.")

    class Detail:
        # fundraising: the member or donor and the receipt only for those who see donors
        def get_context_data(self, obj):
            donors = access_for(self.request).can("alliance.fundraising.donors")
            receivable = (
                donors
                and obj.receipt_id is None
                and obj.kind in RECEIPT_KINDS
                and obj.supporter is not None
                and obj.supporter.has_address
            )
            return {
                **super().get_context_data(obj),
                "can_see_donors": donors,
                "receivable": receivable,
            }
