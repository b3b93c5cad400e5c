"""The funding circle: donations, membership fees and grants, and their yearly totals."""

from __future__ import annotations

from decimal import Decimal

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filters.funding import FundingEntryFilter
from core.forms.funding import FundingEntryForm
from core.models import FundingEntry, FundingKind
from core.selectors.funding import funding_detail, funding_list, funding_totals_by_year
from core.services import funding as services
from kernel.crud.tables import Column, ListSpec, list_view
from kernel.crud.views import confirm_page, form_page
from tenants.permissions import access_for, requires

VIEW = "alliance.work.view"
CHANGE = "alliance.work.change"

FUNDING = ListSpec(
    name="funding",
    title=gettext_lazy("Funding circle"),
    permission=VIEW,
    queryset=funding_list,
    filterset=FundingEntryFilter,
    default_order="-received_on",
    detail_url=lambda f: reverse("funding-detail", args=[f.pk]),
    create_url="funding-create",
    create_permission=CHANGE,
    columns=[
        Column(
            "received_on",
            gettext_lazy("Received on"),
            lambda f: f.received_on,
            "received_on",
            link=True,
        ),
        Column("kind", gettext_lazy("Kind"), lambda f: f.get_kind_display(), "kind"),
        Column("amount", gettext_lazy("Amount (EUR)"), lambda f: f.amount, "amount"),
        Column(
            "partner",
            gettext_lazy("From partner"),
            lambda f: f.partner.name if f.partner else None,
            "partner__name",
        ),
        Column("donor", gettext_lazy("From (if not a partner)"), lambda f: f.donor, "donor"),
        Column("purpose", gettext_lazy("Purpose"), lambda f: f.purpose, "purpose"),
    ],
    extra_links=[(gettext_lazy("Yearly totals"), reverse_lazy("funding-totals"), VIEW)],
)


@requires(VIEW)
def funding_list_view(request):
    return list_view(request, FUNDING)


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


@requires(VIEW)
def funding_detail_view(request, pk: int):
    try:
        entry = funding_detail(pk)
    except FundingEntry.DoesNotExist as exc:
        raise Http404 from exc
    return render(
        request,
        "core/funding/detail.html",
        {"entry": entry, "can_change": access_for(request).can(CHANGE)},
    )


@requires(CHANGE)
def funding_create(request):
    return form_page(
        request,
        form_class=FundingEntryForm,
        save=lambda form: services.funding_entry_create(actor=request.user, data=form.cleaned_data),
        success_url=lambda f: reverse("funding-detail", args=[f.pk]),
        title=_("New funding entry"),
        cancel_url=reverse("funding-list"),
    )


@requires(CHANGE)
def funding_edit(request, pk: int):
    entry = get_object_or_404(FundingEntry, pk=pk)
    return form_page(
        request,
        form_class=FundingEntryForm,
        instance=entry,
        save=lambda form: services.funding_entry_update(
            actor=request.user, entry=entry, data=form.cleaned_data
        ),
        success_url=lambda f: reverse("funding-detail", args=[f.pk]),
        title=_("Edit funding entry"),
        cancel_url=reverse("funding-detail", args=[pk]),
    )


@requires(CHANGE)
def funding_delete(request, pk: int):
    entry = get_object_or_404(FundingEntry, pk=pk)
    return confirm_page(
        request,
        obj=entry,
        action=lambda: services.funding_entry_delete(actor=request.user, entry=entry),
        title=_("Delete funding entry"),
        question=_("Delete the entry %(entry)s for good?") % {"entry": str(entry)},
        cancel_url=reverse("funding-detail", args=[pk]),
        success_url=reverse("funding-list"),
        success_message=_("The funding entry has been deleted."),
        button=_("Delete"),
    )
