"""Absolute links to the platform's hosts, for e-mails and for hops between hosts.

Every absolute link the platform sends out (reply links, reminders, invitations,
password resets, the alliance switcher's hand-off) is built here from the configured
site address ``BUENDNISNETZ_SITE_URL`` (scheme, state host and port), never from the
request's Host header: that header is the client's to choose, and a link in an e-mail
must not carry whatever host or port the request that caused it happened to have
(password-reset poisoning). An alliance's links use the same scheme and port as the
state area, on the alliance's own host.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def site_url() -> str:
    """The state area's origin, ``scheme://host[:port]``, without a trailing slash."""
    configured = (getattr(settings, "BUENDNISNETZ_SITE_URL", "") or "").strip()
    if configured:
        parts = urlsplit(configured)
        if parts.scheme and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}"
    scheme = "https" if getattr(settings, "SESSION_COOKIE_SECURE", False) else "http"
    return f"{scheme}://{settings.BASE_DOMAIN}"


def host_origin(host: str) -> str:
    """``scheme://host[:port]`` for one of the platform's hosts, with the site's scheme
    and port (``jena.localhost`` -> ``http://jena.localhost:8000`` in the demo)."""
    parts = urlsplit(site_url())
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host.split(':')[0]}{port}"


def host_url(host: str, path: str = "/") -> str:
    return host_origin(host) + path


def state_url(path: str = "/") -> str:
    """An absolute link into the state area."""
    return site_url() + path


def tenant_origin(tenant) -> str:
    """The origin of the area ``tenant`` serves: the state area for the public schema,
    else the alliance's primary domain."""
    from django_tenants.utils import get_public_schema_name

    if tenant is None or tenant.schema_name == get_public_schema_name():
        return site_url()
    prefetched = getattr(tenant, "primary_domains", None)  # tenants.selectors.alliance_list
    if prefetched is not None:
        domain = prefetched[0].domain if prefetched else None
    else:
        domain = tenant.domains.filter(is_primary=True).values_list("domain", flat=True).first()
    if domain is None:
        from tenants.services.alliances import alliance_host

        domain = alliance_host(tenant.slug)
    return host_origin(domain)


def alliance_url(alliance, path: str = "/") -> str:
    """An absolute link on ``alliance``'s own host."""
    return tenant_origin(alliance) + path
