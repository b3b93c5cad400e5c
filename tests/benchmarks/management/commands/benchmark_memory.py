"""Resident memory of a web process and of a worker's statistics refresh at N alliances.

    manage.py benchmark_memory --settings=config.settings.bench --alliances 650

Part of ``make bench`` (tests/benchmarks). Each figure comes from a fresh Python process
(``PROBE`` below), so that nothing the benchmark itself holds is counted:

- **web**: the WSGI application loaded (every app, URL conf and template), the host map
  (``tenants.domain_cache``) filled with every alliance's host, the figures registry
  read, and the state dashboard rendered once: its resident set size afterwards (what a
  gunicorn worker holds at 650 alliances before its request-by-request growth);
- **refresh**: the Celery app and its tasks imported, then one statistics refresh over
  every alliance: the process's peak resident set size (``ru_maxrss``). Target: under
  300 MB (issue 18).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from tests.benchmarks.alliance_data import seed_alliance_data
from tests.benchmarks.common import (
    Measurement,
    counted_only,
    ensure_alliances,
    require_benchmark_database,
)

REFRESH_TARGET_MB = 300.0

PROBE = r"""
import json, resource, sys
import django

django.setup()
from django.db import connection


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


kind = sys.argv[1]
if kind == "web":
    from config.wsgi import application  # noqa: F401 - loads what a worker loads
    from django.test import Client

    from core.figures import ALLIANCE_FIGURES
    from tenants import domain_cache
    from tenants.models import Domain, User

    before = rss_mb()
    hosts = list(Domain.objects.values_list("domain", flat=True))
    for host in hosts:
        domain_cache.lookup(host)
    ALLIANCE_FIGURES.keys()
    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(email=sys.argv[2]))
    status = client.get("/dashboard/").status_code
    connection.set_schema_to_public()
    print(json.dumps({"hosts": len(hosts), "loaded": before, "rss": rss_mb(), "status": status}))
else:
    import config.celery  # noqa: F401 - the worker's app and task modules
    from regional.services.statistics import statistics_refresh

    before = rss_mb()
    run = statistics_refresh(actor=None)
    print(json.dumps({"loaded": before, "peak": peak_mb(), "alliances": run.alliances_total}))
"""


def _probe(*args: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
    database = settings.DATABASES["default"]["NAME"]
    env["BUENDNISNETZ_BENCH_DATABASE"] = database
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=settings.BASE_DIR,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"memory probe {args[0]} failed:\n{done.stderr[-2000:]}")
    return json.loads(lines[-1])


def measure(count: int, *, coordinator_email: str, log=print) -> list[Measurement]:
    require_benchmark_database()
    created = ensure_alliances(count, seed=seed_alliance_data, log=log)
    log(f"  {count} alliances ready ({created} created)")
    with counted_only(count):
        web = _probe("web", coordinator_email)
        refresh = _probe("refresh")
    size = f"{count} alliances"
    log(f"  web {web['rss']:.0f} MB, refresh peak {refresh['peak']:.0f} MB")
    return [
        Measurement(
            "web process, resident memory (app loaded, every host mapped, dashboard drawn)",
            size,
            f"{web['rss']:.0f} MB ({web['loaded']:.0f} MB after loading the app; "
            f"{web['hosts']} hosts mapped)",
        ),
        Measurement(
            "statistics refresh in a worker process, peak resident memory",
            size,
            f"{refresh['peak']:.0f} MB ({refresh['loaded']:.0f} MB after loading the app; "
            f"{refresh['alliances']} alliances counted)",
            f"< {REFRESH_TARGET_MB:.0f} MB",
            refresh["peak"] < REFRESH_TARGET_MB,
        ),
    ]


class Command(BaseCommand):
    help = "Benchmark database only: resident memory of a web process and of a refresh."

    def add_arguments(self, parser):
        parser.add_argument("--alliances", type=int, default=650)

    def handle(self, *args, alliances: int, **options):
        from tests.benchmarks.management.commands.benchmark_statistics import (
            _state_coordinator,
        )

        email = _state_coordinator().email
        for row in measure(alliances, coordinator_email=email, log=self.stdout.write):
            self.stdout.write(f"{row.benchmark} | {row.size} | {row.result} | {row.target}")
