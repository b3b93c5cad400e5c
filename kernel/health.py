"""Liveness and readiness probes, answered on every host before tenant routing.

``/healthz``: the process is alive (no I/O). ``/readyz``: the database and the
Celery broker answer; otherwise 503 naming what is down.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import connections
from django.http import JsonResponse

logger = logging.getLogger(__name__)

PROBE_TIMEOUT_SECONDS = 2


def check_database() -> str | None:
    """None when the database answers, else a short reason."""
    try:
        connection = connections["default"]
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        logger.warning("readiness: database unavailable: %s", exc)
        return type(exc).__name__
    return None


def check_broker() -> str | None:
    """None when the Celery broker (Redis) answers PING, else a short reason."""
    import redis

    try:
        client = redis.Redis.from_url(
            settings.CELERY_BROKER_URL,
            socket_connect_timeout=PROBE_TIMEOUT_SECONDS,
            socket_timeout=PROBE_TIMEOUT_SECONDS,
        )
        try:
            client.ping()
        finally:
            client.close()
    except Exception as exc:
        logger.warning("readiness: broker unavailable: %s", exc)
        return type(exc).__name__
    return None


READINESS_CHECKS = {"database": check_database, "broker": check_broker}


def healthz() -> JsonResponse:
    return JsonResponse({"status": "ok"})


def readyz() -> JsonResponse:
    results = {name: check() for name, check in READINESS_CHECKS.items()}
    down = sorted(name for name, error in results.items() if error)
    body = {
        "status": "ok" if not down else "unavailable",
        "checks": {name: ("ok" if error is None else "down") for name, error in results.items()},
    }
    if down:
        body["down"] = down
    return JsonResponse(body, status=503 if down else 200)


class HealthCheckMiddleware:
    PATHS = {"/healthz": healthz, "/readyz": readyz}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = self.PATHS.get(request.path_info.rstrip("/"))
        if probe is not None and request.method in ("GET", "HEAD"):
            response = probe()
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
