"""The embedded Redis is restarted under a running web server and Celery worker: it
comes back on its port, and both carry on without a restart of their own. Work asked
for after the restart (a password reset e-mail) is handed to Redis by the web server
and sent by the worker.

Web server and worker run without REDIS_URL, so they take the embedded Redis's URL as
``make demo`` does; its data directory is the test's own (BUENDNISNETZ_DATA_DIR).
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from devtools import embedded
from kernel.mail.models import OutboxEmail, OutboxStatus
from tenants.models import Alliance
from tenants.roles import Role
from tests.conftest import person_with_role
from tests.ops.processes import HttpClient, service_env, start_web, start_worker, wait_until

pytestmark = pytest.mark.celery_worker


@pytest.fixture
def embedded_redis(tmp_path, monkeypatch):
    monkeypatch.setattr(embedded, "DATA_DIR", tmp_path / "data")
    url = embedded.redis_url()
    yield url
    embedded.stop_redis()


@pytest.fixture
def coordinators(committed_rows, django_db_blocker):
    """Two coordinators of Jena (one password reset each), committed; removed after."""
    with django_db_blocker.unblock():
        jena = Alliance.objects.get(slug="jena")
        people = [person_with_role(Role.LOCAL_COORDINATOR, jena) for _ in range(2)]
    yield people
    with django_db_blocker.unblock():
        get_user_model().objects.filter(pk__in=[p.pk for p in people]).delete()


def _reset_sent(web, address: str, django_db_blocker) -> OutboxEmail:
    """Ask for a password reset on the web server; wait until the worker sent its e-mail."""
    response = HttpClient(web.port, "jena.localhost").post(
        "/accounts/password/reset/", {"email": address}
    )
    assert response.status == 302, web.log_text()[-3000:]

    def sent():
        with django_db_blocker.unblock():
            row = OutboxEmail.objects.filter(to=[address]).order_by("-pk").first()
        return row if row is not None and row.status == OutboxStatus.SENT else None

    return wait_until(sent, timeout=30, details=web.log_text)


def test_web_and_worker_carry_on_after_the_embedded_redis_is_restarted(
    embedded_redis, coordinators, test_database_url, tmp_path, django_db_blocker
):
    env = service_env(
        database_url=test_database_url,
        redis_url="",  # unset: the settings start or reuse the embedded Redis
        BUENDNISNETZ_DATA_DIR=str(embedded.DATA_DIR),
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        DJANGO_EMAIL_FILE_PATH=str(tmp_path / "mail"),
    )
    web = start_web(env, tmp_path / "web.log")
    worker = start_worker(env, tmp_path / "worker.log", pool="solo")
    try:
        _reset_sent(web, coordinators[0].email, django_db_blocker)
        assert HttpClient(web.port, "localhost").get("/readyz").status == 200

        embedded.stop_redis()
        assert not embedded.redis_running()
        assert embedded.redis_url() == embedded_redis  # back, on the same port

        # The web server hands the next e-mail to Redis, the worker receives and sends it.
        _reset_sent(web, coordinators[1].email, django_db_blocker)
        assert len(list((tmp_path / "mail").iterdir())) == 2
        assert "lost" in worker.log_text().lower()  # the worker did see Redis go away
        assert worker.process.poll() is None
        assert HttpClient(web.port, "localhost").get("/readyz").status == 200
    finally:
        web.stop()
        worker.stop()
