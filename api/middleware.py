"""Every error under /api/ answers in the API's JSON shape, whichever layer produced it.

DRF's exception handler (api.exceptions.handle) shapes what a view raises. Some answers
are made before or after a view runs and would otherwise be Django's or django-axes'
HTML pages:

- a body larger than DATA_UPLOAD_MAX_MEMORY_SIZE (413): DRF's JSON parser reads the raw
  stream, so without this check the limit would not even hold for JSON bodies;
- a lock-out after too many failed logins (429, django-axes' AxesMiddleware);
- the database or the broker unreachable outside a view, e.g. while the alliance of the
  host is looked up (503 instead of the 500 page);
- an unknown path (404), a wrong method outside DRF (405) and the like.

It sits before the tenant middleware in MIDDLEWARE so that it also sees the latter's
failures.
"""

from __future__ import annotations

import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.http import JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions

from api.exceptions import RETRY_AFTER_SECONDS, error_body, too_large_detail, unavailable

API_PREFIX = "/api/"
_EXCEPTION_ATTR = "_api_uncaught_exception"

# Status -> the DRF exception whose (German) message and code describe it.
_BY_STATUS: dict[int, type[exceptions.APIException]] = {
    400: exceptions.ParseError,
    401: exceptions.NotAuthenticated,
    403: exceptions.PermissionDenied,
    404: exceptions.NotFound,
    406: exceptions.NotAcceptable,
    415: exceptions.UnsupportedMediaType,
    429: exceptions.Throttled,
}


def is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


def _remember_exception(sender, request=None, **kwargs) -> None:
    """Keep the exception that Django is about to turn into its 500 page."""
    if request is not None and is_api(request):
        setattr(request, _EXCEPTION_ATTR, sys.exc_info()[1])


def json_error(status: int, code: str, detail: str, **headers: str) -> JsonResponse:
    response = JsonResponse(error_body(status, code, detail), status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _is_json(response) -> bool:
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    return content_type == "application/json" or content_type.endswith("+json")


def _too_large(request) -> bool:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is None:
        return False
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > limit


class ApiErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_remember_exception, dispatch_uid=__name__)

    def __call__(self, request):
        if not is_api(request):
            return self.get_response(request)
        if _too_large(request):
            return json_error(413, "too_large", too_large_detail())
        response = self.get_response(request)
        if getattr(request, "axes_locked_out", False):
            seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
            return json_error(
                429,
                "locked_out",
                _("Too many failed logins. Please wait %(minutes)d minutes and try again.")
                % {"minutes": seconds // 60},
                Retry_After=str(seconds),
            )
        if response.status_code < 400 or _is_json(response):
            return response
        return self._as_json(request, response)

    def _as_json(self, request, response) -> JsonResponse:
        status = response.status_code
        exception = getattr(request, _EXCEPTION_ATTR, None)
        down = unavailable(exception) if exception is not None else None
        if down is not None:
            code, detail = down
            return json_error(503, code, detail, Retry_After=str(RETRY_AFTER_SECONDS))
        if status == 413:
            return json_error(413, "too_large", too_large_detail())
        if status == 405:
            return json_error(405, "method_not_allowed", _("This method is not allowed here."))
        known = _BY_STATUS.get(status)
        if known is not None:
            return json_error(status, known.default_code, str(known.default_detail))
        if status >= 500:
            return json_error(status, "error", _("An internal error occurred."))
        return json_error(status, "error", _("The request could not be processed."))
