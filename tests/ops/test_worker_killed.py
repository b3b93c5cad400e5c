"""A Celery worker killed in the middle of a statistics refresh: the refresh completes
after the restart, resumes where it stopped and stores each alliance's snapshot once.

The workers run the real task on the test database through a Redis of the tests' own
(its short visibility timeout must not reach other people's workers). The engine is
slowed down (``tests.ops.slow_worker``: one alliance per batch, a pause before each), so
the kill lands after some alliances are stored and before all are.
"""

from __future__ import annotations

import os
import signal
import uuid

import psutil
import pytest
from django.db.models import Count
from django.utils import timezone
from django_tenants.utils import schema_context, schema_exists

from config.celery import app as celery_app
from core.selectors.figures import alliance_figures
from regional.models import AllianceSnapshot, RunStatus, StatisticsRun
from regional.statistics import counted_alliances
from tenants.models import Alliance
from tenants.services import provisioning
from tests.factories.partners import PartnerFactory
from tests.factories.tenants import AllianceFactory
from tests.ops.conftest import CommittedRows
from tests.ops.processes import RedisServer, service_env, start_worker, wait_until

pytestmark = pytest.mark.celery_worker

DELAY_SECONDS = 0.5  # per alliance, in the slowed-down worker


@pytest.fixture(scope="module")
def broker(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def alliances(django_db_setup, django_db_blocker):
    """Three more alliances (committed) with 1, 2 and 3 active companies as partners,
    besides the session's two; removed, schemas included, after the module."""
    created: dict[int, int] = {}
    with django_db_blocker.unblock():
        rows = CommittedRows()
        had_template = schema_exists(provisioning.TEMPLATE_SCHEMA)
        try:
            for partners in (1, 2, 3):
                alliance = AllianceFactory(
                    slug=f"opsworker{partners}{uuid.uuid4().hex[:4]}", copy_template=True
                )
                with schema_context(alliance.schema_name):
                    PartnerFactory.create_batch(partners)
                created[alliance.pk] = partners
            yield created
        finally:
            rows.clean()
            for alliance in Alliance.objects.filter(pk__in=created):
                alliance.delete(force_drop=True)
            if not had_template:
                provisioning.drop_template_schema()


@pytest.fixture
def worker_env(test_database_url, broker):
    def make(*, delay: float, visibility_timeout: int) -> dict[str, str]:
        return service_env(
            database_url=test_database_url,
            redis_url=broker.url,
            BN_TEST_STATISTICS_DELAY=str(delay),
            BUENDNISNETZ_BROKER_VISIBILITY_TIMEOUT=str(visibility_timeout),
        )

    return make


def _queue_run(broker: RedisServer, queue: str) -> StatisticsRun:
    """A requested run (committed) and its task message, as the refresh view makes them."""
    run = StatisticsRun.objects.create(
        taken_on=timezone.localdate(), status=RunStatus.QUEUED, task_id=str(uuid.uuid4())
    )
    with celery_app.connection_for_write(broker.url) as connection:
        celery_app.send_task(
            "regional.refresh_statistics", args=[run.pk], task_id=run.task_id, queue=queue,
            connection=connection, ignore_result=True,
        )  # fmt: skip
    return run


def _progress(run: StatisticsRun, done: int):
    run.refresh_from_db()
    return run.status == RunStatus.RUNNING and run.alliances_done >= done


def _finished(run: StatisticsRun):
    run.refresh_from_db()
    return run.status in (RunStatus.DONE, RunStatus.FAILED)


def _assert_complete_and_once(run: StatisticsRun, alliances: dict[int, int], killed_at) -> None:
    run.refresh_from_db()
    expected = {ref.alliance_id for ref in counted_alliances()}
    assert run.status == RunStatus.DONE, run.error
    assert run.alliances_total == run.alliances_done == len(expected) >= 5

    # Exactly one snapshot per alliance and day: no doubles, none missing.
    per_alliance = (
        AllianceSnapshot.objects.filter(taken_on=run.taken_on)
        .values("alliance_id")
        .annotate(n=Count("id"))
    )
    assert {row["alliance_id"]: row["n"] for row in per_alliance} == dict.fromkeys(expected, 1)
    snapshots = {s.alliance_id: s for s in AllianceSnapshot.objects.filter(taken_on=run.taken_on)}
    assert {s.run_id for s in snapshots.values()} == {run.pk}

    # The figures are right: the seeded alliances' partners, the session's as the ORM counts.
    for alliance_id, partners in alliances.items():
        assert snapshots[alliance_id].partners_total == partners
        assert snapshots[alliance_id].companies == partners
    for alliance in Alliance.objects.filter(slug__in=["jena", "badfrankenhausen"]):
        with schema_context(alliance.schema_name):
            figures = alliance_figures(today=run.taken_on)
        assert snapshots[alliance.pk].partners_total == figures.partners_total
        assert snapshots[alliance.pk].valid_seals == figures.valid_seals

    # Resumed, not started over: what was stored before the kill was kept, the rest after.
    before = [s for s in snapshots.values() if s.updated_at < killed_at]
    assert 2 <= len(before) < len(expected)


def test_refresh_completes_once_after_its_pool_process_is_killed(
    alliances, broker, worker_env, tmp_path, django_db_blocker
):
    """SIGKILL to the prefork child running the task: the main process rejects the
    message (reject_on_worker_lost), it is delivered again at once and the run resumes."""
    queue = f"ops-{uuid.uuid4().hex[:8]}"
    worker = start_worker(
        worker_env(delay=DELAY_SECONDS, visibility_timeout=3600), tmp_path / "worker.log",
        app="tests.ops.slow_worker", queue=queue,
    )  # fmt: skip
    try:
        with django_db_blocker.unblock():
            run = _queue_run(broker, queue)
            wait_until(lambda: _progress(run, 2), timeout=60, details=worker.log_text)
            [child] = psutil.Process(worker.process.pid).children()
            killed_at = timezone.now()
            os.kill(child.pid, signal.SIGKILL)

            wait_until(lambda: _finished(run), timeout=30, details=worker.log_text)
            _assert_complete_and_once(run, alliances, killed_at)
        assert "WorkerLostError" in worker.log_text()
        assert worker.process.poll() is None  # the main process lived on
    finally:
        worker.stop()


def test_refresh_completes_once_after_the_whole_worker_is_killed_and_started_again(
    alliances, broker, worker_env, tmp_path, django_db_blocker
):
    """SIGKILL to the main process and its children: the message stays unacknowledged
    in Redis and a new worker gets it back after the visibility timeout."""
    queue = f"ops-{uuid.uuid4().hex[:8]}"
    worker = start_worker(
        worker_env(delay=DELAY_SECONDS, visibility_timeout=3600), tmp_path / "first.log",
        app="tests.ops.slow_worker", queue=queue,
    )  # fmt: skip
    redis = broker.client()
    try:
        with django_db_blocker.unblock():
            run = _queue_run(broker, queue)
            wait_until(lambda: _progress(run, 2), timeout=60, details=worker.log_text)
            killed_at = timezone.now()
            os.killpg(worker.process.pid, signal.SIGKILL)
            worker.process.wait(timeout=10)

            # Left behind: a running run, and its message neither queued nor lost.
            run.refresh_from_db()
            assert run.status == RunStatus.RUNNING
            assert redis.llen(queue) == 0
            assert redis.hlen("unacked") == 1

            second = start_worker(
                worker_env(delay=0, visibility_timeout=2), tmp_path / "second.log",
                queue=queue,
            )  # fmt: skip
            try:
                wait_until(lambda: _finished(run), timeout=60, details=second.log_text)
                _assert_complete_and_once(run, alliances, killed_at)
                wait_until(lambda: redis.hlen("unacked") == 0, timeout=10)
            finally:
                second.stop()
    finally:
        worker.stop()
        redis.close()


def test_the_redelivered_task_resumes_the_run_its_killed_worker_left(db, jena, badfrankenhausen):
    """What a worker finds when a killed worker's message comes back: a running run with
    some snapshots. It counts only the rest and keeps the stored snapshots untouched."""
    from regional.tasks.statistics import refresh_statistics

    today = timezone.localdate()
    run = StatisticsRun.objects.create(
        taken_on=today, status=RunStatus.RUNNING, alliances_total=2, alliances_done=1
    )
    stored = AllianceSnapshot.objects.create(
        alliance=jena, taken_on=today, run=run, year=today.year, partners_total=99
    )

    result = refresh_statistics.run(run.pk)

    assert result["status"] == RunStatus.DONE
    assert result["alliances"] == len(counted_alliances())
    stored.refresh_from_db()
    assert stored.partners_total == 99  # not counted again
    assert AllianceSnapshot.objects.filter(taken_on=today, alliance=badfrankenhausen).count() == 1
    # Delivered once more (say, after the visibility timeout): nothing changes.
    assert refresh_statistics.run(run.pk)["status"] == RunStatus.DONE
    assert AllianceSnapshot.objects.filter(taken_on=today).count() == len(counted_alliances())
