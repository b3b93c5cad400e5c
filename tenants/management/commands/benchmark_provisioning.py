"""Time creating an alliance by replaying migrations against copying the template schema.

    manage.py benchmark_provisioning [--runs 5]

Creates ``runs`` throw-away alliances each way (slugs ``provbench-...``), prints the
median and range, and removes them again (schemas dropped).
"""

from __future__ import annotations

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection

from tenants.districts import District
from tenants.models import Alliance
from tenants.services.alliances import alliance_create
from tenants.services.provisioning import ensure_template_schema

PREFIX = "provbench"


class Command(BaseCommand):
    help = "Compare creating an alliance by migrations and by copying the template schema."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5)

    def _remove_leftovers(self) -> None:
        for alliance in Alliance.objects.filter(slug__startswith=PREFIX):
            alliance.delete(force_drop=True)

    def _time(self, copy_template: bool, runs: int) -> list[float]:
        seconds = []
        for run in range(runs):
            slug = f"{PREFIX}-{'copy' if copy_template else 'migrate'}-{run}"
            started = time.perf_counter()
            alliance_create(
                actor=None,
                name=f"Provisioning benchmark {slug}",
                slug=slug,
                district=District.ERFURT,
                copy_template=copy_template,
            )
            seconds.append(time.perf_counter() - started)
            connection.set_schema_to_public()
        return seconds

    def handle(self, *args, runs: int, **options):
        self._remove_leftovers()
        ensure_template_schema()
        try:
            results = {
                "replaying migrations": self._time(False, runs),
                "copying the template": self._time(True, runs),
            }
        finally:
            self._remove_leftovers()
        for label, seconds in results.items():
            self.stdout.write(
                f"{label}: median {statistics.median(seconds):.2f} s of {runs} runs "
                f"(min {min(seconds):.2f} s, max {max(seconds):.2f} s)"
            )
