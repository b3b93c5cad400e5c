"""Pages of the alliance's host that need no login; they show no personal data."""

from django.shortcuts import render

from tenants.permissions import public


@public
def home(request):
    """The alliance's public page on its own host: who we are."""
    return render(request, "core/home.html", {"alliance": request.tenant})
