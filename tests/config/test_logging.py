"""Structured logs: one JSON object per line, with the tenant, the request and the Celery
task it was written for; worker and beat log through the same formatter."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from celery import shared_task
from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django_tenants.utils import schema_context

from config.logging import JsonFormatter, TenantFilter
from config.urls_tenant import urlpatterns as tenant_patterns
from tests.config.celery_processes import start_celery, stop, worker_args
from tests.conftest import database_url_for, host_client, logged_in_client, person_with_role

LOGGER_NAME = "buendnisnetz.tests.logging"


# ---------------------------------------------------------------- a view and a task that log


def logging_view(request):
    # Touching request.user is what every real view does before it logs something.
    name = request.user.get_username() if request.user.is_authenticated else "anonymous"
    logging.getLogger(LOGGER_NAME).warning("view served for %s", name)
    return HttpResponse("ok")


def failing_view(request):
    raise RuntimeError("the view broke")


urlpatterns = [
    path("log-probe/", logging_view),
    path("log-boom/", failing_view),
    *tenant_patterns,
]


@shared_task(name="tests.logging.log_inside_task")
def log_inside_task(text: str) -> str:
    logging.getLogger(LOGGER_NAME).warning("task says %s", text)
    return connection.schema_name


# ---------------------------------------------------------------- capturing


class Captured:
    def __init__(self, stream: io.StringIO):
        self.stream = stream

    def records(self) -> list[dict]:
        # Every line must be a JSON object on its own: that is what log collectors read.
        return [json.loads(line) for line in self.stream.getvalue().splitlines()]

    def one(self, **match) -> dict:
        found = [r for r in self.records() if all(r.get(k) == v for k, v in match.items())]
        assert len(found) == 1, self.stream.getvalue()
        return found[0]


@pytest.fixture
def json_log():
    """The production handler (tenant filter + JSON formatter) on the root logger."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(TenantFilter())
    handler.setFormatter(JsonFormatter())
    handler.setLevel(logging.WARNING)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield Captured(stream)
    finally:
        root.removeHandler(handler)


# ---------------------------------------------------------------- tenant


def test_line_written_in_an_alliance_schema_carries_that_tenant(jena, json_log):
    with schema_context(jena.schema_name):
        logging.getLogger(LOGGER_NAME).warning("Partner %s aufgenommen", "Zeiss")
    record = json_log.one(message="Partner Zeiss aufgenommen")
    assert record["tenant"] == "jena"
    assert record["level"] == "WARNING"
    assert record["logger"] == LOGGER_NAME
    written = datetime.fromisoformat(record["timestamp"])
    assert written.utcoffset() == timedelta(0)
    assert "request_id" not in record  # outside a request
    assert "task_id" not in record  # outside a task


def test_line_written_in_the_state_layer_carries_public(db, json_log):
    connection.set_schema_to_public()
    logging.getLogger(LOGGER_NAME).warning("Statistik erneuert")
    assert json_log.one(message="Statistik erneuert")["tenant"] == "public"


def test_exception_is_serialised_into_the_same_line(jena, json_log):
    with schema_context(jena.schema_name):
        try:
            raise ValueError("Aufnahme ohne Kuratoriumsbeschluss")
        except ValueError:
            logging.getLogger(LOGGER_NAME).exception("Aufnahme fehlgeschlagen")
    lines = json_log.stream.getvalue().splitlines()
    assert len(lines) == 1  # the traceback does not break the line
    record = json.loads(lines[0])
    assert record["level"] == "ERROR"
    assert record["tenant"] == "jena"
    assert record["exception"].startswith("Traceback (most recent call last)")
    assert "ValueError: Aufnahme ohne Kuratoriumsbeschluss" in record["exception"]


def test_extra_values_are_kept_and_unserialisable_ones_become_text(db, json_log):
    logging.getLogger(LOGGER_NAME).warning(
        "Einrichtung %s", 7, extra={"setup_id": 7, "when": datetime(2026, 3, 12, 14, 0, tzinfo=UTC)}
    )
    record = json_log.one(message="Einrichtung 7")
    assert record["setup_id"] == 7
    assert record["when"] == "2026-03-12 14:00:00+00:00"


def test_a_broken_format_string_still_gives_a_line():
    # Formatted directly: the test runner's own log handler fails on such a record.
    broken = logging.LogRecord(
        LOGGER_NAME, logging.WARNING, __file__, 1, "zwei Platzhalter %s %s", ("nur einer",), None
    )
    record = json.loads(JsonFormatter().format(broken))
    assert record["message"] == "zwei Platzhalter %s %s ('nur einer',)"
    assert record["tenant"] == "-"  # no filter ran: nothing claims a tenant


# ---------------------------------------------------------------- requests


def test_request_lines_carry_request_id_path_user_and_tenant(jena, settings, json_log):
    settings.ROOT_URLCONF = __name__
    coordinator = person_with_role("local_coordinator", jena)
    client = logged_in_client(coordinator)

    response = client.get("/log-probe/")

    assert response.status_code == 200
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    record = json_log.one(logger=LOGGER_NAME)
    assert record["request_id"] == request_id
    assert record["path"] == "/log-probe/"
    assert record["user_id"] == coordinator.pk
    assert record["tenant"] == "jena"


def test_request_id_from_nginx_is_kept_and_a_forged_one_replaced(jena, settings, json_log):
    settings.ROOT_URLCONF = __name__
    client = host_client("jena.localhost")

    kept = client.get("/log-probe/", HTTP_X_REQUEST_ID="3f2a9c0d4e5b6a7f8091a2b3c4d5e6f7")
    forged = client.get("/log-probe/", HTTP_X_REQUEST_ID='x"\n{"level": "CRITICAL"}')

    assert kept["X-Request-ID"] == "3f2a9c0d4e5b6a7f8091a2b3c4d5e6f7"
    assert forged["X-Request-ID"] != 'x"\n{"level": "CRITICAL"}'
    ids = [r["request_id"] for r in json_log.records() if r["logger"] == LOGGER_NAME]
    assert ids == ["3f2a9c0d4e5b6a7f8091a2b3c4d5e6f7", forged["X-Request-ID"]]
    assert all(r.get("user_id") is None for r in json_log.records())  # anonymous


def test_server_error_is_logged_once_with_traceback_and_request(jena, settings, json_log):
    settings.ROOT_URLCONF = __name__
    client = host_client("jena.localhost", raise_request_exception=False)

    response = client.get("/log-boom/")

    assert response.status_code == 500
    record = json_log.one(logger="django.request")
    assert record["level"] == "ERROR"
    assert record["path"] == "/log-boom/"
    assert record["request_id"] == response["X-Request-ID"]
    assert record["tenant"] == "jena"
    assert record["status_code"] == 500
    assert "RuntimeError: the view broke" in record["exception"]
    assert "request" not in record  # the request object itself is never dumped


def test_lines_after_the_request_no_longer_name_it(jena, settings, json_log):
    settings.ROOT_URLCONF = __name__
    host_client("jena.localhost").get("/log-probe/")
    logging.getLogger(LOGGER_NAME).warning("after the request")
    assert "request_id" not in json_log.one(message="after the request")


def test_probe_lines_never_claim_the_tenant_of_the_previous_request(jena, settings, json_log):
    settings.ROOT_URLCONF = __name__
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # makes /readyz log a warning
    client = host_client("jena.localhost")
    client.get("/log-probe/")  # leaves the connection on jena's schema

    response = client.get("/readyz")

    assert response.status_code == 503
    record = json_log.one(logger="kernel.health")
    assert record["tenant"] == "-"  # answered before any tenant was looked up
    assert record["path"] == "/readyz"


def test_unknown_host_lines_carry_no_tenant(jena, json_log):
    connection.set_tenant(jena)  # whatever the connection served before
    response = host_client("unbekannt.localhost").get("/")
    assert response.status_code == 404
    record = json_log.one(logger="django.request")
    assert record["tenant"] == "-"


def test_access_line_written_after_the_answer_carries_the_tenant_it_served(
    jena, settings, json_log
):
    settings.ROOT_URLCONF = __name__
    access = logging.getLogger("gunicorn.access")
    atoms = {"h": "127.0.0.1", "r": "GET / HTTP/1.1", "s": "200", "{host}i": "jena.localhost"}

    host_client("jena.localhost").get("/log-probe/")
    connection.set_schema_to_public()  # what the connection says no longer matters
    access.warning("%(r)s %(s)s", atoms)
    host_client("jena.localhost").get("/healthz")
    access.warning("%(r)s %(s)s", {**atoms, "r": "GET /healthz HTTP/1.1"})

    lines = [r for r in json_log.records() if r["logger"] == "gunicorn.access"]
    assert [(r["message"], r["tenant"]) for r in lines] == [
        ("GET / HTTP/1.1 200", "jena"),
        ("GET /healthz HTTP/1.1 200", "-"),
    ]
    assert lines[0]["http"] == {"status": 200, "remote_addr": "127.0.0.1", "host": "jena.localhost"}


# ---------------------------------------------------------------- Celery


def test_task_lines_carry_task_id_name_and_the_senders_tenant(jena, eager_celery, json_log):
    with schema_context(jena.schema_name):
        result = log_inside_task.apply_async(args=["hallo"])
    assert result.get() == "jena"
    record = json_log.one(message="task says hallo")
    assert record["task_id"] == result.id
    assert record["task_name"] == "tests.logging.log_inside_task"
    assert record["tenant"] == "jena"


def _start_celery(args: list[str], log: Path, django_db_blocker) -> subprocess.Popen:
    """Celery with the local settings, logging JSON at INFO (the test settings only log
    from WARNING), on the test database."""
    with django_db_blocker.unblock():
        database_url = database_url_for(connection.settings_dict)
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.local", "LOG_FORMAT": "json",
           "DJANGO_LOG_LEVEL": "INFO", "DATABASE_URL": database_url}  # fmt: skip
    return start_celery(args, log, env)


def _json_lines_until(process: subprocess.Popen, log: Path, wanted: str, seconds: float):
    """The JSON lines ``process`` wrote to ``log`` once one's message contains ``wanted``."""
    deadline = time.monotonic() + seconds
    records: list[dict] = []
    others: list[str] = []
    try:
        while time.monotonic() < deadline:
            records, others = [], []
            for line in log.read_text().splitlines():
                try:
                    records.append(json.loads(line))
                except ValueError:
                    others.append(line)
            if any(wanted in r.get("message", "") for r in records):
                return records
            if process.poll() is not None:
                break
            time.sleep(0.2)
    finally:
        stop(process)
    pytest.fail(f"no JSON line with {wanted!r}; JSON: {records!r}; other: {others!r}")


@pytest.mark.celery_worker
@pytest.mark.django_db  # so that the session builds the test database
def test_celery_worker_logs_json_lines_through_django_logging(
    django_db_setup, django_db_blocker, tmp_path
):
    queue = f"test-log-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "worker.log"
    process = _start_celery(worker_args(queue), log, django_db_blocker)
    records = _json_lines_until(process, log, "ready.", seconds=90)
    ready = next(r for r in records if "ready." in r["message"])
    assert ready["logger"].startswith("celery")
    assert ready["level"] == "INFO"
    assert ready["tenant"] == "public"
    assert {"timestamp", "level", "logger", "message", "tenant"} <= ready.keys()


@pytest.mark.celery_worker
@pytest.mark.django_db  # so that the session builds the test database
def test_celery_beat_logs_json_lines_through_django_logging(
    django_db_setup, django_db_blocker, tmp_path
):
    # The file scheduler: this beat must not touch the schedule kept in the database.
    log = tmp_path / "beat.log"
    process = _start_celery(
        ["beat", "-l", "INFO", "--scheduler", "celery.beat:PersistentScheduler",
         "--schedule", str(tmp_path / "beat-schedule"), "--pidfile", ""],
        log, django_db_blocker,
    )  # fmt: skip
    records = _json_lines_until(process, log, "beat: Starting", seconds=60)
    starting = next(r for r in records if "beat: Starting" in r["message"])
    assert starting["logger"].startswith("celery")
    assert starting["tenant"] in {"public", "-"}
