"""The routes of a model's pages (``kernel.crud.pages.ObjectPages``), named as every
area names them."""

from __future__ import annotations

from django.urls import URLPattern, path

from kernel.crud.pages import ROUTES, ObjectPages

# route -> its path below the pages' prefix ("{pk}": the record's pk keyword).
PATHS = {
    "list": "",
    "create": "new/",
    "detail": "<int:{pk}>/",
    "edit": "<int:{pk}>/edit/",
    "delete": "<int:{pk}>/delete/",
}


def object_urls(pages: type[ObjectPages]) -> list[URLPattern]:
    """``<prefix>/``, ``new/``, ``<pk>/``, ``<pk>/edit/``, ``<pk>/delete/`` named
    ``<name>-list``, ``-create``, ``-detail``, ``-edit``, ``-delete``: those of the
    declaration's ``routes``, each served by its generated view."""
    base = f"{pages.prefix}/" if pages.prefix else ""
    return [
        path(
            base + PATHS[route].format(pk=pages.pk_kwarg),
            pages.views[route].as_view(),
            name=f"{pages.name}-{route}",
        )
        for route in ROUTES
        if route in pages.routes
    ]
