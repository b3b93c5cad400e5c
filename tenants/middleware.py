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


class AllianceMiddleware(TenantMainMiddleware):
    def process_request(self, request):
        # Tenant metadata lives in the public schema.
        connection.set_schema_to_public()
        try:
            hostname = self.hostname_from_request(request)
        except DisallowedHost:
            return unknown_host_response()

        if hostname in settings.PUBLIC_HOSTS:
            request.tenant = StateArea(hostname)
            self.setup_url_routing(request, force_public=True)
            return None

        alliance = domain_cache.lookup(hostname)
        if alliance is None or not alliance.is_reachable:
            return unknown_host_response()

        alliance.domain_url = hostname
        request.tenant = alliance
        connection.set_tenant(alliance)
        self.setup_url_routing(request)
        return None
