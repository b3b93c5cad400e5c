"""The kernel's window onto permissions, without knowing who defines them.

The kernel stands below the rooms and cannot import ``tenants``. The module that
decides access is named in the ``KERNEL_ACCESS`` setting (a dotted module path, here
``tenants.permissions``); it must provide the functions of :class:`AccessPolicy`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import import_module
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse


class Access(Protocol):
    """What one person may do on one host."""

    def can(self, code: str, obj: Any = None) -> bool: ...

    def holds(self, code: str) -> bool: ...


class AccessPolicy(Protocol):
    def access_for(self, request: HttpRequest) -> Access: ...

    def deny(self, request: HttpRequest) -> HttpResponse: ...

    def guarded_fields(self, model: str) -> dict[str, Any]: ...

    def check_fields(self, *, actor, model, fields: Iterable[str]) -> None: ...

    def may_open(self, request: HttpRequest, url: str) -> bool: ...


@cache
def _policy(path: str) -> AccessPolicy:
    try:
        return import_module(path)
    except ImportError as exc:
        raise ImproperlyConfigured(f"KERNEL_ACCESS names no module: {path!r}") from exc


def policy() -> AccessPolicy:
    path = getattr(settings, "KERNEL_ACCESS", None)
    if not path:
        raise ImproperlyConfigured("Set KERNEL_ACCESS to the module that decides access.")
    return _policy(path)


def access_for(request: HttpRequest) -> Access:
    """The caller's access on this request's host."""
    return policy().access_for(request)


def deny(request: HttpRequest) -> HttpResponse:
    """The answer to a caller who may not see a page (login page, or not found)."""
    return policy().deny(request)


def guarded_fields(model: str) -> dict[str, Any]:
    """field name -> its rule, for fields of ``"app_label.model_name"`` that need a role."""
    return policy().guarded_fields(model)


def check_fields(*, actor, model, fields: Iterable[str]) -> None:
    """Refuse (PermissionDenied) to set guarded ``fields`` of ``model`` for ``actor``."""
    policy().check_fields(actor=actor, model=model, fields=fields)


def may_open(request: HttpRequest | None, url: str) -> bool:
    """Whether the caller may open the page at ``url`` (a link is shown only then).
    Without a request (a document rendered outside one) every link is shown."""
    return request is None or policy().may_open(request, url)
