"""One shape for every API error: {"status", "code", "detail", "errors"}.

DRF's exception handler (``handle``) shapes what a view raises; ``api.middleware``
shapes what happens before or around a view (an unknown path, a lock-out, a body over
the size limit, the database unreachable while the alliance is looked up). Both build
the body with ``error_body`` and so answer alike; the OpenAPI schema documents that
shape (``api.schema``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

# Seconds a client should wait before trying again after a 503.
RETRY_AFTER_SECONDS = 30


def error_body(status_code: int, code: str, detail: str, errors: dict | None = None) -> dict:
    return {"status": status_code, "code": code, "detail": str(detail), "errors": errors or {}}


def unavailable_errors() -> tuple[type[BaseException], ...]:
    """What the database or the broker raise when they cannot be reached."""
    from django.db import InterfaceError, OperationalError
    from kombu.exceptions import OperationalError as BrokerError
    from redis.exceptions import RedisError

    # Not kernel.broker.broker_errors(): its OSError would also catch a missing file.
    return (OperationalError, InterfaceError, BrokerError, RedisError)


def unavailable(exc: BaseException) -> tuple[str, str] | None:
    """(code, German detail) if ``exc`` says a backing service is down, else None."""
    from django.db import InterfaceError, OperationalError

    from kernel.broker import TaskQueueUnavailable

    cause = exc.__cause__ or exc
    if isinstance(cause, TaskQueueUnavailable) or isinstance(exc, TaskQueueUnavailable):
        return "queue_unavailable", str(TaskQueueUnavailable().messages[0])
    if isinstance(exc, OperationalError | InterfaceError):
        return "database_unavailable", _(
            "The database is not reachable at the moment. Please try again in a few minutes."
        )
    if isinstance(exc, unavailable_errors()):
        return "queue_unavailable", _(
            "The background queue is not reachable at the moment. "
            "Please try again in a few minutes."
        )
    return None


def too_large_detail() -> str:
    return _("The request is too large.")


def _shaped(response: Response, exc: Any) -> Response:
    data = response.data
    errors: dict = {}
    detail = ""
    code = getattr(exc, "default_code", "error")
    if isinstance(data, dict) and set(data) == {"detail"}:
        detail = str(data["detail"])
        code = getattr(data["detail"], "code", code)
    elif isinstance(data, dict):
        errors = {key: [str(item) for item in value] if isinstance(value, list) else [str(value)]
                  for key, value in data.items()}  # fmt: skip
        detail = errors.pop("non_field_errors", [""])[0] or str(exc.default_detail)
    elif isinstance(data, list):
        detail = " ".join(str(item) for item in data)
    response.data = error_body(response.status_code, str(code), detail, errors)
    return response


def handle(exc, context):
    down = unavailable(exc)
    if down is not None:
        code, detail = down
        response = Response(
            error_body(status.HTTP_503_SERVICE_UNAVAILABLE, code, detail),
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if isinstance(exc, RequestDataTooBig):
        return Response(
            error_body(status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, "too_large", too_large_detail()),
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    if isinstance(exc, DjangoValidationError):
        # A service's refusal that no view translated: still the 400 it is.
        errors = (
            {k: [str(m) for e in v for m in e.messages] for k, v in exc.error_dict.items()}
            if hasattr(exc, "error_dict")
            else {}
        )
        detail = " ".join(exc.messages) if not errors else _("Invalid input.")
        return Response(
            error_body(status.HTTP_400_BAD_REQUEST, "invalid", detail, errors),
            status=status.HTTP_400_BAD_REQUEST,
        )
    response = exception_handler(exc, context)
    if response is None:
        return None
    return _shaped(response, exc)
