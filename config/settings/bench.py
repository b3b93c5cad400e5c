"""Settings for the benchmarks (`make bench`, ``python -m tests.benchmarks``).

The local settings on a database of their own (``bn_bench`` by default, on the server
``DATABASE_URL`` names or the embedded PostgreSQL), never the demo database: the
benchmarks create and drop hundreds of alliances there. On top of the local settings:

- the benchmark commands (``tests.benchmarks``) and the benchmark-only tenant app
  ``tests.benchmarks.bench_app`` (a migration to apply to every alliance schema without
  touching a real app);
- API throttling that never answers 429 (the rate check itself still runs);
- with ``BUENDNISNETZ_BENCH_PINNED_SCHEMA`` set: no routing by host, every request is
  served by that alliance (the baseline that the API benchmark compares tenant routing
  against);
- with ``BUENDNISNETZ_BENCH_ANCHOR`` set as well: only that pinning middleware and the
  plain DRF partner list of ``tests.benchmarks.anchor`` (the anchor the API benchmark
  measures ours against).
"""

from .local import *
from .local import CACHES, DATABASES, INSTALLED_APPS, MIDDLEWARE, REST_FRAMEWORK, TENANT_APPS, env

BENCHMARK_DATABASE = env("BUENDNISNETZ_BENCH_DATABASE", "bn_bench")
DATABASES["default"]["NAME"] = BENCHMARK_DATABASE
# The benchmark commands refuse to run without this (they create and drop alliances).
BUENDNISNETZ_BENCHMARK = True

TENANT_APPS = [*TENANT_APPS, "tests.benchmarks.bench_app"]
INSTALLED_APPS = [*INSTALLED_APPS, "tests.benchmarks.bench_app", "tests.benchmarks"]

# Nothing of the benchmark may reach the demo's worker or cache entries.
CELERY_TASK_DEFAULT_QUEUE = "buendnisnetz-bench"
CACHES["default"]["KEY_PREFIX"] = "bnbench"
CACHES["throttle"]["KEY_PREFIX"] = "bnbench-rate"

REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": "100000000/minute", "user": "100000000/minute"},
}

LOGGING["root"]["level"] = "WARNING"

PINNED_SCHEMA = env("BUENDNISNETZ_BENCH_PINNED_SCHEMA")
if PINNED_SCHEMA:
    MIDDLEWARE = [
        "tests.benchmarks.middleware.PinnedAllianceMiddleware"
        if name == "tenants.middleware.AllianceMiddleware"
        else name
        for name in MIDDLEWARE
    ]

if PINNED_SCHEMA and env("BUENDNISNETZ_BENCH_ANCHOR"):
    MIDDLEWARE = ["tests.benchmarks.middleware.PinnedAllianceMiddleware"]
    ROOT_URLCONF = PUBLIC_SCHEMA_URLCONF = "tests.benchmarks.anchor"
