"""The alliance's public site beyond its start page: "Partner werden", the legal pages,
and the identity's logo and colours. Everything here is open to everyone and shows
nothing personal but what the alliance publishes about itself."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.forms.publicsite import PartnerApplicationForm
from core.models import SiteIdentity
from core.selectors.publicsite import alliance_legal_text, site_identity
from core.services.publicsite import public_application_submit
from kernel.colours import HEX_COLOUR
from kernel.crud.views import add_validation_error
from kernel.legal.views import legal_page_view
from kernel.uploads import image_response
from tenants.permissions import public
from tenants.throttling import hit

# Applications one client may send per hour (a person sends one; a script many).
APPLICATION_RATE = "5/hour"


def _client(request) -> str:
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or "unknown"


@public
def partner_apply(request):
    """ "Partner werden": the public application form; it goes to the board."""
    status = 200
    if request.method == "POST":
        form = PartnerApplicationForm(request.POST)
        if not hit("partner-application", _client(request), APPLICATION_RATE).allowed:
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Too many applications have been sent from your connection. Please try "
                    "again in an hour or write to us by e-mail."
                ),
            )
            status = 429
        elif form.is_valid():
            try:
                public_application_submit(**form.service_kwargs())
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, _("Thank you! Your application has been sent."))
                return redirect("public-apply-done")
        status = status if status != 200 else 400
    else:
        form = PartnerApplicationForm()
    context = {"alliance": request.tenant, "form": form, "identity": site_identity()}
    return render(request, "core/public/apply.html", context, status=status)


@public
@require_GET
def partner_apply_done(request):
    return render(request, "core/public/apply_done.html", {"alliance": request.tenant})


@public
@require_GET
def legal_page(request, kind: str):
    """The alliance's Impressum, Datenschutzerklärung or Barrierefreiheitserklärung."""
    return legal_page_view(
        request, kind, text_of=alliance_legal_text, area_name=request.tenant.name
    )


@public
@require_GET
def site_logo(request):
    """The alliance's logo, shown inline (PNG or JPEG only, checked at upload)."""
    return image_response(site_identity().logo)


@public
@require_GET
def site_theme(request):
    """The alliance's colours as CSS custom properties, with readable text colours."""
    identity = site_identity()
    defaults = SiteIdentity()
    for name in ("primary_colour", "accent_colour"):  # validated on save; never trusted here
        if not HEX_COLOUR.match(getattr(identity, name) or ""):
            setattr(identity, name, getattr(defaults, name))
    css = (
        ":root{"
        f"--site-primary:{identity.primary_colour};--site-on-primary:{identity.on_primary};"
        f"--site-accent:{identity.accent_colour};--site-on-accent:{identity.on_accent};"
        "}\n"
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response
