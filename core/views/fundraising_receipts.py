"""Donation receipts of the fundraising circle: issue one (for an entry, or a collective
receipt for a year), the list and page of receipts, the PDF, and the receipt settings."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.filters.fundraising import DonationReceiptFilter
from core.forms.fundraising import CircleSettingsForm, CollectiveReceiptForm
from core.models import DonationReceipt, FundingEntry, Supporter
from core.receipt_pdf import receipt_pdf
from core.selectors.fundraising import (
    circle_settings_or_blank,
    receipt_detail,
    receipt_entries,
    receipt_list,
    receivable_years,
    supporter_detail,
)
from core.services import fundraising as services
from core.views.fundraising import CHANGE, DONORS
from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column
from kernel.crud.views import ObjectActionView, form_page
from tenants.permissions import requires


def _found(selector, pk: int):
    try:
        return selector(pk)
    except (DonationReceipt.DoesNotExist, Supporter.DoesNotExist) as exc:
        raise Http404 from exc


class DonationReceiptPages(ObjectPages):
    model, prefix, name = DonationReceipt, "receipts", "donation-receipt"
    instance_arg, routes = "receipt", ("list", "detail")
    view_permission = DONORS
    queryset, filterset, default_order = receipt_list, DonationReceiptFilter, "-issued_on"
    table = [
        Column("number", order_by=True, link=True),
        Column("issued_on", order_by=True),
        Column("supporter", value="supporter.name", order_by=True),
        Column("total", order_by=True, money=True),
        Column("collective", value="is_collective", order_by=True),
        Column("entries", _("Entries"), "entry_count", order_by=True),
        Column("printed", value="times_printed", order_by=True),
    ]
    extra_links = [(_("Members and donors"), reverse_lazy("supporter-list"), DONORS)]
    selector, template_name = receipt_detail, "core/fundraising/receipt_detail.html"
    detail_context = {"entries": receipt_entries}


def _entry(pk: int) -> FundingEntry:
    """An entry with what its receipt page shows and the way back needs."""
    return FundingEntry.objects.select_related("supporter", "receipt").get(pk=pk)


class ReceiptIssueView(ObjectActionView):
    """Confirm one donation or membership fee (POST); the page asks first. Back to the
    entry's supporter, or to the entry when it names none."""

    required_permission, model = DONORS, FundingEntry
    selector = _entry
    service, instance_arg = services.receipt_issue, "entry"
    title = _("Issue a donation receipt")
    question = _("Issue a donation receipt for %(entry)s? Each entry is confirmed once.")
    success_message = _("The donation receipt has been issued.")
    button = _("Issue receipt")

    def detail(self, obj: FundingEntry) -> str:
        if obj.supporter_id:
            return reverse("supporter-detail", args=[obj.supporter_id])
        return reverse("funding-detail", args=[obj.pk])


receipt_issue = ReceiptIssueView.as_view()


@requires(DONORS)
def receipt_issue_collective(request, pk: int):
    """A collective receipt for a year of the supporter's unconfirmed money."""
    supporter = _found(supporter_detail, pk)
    back = reverse("supporter-detail", args=[pk])
    return form_page(
        request,
        form_class=CollectiveReceiptForm,
        form_kwargs={"years": receivable_years(supporter)},
        save=lambda form: services.receipt_issue_collective(
            actor=request.user, supporter=supporter, year=form.cleaned_data["year"]
        ),
        success_url=lambda receipt: reverse("donation-receipt-detail", args=[receipt.pk]),
        title=gettext("Collective receipt for %(name)s") % {"name": supporter.name},
        cancel_url=back,
        success_message=gettext("The donation receipt has been issued."),
    )


@requires(DONORS)
def receipt_download(request, pk: int):
    """The receipt as PDF; every print after the first is marked as a copy."""
    receipt = _found(receipt_detail, pk)
    if request.method != "GET":
        return redirect("donation-receipt-detail", pk=pk)
    original = services.receipt_printed(actor=request.user, receipt=receipt)
    data = receipt_pdf(
        receipt=receipt,
        entries=receipt_entries(receipt),
        settings=circle_settings_or_blank(),
        copy=not original,
    )
    response = HttpResponse(data, content_type="application/pdf")
    suffix = "" if original else "-zweitschrift"
    response["Content-Disposition"] = (
        f'attachment; filename="zuwendungsbestaetigung-{receipt.number}{suffix}.pdf"'
    )
    return response


@requires(CHANGE)
def fundraising_settings(request):
    """The circle's data for receipts: the receiving body and its tax exemption."""
    overview = reverse("fundraising-overview")
    return form_page(
        request,
        form_class=CircleSettingsForm,
        instance=circle_settings_or_blank(),
        save=lambda form: services.settings_update(actor=request.user, **form.cleaned_data),
        success_url=lambda settings: overview,
        title=gettext("Receipt settings"),
        cancel_url=overview,
    )
