"""The coordinator's pages for the public site: identity, awards and legal pages."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.filters.publicsite import AwardFilter
from core.forms.publicsite import AwardForm, SiteIdentityForm
from core.models import Award
from core.selectors.publicsite import alliance_legal_text, award_list, site_identity
from core.services import publicsite as services
from core.views.work import VIEW
from kernel.crud.pages import ObjectPages, detail_link
from kernel.crud.tables import Column
from kernel.crud.views import form_page
from kernel.legal.models import LegalKind
from kernel.legal.views import legal_edit_view
from tenants.permissions import requires

CHANGE = "alliance.site.change"


@requires(VIEW)
def site_settings(request):
    """What the public site shows about the alliance, and where each part is edited."""
    pages = [alliance_legal_text(kind) for kind in LegalKind.values]
    context = {
        "alliance": request.tenant,
        "identity": site_identity(),
        "awards": list(award_list()[:5]),
        "legal_pages": pages,
    }
    return render(request, "core/site/settings.html", context)


@requires(CHANGE)
def identity_edit(request):
    identity = site_identity()
    back = reverse("site-settings")
    return form_page(
        request,
        form_class=SiteIdentityForm,
        instance=identity,
        save=lambda form: services.site_identity_save(actor=request.user, **form.service_kwargs()),
        success_url=lambda obj: back,
        title=_("Identity of the public site"),
        cancel_url=back,
        success_message=_("The public site's identity has been saved."),
    )


@requires(CHANGE)
def legal_page_edit(request, kind: str):
    back_url = reverse("site-settings")
    return legal_edit_view(
        request, kind, text_of=alliance_legal_text, save=services.legal_page_save, back_url=back_url
    )


class AwardPages(ObjectPages):
    model, prefix, name = Award, "awards", "award"
    routes, back_to = ("list", "create", "edit", "delete"), "list"
    view_permission, change_permission = VIEW, CHANGE
    queryset, default_order = award_list, "-awarded_on"
    filterset = AwardFilter
    row_link = detail_link("award-edit")
    table = [
        Column("title", order_by=True, link=True),
        Column("awarded_by", order_by=True),
        Column("awarded_on", order_by=True),
        Column("public", _("On the public page"), "is_public", order_by=True),
        Column("link", export_only=True),
        Column("note", export_only=True),
    ]
    extra_links = [(_("Public site"), reverse_lazy("site-settings"), VIEW)]
    form_class, service_module = AwardForm, services
    create_title = _("New award")
    delete_question = _("Delete the award “%(title)s”?")
    deleted_message = _("The award has been deleted.")
