"""A real Celery worker process (not eager mode) runs each task in the schema of the
alliance whose request sent it."""

from __future__ import annotations

import uuid

import pytest
from django.conf import settings
from django.db import connection
from django_tenants.utils import schema_context

from config.celery import app as celery_app
from kernel.audit.models import AuditEntry
from kernel.audit.services import audit_log
from tests.celery_probe import PROBE_ACTION, SEED_ACTION, probe_schema
from tests.config.celery_processes import start_celery, stop, worker_args
from tests.conftest import database_url_for

pytestmark = pytest.mark.celery_worker


@pytest.fixture(scope="module")
def worker_queue(django_db_setup, django_db_blocker, tmp_path_factory):
    """Start ``celery worker`` on the test database and a queue of its own."""
    queue = f"test-{uuid.uuid4().hex[:10]}"
    with django_db_blocker.unblock():
        database_url = database_url_for(connection.settings_dict)
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": database_url}
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    process = start_celery(worker_args(queue), log, env)
    try:
        yield queue
    finally:
        stop(process)
        if process.returncode not in (0, -15, None):
            print(log.read_text())


def _send_from(schema: str, marker: str, queue: str):
    # Sending inside the schema is what a view on that alliance's host does.
    with schema_context(schema):
        return probe_schema.apply_async(args=[marker], queue=queue)


def test_tasks_run_in_the_schema_of_the_alliance_that_sent_them(worker_queue, django_db_blocker):
    run = uuid.uuid4().hex[:8]
    seeds = {"jena": f"seed-jena-{run}", "badfrankenhausen": f"seed-bfh-{run}"}
    probes = {"jena": f"probe-jena-{run}", "badfrankenhausen": f"probe-bfh-{run}"}
    with django_db_blocker.unblock():
        try:
            # Committed data, as the worker is another process with its own connection.
            for schema, marker in seeds.items():
                with schema_context(schema):
                    audit_log(actor=None, action=SEED_ACTION, changes={"marker": marker})

            results = {
                s: _send_from(s, probes[s], worker_queue) for s in ("jena", "badfrankenhausen")
            }
            outcome = {s: r.get(timeout=90) for s, r in results.items()}

            # Read: each task saw only its own alliance's records.
            assert outcome["jena"]["schema"] == "jena"
            assert seeds["jena"] in outcome["jena"]["seen"]
            assert seeds["badfrankenhausen"] not in outcome["jena"]["seen"]
            assert outcome["badfrankenhausen"]["schema"] == "badfrankenhausen"
            assert seeds["badfrankenhausen"] in outcome["badfrankenhausen"]["seen"]
            assert seeds["jena"] not in outcome["badfrankenhausen"]["seen"]

            # Write: each task's entry landed in its own schema and nowhere else.
            for schema, other in (("jena", "badfrankenhausen"), ("badfrankenhausen", "jena")):
                with schema_context(schema):
                    written = set(
                        AuditEntry.objects.filter(action=PROBE_ACTION).values_list(
                            "changes__marker", flat=True
                        )
                    )
                assert probes[schema] in written
                assert probes[other] not in written
            with schema_context("public"):
                assert not AuditEntry.objects.filter(action=PROBE_ACTION).exists()
        finally:
            markers = [*seeds.values(), *probes.values()]
            for schema in ("jena", "badfrankenhausen", "public"):
                with schema_context(schema):
                    AuditEntry.objects.filter(changes__marker__in=markers).delete()


def test_task_sent_from_the_public_schema_runs_in_public(worker_queue, django_db_blocker):
    marker = f"probe-public-{uuid.uuid4().hex[:8]}"
    with django_db_blocker.unblock():
        try:
            result = _send_from("public", marker, worker_queue).get(timeout=90)
            assert result["schema"] == "public"
            with schema_context("jena"):
                assert not AuditEntry.objects.filter(changes__marker=marker).exists()
        finally:
            with schema_context("public"):
                AuditEntry.objects.filter(changes__marker=marker).delete()


def test_celery_is_not_eager():
    assert celery_app.conf.task_always_eager is False
    assert settings.CELERY_BROKER_URL.startswith("redis://")
