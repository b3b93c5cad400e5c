"""The legal pages' addresses, the same on every host: /impressum/, /datenschutz/,
/barrierefreiheit/, named ``legal-<kind>`` (one path each, so no other root path is
taken and every route walker can request them)."""

from __future__ import annotations

from django.urls import URLPattern, path, reverse

from kernel.legal.models import LegalKind


def legal_url_name(kind: str) -> str:
    return f"legal-{LegalKind(kind).value}"


def legal_url(kind: str) -> str:
    return reverse(legal_url_name(kind))


def legal_urls(view) -> list[URLPattern]:
    """``view(request, kind)`` at each legal page's address."""
    return [
        path(f"{kind.value}/", view, {"kind": kind.value}, name=legal_url_name(kind))
        for kind in LegalKind
    ]
