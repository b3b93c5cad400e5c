"""The five routes of a model's pages, named as every area names them."""

from __future__ import annotations

from types import ModuleType

from django.urls import URLPattern, path


def object_urls(prefix: str, name: str, views: ModuleType, stem: str) -> list[URLPattern]:
    """``<prefix>/``, ``new/``, ``<pk>/``, ``<pk>/edit/``, ``<pk>/delete/`` named
    ``<name>-list``, ``-create``, ``-detail``, ``-edit``, ``-delete``, served by the
    views ``<stem>ListView``, ``<stem>DetailView``, ``<stem>EditView`` (new and edit: it
    tells them apart by ``pk``) and ``<stem>DeleteView`` of ``views``.
    """

    def view(kind: str):
        return getattr(views, f"{stem}{kind}View").as_view()

    base = f"{prefix}/" if prefix else ""
    return [
        path(base, view("List"), name=f"{name}-list"),
        path(f"{base}new/", view("Edit"), name=f"{name}-create"),
        path(f"{base}<int:pk>/", view("Detail"), name=f"{name}-detail"),
        path(f"{base}<int:pk>/edit/", view("Edit"), name=f"{name}-edit"),
        path(f"{base}<int:pk>/delete/", view("Delete"), name=f"{name}-delete"),
    ]
