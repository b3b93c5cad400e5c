"""Partners, their contact persons and the measures catalogue."""

from __future__ import annotations

from django.forms import modelform_factory
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.filters.partners import MeasureFilter, PartnerFilter
from core.forms.partners import ContactPersonForm, MeasureForm, PartnerForm
from core.models import ContactPerson, Measure, Partner
from core.selectors.partners import measure_list, partner_detail, partner_list
from core.services import partners as services
from kernel.crud.tables import Column, ListSpec, list_view
from kernel.crud.views import confirm_page, form_page, split_many
from tenants.permissions import access_for, requires

PARTNERS = ListSpec(
    name="partners",
    title=gettext_lazy("Partners"),
    permission="alliance.partners.view",
    queryset=partner_list,
    filterset=PartnerFilter,
    default_order="name",
    detail_url=lambda p: reverse("partner-detail", args=[p.pk]),
    create_url="partner-create",
    create_permission="alliance.partners.change",
    columns=[
        Column("name", gettext_lazy("Name"), lambda p: p.name, "name", link=True),
        Column("kind", gettext_lazy("Kind"), lambda p: p.get_kind_display(), "kind"),
        Column("size", gettext_lazy("Size"), lambda p: p.get_size_class_display(), "size_class"),
        Column("city", gettext_lazy("Town"), lambda p: p.city, "city"),
        Column("status", gettext_lazy("Status"), lambda p: p.get_status_display(), "status"),
        Column("joined", gettext_lazy("Joined"), lambda p: p.joined_on, "joined_on"),
        Column(
            "care_guides",
            gettext_lazy("Care guides"),
            lambda p: p.care_guides_count,
            "care_guides_count",
        ),
        Column("measures", gettext_lazy("Measures"), lambda p: [m.name for m in p.measures.all()]),
        Column("contacts", gettext_lazy("Contacts"), lambda p: p.contact_count, "contact_count"),
        Column(
            "public",
            gettext_lazy("Listed publicly"),
            lambda p: p.public_listing_consent,
            "public_listing_consent",
        ),
    ],
    extra_links=[
        (
            gettext_lazy("Measures catalogue"),
            "/workspace/partners/measures/",
            "alliance.partners.change",
        )
    ],
)


@requires("alliance.partners.view")
def partner_list_view(request):
    return list_view(request, PARTNERS)


def _partner_or_404(request, pk: int, permission: str) -> Partner:
    """The partner, if this person may use ``permission`` on it (own-partner rules apply)."""
    try:
        partner = partner_detail(pk)
    except Partner.DoesNotExist as exc:
        raise Http404 from exc
    if not access_for(request).can(permission, partner):
        raise Http404
    return partner


@requires("alliance.own_partner.view")
def partner_detail_view(request, pk: int):
    partner = _partner_or_404(request, pk, "alliance.own_partner.view")
    access = access_for(request)
    return render(
        request,
        "core/partners/detail.html",
        {
            "partner": partner,
            "can_change": access.can("alliance.own_partner.change", partner),
            "can_manage": access.can("alliance.partners.change"),
        },
    )


@requires("alliance.partners.change")
def partner_create(request):
    def save(form):
        data, many = split_many(form)
        return services.partner_create(actor=request.user, data=data, measures=many["measures"])

    return form_page(
        request,
        form_class=PartnerForm,
        save=save,
        success_url=lambda p: reverse("partner-detail", args=[p.pk]),
        title=_("New partner"),
        cancel_url=reverse("partner-list"),
    )


def _partner_form_for(request) -> type[PartnerForm]:
    """The partner form without the fields this person may not set (FIELD_RULES):
    a partner contact neither sees nor sends its membership or counted figures."""
    fields = PartnerForm._meta.fields
    refused = set(access_for(request).refused_fields("core.partner", fields))
    if not refused:
        return PartnerForm
    return modelform_factory(
        Partner, form=PartnerForm, fields=[f for f in fields if f not in refused]
    )


@requires("alliance.own_partner.change")
def partner_edit(request, pk: int):
    partner = _partner_or_404(request, pk, "alliance.own_partner.change")

    def save(form):
        data, many = split_many(form)
        return services.partner_update(
            actor=request.user, partner=partner, data=data, measures=many["measures"]
        )

    return form_page(
        request,
        form_class=_partner_form_for(request),
        instance=partner,
        save=save,
        success_url=lambda p: reverse("partner-detail", args=[p.pk]),
        title=_("Edit partner"),
        cancel_url=reverse("partner-detail", args=[partner.pk]),
    )


@requires("alliance.partners.change")
def partner_leave(request, pk: int):
    partner = get_object_or_404(Partner, pk=pk)
    return confirm_page(
        request,
        obj=partner,
        action=lambda: services.partner_leave(
            actor=request.user, partner=partner, left_on=timezone.localdate()
        ),
        title=_("Partner leaves the alliance"),
        question=_("Mark %(name)s as having left the alliance today?") % {"name": partner.name},
        cancel_url=reverse("partner-detail", args=[pk]),
        success_url=reverse("partner-detail", args=[pk]),
        success_message=_("The partner has been marked as left."),
        button=_("Mark as left"),
    )


@requires("alliance.partners.change")
def partner_delete(request, pk: int):
    partner = get_object_or_404(Partner, pk=pk)
    return confirm_page(
        request,
        obj=partner,
        action=lambda: services.partner_delete(actor=request.user, partner=partner),
        title=_("Delete partner"),
        question=_("Delete %(name)s for good? Usually marking it as left is better.")
        % {"name": partner.name},
        cancel_url=reverse("partner-detail", args=[pk]),
        success_url=reverse("partner-list"),
        success_message=_("The partner has been deleted."),
        button=_("Delete"),
    )


# ---------------------------------------------------------------- contact persons


@requires("alliance.own_partner.change")
def contact_create(request, pk: int):
    partner = _partner_or_404(request, pk, "alliance.own_partner.change")
    return form_page(
        request,
        form_class=ContactPersonForm,
        save=lambda form: services.contact_create(
            actor=request.user, partner=partner, data=form.cleaned_data
        ),
        success_url=lambda c: reverse("partner-detail", args=[partner.pk]),
        title=_("New contact person for %(name)s") % {"name": partner.name},
        cancel_url=reverse("partner-detail", args=[partner.pk]),
    )


def _contact_or_404(request, pk: int, contact_pk: int) -> ContactPerson:
    partner = _partner_or_404(request, pk, "alliance.own_partner.change")
    return get_object_or_404(ContactPerson, pk=contact_pk, partner=partner)


@requires("alliance.own_partner.change")
def contact_edit(request, pk: int, contact_pk: int):
    contact = _contact_or_404(request, pk, contact_pk)
    return form_page(
        request,
        form_class=ContactPersonForm,
        instance=contact,
        save=lambda form: services.contact_update(
            actor=request.user, contact=contact, data=form.cleaned_data
        ),
        success_url=lambda c: reverse("partner-detail", args=[pk]),
        title=_("Edit contact person"),
        cancel_url=reverse("partner-detail", args=[pk]),
    )


@requires("alliance.own_partner.change")
def contact_delete(request, pk: int, contact_pk: int):
    contact = _contact_or_404(request, pk, contact_pk)
    return confirm_page(
        request,
        obj=contact,
        action=lambda: services.contact_delete(actor=request.user, contact=contact),
        title=_("Remove contact person"),
        question=_("Remove %(name)s from the contact persons?") % {"name": contact},
        cancel_url=reverse("partner-detail", args=[pk]),
        success_url=reverse("partner-detail", args=[pk]),
        success_message=_("The contact person has been removed."),
        button=_("Remove"),
    )


# ---------------------------------------------------------------- measures catalogue


MEASURES = ListSpec(
    name="measures",
    title=gettext_lazy("Measures catalogue"),
    permission="alliance.partners.change",
    queryset=measure_list,
    filterset=MeasureFilter,
    default_order="name",
    detail_url=lambda m: reverse("measure-edit", args=[m.pk]),
    create_url="measure-create",
    create_permission="alliance.partners.change",
    columns=[
        Column("name", gettext_lazy("Measure"), lambda m: m.name, "name", link=True),
        Column(
            "category", gettext_lazy("Category"), lambda m: m.get_category_display(), "category"
        ),
        Column("partners", gettext_lazy("Partners"), lambda m: m.partner_count, "partner_count"),
        Column("active", gettext_lazy("In the catalogue"), lambda m: m.is_active, "is_active"),
    ],
    extra_links=[(gettext_lazy("Partners"), "/workspace/partners/", "alliance.partners.view")],
)


@requires("alliance.partners.change")
def measure_list_view(request):
    return list_view(request, MEASURES)


@requires("alliance.partners.change")
def measure_create(request):
    return form_page(
        request,
        form_class=MeasureForm,
        save=lambda form: services.measure_create(actor=request.user, data=form.cleaned_data),
        success_url=lambda m: reverse("measure-list"),
        title=_("New measure"),
        cancel_url=reverse("measure-list"),
    )


@requires("alliance.partners.change")
def measure_edit(request, pk: int):
    measure = get_object_or_404(Measure, pk=pk)
    return form_page(
        request,
        form_class=MeasureForm,
        instance=measure,
        save=lambda form: services.measure_update(
            actor=request.user, measure=measure, data=form.cleaned_data
        ),
        success_url=lambda m: reverse("measure-list"),
        title=_("Edit measure"),
        cancel_url=reverse("measure-list"),
    )
