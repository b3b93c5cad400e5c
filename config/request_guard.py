"""Refuse a query string that carries a NUL character, before any view reads it.

PostgreSQL cannot hold NUL in text, so any view that puts such a value into a query
would fail with a 500 (the audit trail's search did; so did the alliance switcher's
``?to=``). Form-based input (the list filters, every form field) already refuses NUL
with a message at its field; this guard covers the views that read ``request.GET``
directly, for every page and the API alike: 400 (the API's JSON shape through
api.middleware, a German page elsewhere).
"""

from __future__ import annotations

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string


def carries_nul(query) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in query.lists())


class NulQueryGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("QUERY_STRING", "")
        if ("%00" in raw or "\x00" in raw) and carries_nul(request.GET):
            return HttpResponseBadRequest(render_to_string("400.html"))
        return self.get_response(request)
