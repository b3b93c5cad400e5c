"""A real Celery worker whose pool process is killed (SIGKILL) right after the mail
server accepted an e-mail and before the outbox recorded it as sent: the task comes back
(acks_late, reject_on_worker_lost), the e-mail goes out again with the same Message-ID,
and the outbox shows both attempts."""

from __future__ import annotations

import email as email_parser

import pytest

from config.celery import app as celery_app
from kernel.mail import services
from kernel.mail.models import AttemptOutcome, OutboxEmail, OutboxStatus
from tests.ops.processes import service_env, start_worker, wait_until

pytestmark = pytest.mark.celery_worker

QUEUE = "buendnisnetz-test"  # the test settings' default queue


def test_an_email_whose_worker_died_mid_send_is_sent_again_with_the_same_message_id(
    committed_rows, redis_server, test_database_url, tmp_path, django_db_blocker, monkeypatch
):
    marker = tmp_path / "died"
    env = service_env(
        database_url=test_database_url,
        redis_url=redis_server.url,
        DJANGO_EMAIL_BACKEND="tests.ops.dying_mail.DieAfterSendingOnce",
        DJANGO_EMAIL_FILE_PATH=str(tmp_path / "mail"),
        BN_TEST_DIE_MARKER=str(marker),
    )
    with django_db_blocker.unblock():
        # Written and committed as a change would; handed over below, to this Redis.
        monkeypatch.setattr(services, "publish", lambda task, args: False)
        queued = services.email_queue(subject="Einladung", body="Text", to=["erika@example.org"])
    with celery_app.connection_for_write(redis_server.url) as connection:
        celery_app.send_task(
            "mail.send_outbox_email", args=[queued.pk], queue=QUEUE,
            connection=connection, ignore_result=True,
        )  # fmt: skip

    worker = start_worker(env, tmp_path / "worker.log", concurrency=1)
    try:

        def sent():
            with django_db_blocker.unblock():
                row = OutboxEmail.objects.get(pk=queued.pk)
            return row if row.status == OutboxStatus.SENT else None

        row = wait_until(sent, timeout=60, details=worker.log_text)
        assert marker.exists()  # the first attempt did die
        assert "WorkerLostError" in worker.log_text()
    finally:
        worker.stop()

    files = sorted((tmp_path / "mail").iterdir())
    assert len(files) == 2  # at least once: here twice
    ids = [email_parser.message_from_bytes(f.read_bytes())["Message-ID"] for f in files]
    assert ids == [row.message_id, row.message_id]
    with django_db_blocker.unblock():
        log = list(row.attempt_log.values_list("number", "outcome"))
    assert log == [(1, AttemptOutcome.INTERRUPTED), (2, AttemptOutcome.SENT)]
    assert row.attempts == 2
