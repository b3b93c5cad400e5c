"""One shape for every API error: {"status", "code", "detail", "errors"}."""

from __future__ import annotations

from rest_framework.views import exception_handler


def handle(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    errors = {}
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
    response.data = {
        "status": response.status_code,
        "code": str(code),
        "detail": detail,
        "errors": errors,
    }
    return response
