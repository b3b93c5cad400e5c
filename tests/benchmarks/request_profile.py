"""Where one partner-list request spends its time: a profile by part of the stack.

``breakdown()`` asks ``GET /api/v1/partners/`` (50 rows, the API benchmark's alliance and
token) in this process through Django's test client, first without a profiler (the
median time per request), then under ``cProfile``; each function's own time is given to
the part of the stack its file belongs to (``PARTS``, first match wins). The shares are
of the profiled time (the profiler slows Python code more than waiting for the database,
so the database's share is a lower bound); the milliseconds are the shares of the
unprofiled median. Part of the API benchmark (docs/benchmarks.md).
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import time

from django.db import connection
from django.test import Client

from tests.benchmarks.common import Measurement

PATH = "/api/v1/partners/"

# (part of the stack, fragments of the file path); the first part that matches counts.
PARTS = [
    ("database driver: sending, waiting, reading (psycopg)", ("psycopg",)),
    ("Redis: throttle counter and cache stamps", ("/redis/",)),
    ("ORM: building queries and model instances", ("django/db/",)),
    (
        "authentication, permission, throttling",
        (
            "rest_framework/authentication",
            "rest_framework/permissions",
            "rest_framework/throttling",
            "api/authentication",
            "api/permissions",
            "tenants/permissions",
            "tenants/access_cache",
            "tenants/throttling",
            "tenants/scope",
        ),
    ),
    ("tenant routing", ("tenants/middleware", "tenants/domain_cache", "django_tenants")),
    (
        "serializing the 50 rows",
        (
            "rest_framework/serializers",
            "rest_framework/fields",
            "rest_framework/relations",
            "api/serializers",
            "kernel/text",
            "kernel/formats",
        ),
    ),
    ("rendering JSON", ("rest_framework/renderers", "rest_framework/utils/encoders", "/json/")),
    ("DRF view, pagination, filtering", ("rest_framework/", "django_filters", "api/")),
    ("Django request handling and middleware", ("django/", "csp/", "whitenoise", "axes/")),
    ("the test client (not in production)", ("django/test",)),
]
OTHER = "everything else (standard library, our other code)"


def _part(filename: str) -> str:
    # The test client's own frames first: they are Django files but not the server's.
    if "django/test" in filename:
        return PARTS[-1][0]
    for label, fragments in PARTS:
        if any(fragment in filename for fragment in fragments):
            return label
    return OTHER


def breakdown(*, host: str, token: str, requests: int = 200) -> list[Measurement]:
    client = Client(HTTP_HOST=host, HTTP_AUTHORIZATION=f"Token {token}")
    for _warm in range(20):
        if client.get(PATH).status_code != 200:
            raise RuntimeError(f"{PATH} on {host} does not answer 200")
    samples = []
    for _run in range(requests):
        started = time.perf_counter()
        client.get(PATH)
        samples.append(time.perf_counter() - started)
    median_ms = statistics.median(samples) * 1000
    profiler = cProfile.Profile()
    profiler.enable()
    for _run in range(requests):
        client.get(PATH)
    profiler.disable()
    connection.set_schema_to_public()
    own: dict[str, float] = {}
    for (filename, _line, _name), row in pstats.Stats(profiler).stats.items():
        own[_part(filename)] = own.get(_part(filename), 0.0) + row[2]  # own time
    total = sum(own.values()) or 1.0
    size = f"1 request, {requests} measured in-process"
    rows = [
        Measurement(
            "partner list API, one request in-process (test client), median",
            size,
            f"{median_ms:.1f} ms",
        )
    ]
    for label, seconds in sorted(own.items(), key=lambda item: -item[1]):
        share = seconds / total
        rows.append(
            Measurement(
                f"… {label}",
                size,
                f"{share:.0%} (about {share * median_ms:.1f} ms)",
            )
        )
    return rows
