"""Partners, their contact persons and the measures catalogue."""

from __future__ import annotations

from django.forms import modelform_factory
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters.partners import MeasureFilter, PartnerFilter
from core.forms.partners import ContactPersonForm, MeasureForm, PartnerForm
from core.models import ContactPerson, Measure, Partner
from core.selectors.partners import measure_list, partner_detail, partner_list
from core.services import partners as services
from kernel.crud.tables import Column, ListSpec, Table
from kernel.crud.views import (
    ObjectActionView,
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
)
from tenants.permissions import access_for

VIEW = "alliance.partners.view"
CHANGE = "alliance.partners.change"
OWN_VIEW = "alliance.own_partner.view"
OWN_CHANGE = "alliance.own_partner.change"

PARTNERS = ListSpec(
    name="partners",
    title=_("Partners"),
    permission=VIEW,
    queryset=partner_list,
    filterset=PartnerFilter,
    default_order="name",
    detail_url=lambda p: reverse("partner-detail", args=[p.pk]),
    create_url="partner-create",
    create_permission=CHANGE,
    columns=Table(
        Column("name", _("Name"), order_by=True, link=True),
        Column("kind", _("Kind"), order_by=True),
        Column("size", _("Size"), "size_class", order_by=True),
        Column("city", _("Town"), order_by=True),
        Column("status", _("Status"), order_by=True),
        Column("joined", _("Joined"), "joined_on", order_by=True),
        Column("care_guides", _("Care guides"), "care_guides_count", order_by=True),
        Column("measures", _("Measures"), "measures.name"),
        Column("contacts", _("Contacts"), "contact_count", order_by=True),
        Column("public", _("Listed publicly"), "public_listing_consent", order_by=True),
    ).columns,
    extra_links=[
        (
            _("Measures catalogue"),
            "/workspace/partners/measures/",
            CHANGE,
        )
    ],
)


VIEW = "alliance.partners.view"
CHANGE = CHANGE
OWN_VIEW = "alliance.own_partner.view"
OWN_CHANGE = "alliance.own_partner.change"


class PartnerListView(ObjectListView):
    required_permission, spec = VIEW, PARTNERS


class _Partner:
    model, selector, check_object = Partner, partner_detail, True
    list_url, detail_url, instance_arg = "partner-list", "partner-detail", "partner"


class PartnerDetailView(_Partner, ObjectDetailView):
    required_permission, change_permission = OWN_VIEW, OWN_CHANGE
    template_name = "core/partners/detail.html"
    context_object_name = "partner"

    def get_context_data(self, obj):
        can_manage = access_for(self.request).can(CHANGE)
        return {**super().get_context_data(obj), "can_manage": can_manage}


class PartnerEditView(_Partner, ObjectEditView):
    """Changes to a partner (also by a partner contact, to its own partner)."""

    required_permission = OWN_CHANGE
    form_class = PartnerForm
    create_service, update_service = services.partner_create, services.partner_update
    create_title, edit_title = _("New partner"), _("Edit partner")

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


class PartnerCreateView(PartnerEditView):
    """New partners: coordinators only."""

    required_permission = CHANGE


class PartnerLeaveView(_Partner, ObjectActionView):
    required_permission, check_object, selector = CHANGE, False, None
    service = services.partner_leave
    title = _("Partner leaves the alliance")
    question = _("Mark %(name)s as having left the alliance today?")
    success_message = _("The partner has been marked as left.")
    button = _("Mark as left")

    def service_kwargs(self, obj):
        return {"left_on": timezone.localdate()}


class PartnerDeleteView(_Partner, ObjectDeleteView):
    required_permission, check_object, selector = CHANGE, False, None
    service = services.partner_delete
    title = _("Delete partner")
    question = _("Delete %(name)s for good? Usually marking it as left is better.")
    success_message = _("The partner has been deleted.")


# ---------------------------------------------------------------- contact persons


class _Contact:
    """A contact person, under its partner (``pk``: the partner, ``contact_pk``)."""

    required_permission, model, instance_arg = OWN_CHANGE, ContactPerson, "contact"

    def partner(self) -> Partner:
        try:
            partner = partner_detail(self.kwargs["pk"])
        except Partner.DoesNotExist as exc:
            raise Http404 from exc
        if not access_for(self.request).can(OWN_CHANGE, partner):
            raise Http404
        return partner

    def get_object(self):
        self.parent = self.partner()
        if "contact_pk" not in self.kwargs:
            return None
        return get_object_or_404(ContactPerson, pk=self.kwargs["contact_pk"], partner=self.parent)

    def success_url(self, obj):
        return reverse("partner-detail", args=[self.parent.pk])

    cancel_url = success_url


class ContactEditView(_Contact, ObjectEditView):
    form_class = ContactPersonForm
    create_service, update_service = services.contact_create, services.contact_update
    edit_title = _("Edit contact person")

    def get_title(self, obj):
        if obj is None:
            return _("New contact person for %(name)s") % {"name": self.parent.name}
        return str(self.edit_title)

    def service_kwargs(self, form):
        if "contact_pk" in self.kwargs:
            return super().service_kwargs(form)
        return {**super().service_kwargs(form), "partner": self.parent}


class ContactDeleteView(_Contact, ObjectActionView):
    service = services.contact_delete
    title = _("Remove contact person")
    question = _("Remove %(name)s from the contact persons?")
    success_message = _("The contact person has been removed.")
    button = _("Remove")


# ---------------------------------------------------------------- measures catalogue


MEASURES = ListSpec(
    name="measures",
    title=_("Measures catalogue"),
    permission=CHANGE,
    queryset=measure_list,
    filterset=MeasureFilter,
    default_order="name",
    detail_url=lambda m: reverse("measure-edit", args=[m.pk]),
    create_url="measure-create",
    create_permission=CHANGE,
    columns=Table(
        Column("name", _("Measure"), order_by=True, link=True),
        Column("category", _("Category"), order_by=True),
        Column("partners", _("Partners"), "partner_count", order_by=True),
        Column("active", _("In the catalogue"), "is_active", order_by=True),
    ).columns,
    extra_links=[(_("Partners"), "/workspace/partners/", VIEW)],
)


class MeasureListView(ObjectListView):
    required_permission, spec = CHANGE, MEASURES


class MeasureEditView(ObjectEditView):
    required_permission, model, instance_arg = CHANGE, Measure, "measure"
    list_url = "measure-list"
    form_class = MeasureForm
    create_service, update_service = services.measure_create, services.measure_update
    create_title, edit_title = _("New measure"), _("Edit measure")

    def success_url(self, obj):
        return reverse(self.list_url)

    def cancel_url(self, obj):
        return reverse(self.list_url)
