"""The API asks the same permission layer as the HTML views (tenants.permissions).

A ViewSet declares ``required_permissions``: DRF action -> permission code. A request
that is not allowed answers 401 to anonymous callers and 404 to everyone else, so an
alliance's objects cannot be enumerated from another host or with another token.
"""

from __future__ import annotations

from rest_framework.exceptions import NotAuthenticated, NotFound
from rest_framework.permissions import BasePermission

from tenants.permissions import access_for

PUBLIC = "public"


class AreaPermission(BasePermission):
    def _code(self, view) -> str | None:
        codes = getattr(view, "required_permissions", {})
        return codes.get(view.action) or codes.get("*")

    def has_permission(self, request, view) -> bool:
        code = self._code(view)
        if code == PUBLIC:
            return True
        if code is None:
            raise NotFound  # an action nobody declared is not offered at all
        access = access_for(request)  # the token's (or session's) person, once per request
        if not access.is_authenticated:
            raise NotAuthenticated
        if not access.holds(code):
            raise NotFound
        return True

    def has_object_permission(self, request, view, obj) -> bool:
        code = self._code(view)
        if code == PUBLIC:
            return True
        if not access_for(request).can(code, obj):
            raise NotFound
        return True
