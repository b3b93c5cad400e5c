"""Reads of alliances for the state layer."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from tenants.models import Alliance, AllianceStatus, Domain, Membership


def alliance_list(*, include_dissolved: bool = False) -> QuerySet[Alliance]:
    """Alliances with their primary domain prefetched (``primary_domains``), by name."""
    queryset = Alliance.objects.prefetch_related(
        Prefetch(
            "domains",
            queryset=Domain.objects.filter(is_primary=True),
            to_attr="primary_domains",
        )
    ).order_by("name")
    if not include_dissolved:
        queryset = queryset.exclude(status=AllianceStatus.DISSOLVED)
    return queryset


# ---------------------------------------------------------------- navigation


@dataclass(frozen=True)
class NavigationLink:
    label: str
    url: str
    current: bool
    role_labels: tuple[str, ...] = ()


def _url_for_host(request, host: str) -> str:
    """A link that takes the logged-in person to ``host`` (see tenants.handoff)."""
    from urllib.parse import urlencode

    from django.urls import reverse

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


def _alliance_link(request, alliance, current_schema, by_alliance) -> NavigationLink:
    return NavigationLink(
        label=alliance.name,
        url=_url_for_host(request, alliance.primary_domains[0].domain),
        current=current_schema == alliance.schema_name,
        role_labels=tuple(m.get_role_display() for m in by_alliance.get(alliance.pk, [])),
    )


def _navigation(request, limit: int | None) -> tuple[list[NavigationLink], bool]:
    """(links, more): the state area and the alliances; with ``limit`` at most that many
    alliances, the person's own ones first, and whether some were left out."""
    user = request.user
    if not user.is_authenticated:
        return [], False
    from tenants.roles import Role

    memberships = list(
        Membership.objects.filter(user=user).select_related("alliance").order_by("role")
    )
    state_roles = [m for m in memberships if m.alliance_id is None]
    current_schema = getattr(getattr(request, "tenant", None), "schema_name", None)
    links: list[NavigationLink] = []
    if state_roles:
        links.append(
            NavigationLink(
                label=str(_("State coordination Thuringia")),
                url=_url_for_host(request, settings.BASE_DOMAIN),
                current=current_schema == "public",
                role_labels=tuple(m.get_role_display() for m in state_roles),
            )
        )
    by_alliance: dict[int, list[Membership]] = {}
    for m in memberships:
        if m.alliance_id is not None:
            by_alliance.setdefault(m.alliance_id, []).append(m)
    sees_all = any(m.role == Role.STATE_COORDINATOR for m in state_roles)
    if limit is None:
        alliances = alliance_list()
        if not sees_all:
            alliances = alliances.filter(pk__in=by_alliance)
        chosen, more = list(alliances), False
    else:
        # Own alliances first, then the others by name; one more than fits tells
        # whether there are more, without loading hundreds of alliances.
        own = list(alliance_list().filter(pk__in=by_alliance)[: limit + 1])
        others = []
        if sees_all and len(own) <= limit:
            others = list(alliance_list().exclude(pk__in=by_alliance)[: limit + 1 - len(own)])
        chosen = own + others
        more = len(chosen) > limit
        chosen = chosen[:limit]
    links += [
        _alliance_link(request, alliance, current_schema, by_alliance)
        for alliance in chosen
        if alliance.primary_domains
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
