"""Context processor: the legal pages of this host, for every page's footer."""

from __future__ import annotations

from django.urls import NoReverseMatch

from kernel.legal.models import LegalKind
from kernel.legal.urls import legal_url


def legal_links(request) -> dict:
    """(label, url) of the host's Impressum, Datenschutz and Barrierefreiheit pages;
    none where the URL conf serves no legal pages."""
    links = []
    for kind in LegalKind:
        try:
            links.append((kind.label, legal_url(kind)))
        except NoReverseMatch:
            return {"legal_links": []}
    return {"legal_links": links}
