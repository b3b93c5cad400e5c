"""The one permission layer: who may do what, on which host.

Every HTML view and every API endpoint asks :func:`access_for` (or the decorators
below); nothing else decides access. The permission matrix is declared here once:
``RULES`` (role x permission, with object checks such as "own partner"),
``FIELD_RULES`` (fields only some permissions may set, checked by the record services)
and ``EXPORT_PERMISSION`` (what a list's export needs besides the list). ``docs/roles.md``
is generated from it (``manage.py roles_doc``, ``tenants/roles_doc.py``);
``tests/tenants/test_permissions.py`` checks every cell, and
``tests/tenants/test_permissions_matrix.py`` asks every route as every role over HTTP.

Two areas exist: the state area (the public schema, on the parent domain) and an
alliance's workspace (its schema, on its host). A permission belongs to one area and is
never granted in the other. A request that is not allowed answers 404 for a logged-in
person (so nothing can be enumerated) and redirects to the login page for anonymous
visitors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest

from tenants import scope
from tenants.roles import Role

STATE = "state"
ALLIANCE = "alliance"

SC = Role.STATE_COORDINATOR
MIN = Role.MINISTRY
LC = Role.LOCAL_COORDINATOR
BM = Role.BOARD_MEMBER
PC = Role.PARTNER_CONTACT
PS = Role.POOL_STAFF  # carers
FED = Role.FEDERAL_OFFICE


def _own_partner(access: Access, obj: Any) -> bool:
    """A partner contact acts only for the partner organisation named in the membership."""
    partner_id = getattr(obj, "partner_id", None) or getattr(obj, "pk", None)
    return partner_id is not None and partner_id in access.partner_ids


@dataclass(frozen=True)
class Rule:
    area: str
    roles: frozenset[Role]
    description: str
    # Roles that hold the permission only for some objects: role -> check(access, obj).
    object_checks: dict[Role, Callable[[Access, Any], bool]] = field(default_factory=dict)


def _rule(area: str, roles: Iterable[Role], description: str, **checks) -> Rule:
    object_checks = {Role(role): check for role, check in checks.items()}
    return Rule(area, frozenset(roles), description, object_checks)


RULES: dict[str, Rule] = {
    # ---------------------------------------------------------------- state area
    "state.dashboard.view": _rule(STATE, {SC, MIN}, "Aggregated state dashboard"),
    "state.reports.view": _rule(STATE, {SC, MIN}, "Released reports (ministry: released only)"),
    "state.reports.manage": _rule(STATE, {SC}, "Write, generate and release reports"),
    "state.alliances.view": _rule(
        STATE,
        {SC},
        "Figures, details and contact persons of each alliance; alliances needing attention",
    ),
    "state.statistics.refresh": _rule(STATE, {SC}, "Refresh the statistics now"),
    "state.meetings.manage": _rule(
        STATE, {SC}, "Regional meetings, invitations, reminders, attendance, calendar feed"
    ),
    "state.setups.manage": _rule(STATE, {SC}, "New-alliance pipeline and provisioning"),
    # addressbook: personal data of the alliances' people, for the state office only
    "state.addressbook.view": _rule(
        STATE,
        {SC},
        "Address book of the alliances' coordinators, board members, partner contacts and"
        " public contacts; its exports",
    ),
    "state.mailings.send": _rule(
        STATE, {SC}, "Mailings to groups of the address book: compose, confirm, send, sent log"
    ),
    # states
    "state.office.view": _rule(
        STATE, {SC, MIN}, "The state, its coordination office, alliance count and staff"
    ),
    "state.office.manage": _rule(
        STATE, {SC}, "Change the coordination office's name, address, contact and logo"
    ),
    # federal: the federal service office (all of Germany, aggregates only)
    "federal.overview.view": _rule(
        STATE, {FED}, "Germany's figures per state (aggregated, small numbers suppressed)"
    ),
    "federal.programmes.view": _rule(
        STATE,
        {FED, SC},
        "Cross-alliance programmes, their participants, milestones and documents (state"
        " office: those its own state's alliances take part in, narrowed by its state scope)",
    ),
    "federal.programmes.manage": _rule(
        STATE, {FED}, "Run programmes: participants, milestones, shared documents"
    ),
    "federal.awards.manage": _rule(STATE, {FED}, "Choose and publish the alliance of the month"),
    # ---------------------------------------------------------------- alliance workspace
    "alliance.workspace.view": _rule(ALLIANCE, {LC, BM, PC, SC, PS}, "Workspace start page"),
    "alliance.partners.view": _rule(ALLIANCE, {LC, BM, SC}, "Partner list and details"),
    "alliance.partners.change": _rule(ALLIANCE, {LC}, "Add, edit, import partners"),
    "alliance.own_partner.view": _rule(
        ALLIANCE, {LC, BM, SC, PC}, "A partner's profile and measures", partner_contact=_own_partner
    ),
    "alliance.own_partner.change": _rule(
        ALLIANCE, {LC, PC}, "Edit a partner's profile and measures", partner_contact=_own_partner
    ),
    "alliance.applications.view": _rule(ALLIANCE, {LC, BM, SC}, "Admission applications"),
    "alliance.applications.decide": _rule(ALLIANCE, {LC, BM}, "Record a board decision"),
    "alliance.board.view": _rule(ALLIANCE, {LC, BM, SC}, "Board members and meetings"),
    "alliance.board.manage": _rule(ALLIANCE, {LC}, "Plan meetings, agendas, minutes"),
    "alliance.imports.upload": _rule(
        ALLIANCE,
        {LC, PS},
        "Import lists: partners, projects, carers, care guides, members and donors, funding"
        " entries (each kind also needs its change permission)",
    ),
    "alliance.work.view": _rule(
        ALLIANCE, {LC, SC}, "Projects, working groups, events, seal, funding, holidays"
    ),
    "alliance.work.change": _rule(ALLIANCE, {LC}, "Edit projects and the other work records"),
    "alliance.exports.download": _rule(
        ALLIANCE, {LC, SC, PS}, "CSV/XLSX exports of lists (each list also needs its own)"
    ),
    "alliance.audit.view": _rule(ALLIANCE, {LC}, "The alliance's audit trail"),
    "alliance.regional.view": _rule(
        ALLIANCE,
        {LC, SC},
        "Regional meetings the alliance is invited to, their minutes and files, the alliance's"
        " attendance, calendar feed",
    ),
    "alliance.members.manage": _rule(ALLIANCE, {LC}, "Who has which role in the alliance"),
    "alliance.personal_data.manage": _rule(ALLIANCE, {LC}, "Export and erase personal data (GDPR)"),
    # onboarding
    "state.starter.manage": _rule(STATE, {SC}, "Starter templates copied into new alliances"),
    "alliance.onboarding.manage": _rule(
        ALLIANCE, {LC}, "First-run checklist: see it, mark items done or skipped"
    ),
    # carers: the pool's personal data, for the coordinator and the pool's staff only
    "alliance.childcare.view": _rule(
        ALLIANCE, {LC, PS}, "Childcare pool: carers, placements, matching"
    ),
    "alliance.childcare.change": _rule(
        ALLIANCE, {LC, PS}, "Register carers and their checks, make placements, import, export"
    ),
    # workshops
    "alliance.workshops.view": _rule(
        ALLIANCE, {LC, BM, SC}, "Workshops: registrations, topics, seats, attendance list"
    ),
    "alliance.workshops.manage": _rule(
        ALLIANCE, {LC}, "Run workshops: registrations, topics, seats, results"
    ),
    # careguides
    "alliance.care_guides.view": _rule(
        ALLIANCE, {LC, SC}, "Care guides of all partners, refreshers due, partners without one"
    ),
    "alliance.agreements.view": _rule(ALLIANCE, {LC, BM, SC}, "Cooperation agreements"),
    "alliance.agreements.change": _rule(ALLIANCE, {LC}, "Record and change cooperation agreements"),
    # publicsite
    "alliance.site.change": _rule(
        ALLIANCE, {LC}, "Public site: identity (logo, colours, contact), awards, legal pages"
    ),
    "state.legal.manage": _rule(STATE, {SC}, "Legal pages of the state area"),
    # certification
    "alliance.certification.self_assess": _rule(
        ALLIANCE,
        {LC, PC},
        "Fill in an employer's self-assessment for a certificate (partner contact: own)",
        partner_contact=_own_partner,
    ),
    "state.certification.manage": _rule(
        STATE, {SC}, "Certification programme templates for the alliances"
    ),
    # fundraising
    "alliance.fundraising.view": _rule(
        ALLIANCE, {LC, BM, SC}, "Fundraising circle: yearly overview, actions, grants to projects"
    ),
    "alliance.fundraising.change": _rule(
        ALLIANCE, {LC}, "Edit fundraising actions, grants and the receipt settings"
    ),
    "alliance.fundraising.donors": _rule(
        ALLIANCE, {LC}, "Members and donors of the circle (names, addresses), donation receipts"
    ),
    # library
    "state.library.view": _rule(
        STATE, {SC, MIN}, "State document library (ministry: the documents shared with it)"
    ),
    "state.library.manage": _rule(
        STATE, {SC}, "Add state documents and new versions, choose who sees them, delete"
    ),
    "alliance.library.view": _rule(
        ALLIANCE,
        {LC, BM, PC, SC},
        "Document library: the alliance's documents and the state office's shared with the"
        " role (board and partner contacts: those shared with them)",
    ),
    "alliance.library.manage": _rule(
        ALLIANCE, {LC}, "Add the alliance's documents and new versions, choose who sees them"
    ),
}


# Exporting a list (CSV/XLSX) needs the list's own permission and, in an alliance, also
# this one: an export is never granted more widely than its list.
EXPORT_PERMISSION = {ALLIANCE: "alliance.exports.download", STATE: None}


def export_is_guarded(list_code: str, export_code: str) -> bool:
    """Whether an export (asked for the list's and ``export_code``'s permission, as
    ``kernel.crud.tables.list_view`` does) grants no role more than the list and its area's
    export permission do: the check every ListSpec must pass. A public list (anyone may
    read it) is guarded by any permission its export asks for."""
    from kernel.crud.tables import PUBLIC

    if list_code == PUBLIC:
        return export_code in RULES
    rule, export = RULES[list_code], RULES[export_code]
    allowed = set(rule.roles)
    area_code = EXPORT_PERMISSION[rule.area]
    if area_code is not None:
        allowed &= RULES[area_code].roles
    return export.area == rule.area and (rule.roles & export.roles) <= allowed


# ---------------------------------------------------------------- field-level rules


@dataclass(frozen=True)
class FieldRule:
    """Fields of a model that only holders of one of ``permissions`` may set.

    Holding the permission to change the record is not enough for these fields: a
    partner contact edits its own partner's profile, but the membership (status and
    dates) and the figures counted in the state statistics (``regional/statistics.py``
    counts active partners by kind and their care guides) stay with the coordinator,
    or with the board deciding an application (the reviewed way a partner is admitted).
    """

    model: str  # "app_label.model_name"
    fields: tuple[str, ...]
    permissions: tuple[str, ...]  # any one of them grants setting the fields
    description: str


FIELD_RULES: tuple[FieldRule, ...] = (
    FieldRule(
        "core.partner",
        ("status", "joined_on", "left_on"),
        ("alliance.partners.change", "alliance.applications.decide"),
        "Membership: status, joined and left dates",
    ),
    FieldRule(
        "core.partner",
        ("kind", "care_guides_count"),
        ("alliance.partners.change", "alliance.applications.decide"),
        # A partner contact records its own partner's care guides one by one
        # (core.models.careguides); the bare number stays with the coordinator.
        "Figures counted in the state statistics: kind, care guides",
    ),
)


def guarded_fields(model: str) -> dict[str, FieldRule]:
    """field name -> its rule, for the model ``"app_label.model_name"``."""
    return {name: rule for rule in FIELD_RULES if rule.model == model for name in rule.fields}


# ---------------------------------------------------------------- access of one request


@dataclass
class Access:
    """What one person may do on one host. Built once per request by :func:`access_for`."""

    user: Any
    area: str
    alliance_id: int | None
    roles: frozenset[Role]
    partner_ids: frozenset[int]
    # In the state area: the state the caller's state roles are held for (their office
    # sees that state only); None for everyone else.
    state_key: str | None = None

    @property
    def is_authenticated(self) -> bool:
        return bool(self.user is not None and self.user.is_authenticated and self.user.is_active)

    def can(self, code: str, obj: Any = None) -> bool:
        rule = RULES.get(code)
        if rule is None:
            raise KeyError(f"Unknown permission {code!r}; add it to tenants.permissions.RULES.")
        if not self.is_authenticated or rule.area != self.area:
            return False
        for role in self.roles & rule.roles:
            check = rule.object_checks.get(role)
            if check is None:
                return True
            if obj is not None and check(self, obj):
                return True
        return False

    def holds(self, code: str) -> bool:
        """Whether some role grants ``code`` here, perhaps only for some objects.

        Views guard with this and then check the object itself with ``can(code, obj)``.
        """
        rule = RULES.get(code)
        if rule is None:
            raise KeyError(f"Unknown permission {code!r}; add it to tenants.permissions.RULES.")
        if not self.is_authenticated or rule.area != self.area:
            return False
        return bool(self.roles & rule.roles)

    def refused_fields(self, model: str, fields: Iterable[str]) -> list[str]:
        """Those of ``fields`` of ``model`` this person may not set (see FIELD_RULES)."""
        rules = guarded_fields(model)
        return [
            name
            for name in fields
            if name in rules and not any(self.can(code) for code in rules[name].permissions)
        ]

    @property
    def granted(self) -> frozenset[str]:
        """Permission codes held without object restriction (for navigation)."""
        return frozenset(
            code
            for code, rule in RULES.items()
            if self.is_authenticated
            and rule.area == self.area
            and any(r in rule.roles and r not in rule.object_checks for r in self.roles)
        )


def _compute(user, tenant, memberships: Callable[[], Iterable[Any]]) -> Access:
    """``memberships()`` gives the person's memberships (``tenants.selectors.memberships_of``);
    those of the state and of this host's alliance count here. Asked only of an active,
    logged-in person."""
    is_alliance = tenant is not None and not getattr(tenant, "is_public", True)
    area = ALLIANCE if is_alliance else STATE
    alliance_id = tenant.pk if is_alliance else None
    roles: set[Role] = set()
    partner_ids: set[int] = set()
    state_key: str | None = None
    if user is not None and user.is_authenticated and user.is_active:
        for membership in memberships():
            if not _counts_here(membership, tenant, alliance_id):
                continue
            roles.add(Role(membership.role))
            if membership.partner_id is not None:
                partner_ids.add(membership.partner_id)
            if membership.state_id is not None and not is_alliance:
                state_key = membership.state_id
    return Access(user, area, alliance_id, frozenset(roles), frozenset(partner_ids), state_key)


def _counts_here(membership, tenant, alliance_id: int | None) -> bool:
    """A membership of this host's alliance counts, and one held without an alliance. In
    an alliance's workspace a state role counts only for an alliance of its own state
    (Saxony's office never opens a Thuringian workspace), and the federal office's role
    never does (it sees aggregates only)."""
    if membership.alliance_id is not None:
        return membership.alliance_id == alliance_id
    if alliance_id is None:
        return True
    return membership.state_id is not None and membership.state_id == tenant.state_id


def access_for(request: HttpRequest) -> Access:
    """The caller's access on this request's host, computed once per request (from the
    memberships the header's navigation reads too: one query for both)."""
    from tenants.selectors import memberships_for

    user = getattr(request, "user", None)
    cached = getattr(request, "_access", None)
    # An API request (DRF's Request) has its own user, the token's, while the wrapped
    # HttpRequest knows only the session's: an access is only reused for its own person.
    if cached is None or cached.user is not user:
        tenant = getattr(request, "tenant", None)
        cached = _compute(user, tenant, lambda: memberships_for(request))
        request._access = cached
        # From here on the request sees one state only: a state office its own, an
        # alliance's workspace its alliance's (the scope is cleared again when the request
        # ends: tenants.scope.StateScopeMiddleware).
        if cached.area == ALLIANCE:
            scope.activate(getattr(tenant, "state_id", None))
        else:
            scope.activate(cached.state_key, federal=Role.FEDERAL_OFFICE in cached.roles)
    return cached


def access_of(user, tenant) -> Access:
    """The same decision outside a request (tasks, tests, the API's token holder)."""
    from tenants.selectors import memberships_of

    return _compute(user, tenant, lambda: memberships_of(user))


def _current_tenant():
    """What the database connection serves now: the Alliance, or the state area.

    Inside ``schema_context`` django-tenants only knows the schema name, so the
    alliance is looked up by it.
    """
    from django.db import connection
    from django_tenants.utils import get_public_schema_name

    tenant = getattr(connection, "tenant", None)
    if getattr(tenant, "is_public", False) or getattr(tenant, "pk", None) is not None:
        return tenant
    schema = connection.schema_name
    if schema == get_public_schema_name():
        from tenants.public import StateArea

        return StateArea()
    from tenants.models import Alliance

    return Alliance.objects.get(schema_name=schema)


def check_fields(*, actor, model, fields: Iterable[str]) -> None:
    """Refuse (PermissionDenied, in German) to set guarded ``fields`` of ``model``.

    Called by the record services (``kernel.crud.records``) for every write, so
    forms, the API, imports and decisions all meet the same rule. ``actor=None`` is
    the system itself (demo data, maintenance tasks) and is not limited.
    """
    from django.core.exceptions import PermissionDenied
    from django.utils.text import capfirst
    from django.utils.translation import gettext as _

    meta = model._meta
    fields = [name for name in fields if name in guarded_fields(meta.label_lower)]
    if actor is None or not fields:
        return
    refused = access_of(actor, _current_tenant()).refused_fields(meta.label_lower, fields)
    if refused:
        labels = ", ".join(str(capfirst(meta.get_field(name).verbose_name)) for name in refused)
        raise PermissionDenied(
            _(
                "Only the alliance's coordinator may change these fields: %(fields)s. "
                "Nothing has been saved."
            )
            % {"fields": labels}
        )


# ---------------------------------------------------------------- view decorators

PUBLIC_MARK = "public_view"
PERMISSION_MARK = "required_permission"


def deny(request: HttpRequest):
    """Anonymous visitors go to the login page; everyone else sees 'not found'."""
    if not access_for(request).is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404


def requires(code: str):
    """Let the view run only for people who hold ``code`` on this host.

    For permissions limited to some objects (a partner contact's own partner) the view
    must still check the object with ``access_for(request).can(code, obj)``.
    """
    if code not in RULES:
        raise KeyError(f"Unknown permission {code!r}")

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not access_for(request).holds(code):
                return deny(request)
            return view(request, *args, **kwargs)

        setattr(wrapped, PERMISSION_MARK, code)
        return wrapped

    return decorator


def requires_login(view):
    """Any logged-in person on any host (their own account pages)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not access_for(request).is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    setattr(wrapped, PERMISSION_MARK, "account.self")
    return wrapped


def public(view):
    """Mark a view as deliberately open to everyone (it must show no private data)."""
    setattr(view, PUBLIC_MARK, True)
    return view


def may_open(request: HttpRequest, url: str) -> bool:
    """Whether the caller may open the page at ``url`` on this host: what a link decides
    before it is shown, so nobody is offered a page that refuses them.

    The page's view names its permission (``@requires``, ``public``...). A permission held
    only for some objects (a partner contact's own partner) opens a record's own page
    (the address names a record: the page linking to it showed that record already) but
    not a list or a new record's form.
    """
    from django.urls import Resolver404, resolve

    try:
        match = resolve(urlsplit(str(url)).path)
    except Resolver404:
        return False
    code = view_protection(match.func)
    access = access_for(request)
    if code is None or code in ("public", "django"):
        return True
    if code == "account.self":
        return access.is_authenticated
    if code not in RULES:
        return access.is_authenticated
    if access.can(code):
        return True
    return bool(match.kwargs) and access.holds(code)


def view_protection(view) -> str | None:
    """How a view is protected: a permission code, 'public', or None (unprotected)."""
    for candidate in (view, getattr(view, "view_class", None), getattr(view, "cls", None)):
        if candidate is None:
            continue
        if getattr(candidate, PERMISSION_MARK, None):
            return getattr(candidate, PERMISSION_MARK)
        if getattr(candidate, PUBLIC_MARK, False):
            return "public"
    return None
