"""The OpenAPI schema says what the API really answers, errors included.

drf-spectacular documents the success answers; this post-processing hook adds the
error answers every operation can give, all in the one shape that api.exceptions and
api.middleware send (``Error``):

- 400 for an operation with parameters or a body (a refused filter, ``page_size``, input);
- 401 (no or a wrong token), 403 (a refused CSRF check of a session), 404 (not found, or
  not allowed: the API never confirms that another's object exists), 429 (throttle or
  login lock-out) and 503 (database or broker unreachable) for every operation;
- 413 (body over the size limit) and 415 (unsupported media type) for operations with
  a body.

It also documents times of day as they are sent: DRF writes a TimeField as "18:00:00",
without the UTC offset that OpenAPI's ``format: time`` (RFC 3339 full-time) demands.
"""

from __future__ import annotations

ERROR_COMPONENT = "Error"

ERROR_SCHEMA = {
    "type": "object",
    "description": "Every error answer of the API.",
    "properties": {
        "status": {"type": "integer", "description": "The HTTP status code."},
        "code": {"type": "string", "description": "A machine-readable error code."},
        "detail": {"type": "string", "description": "What went wrong, in German."},
        "errors": {
            "type": "object",
            "description": "Messages per input field (empty if none).",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["status", "code", "detail", "errors"],
}

DESCRIPTIONS = {
    "400": "The input or a query parameter was refused.",
    "401": "Not logged in: no token, or a wrong one.",
    "403": "Refused (a session without a valid CSRF token).",
    "404": "Not found, or not visible to the caller.",
    "413": "The request body is larger than allowed.",
    "415": "The body's media type is not supported.",
    "429": "Too many requests, or the login is locked for a while.",
    "503": "The database or the background queue is not reachable; try again later.",
}
_EVERY_OPERATION = ("401", "403", "404", "429", "503")
_WITH_BODY = ("400", "413", "415")
_METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")


# A time of day as DRF sends it ("18:00:00", microseconds when there are any) and accepts
# it ("18:00" too); local time in Europe/Berlin, no offset.
LOCAL_TIME = {
    "format": "partial-time",
    "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$",
    "example": "18:00:00",
}


def _local_times(node) -> None:
    """Replace every ``format: time`` below ``node`` by LOCAL_TIME."""
    if isinstance(node, dict):
        if node.get("format") == "time" and node.get("type") == "string":
            node.update(LOCAL_TIME)
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)


def _response(code: str) -> dict:
    return {
        "description": DESCRIPTIONS[code],
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{ERROR_COMPONENT}"}}
        },
    }


def document_errors(result, generator, request, public):
    """drf-spectacular POSTPROCESSING_HOOKS entry: add the error answers."""
    result.setdefault("components", {}).setdefault("schemas", {})[ERROR_COMPONENT] = ERROR_SCHEMA
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in _METHODS:
                continue
            responses = operation.setdefault("responses", {})
            codes = list(_EVERY_OPERATION)
            if "requestBody" in operation:
                codes += _WITH_BODY
            elif operation.get("parameters") or path_item.get("parameters"):
                codes.append("400")
            for code in codes:
                responses.setdefault(code, _response(code))
    _local_times(result)
    return result
