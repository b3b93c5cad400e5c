"""Redis down: pages still render, /readyz names the broker, work asked for meanwhile is
not lost: e-mails wait in the outbox and go out, once, when Redis and a worker are back.

A gunicorn web server and later a Celery worker run on the test database (committed
accounts, removed afterwards) and on a redis-server of the test's own, which the test
stops and starts again. E-mails go to files (Django's file backend).
"""

from __future__ import annotations

import time

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from config.celery import app as celery_app
from kernel.broker import QUEUE_UNAVAILABLE_MESSAGE
from kernel.mail.models import OutboxEmail, OutboxStatus
from regional.models import RunStatus, StatisticsRun
from tenants.models import Alliance
from tenants.roles import Role
from tests.conftest import person_with_role
from tests.ops.processes import (
    HttpClient,
    location_path,
    service_env,
    start_web,
    start_worker,
    wait_until,
)

pytestmark = pytest.mark.celery_worker

PASSWORD = "demo-passwort"  # UserFactory's
QUEUE = "buendnisnetz-test"  # the test settings' default queue


@pytest.fixture
def accounts(committed_rows, django_db_blocker):
    """A local coordinator of Jena and a state coordinator, committed; removed after."""
    with django_db_blocker.unblock():
        jena = Alliance.objects.get(slug="jena")
        people = {
            "coordinator": person_with_role(Role.LOCAL_COORDINATOR, jena),
            "state": person_with_role(Role.STATE_COORDINATOR),
        }
    yield people
    with django_db_blocker.unblock():
        get_user_model().objects.filter(pk__in=[p.pk for p in people.values()]).delete()


@pytest.fixture
def services_env(test_database_url, redis_server, tmp_path):
    return service_env(
        database_url=test_database_url,
        redis_url=redis_server.url,
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        DJANGO_EMAIL_FILE_PATH=str(tmp_path / "mail"),
    )


def _done(run: StatisticsRun) -> bool:
    run.refresh_from_db()
    return run.status == RunStatus.DONE


def _outbox_row(address: str) -> OutboxEmail | None:
    return OutboxEmail.objects.filter(to=[address]).first()


def test_redis_down_pages_render_work_is_kept_and_mail_goes_out_once_it_is_back(
    accounts, redis_server, services_env, tmp_path, django_db_blocker
):
    coordinator, state_coordinator = accounts["coordinator"], accounts["state"]
    web = start_web(services_env, tmp_path / "web.log")
    worker = None
    try:
        assert HttpClient(web.port, "localhost").get("/readyz").status == 200
        redis_server.stop()

        # Pages render: the state home, an alliance's workspace after logging in.
        assert HttpClient(web.port, "localhost").get("/").status == 200, web.log_text()
        workspace = HttpClient(web.port, "jena.localhost")
        workspace.login(coordinator.email, PASSWORD)
        assert workspace.get("/workspace/").status == 200, web.log_text()[-3000:]

        probe = HttpClient(web.port, "localhost").get("/readyz")
        assert probe.status == 503
        assert probe.json()["down"] == ["broker"]

        # A password reset succeeds at once; its e-mail waits in the outbox.
        started = time.monotonic()
        reset = HttpClient(web.port, "jena.localhost").post(
            "/accounts/password/reset/", {"email": coordinator.email}
        )
        assert reset.status == 302, web.log_text()[-3000:]
        assert time.monotonic() - started < 5
        with django_db_blocker.unblock():
            email = _outbox_row(coordinator.email)
            assert email is not None
            assert email.status == OutboxStatus.PENDING
            assert email.dispatched_at is None

        # A statistics refresh cannot start: no 500, a clear message, a failed run.
        state = HttpClient(web.port, "localhost")
        state.login(state_coordinator.email, PASSWORD)
        started = time.monotonic()
        refused = state.post("/dashboard/refresh/", {})
        assert refused.status == 302, web.log_text()[-3000:]
        assert time.monotonic() - started < 5
        assert location_path(refused) == "/dashboard/refresh/"
        with translation.override("de"):
            message = str(QUEUE_UNAVAILABLE_MESSAGE)
        assert message in state.get("/dashboard/refresh/").body
        with django_db_blocker.unblock():
            run = StatisticsRun.objects.order_by("-pk").first()
            assert run.status == RunStatus.FAILED
            assert run.requested_by_id == state_coordinator.pk

        # Redis and a worker are back: the worker sends what waited, without beat.
        redis_server.start()
        worker = start_worker(services_env, tmp_path / "worker.log", pool="solo")

        def sent():
            with django_db_blocker.unblock():
                email.refresh_from_db()
            return email.status == OutboxStatus.SENT

        wait_until(sent, timeout=30, details=worker.log_text)
        [mail_file] = (tmp_path / "mail").iterdir()
        text = mail_file.read_text()
        assert f"To: {coordinator.email}" in text
        assert "/accounts/password/reset/" in text
        assert email.attempts == 1

        # Exactly once: a duplicate of the send task (a second sweep, a redelivery)
        # finds the row sent and sends nothing.
        with celery_app.connection_for_write(redis_server.url) as connection:
            celery_app.send_task(
                "mail.send_outbox_email", args=[email.pk], queue=QUEUE,
                connection=connection, ignore_result=True,
            )  # fmt: skip
        redis = redis_server.client()
        wait_until(lambda: redis.llen(QUEUE) == 0 and redis.hlen("unacked") == 0, timeout=10)
        redis.close()
        assert len(list((tmp_path / "mail").iterdir())) == 1
        with django_db_blocker.unblock():
            email.refresh_from_db()
        assert (email.status, email.attempts) == (OutboxStatus.SENT, 1)
        assert HttpClient(web.port, "localhost").get("/readyz").status == 200

        # And the same web process queues work again, without a restart of its own.
        queued = state.post("/dashboard/refresh/", {})
        assert queued.status == 302, web.log_text()[-3000:]
        assert location_path(queued).startswith("/dashboard/runs/")
        with django_db_blocker.unblock():
            retried = StatisticsRun.objects.order_by("-pk").first()
            assert retried.pk != run.pk
            wait_until(lambda: _done(retried), timeout=30, details=worker.log_text)
    finally:
        web.stop()
        if worker is not None:
            worker.stop()


# ---------------------------------------------------------------- in-process checks


def _broker_down(*args, **kwargs):
    """What ``apply_async`` raises when Redis refuses the connection."""
    from kombu.exceptions import OperationalError

    raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")


def test_generating_a_report_while_the_broker_is_down_is_refused_and_can_be_retried(
    db, django_capture_on_commit_callbacks, monkeypatch
):
    """The hand-over after the commit marks the report failed with the reason and raises
    the German ``ValidationError`` that the confirmation page and the API show. (In a
    request the hook runs inside the service; the test's transaction runs it at exit.)"""
    from kernel.broker import TaskQueueUnavailable
    from regional.models import ReportStatus
    from regional.services import reports as services
    from regional.tasks.reports import generate_report

    manager = person_with_role(Role.STATE_COORDINATOR)
    report = services.report_create(
        actor=manager, title="Jahresbericht 2025", period_kind="year", year=2025
    )
    monkeypatch.setattr(generate_report, "apply_async", _broker_down)

    with (
        pytest.raises(TaskQueueUnavailable) as refused,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.report_generate(actor=manager, report=report)

    assert refused.value.messages == [str(QUEUE_UNAVAILABLE_MESSAGE)]
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert report.generation_error == str(QUEUE_UNAVAILABLE_MESSAGE)

    sent = []
    monkeypatch.setattr(generate_report, "apply_async", lambda **kw: sent.append(kw))
    with django_capture_on_commit_callbacks(execute=True):
        services.report_generate(actor=manager, report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.GENERATING
    assert sent[0]["args"] == [report.pk]


def test_the_cache_degrades_to_misses_while_redis_is_unreachable(redis_server, caplog):
    """Reads miss, writes are skipped, ``add`` fails closed, one warning per outage, and
    the cache is used again once Redis answers."""
    from kernel import cache as cache_module

    cache = cache_module.DegradingRedisCache(redis_server.url, {"KEY_PREFIX": "ops"})
    cache.set("greeting", "hallo")
    assert cache.get("greeting") == "hallo"
    redis_server.stop()

    started = time.monotonic()
    with caplog.at_level("WARNING", logger="kernel.cache"):
        for _ in range(50):
            assert cache.get("greeting", "miss") == "miss"
            cache.set("greeting", "tschüss")
            cache.delete("greeting")
            assert cache.add("nonce", 1) is False
            assert cache.get_many(["greeting"]) == {}
            assert cache.set_many({"a": 1}) == ["a"]
            with pytest.raises(ValueError, match="not found"):
                cache.incr("counter")
    assert time.monotonic() - started < 3
    assert len([r for r in caplog.records if r.name == "kernel.cache"]) == 1

    redis_server.start()
    cache._down_until = 0.0  # as after RETRY_AFTER_SECONDS
    cache.set("greeting", "wieder da")
    assert cache.get("greeting") == "wieder da"


def test_sessions_and_login_throttling_do_not_depend_on_redis(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert getattr(settings, "AXES_HANDLER", "axes.handlers.database.AxesDatabaseHandler") == (
        "axes.handlers.database.AxesDatabaseHandler"
    )
    assert settings.CACHES["default"]["BACKEND"] == "kernel.cache.DegradingRedisCache"
