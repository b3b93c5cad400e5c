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


def navigation_for(request) -> list[NavigationLink]:
    """Where the logged-in person can go: the state area (state roles) and each alliance
    they belong to; a state coordinator can open every alliance."""
    user = request.user
    if not user.is_authenticated:
        return []
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
    alliances = alliance_list()
    if not any(m.role == Role.STATE_COORDINATOR for m in state_roles):
        alliances = alliances.filter(pk__in=by_alliance)
    for alliance in alliances:
        if not alliance.primary_domains:
            continue
        links.append(
            NavigationLink(
                label=alliance.name,
                url=_url_for_host(request, alliance.primary_domains[0].domain),
                current=current_schema == alliance.schema_name,
                role_labels=tuple(m.get_role_display() for m in by_alliance.get(alliance.pk, [])),
            )
        )
    return links
