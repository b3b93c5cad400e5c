"""The childcare pool: the carers' register, placements and the matching of a request.

Seen and changed only by the local coordinator and the pool's own staff
(``alliance.childcare.view`` / ``.change``): the pages hold personal data of carers and
families. Exports need the change permission.
"""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_lazy

from core.filters.carers import CarerFilter, MatchForm, PlacementFilter
from core.forms.carers import CarerForm, PlacementForm
from core.models import Carer, Placement
from core.selectors.carers import (
    carer_detail,
    carer_list,
    carer_placements,
    matching_carers,
    placement_detail,
    placement_list,
)
from core.services import carers as services
from core.views.imports import import_link
from kernel.crud.facts import Fact, dash, lines, link, listed, number, one_place, short_date
from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column
from kernel.crud.views import query_ids
from tenants.permissions import access_for, requires

VIEW = "alliance.childcare.view"
CHANGE = "alliance.childcare.change"


class PoolPages(ObjectPages):
    """A model's pages in the childcare pool: personal data, so exports need ``CHANGE``."""

    view_permission, change_permission, export_permission = VIEW, CHANGE, CHANGE
    service_module = services


def _availability(carer: Carer) -> list[str]:
    return carer.availability_labels()


def _check(text, on_field: str, until_field: str):
    """A fact: a check the carer passed (``text`` names when, and until when it holds),
    or that none is recorded."""

    def shown(carer: Carer) -> str:
        on, until = getattr(carer, on_field), getattr(carer, until_field)
        if not on:
            return gettext("not recorded")
        return str(text) % {"on": short_date(on), "until": short_date(until)}

    return shown


def _training(carer: Carer) -> str:
    return short_date(carer.training_on) if carer.training_on else gettext("not recorded")


def _placement_dates(placement: Placement) -> str:
    if not placement.end_date:
        return short_date(placement.start_date)
    return f"{short_date(placement.start_date)} – {short_date(placement.end_date)}"


def _children(placement: Placement) -> str:
    if not placement.children_ages:
        return number(placement.children_count)
    return format_html("{} ({})", number(placement.children_count), placement.children_ages)


class CarerPages(PoolPages):
    model, prefix, name = Carer, "workspace/carers", "carer"
    title, queryset = gettext_lazy("Childcare pool"), carer_list
    filterset, default_order = CarerFilter, "last_name"
    table = [
        Column("last_name", order_by=True),
        Column("first_name", order_by=True),
        Column("status", order_by=True),
        Column("availability", gettext_lazy("Availability"), _availability),
        Column("languages"),
        Column("police_clearance", value="police_clearance_until", order_by=True),
        Column(
            "first_aid", gettext_lazy("First aid valid until"), "first_aid_until", order_by=True
        ),
        Column("training", gettext_lazy("Training attended"), "training_on", order_by=True),
        Column(
            "placements",
            gettext_lazy("Running placements"),
            "running_placements",
            order_by="running_placements",
        ),
        Column("email", export_only=True),
        Column("phone", export_only=True),
        Column("address", export_only=True),
        Column("qualifications", export_only=True),
        Column("police_clearance_on", gettext_lazy("Police clearance issued on"), export_only=True),
        Column("first_aid_on", export_only=True),
    ]
    extra_links = [
        (gettext_lazy("Match a request"), reverse_lazy("carer-match"), VIEW),
        (gettext_lazy("Placements"), reverse_lazy("placement-list"), VIEW),
        (gettext_lazy("Import"), reverse_lazy("import-upload"), CHANGE),
    ]
    empty_links = [import_link("carers")]
    selector, template_name = carer_detail, "core/carers/detail.html"
    facts = [
        Fact(gettext_lazy("Status"), "status"),
        Fact(gettext_lazy("E-mail address"), "email", dash),
        Fact(gettext_lazy("Phone"), "phone", dash),
        Fact(gettext_lazy("Address"), "address", dash),
        Fact(gettext_lazy("Availability"), _availability, listed, dash),
        Fact(gettext_lazy("Languages"), "languages", dash),
        Fact(gettext_lazy("Qualifications"), "qualifications", dash, lines),
        Fact(
            gettext_lazy("Extended police clearance"),
            _check(
                gettext_lazy("issued on %(on)s, renewal due %(until)s"),
                "police_clearance_on",
                "police_clearance_until",
            ),
        ),
        Fact(
            gettext_lazy("First-aid course"),
            _check(
                gettext_lazy("on %(on)s, valid until %(until)s"), "first_aid_on", "first_aid_until"
            ),
        ),
        Fact(gettext_lazy("Pool training"), _training),
    ]
    detail_context = {"placements": carer_placements}
    form_class = CarerForm
    create_title = gettext_lazy("New carer")
    delete_question = gettext_lazy("Delete %(first_name)s %(last_name)s from the pool for good?")
    deleted_message = gettext_lazy("The carer has been deleted.")


def _initial_from_query(request) -> dict:
    """A placement prefilled from the matching page (``?carer=&kind=&start_date=``);
    values that do not fit are left out (the form checks them anyway)."""
    form = MatchForm(request.GET)
    form.is_valid()
    initial = {k: v for k, v in form.cleaned_data.items() if k in ("kind", "start_date")}
    return {**initial, **query_ids(request, ("carer",))}


class PlacementPages(PoolPages):
    model, prefix, name = Placement, "workspace/placements", "placement"
    queryset = placement_list
    filterset, default_order = PlacementFilter, "-start_date"
    table = [
        Column("family", value="family_name", order_by=True),
        Column("carer", order_by="carer__last_name"),
        Column("kind", order_by=True),
        Column("recurrence", order_by=True),
        Column("hours", value="hours_per_month", order_by=True),
        Column("from", value="start_date", order_by=True),
        Column("until", value="end_date", order_by=True),
        Column("status", order_by=True),
        Column("partner", gettext_lazy("Paid by"), "partner.name", order_by="partner__name"),
        Column("children", value="children_count", export_only=True),
        Column("ages", value="children_ages", export_only=True),
        Column("contact", value="family_contact", export_only=True),
    ]
    extra_links = [
        (gettext_lazy("Match a request"), reverse_lazy("carer-match"), VIEW),
        (gettext_lazy("Childcare pool"), reverse_lazy("carer-list"), VIEW),
    ]
    selector, template_name = placement_detail, "core/carers/placement_detail.html"
    heading = "family_name"
    facts = [
        Fact(gettext_lazy("Carer"), "carer", link("carer-detail", "")),
        Fact(gettext_lazy("Kind of care"), "kind"),
        Fact(gettext_lazy("Recurrence"), "recurrence"),
        Fact(gettext_lazy("Hours per month"), "hours_per_month", one_place),
        Fact(gettext_lazy("Dates"), _placement_dates),
        Fact(gettext_lazy("Status"), "status"),
        Fact(gettext_lazy("Children"), _children),
        Fact(gettext_lazy("Contact of the family"), "family_contact", dash),
        Fact(gettext_lazy("Paid by (employer)"), "partner.name", dash),
    ]
    form_class = PlacementForm
    create_title = gettext_lazy("New placement")
    delete_question = gettext_lazy("Delete the placement of %(family_name)s for good?")
    deleted_message = gettext_lazy("The placement has been deleted.")

    class Create:
        def get_form_kwargs(self):
            kwargs = super().get_form_kwargs()
            if self.request.method == "GET":
                kwargs["initial"] = _initial_from_query(self.request)
            return kwargs


@requires(VIEW)
def carer_match(request):
    """A care request (kind, start, times, language) and the carers who can take it."""
    form = MatchForm(request.GET or None)
    carers = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        carers = [
            (
                carer,
                reverse("placement-create")
                + "?"
                + urlencode(
                    {
                        "carer": carer.pk,
                        "kind": data["kind"],
                        "start_date": data["start_date"].isoformat(),
                    }
                ),
            )
            for carer in matching_carers(
                on=data["start_date"], slots=data["slots"], language=data["language_wish"]
            )[:50]
        ]
    return render(
        request,
        "core/carers/match.html",
        {
            "form": form,
            "carers": carers,
            "can_change": access_for(request).can(CHANGE),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
