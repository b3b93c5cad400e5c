"""The API benchmark's baseline: one alliance for every request, no routing by host.

``config.settings.bench`` puts this in place of ``tenants.middleware.AllianceMiddleware``
when ``BUENDNISNETZ_BENCH_PINNED_SCHEMA`` is set. The same
view, data and server then answer as if the application had a single tenant; the
difference to the routed run is what tenant routing costs. Never used outside the bench.
"""

from __future__ import annotations

from django.conf import settings
from django.db import connection

from tenants.models import Alliance


class PinnedAllianceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.alliance: Alliance | None = None

    def __call__(self, request):
        if self.alliance is None:  # once per process, from the public schema
            connection.set_schema_to_public()
            self.alliance = Alliance.objects.get(schema_name=settings.PINNED_SCHEMA)
            self.alliance.domain_url = request.get_host().split(":")[0]
        request.tenant = self.alliance
        # Only when something switched away: set_tenant would force a new SET search_path.
        if connection.schema_name != self.alliance.schema_name:
            connection.set_tenant(self.alliance)
        return self.get_response(request)
