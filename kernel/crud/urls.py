"""The five routes of a model's pages, named as every area names them."""

from __future__ import annotations

from django.urls import URLPattern, path


def object_urls(prefix: str, name: str, *, list, detail, edit, delete) -> list[URLPattern]:
    """``<prefix>/``, ``new/``, ``<pk>/``, ``<pk>/edit/``, ``<pk>/delete/`` named
    ``<name>-list``, ``-create``, ``-detail``, ``-edit``, ``-delete``.

    ``edit`` serves both the new and the edit page (its view tells them apart by ``pk``).
    """
    base = f"{prefix}/" if prefix else ""
    return [
        path(base, list.as_view(), name=f"{name}-list"),
        path(f"{base}new/", edit.as_view(), name=f"{name}-create"),
        path(f"{base}<int:pk>/", detail.as_view(), name=f"{name}-detail"),
        path(f"{base}<int:pk>/edit/", edit.as_view(), name=f"{name}-edit"),
        path(f"{base}<int:pk>/delete/", delete.as_view(), name=f"{name}-delete"),
    ]
