"""Routes a request by its host: the parent domain is the state area, a known
alliance host is that alliance's schema, and everything else is a plain 404.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http import HttpResponseNotFound
from django.template.loader import render_to_string
from django_tenants.middleware.main import TenantMainMiddleware

from tenants import domain_cache
from tenants.public import StateArea


def unknown_host_response() -> HttpResponseNotFound:
    """The same page for every unknown host: nothing of any tenant, no request context."""
    return HttpResponseNotFound(render_to_string("errors/unknown_host.html"))


def serve_schema_of(tenant) -> None:
    """Let the connection serve ``tenant``'s schema (with the public one behind it).

    A connection that already serves that schema (the previous request had the same
    host) keeps the search path django-tenants set for it: with TENANT_LIMIT_SET_CALLS
    django-tenants forgets that path whenever the database may have dropped it (rollback,
    savepoint rollback, close), so it is as trustworthy here as between two queries of
    one request, and the request sends no ``SET search_path`` at all.
    """
    if connection.schema_name == tenant.schema_name and connection.include_public_schema:
        connection.tenant = tenant
    else:
        connection.set_tenant(tenant)


class AllianceMiddleware(TenantMainMiddleware):
    def process_request(self, request):
        try:
            hostname = self.hostname_from_request(request)
        except DisallowedHost:
            return unknown_host_response()

        if hostname in settings.PUBLIC_HOSTS:
            request.tenant = StateArea(hostname)
            serve_schema_of(request.tenant)
            self.setup_url_routing(request, force_public=True)
            return None

        alliance = domain_cache.lookup(hostname)
        if alliance is None or not alliance.is_reachable:
            return unknown_host_response()

        alliance.domain_url = hostname
        request.tenant = alliance
        serve_schema_of(alliance)
        self.setup_url_routing(request)
        return None
