"""Pages of the alliance's host that need no login; they show no personal data."""

from django.shortcuts import render

from core.selectors.agreements import public_agreements
from core.selectors.partners import public_partner_list
from core.selectors.public import has_public_guide, public_project_list, upcoming_holiday_offers
from core.selectors.publicsite import public_award_list, site_identity, upcoming_public_events
from core.selectors.workshops import public_workshops
from tenants.permissions import public


@public
def home(request):
    """The alliance's public page on its own host: who we are (its identity and contact),
    current projects, upcoming events, the holiday programme and the family guide, its
    awards, our partners (those who agreed to be named) and how to become one."""
    return render(
        request,
        "core/home.html",
        {
            "alliance": request.tenant,
            "partners": list(public_partner_list()),
            "projects": list(public_project_list()),
            "offers": upcoming_holiday_offers(),
            "has_guide": has_public_guide(),
            # workshops
            "workshops": list(public_workshops()),
            "agreements": list(public_agreements()),  # careguides
            # publicsite
            "identity": site_identity(),
            "awards": list(public_award_list()),
            "events": upcoming_public_events(),
        },
    )
