"""Partners, their contact persons and the measures catalogue."""

from __future__ import annotations

from django.forms import modelform_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters.partners import MeasureFilter, PartnerFilter
from core.forms.partners import ContactPersonForm, MeasureForm, PartnerForm
from core.models import ContactPerson, Measure, Partner
from core.selectors.partners import measure_list, partner_detail, partner_list
from core.services import partners as services
from core.views.imports import import_link
from kernel.crud.pages import ObjectPages, detail_link
from kernel.crud.tables import Column
from kernel.crud.views import ObjectActionView
from tenants.permissions import access_for

VIEW = "alliance.partners.view"
CHANGE = "alliance.partners.change"
OWN_VIEW = "alliance.own_partner.view"
OWN_CHANGE = "alliance.own_partner.change"


class PartnerPages(ObjectPages):
    """Partner contacts see and change their own partner; coordinators all of them."""

    model, prefix, name = Partner, "", "partner"
    view_permission, change_permission = VIEW, CHANGE
    queryset, filterset, default_order = partner_list, PartnerFilter, "name"
    table = [
        Column("name", order_by=True, link=True),
        Column("kind", order_by=True),
        Column("size", value="size_class", order_by=True),
        Column("city", order_by=True),
        Column("status", order_by=True),
        Column("joined", _("Joined"), "joined_on", order_by=True),
        Column("care_guides", _("Care guides"), "care_guides_count", order_by=True),
        Column("measures", _("Measures"), "measure_names"),
        Column("contacts", _("Contacts"), "contact_count", order_by=True),
        Column("public", _("Listed publicly"), "public_listing_consent", order_by=True),
    ]
    extra_links = [(_("Measures catalogue"), "/workspace/partners/measures/", CHANGE)]
    empty_links = [import_link("partners")]
    selector, template_name = partner_detail, "core/partners/detail.html"
    form_class, service_module = PartnerForm, services
    create_title = _("New partner")
    delete_question = _("Delete %(name)s for good? Usually marking it as left is better.")
    deleted_message = _("The partner has been deleted.")

    class Detail:
        required_permission, change_permission, check_object = OWN_VIEW, OWN_CHANGE, True

        def get_context_data(self, obj):
            can_manage = access_for(self.request).can(CHANGE)
            return {**super().get_context_data(obj), "can_manage": can_manage}

    class Edit:
        """Changes to a partner (also by a partner contact, to its own partner)."""

        required_permission, check_object, selector = OWN_CHANGE, True, partner_detail

        def get_form_class(self):
            """The partner form without the fields this person may not set (FIELD_RULES):
            a partner contact neither sees nor sends its membership or counted figures."""
            if "pk" not in self.kwargs:
                return PartnerForm
            fields = PartnerForm._meta.fields
            refused = set(access_for(self.request).refused_fields("core.partner", fields))
            if not refused:
                return PartnerForm
            return modelform_factory(
                Partner, form=PartnerForm, fields=[f for f in fields if f not in refused]
            )

    class Create:
        """New partners: coordinators only."""

        required_permission = CHANGE


class PartnerLeaveView(PartnerPages.Record, ObjectActionView):
    required_permission = CHANGE
    service = services.partner_leave
    title = _("Partner leaves the alliance")
    question = _("Mark %(name)s as having left the alliance today?")
    success_message = _("The partner has been marked as left.")
    button = _("Mark as left")

    def service_kwargs(self, obj):
        return {"left_on": timezone.localdate()}


# ---------------------------------------------------------------- contact persons


class ContactPages(ObjectPages):
    """A partner's contact persons, on its page (``pk``: the partner, ``contact_pk``)."""

    model, prefix, name = ContactPerson, "<int:pk>/contacts", "contact"
    routes, pk_kwarg, stem = ("create", "edit", "delete"), "contact_pk", "Contact"
    parent_arg, parent_url, parent_selector = "partner", "partner-detail", partner_detail
    change_permission, check_parent = OWN_CHANGE, True
    form_class, service_module = ContactPersonForm, services
    create_title = _("New contact person for %(name)s")
    delete_title = _("Remove contact person")
    delete_question = _("Remove %(name)s from the contact persons?")
    deleted_message = _("The contact person has been removed.")
    delete_button = _("Remove")


# ---------------------------------------------------------------- measures catalogue


class MeasurePages(ObjectPages):
    model, prefix, name = Measure, "measures", "measure"
    routes, back_to = ("list", "create", "edit"), "list"
    view_permission = change_permission = CHANGE
    title, queryset, filterset = _("Measures catalogue"), measure_list, MeasureFilter
    default_order, row_link = "name", detail_link("measure-edit")
    table = [
        Column("name", _("Measure"), order_by=True, link=True),
        Column("category", order_by=True),
        Column("partners", _("Partners"), "partner_count", order_by=True),
        Column("active", _("In the catalogue"), "is_active", order_by=True),
    ]
    extra_links = [(_("Partners"), "/workspace/partners/", VIEW)]
    form_class, service_module = MeasureForm, services
    create_title = _("New measure")
