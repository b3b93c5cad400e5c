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
import re
from collections.abc import Iterator
from contextvars import ContextVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.models import protected_link

_current: ContextVar[str | None] = ContextVar("buendnisnetz_state_scope", default=None)
# Whether the request is the federal service office's (Germany, no state): its pages are
# headed by the federal office, not by a state's.
_federal: ContextVar[bool] = ContextVar("buendnisnetz_federal_scope", default=False)


def current_state_key() -> str | None:
    """The key of the state this request works in, or None when it is not narrowed."""
    return _current.get()


def activate(state_key: str | None, *, federal: bool = False) -> None:
    """Narrow the rest of this request (or task) to one state; None lifts it.
    ``federal``: the request is the federal service office's (not narrowed)."""
    _current.set(state_key)
    _federal.set(federal and state_key is None)


def is_federal() -> bool:
    """Whether this request is the federal service office's."""
    return _federal.get()


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
    # Whether this query came from the narrowed manager (``objects``): ``all()`` then
    # narrows again to the scope active when it is called.
    _narrowed = False

    def in_state(self, state_key: str | None):
        """Rows of one state (all rows for None)."""
        if state_key is None:
            return self
        return self.filter(**{self.model._state_path: state_key})

    def all(self):
        # A queryset declared once at import time (a form field's or a serializer field's
        # choices, a filter's) is copied with all() for each request: narrowing here
        # gives each request its own state's choices, not those of import time.
        copy = super().all()
        return copy.in_state(current_state_key()) if self._narrowed else copy

    def _clone(self):
        copy = super()._clone()
        copy._narrowed = self._narrowed
        return copy


class StateScopedManager(models.Manager.from_queryset(StateScopedQuerySet)):
    """A default manager that returns only rows of the active state scope.

    The model names the path to its state as ``_state_path`` (``"state"`` on a record the
    state owns, ``"meeting__state"`` on a part of one). Being the default manager, it also
    narrows the choices of forms and API fields. Related lookups use Django's plain base
    manager, so a record reached through its parent is never hidden; a check that must
    see every state (a name unique in Germany) asks ``everywhere``.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        queryset._narrowed = True
        return queryset.in_state(current_state_key())


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
        token, federal = _current.set(None), _federal.set(False)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
            _federal.reset(federal)


def state_owner() -> models.ForeignKey:
    """The state a record of the state layer belongs to: set from the active scope when
    the record is made (the office's own state), else the home state."""
    return protected_link(
        "tenants.State",
        _("state"),
        related_name="+",
        default=scoped_or_home_state_key,
        editable=False,
    )


def once_per_state(field: str, *, name: str) -> models.UniqueConstraint:
    """``field`` is unique among one state's records (two offices may use the same)."""
    return models.UniqueConstraint(
        "state",
        field,
        name=name,
        violation_error_message=_("This value is used already."),
    )


def state_key_of(model: type[models.Model], pk) -> str | None:
    """The state a state-owned record belongs to (None if it is gone): a task works in
    the state of the record it is given."""
    rows = model.everywhere.filter(pk=pk).values_list(model._state_path, flat=True)
    return rows.first()


def scoped_table(model: type[models.Model]) -> str:
    """The model's table for raw SQL, narrowed like its manager: the quoted table name,
    or a subquery of the active state's rows (used as ``JOIN {alliance} a``)."""
    from django.db import connection

    table = connection.ops.quote_name(model._meta.db_table)
    key = current_state_key()
    if key is None:
        return table
    if not re.fullmatch(r"[0-9]{2}", key):  # the State key's own format
        raise ValueError(f"not a state key: {key!r}")
    column = connection.ops.quote_name(model._meta.get_field(model._state_path).column)
    return f"(SELECT * FROM {table} WHERE {column} = '{key}')"  # noqa: S608 - key checked above
