"""Measure the statistics refresh and the state dashboard with N synthetic alliances.

    manage.py benchmark_statistics --alliances 16     # create (if missing) and measure
    manage.py benchmark_statistics --cleanup          # delete them and drop their schemas

Runs against the configured database. The alliances are called "Benchmark NNN"
(slug ``bench-NNN``) and get demo-size data written with ``bulk_create``: 70 partners
(20 % with care guides), 10 projects, 10 events, 20 funding entries, 4 board meetings
and 5 family seals.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import statistics
import time
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import schema_context

from core.audit.services import audit_log
from core.models import (
    BoardMeeting,
    Event,
    EventKind,
    FundingEntry,
    FundingKind,
    MeetingStatus,
    Partner,
    PartnerKind,
    PartnerStatus,
    Project,
    ProjectStatus,
    SealApplication,
    SealStatus,
    Topic,
)
from regional.models import StatisticsRun
from regional.services.statistics import statistics_refresh
from tenants.districts import District
from tenants.models import Alliance, Membership, User
from tenants.roles import Role
from tenants.services.alliances import alliance_create
from tenants.services.memberships import membership_create

SLUG_PREFIX = "bench-"
NAME_PREFIX = "Benchmark "
BENCHMARK_EMAIL = "benchmark-landeskoordination@benchmark.invalid"
# Marks the statistics runs the benchmark made, so that --cleanup removes them too.
BENCHMARK_TASK_ID = "benchmark"
DASHBOARD_TARGET_MS = 300
REFRESH_TARGET_MS = 1000  # for 16 alliances


def _slug(number: int) -> str:
    return f"{SLUG_PREFIX}{number:03d}"


def seed_alliance_data(today: datetime.date) -> None:
    """Demo-size records in the current schema, written with bulk_create."""
    kinds = PartnerKind.values
    partners = Partner.objects.bulk_create(
        Partner(
            name=f"Benchmark-Partner {number:02d}",
            kind=kinds[number % len(kinds)] if number % 3 else PartnerKind.COMPANY,
            status=PartnerStatus.LEFT if number % 23 == 22 else PartnerStatus.ACTIVE,
            city="Musterstadt",
            joined_on=datetime.date(2015 + number % 10, 1 + number % 12, 1),
            care_guides_count=(1 + number % 3) if number % 5 == 0 else 0,  # 20 %
        )
        for number in range(70)
    )
    topics, statuses = Topic.values, ProjectStatus.values
    Project.objects.bulk_create(
        Project(
            title=f"Benchmark-Projekt {number}",
            topic=topics[number % len(topics)],
            status=statuses[number % len(statuses)],
            start_date=datetime.date(today.year - 1, 1 + number, 1),
            target_groups=["families"],
            families_reached=10 * (number + 1),
            funding_amount=Decimal("1500.00"),
        )
        for number in range(10)
    )
    event_kinds = EventKind.values
    Event.objects.bulk_create(
        Event(
            title=f"Benchmark-Veranstaltung {number}",
            kind=event_kinds[number % len(event_kinds)],
            date=datetime.date(today.year, 1 + number % 12, 10),
            participant_count=20 + 5 * number,
        )
        for number in range(10)
    )
    funding_kinds = FundingKind.values
    FundingEntry.objects.bulk_create(
        FundingEntry(
            kind=funding_kinds[number % len(funding_kinds)],
            amount=Decimal(100 + 25 * number),
            received_on=datetime.date(today.year - number % 2, 1 + number % 12, 5),
            partner=partners[number],
        )
        for number in range(20)
    )
    BoardMeeting.objects.bulk_create(
        BoardMeeting(
            title=f"Benchmark-Sitzung {number}",
            date=datetime.date(today.year, 1 + 3 * number, 15),
            start_time=datetime.time(16, 0),
            status=MeetingStatus.HELD if number < 3 else MeetingStatus.PLANNED,
        )
        for number in range(4)
    )
    SealApplication.objects.bulk_create(
        SealApplication(
            partner=partners[number * 3],
            submitted_on=today - datetime.timedelta(days=400),
            status=SealStatus.AWARDED,
            awarded_on=today - datetime.timedelta(days=365),
            valid_until=today + datetime.timedelta(days=365 * 2 - 30 * number),
        )
        for number in range(5)
    )


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _counts(captured: CaptureQueriesContext) -> tuple[int, int]:
    """(all statements, those that are not django-tenants' ``SET search_path``)."""
    statements = [q["sql"] for q in captured.captured_queries]
    return len(statements), sum(1 for q in statements if not q.startswith("SET search_path"))


class Command(BaseCommand):
    help = (
        "Create N synthetic alliances (Benchmark NNN) with demo-size data and measure the "
        "statistics refresh and the state dashboard; --cleanup removes them again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--alliances", type=int, default=16, help="How many (default 16).")
        parser.add_argument("--runs", type=int, default=5, help="Refreshes to time.")
        parser.add_argument("--requests", type=int, default=20, help="Dashboard requests.")
        parser.add_argument(
            "--cleanup",
            action="store_true",
            help="Delete the benchmark alliances, drop their schemas, remove the account.",
        )

    def handle(self, *args, alliances: int, runs: int, requests: int, cleanup: bool, **opts):
        connection.set_schema_to_public()
        if cleanup:
            self.cleanup()
            return
        if alliances < 1 or alliances > 999:
            raise CommandError("--alliances must be between 1 and 999.")
        self.ensure_alliances(alliances)
        total = Alliance.objects.count()
        self.stdout.write(
            f"Alliances in the database: {total} ({alliances} of them synthetic benchmark ones)"
        )
        self.measure_refresh(runs)
        self.measure_dashboard(requests)

    # ---------------------------------------------------------------- set-up

    def ensure_alliances(self, count: int) -> None:
        today = timezone.localdate()
        districts = District.values
        for number in range(1, count + 1):
            slug = _slug(number)
            alliance = Alliance.objects.filter(slug=slug).first()
            state = "exists"
            if alliance is None:
                started = time.perf_counter()
                with contextlib.redirect_stdout(io.StringIO()):  # the schema's migrations
                    alliance = alliance_create(
                        actor=None,
                        name=f"{NAME_PREFIX}{number:03d}",
                        slug=slug,
                        district=districts[number % len(districts)],
                        host_organisation="Benchmark",
                    )
                connection.set_schema_to_public()
                state = f"created in {time.perf_counter() - started:.1f} s"
            with schema_context(alliance.schema_name):
                if not Partner.objects.exists():
                    seed_alliance_data(today)
                    state += ", data added"
            self.stdout.write(f"  {alliance.name} ({slug}): {state}")

    def _state_coordinator(self) -> User:
        user = User.objects.filter(email=BENCHMARK_EMAIL).first()
        if user is None:
            user = User.objects.create_user(email=BENCHMARK_EMAIL, password=None)
        if not Membership.objects.filter(user=user, role=Role.STATE_COORDINATOR).exists():
            membership_create(actor=None, user=user, role=Role.STATE_COORDINATOR, alliance=None)
        return user

    # ---------------------------------------------------------------- measurements

    def measure_refresh(self, runs: int) -> None:
        samples = []
        queries = (0, 0)
        for number in range(runs):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                run = StatisticsRun.objects.create(
                    taken_on=timezone.localdate(), task_id=BENCHMARK_TASK_ID
                )
                run = statistics_refresh(actor=None, run=run)
                samples.append(time.perf_counter() - started)
            if number == 0:
                queries = _counts(captured)
        median = _median_ms(samples)
        verdict = "OK" if median < REFRESH_TARGET_MS else "SLOWER THAN TARGET"
        self.stdout.write(
            f"Statistics refresh: median {median:.0f} ms of {runs} runs "
            f"(min {min(samples) * 1000:.0f} ms, max {max(samples) * 1000:.0f} ms), "
            f"{run.alliances_total} alliances, {queries[0]} statements per refresh "
            f"({queries[1]} without SET search_path); "
            f"target < {REFRESH_TARGET_MS} ms for 16 alliances: {verdict}"
        )

    def measure_dashboard(self, requests: int) -> None:
        client = Client(HTTP_HOST="localhost")
        client.force_login(self._state_coordinator())
        warm = client.get("/dashboard/")
        if warm.status_code != 200:
            raise CommandError(f"/dashboard/ answered {warm.status_code}")
        samples, counts = [], []
        for _number in range(requests):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get("/dashboard/")
                samples.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise CommandError(f"/dashboard/ answered {response.status_code}")
            counts.append(_counts(captured))
        client.logout()
        median = _median_ms(samples)
        verdict = "OK" if median < DASHBOARD_TARGET_MS else "SLOWER THAN TARGET"
        self.stdout.write(
            f"Dashboard GET /dashboard/: median {median:.0f} ms of {requests} requests "
            f"(min {min(samples) * 1000:.0f} ms, max {max(samples) * 1000:.0f} ms), "
            f"{max(counts)[0]} statements per request ({max(counts)[1]} without SET search_path); "
            f"target < {DASHBOARD_TARGET_MS} ms: {verdict}"
        )

    # ---------------------------------------------------------------- clean-up

    def cleanup(self) -> None:
        benchmark = Alliance.objects.filter(
            slug__startswith=SLUG_PREFIX, name__startswith=NAME_PREFIX
        ).order_by("slug")
        removed = 0
        for alliance in benchmark:
            audit_log(
                actor=None,
                action="tenants.alliance.deleted",
                target=alliance,
                changes={"reason": "benchmark clean-up", "schema": alliance.schema_name},
            )
            alliance.delete(force_drop=True)
            connection.set_schema_to_public()
            removed += 1
        User.objects.filter(email=BENCHMARK_EMAIL).delete()
        runs, _by_model = StatisticsRun.objects.filter(task_id=BENCHMARK_TASK_ID).delete()
        self.stdout.write(
            f"Removed {removed} benchmark alliances (schemas dropped) and {runs} benchmark "
            "statistics runs."
        )
