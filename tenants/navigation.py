"""The menus of the two areas: each entry appears for those who may open it."""

from __future__ import annotations

import functools

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext_lazy as _

from tenants.permissions import access_for

STATE_MENU = [
    (_("Overview"), "state-home", None),
    (_("Dashboard"), "dashboard", "state.dashboard.view"),
    (_("Alliances"), "dashboard-alliances", "state.alliances.view"),
    (_("Needing attention"), "state-monitoring", "state.alliances.view"),
    (_("Address book"), "state-address-book", "state.addressbook.view"),
    (_("Mailings"), "state-mailing-list", "state.mailings.send"),
    (_("Regional meetings"), "regional-meeting-list", "state.meetings.manage"),
    (_("New alliances"), "setup-board", "state.setups.manage"),
    (_("Reports"), "report-list", "state.reports.view"),
    (_("Documents"), "state-library-list", "state.library.view"),
    (_("Awards"), "state-award-list", "state.alliances.view"),
    (_("Starter templates"), "starter-template-list", "state.starter.manage"),
    (_("Certification templates"), "certification-template-list", "state.certification.manage"),
    (_("Statistics"), "statistics-refresh", "state.statistics.refresh"),
    (_("Legal pages"), "state-legal-list", "state.legal.manage"),
    (_("State and state office"), "state-office", "state.office.view"),
    # federal
    (_("Germany"), "federal-overview", "federal.overview.view"),
    (_("Programmes"), "programme-list", "federal.programmes.view"),
    (_("Programme documents"), "programme-document-list", "federal.programmes.view"),
    (_("Alliance of the month"), "federal-award-list", "federal.awards.manage"),
]

# In the order of the alliance's work: its network, its board, its projects and offers,
# its money, then the public face and the housekeeping.
MENU = [
    (_("Overview"), "workspace", "alliance.workspace.view"),
    (_("First steps"), "onboarding-checklist", "alliance.onboarding.manage"),
    (_("Partners"), "partner-list", "alliance.partners.view"),
    (_("Care guides"), "care-guide-list", "alliance.care_guides.view"),
    (_("Agreements"), "agreement-list", "alliance.agreements.view"),
    (_("Applications"), "application-list", "alliance.applications.view"),
    (_("Board"), "meeting-list", "alliance.board.view"),
    (_("Projects"), "project-list", "alliance.work.view"),
    (_("Working groups"), "working-group-list", "alliance.work.view"),
    (_("Working group tasks"), "task-list", "alliance.work.view"),
    (_("Events"), "event-list", "alliance.work.view"),
    (_("Workshops"), "workshop-list", "alliance.workshops.view"),
    (_("Childcare pool"), "carer-list", "alliance.childcare.view"),
    (_("Placements"), "placement-list", "alliance.childcare.view"),
    (_("Holiday programme"), "holiday-list", "alliance.work.view"),
    (_("Family guide"), "guide-list", "alliance.work.view"),
    (_("Family seal"), "seal-list", "alliance.work.view"),
    (_("Certification programmes"), "certification-programme-list", "alliance.work.view"),
    (_("Funding circle"), "fundraising-overview", "alliance.fundraising.view"),
    (_("Regional meetings"), "regional-invited-list", "alliance.regional.view"),
    (_("Documents"), "library-list", "alliance.library.view"),
    (_("Public site"), "site-settings", "alliance.work.view"),
    (_("Import"), "import-upload", "alliance.imports.upload"),
    (_("Personal data"), "personal-data", "alliance.personal_data.manage"),
    (_("Audit trail"), "audit-trail", "alliance.audit.view"),
]


@functools.cache
def _url(url_name: str, urlconf: str, script_prefix: str) -> str | None:
    """``reverse(url_name)`` in ``urlconf`` under ``script_prefix`` (the arguments are the
    cache key: a menu entry's address never changes while the process runs), or None
    where that URL conf does not serve it (an area this installation does not serve)."""
    try:
        return reverse(url_name, urlconf=urlconf)
    except NoReverseMatch:
        return None


def area_menu(request) -> list[tuple[str, str, bool]]:
    """(label, url, current) for what this person may open on this host."""
    tenant = getattr(request, "tenant", None)
    if tenant is None:
        return []
    access = access_for(request)
    if not access.is_authenticated:
        return []
    entries = STATE_MENU if getattr(tenant, "is_public", True) else MENU
    if not any(permission and access.can(permission) for _label, _name, permission in entries):
        return []  # nothing but the start page: no menu
    found = []
    for label, url_name, permission in entries:
        if permission is not None and not access.can(permission):
            continue
        url = _url(url_name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
        if url is not None:
            found.append((label, url))
    current = _current(request.path, found)
    return [(label, url, url == current) for label, url in found]


def _current(path: str, found: list[tuple[str, str]]) -> str | None:
    """The entry the page belongs to: its own address, or else the longest entry address
    the path lies below (a programme page under /workspace/seal/programmes/ belongs to
    "Certification programmes", not also to "Family seal")."""
    below = [
        url
        for _label, url in found
        if path == url or (url not in ("/", "/workspace/") and path.startswith(url))
    ]
    return max(below, key=len, default=None)


def menu(request):
    """Context processor: the area menu and the caller's access (for templates that
    show a link only to those who may follow it: ``"code" in access.granted``)."""
    if getattr(request, "tenant", None) is None:
        return {"area_menu": [], "access": None}
    return {"area_menu": area_menu(request), "access": access_for(request)}
