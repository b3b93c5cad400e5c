"""Log records carry the tenant schema they were written in, and in production every
record is one JSON object per line.

- :class:`TenantFilter` (on the console handler) adds ``tenant`` and, where there is
  one, the request being served (``request_id``, ``path``, ``user_id``) and the Celery
  task being run (``task_id``, ``task_name``).
- :class:`RequestLogContextMiddleware` (first in ``MIDDLEWARE``) makes the request known
  to that filter and answers with its id in ``X-Request-ID``; the id nginx sends in that
  header is kept, so one id ties the nginx line, the application lines and the answer.
- :class:`JsonFormatter` writes the record as JSON with the standard library only.

``LOG_FORMAT`` (``json`` or ``plain``) picks the console formatter; production defaults
to ``json``, everything else to ``plain``.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

LOG_FORMATS = ("json", "plain")

# The request being served by this thread or task; None outside requests.
_current_request: ContextVar[Any] = ContextVar("buendnisnetz_log_request", default=None)
# The tenant of the request this thread served last: gunicorn writes its access line
# in the same thread right after the answer, when the request context is gone.
_served = threading.local()
ACCESS_LOGGER = "gunicorn.access"

REQUEST_ID_HEADER = "X-Request-ID"
# nginx' $request_id is 32 hex digits; accept similar ids from other proxies, but never
# anything that could forge a log line or grow without bound.
_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

# Attributes every LogRecord has; anything else on a record came from `extra=`.
_RECORD_ATTRIBUTES = frozenset(
    vars(logging.LogRecord("x", logging.INFO, "x", 0, "x", None, None)).keys()
) | {"message", "asctime", "taskName"}
# Set by TenantFilter; the formatter writes them under fixed names.
_CONTEXT_ATTRIBUTES = ("tenant", "request_id", "path", "user_id", "task_id", "task_name")
# `extra=` values that must not be written: the request object (its path is written)
# and gunicorn's access-log atoms (written as "http").
_SKIPPED_EXTRAS = frozenset({"request", "server_time"})


# ---------------------------------------------------------------- context


def logging_config(
    log_format: str,
    level: str,
    *,
    tenant_filter: bool = True,
    stream: str | None = None,
    loggers: dict[str, dict] | None = None,
) -> dict[str, Any]:
    """The one logging configuration (``dictConfig``) of web, worker, beat and gunicorn:
    a console handler writing plain lines or JSON. Django's carries the tenant filter;
    gunicorn's own lines, written outside any request, show tenant "-"."""
    tenant = "%(tenant)s" if tenant_filter else "-"
    console: dict[str, Any] = {"class": "logging.StreamHandler", "formatter": log_format}
    if tenant_filter:
        console["filters"] = ["tenant"]
    if stream:
        console["stream"] = stream
    config: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": f"%(asctime)s %(levelname)s [{tenant}] %(name)s: %(message)s"},
            "json": {"()": "config.logging.JsonFormatter"},
        },
        "handlers": {"console": console},
        "root": {"handlers": ["console"], "level": level},
        "loggers": loggers or {},
    }
    if tenant_filter:
        config["filters"] = {"tenant": {"()": "config.logging.TenantFilter"}}
    return config


def current_tenant() -> str:
    """The schema the default database connection is set to, "-" before Django is set up."""
    try:
        from django.db import connection

        return getattr(connection, "schema_name", None) or "-"
    except Exception:  # settings not configured yet (early start-up, gunicorn's master)
        return "-"


def _user_id(request) -> int | str | None:
    # Only a user that is already known: resolving request.user here would run session
    # and database queries from inside a logging call.
    user = request.__dict__.get("user")
    if user is None:
        return None
    wrapped = getattr(user, "_wrapped", user)
    from django.utils.functional import empty

    if wrapped is empty or not getattr(wrapped, "is_authenticated", False):
        return None
    return wrapped.pk


def _current_task() -> tuple[str, str] | None:
    try:
        # Celery's own TaskFormatter reads the running task from the same place.
        from celery._state import get_current_task
    except ImportError:
        return None
    task = get_current_task()
    if task is None:
        return None
    task_id = getattr(task.request, "id", None)
    if task_id is None:
        return None
    return task_id, task.name


def _request_tenant(request) -> str:
    """ "-" for a request not routed to a tenant (probes, unknown hosts): the connection
    still names the schema of whatever it served before."""
    return current_tenant() if getattr(request, "tenant", None) is not None else "-"


class TenantFilter(logging.Filter):
    """Adds the tenant, the request and the Celery task to every record (never drops one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == ACCESS_LOGGER:
            record.tenant = getattr(_served, "tenant", "-")
            return True
        record.tenant = current_tenant()
        # Django logs 4xx/5xx answers after the middleware has finished, passing the
        # request along; use that one then.
        request = _current_request.get() or getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            record.tenant = _request_tenant(request)
            record.request_id = getattr(request, "request_id", None)
            record.path = request.path
            record.user_id = _user_id(request)
        task = _current_task()
        if task is not None:
            record.task_id, record.task_name = task
        return True


def request_id_for(request) -> str:
    """The id nginx (or another proxy) gave the request, or a new one."""
    incoming = request.META.get("HTTP_X_REQUEST_ID", "")
    if _REQUEST_ID_RE.match(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestLogContextMiddleware:
    """Makes the request known to the log filter while it is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_for(request)
        _served.tenant = "-"
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
            _served.tenant = _request_tenant(request)
        response.headers.setdefault(REQUEST_ID_HEADER, request.request_id)
        return response


# ---------------------------------------------------------------- JSON


def _access_fields(args: dict) -> dict[str, Any]:
    """gunicorn's access-log atoms (deploy/gunicorn.conf.py) as named fields."""

    def atom(key: str) -> Any:
        value = args.get(key)
        return None if value in (None, "-") else value

    fields = {
        "method": atom("m"),
        "path": atom("U"),
        "query": atom("q") or None,
        "status": atom("s"),
        "duration_ms": atom("M"),
        "bytes": atom("B"),
        "remote_addr": atom("h"),
        "user_agent": atom("a"),
        # The id the application answered with (config.logging's middleware), which is
        # nginx' id when nginx sent one.
        "request_id": atom("{x-request-id}o") or atom("{x-request-id}i"),
        "host": atom("{host}i"),
    }
    if fields["status"] is not None:
        fields["status"] = int(fields["status"])
    return {key: value for key, value in fields.items() if value is not None}


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line.

    Always: ``timestamp`` (ISO 8601, UTC), ``level``, ``logger``, ``message``,
    ``tenant``, ``process``. Where known: ``request_id``, ``path``, ``user_id``,
    ``task_id``, ``task_name``, ``exception`` (the formatted traceback), ``stack``,
    ``http`` (gunicorn's access log) and values passed with ``extra=``.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "timestamp": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": self._message(record),
            "tenant": getattr(record, "tenant", "-"),
            "process": record.process,
        }
        for name in _CONTEXT_ATTRIBUTES[1:]:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry["http"] = _access_fields(record.args)
        for name, value in record.__dict__.items():
            if (
                name in _RECORD_ATTRIBUTES
                or name in _CONTEXT_ATTRIBUTES
                or name in _SKIPPED_EXTRAS
                or name.startswith("_")
            ):
                continue
            entry.setdefault(name, value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)

    @staticmethod
    def _message(record: logging.LogRecord) -> str:
        try:
            return record.getMessage()
        except (TypeError, ValueError):
            # A broken %-format must not lose the line.
            return f"{record.msg} {record.args!r}"
