"""The workspace menu: each area appears for those who may open it."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from tenants.permissions import access_for

MENU = [
    (_("Overview"), "workspace", "alliance.workspace.view"),
    (_("Partners"), "partner-list", "alliance.partners.view"),
    (_("Applications"), "application-list", "alliance.applications.view"),
    (_("Board"), "meeting-list", "alliance.board.view"),
    (_("Projects"), "project-list", "alliance.work.view"),
    (_("Working groups"), "working-group-list", "alliance.work.view"),
    (_("Events"), "event-list", "alliance.work.view"),
    (_("Family seal"), "seal-list", "alliance.work.view"),
    (_("Funding circle"), "funding-list", "alliance.work.view"),
    (_("Holiday programme"), "holiday-list", "alliance.work.view"),
    (_("Family guide"), "guide-list", "alliance.work.view"),
    (_("Regional meetings"), "regional-invited-list", "alliance.regional.view"),
    (_("Import"), "import-upload", "alliance.partners.change"),
    (_("Personal data"), "personal-data", "alliance.personal_data.manage"),
    (_("Audit trail"), "audit-trail", "alliance.audit.view"),
]


def workspace_menu(request) -> list[tuple[str, str, bool]]:
    """(label, url, current) for the areas this person may open on this alliance host."""
    tenant = getattr(request, "tenant", None)
    if tenant is None or getattr(tenant, "is_public", True):
        return []
    access = access_for(request)
    if not access.is_authenticated:
        return []
    items = []
    for label, url_name, permission in MENU:
        if not access.can(permission):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue  # an area that this installation does not serve
        current = request.path == url or (url != "/workspace/" and request.path.startswith(url))
        items.append((label, url, current))
    return items


def menu(request):
    """Context processor."""
    return {"workspace_menu": workspace_menu(request)}
