"""Company care guides: on their partner's page (kept by the coordinator or the partner's
own contact), the coordinator's list of all guides, and the partners without one."""

from __future__ import annotations

from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.filters.careguides import CareGuideFilter, PartnerWithoutGuideFilter
from core.forms.careguides import CareGuideForm
from core.models import CareGuide, Partner
from core.selectors.careguides import care_guide_list, partners_without_guide
from core.selectors.partners import partner_detail
from core.services import careguides as services
from core.views.imports import import_link
from core.views.partners import OWN_CHANGE
from kernel.crud.pages import ObjectPages, detail_link
from kernel.crud.tables import Column

VIEW = "alliance.care_guides.view"


def _guide_link(guide: CareGuide) -> str:
    # The partner's page, where the guides are kept (whoever sees this list sees it).
    return reverse("partner-detail", args=[guide.partner_id]) + "#care-guides"


class CareGuidePages(ObjectPages):
    """The coordinator's list of every guide (refreshers due: a filter)."""

    model, prefix, name, instance_arg = CareGuide, "care-guides", "care-guide", "guide"
    routes, view_permission = ("list",), VIEW
    title, queryset, filterset = _("Company care guides"), care_guide_list, CareGuideFilter
    default_order, row_link = "refresher_due", _guide_link
    table = [
        Column("name", order_by=True, link=True),
        Column("partner", value="partner.name", order_by="partner__name"),
        Column("course", value="training_course", order_by=True),
        Column("trained", value="trained_on", order_by=True),
        Column("refresher", value="refresher_due", order_by=True),
        Column("active", value="is_active", order_by=True),
        Column("email", export_only=True),
        Column("phone", export_only=True),
    ]
    extra_links = [
        (_("Partners without a care guide"), reverse_lazy("partner-without-guide-list"), VIEW),
        (_("Partners"), reverse_lazy("partner-list"), "alliance.partners.view"),
    ]
    empty_links = [import_link("care-guides")]


class PartnerWithoutGuidePages(ObjectPages):
    """Partners to approach about training a care guide: active companies first."""

    model, prefix, name, instance_arg = (
        Partner,
        "without-care-guides",
        "partner-without-guide",
        "partner",
    )
    routes, view_permission, stem = ("list",), VIEW, "PartnerWithoutGuide"
    title, queryset = _("Partners without a care guide"), partners_without_guide
    filterset, default_order = PartnerWithoutGuideFilter, "approach_order"
    row_link = detail_link("partner-detail")
    table = [
        Column("name", order_by=True, link=True),
        Column("kind", order_by=True),
        Column("size", value="size_class", order_by=True),
        Column("status", order_by=True),
        Column("city", order_by=True),
        Column("contacts", _("Contacts"), "contact_count", order_by=True),
    ]
    extra_links = [(_("Company care guides"), reverse_lazy("care-guide-list"), VIEW)]


class PartnerCareGuidePages(ObjectPages):
    """A partner's care guides, on its page (``pk``: the partner, ``guide_pk``)."""

    model, prefix, name, instance_arg = CareGuide, "<int:pk>/care-guides", "care-guide", "guide"
    routes, pk_kwarg, stem = ("create", "edit", "delete"), "guide_pk", "PartnerCareGuide"
    list_url = "care-guide-list"
    parent_arg, parent_url, parent_selector = "partner", "partner-detail", partner_detail
    change_permission, check_parent = OWN_CHANGE, True
    form_class, service_module, service_name = CareGuideForm, services, "care_guide"
    create_title, edit_title = _("New care guide at %(name)s"), _("Edit care guide")
    delete_title = _("Remove care guide")
    delete_question = _("Remove %(name)s from the care guides?")
    deleted_message = _("The care guide has been removed.")
    delete_button = _("Remove")
