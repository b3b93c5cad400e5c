"""The state a request works in: a state office sees its own state's alliances only.

The state area serves every state from the public schema. What keeps one state office
from another is this scope: the permission layer (``tenants.permissions.access_for``)
activates the state of the caller's state role for the rest of the request, and every
state-owned record's default manager (``StateScopedManager``, on ``Alliance`` and the
state layer's models) then returns only rows of that state. Without an active scope
(anonymous visitors of the public pages, the federal service office, Celery tasks,
management commands) the managers are not narrowed; the federal office's pages read
aggregates only, and tasks work on the records they are given.

``StateScopeMiddleware`` clears the scope at the start and the end of every request, so
a worker thread never hands one request's state to the next.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from django.db import models

_current: ContextVar[str | None] = ContextVar("buendnisnetz_state_scope", default=None)


def current_state_key() -> str | None:
    """The key of the state this request works in, or None when it is not narrowed."""
    return _current.get()


def activate(state_key: str | None) -> None:
    """Narrow the rest of this request (or task) to one state; None lifts it."""
    _current.set(state_key)


@contextlib.contextmanager
def state_scope(state_key: str | None) -> Iterator[None]:
    """Within the block, work in ``state_key`` (None: not narrowed)."""
    token = _current.set(state_key)
    try:
        yield
    finally:
        _current.reset(token)


def scoped_or_home_state_key() -> str:
    """The default state of a new state-owned record: the active scope's, else the
    installation's home state."""
    from tenants.models.state import home_state_key

    return current_state_key() or home_state_key()


class StateScopedQuerySet(models.QuerySet):
    def in_state(self, state_key: str | None):
        """Rows of one state (all rows for None)."""
        if state_key is None:
            return self
        return self.filter(**{self.model._state_path: state_key})


class StateScopedManager(models.Manager.from_queryset(StateScopedQuerySet)):
    """A default manager that returns only rows of the active state scope.

    The model names the path to its state as ``_state_path`` (``"state"`` on a record the
    state owns, ``"meeting__state"`` on a part of one). Being the default manager, it also
    narrows the choices of forms and API fields. Related lookups use Django's plain base
    manager, so a record reached through its parent is never hidden; a check that must
    see every state (a name unique in Germany) asks ``everywhere``.
    """

    def get_queryset(self):
        return super().get_queryset().in_state(current_state_key())


class StateScoped(models.Model):
    """Mixin for a model whose rows belong to one state: ``objects`` is narrowed to the
    active scope, ``everywhere`` never is."""

    _state_path = "state"

    objects = StateScopedManager()
    everywhere = models.Manager.from_queryset(StateScopedQuerySet)()

    class Meta:
        abstract = True


class StateScopeMiddleware:
    """Every request starts and ends without a state scope."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(None)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
