"""Reads of alliances for the state layer."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext

from kernel.collation import GermanName, by_name
from tenants import access_cache
from tenants.models import Alliance, AllianceStatus, Domain, Membership, State
from tenants.models.state import office_title_for
from tenants.scope import is_federal, scoped_or_home_state_key


def alliance_list(*, include_dissolved: bool = False) -> QuerySet[Alliance]:
    """Alliances with their primary domain prefetched (``primary_domains``), by name."""
    queryset = Alliance.objects.prefetch_related(
        Prefetch(
            "domains",
            queryset=Domain.objects.filter(is_primary=True),
            to_attr="primary_domains",
        )
    ).order_by(by_name())
    if not include_dissolved:
        queryset = queryset.exclude(status=AllianceStatus.DISSOLVED)
    return queryset


def alliances_per_district(*, state: str) -> dict[str, int]:
    """The number of active alliances in each district of ``state`` (by official key;
    districts without one are missing): one query, whatever the number of alliances."""
    rows = (
        Alliance.objects.filter(state_id=state, status=AllianceStatus.ACTIVE)
        .values("district")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["district"]: row["count"] for row in rows}


# ---------------------------------------------------------------- states


def home_state() -> State:
    """The installation's home state (``BUENDNISNETZ_HOME_STATE``): where new alliances
    lie unless another state is chosen, and whose office the state area is."""
    return State.objects.get(key=settings.BUENDNISNETZ_HOME_STATE)


def current_state() -> State:
    """The state this request works in (``tenants.scope``: a state office's own), else
    the home state: whose office the state area's pages, letterheads and texts name."""
    return State.objects.get(key=scoped_or_home_state_key())


def home_office_title() -> str:
    """The office of the state this request works in, as the state area names it
    ("Landeskoordination Thüringen"; the federal service office's requests:
    "Bundesservicestelle"); from the state's key alone while its row is missing."""
    if is_federal():
        return gettext("Federal service office")
    key = scoped_or_home_state_key()
    state = State.objects.filter(key=key).first()
    if state is not None:
        return state.office_title
    from kernel.geo import state as geo_state

    return office_title_for(geo_state(key).name)


def _office_of(membership: Membership) -> str:
    """The office a role without an alliance belongs to: its state's, or the federal
    service office."""
    if membership.state_id is None:
        return gettext("Federal service office")
    return membership.state.office_title


def state_list() -> QuerySet[State]:
    """Every state by name, each with ``alliance_count``: its alliances not dissolved."""
    active = ~Q(alliances__status=AllianceStatus.DISSOLVED)
    return State.objects.annotate(alliance_count=Count("alliances", filter=active)).order_by(
        by_name()
    )


def state_detail(key: str) -> State:
    """The state with the official ``key`` and its ``alliance_count``."""
    return state_list().get(key=key)


def state_staff(state_key: str) -> list[Membership]:
    """The people holding the roles of one state (coordinator, ministry), by name, each
    role."""
    return list(
        Membership.objects.filter(state_id=state_key, user__is_active=True)
        .select_related("user")
        .order_by(GermanName("user__full_name"), "user__email", "role")
    )


# ---------------------------------------------------------------- memberships


def _primary_host(alliance: str) -> Subquery:
    """The primary host name of the alliance that the field ``alliance`` names, for
    ``annotate`` (None for an alliance without one): one query instead of a prefetch."""
    hosts = Domain.objects.filter(tenant=OuterRef(alliance), is_primary=True)
    return Subquery(hosts.values("domain")[:1])


def member_emails(*, alliance: Alliance, roles) -> list[str]:
    """The e-mail addresses of the alliance's active members holding one of ``roles``,
    each once, in order (whom a reminder goes to)."""
    emails = (
        Membership.objects.filter(alliance=alliance, role__in=sorted(roles), user__is_active=True)
        .order_by("user__email")
        .values_list("user__email", flat=True)
        .distinct()
    )
    return [email for email in emails if email]


def memberships_of(user) -> list[Membership]:
    """Every membership of ``user``, with its alliance and that alliance's primary host
    (``primary_host``): the state roles first, then by alliance name, each by role."""
    return list(
        Membership.objects.filter(user=user)
        .select_related("alliance", "state")
        .annotate(primary_host=_primary_host("alliance_id"))
        .order_by(GermanName("alliance__name").asc(nulls_first=True), "alliance_id", "role")
    )


def memberships_for(request) -> list[Membership]:
    """``memberships_of`` the request's person, loaded once per request (and kept per
    process while they do not change: ``tenants.access_cache``): the permission layer
    (``tenants.permissions.access_for``) and the header's navigation share them."""
    user = getattr(request, "user", None)
    loaded = getattr(request, "_memberships", None)
    if loaded is None or loaded[0] is not user:
        authenticated = user is not None and user.is_authenticated
        loaded = (user, access_cache.memberships(user, memberships_of) if authenticated else [])
        request._memberships = loaded
    return loaded[1]


# ---------------------------------------------------------------- navigation


@dataclass(frozen=True)
class NavigationLink:
    label: str
    url: str
    current: bool
    role_labels: tuple[str, ...] = ()


def _url_for_host(request, host: str) -> str:
    """A link that takes the logged-in person to ``host`` (see tenants.handoff)."""
    if host == request.get_host().split(":")[0]:
        return "/workspace/" if host not in settings.PUBLIC_HOSTS else "/"
    return f"{reverse('hop')}?{urlencode({'to': host})}"


# The header's switcher shows at most this many alliances (the person's own first); with
# hundreds of alliances a state coordinator gets a link to the list of all of them instead.
SWITCHER_LIMIT = 15


@dataclass(frozen=True)
class Switcher:
    """The header's alliance switcher: some links, and where to find all alliances."""

    links: list[NavigationLink]
    more: bool = False  # there are alliances the switcher does not show
    all_url: str = ""  # the state area's list of every alliance (when ``more``)


def _reachable_alliances() -> QuerySet[Alliance]:
    """The alliances that still answer, by name, each with its ``primary_host``."""
    return (
        Alliance.objects.exclude(status=AllianceStatus.DISSOLVED)
        .annotate(primary_host=_primary_host("pk"))
        .order_by(by_name())
    )


def _navigation(request, limit: int | None) -> tuple[list[NavigationLink], bool]:
    """(links, more): the state area and the alliances; with ``limit`` at most that many
    alliances, the person's own ones first, and whether some were left out."""
    user = request.user
    if not user.is_authenticated:
        return [], False
    from tenants.roles import Role

    memberships = memberships_for(request)
    state_roles = [m for m in memberships if m.alliance_id is None]
    current_schema = getattr(getattr(request, "tenant", None), "schema_name", None)
    links: list[NavigationLink] = []
    if state_roles:
        links.append(
            NavigationLink(
                label=_office_of(state_roles[0]),
                url=_url_for_host(request, settings.BASE_DOMAIN),
                current=current_schema == "public",
                role_labels=tuple(m.get_role_display() for m in state_roles),
            )
        )
    # Alliance -> the person's memberships there, by alliance name (memberships_of).
    by_alliance: dict[int, list[Membership]] = {}
    for m in memberships:
        if m.alliance_id is not None:
            by_alliance.setdefault(m.alliance_id, []).append(m)
    # (alliance, its primary host) of the person's own alliances that still answer.
    own = [
        (held[0].alliance, held[0].primary_host)
        for held in by_alliance.values()
        if held[0].alliance.is_reachable
    ]
    sees_all = any(m.role == Role.STATE_COORDINATOR for m in state_roles)
    if limit is None:
        chosen, more = own, False
        if sees_all:
            chosen = [(alliance, alliance.primary_host) for alliance in _reachable_alliances()]
    else:
        # Own alliances first, then the others by name; one more than fits tells
        # whether there are more, without loading hundreds of alliances.
        chosen = own[: limit + 1]
        if sees_all and len(chosen) <= limit:
            others = _reachable_alliances().exclude(pk__in=by_alliance)
            others = others[: limit + 1 - len(chosen)]
            chosen += [(alliance, alliance.primary_host) for alliance in others]
        more = len(chosen) > limit
        chosen = chosen[:limit]
    links += [
        NavigationLink(
            label=alliance.name,
            url=_url_for_host(request, host),
            current=current_schema == alliance.schema_name,
            role_labels=tuple(m.get_role_display() for m in by_alliance.get(alliance.pk, [])),
        )
        for alliance, host in chosen
        if host
    ]
    return links, more


def navigation_for(request) -> list[NavigationLink]:
    """Where the logged-in person can go: the state area (state roles) and each alliance
    they belong to; a state coordinator can open every alliance."""
    return _navigation(request, None)[0]


def switcher_for(request, *, limit: int | None = None) -> Switcher:
    """The header's switcher: like ``navigation_for`` but at most ``limit`` alliances, the
    person's own first, and a link to the state area's list of all alliances if some are
    left out (a state coordinator with hundreds of alliances)."""
    links, more = _navigation(request, SWITCHER_LIMIT if limit is None else limit)
    all_url = _url_for_host(request, settings.BASE_DOMAIN) if more else ""
    return Switcher(links=links, more=more, all_url=all_url)
