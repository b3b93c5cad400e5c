"""The five routes of a model's pages, named as every area names them."""

from __future__ import annotations

from types import ModuleType

from django.urls import URLPattern, path

ROUTES = ("list", "create", "detail", "edit", "delete")


def object_urls(
    prefix: str,
    name: str,
    views: ModuleType,
    stem: str,
    *,
    routes: tuple[str, ...] = ROUTES,
) -> list[URLPattern]:
    """``<prefix>/``, ``new/``, ``<pk>/``, ``<pk>/edit/``, ``<pk>/delete/`` named
    ``<name>-list``, ``-create``, ``-detail``, ``-edit``, ``-delete``, served by the
    views ``<stem>ListView``, ``<stem>DetailView``, ``<stem>EditView`` (new and edit: it
    tells them apart by ``pk``; a ``<stem>CreateView`` serves new where there is one)
    and ``<stem>DeleteView`` of ``views``.

    ``routes`` picks some of them, for a model whose other pages are of their own kind
    (a list elsewhere, no delete).
    """
    unknown = set(routes) - set(ROUTES)
    if unknown:
        raise ValueError(f"Unknown routes {sorted(unknown)!r}")

    base = f"{prefix}/" if prefix else ""
    create = "Create" if hasattr(views, f"{stem}CreateView") else "Edit"
    shapes = {
        "list": ("", "List"),
        "create": ("new/", create),
        "detail": ("<int:pk>/", "Detail"),
        "edit": ("<int:pk>/edit/", "Edit"),
        "delete": ("<int:pk>/delete/", "Delete"),
    }
    return [
        path(
            f"{base}{shapes[route][0]}",
            getattr(views, f"{stem}{shapes[route][1]}View").as_view(),
            name=f"{name}-{route}",
        )
        for route in ROUTES
        if route in routes
    ]
