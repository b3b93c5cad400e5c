"""The outbox sends at least once, with one Message-ID for every attempt, and records
each attempt (time, outcome, error) before the message leaves: a worker that dies after
the mail server accepted the message and before "sent" was recorded causes a resend
that mail clients recognise as the same e-mail."""

from __future__ import annotations

import datetime
import re
import smtplib

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

from kernel.mail import services
from kernel.mail.models import AttemptOutcome, OutboxEmail, OutboxStatus
from kernel.mail.tasks import send_outbox_email
from tests.conftest import database_url_for


class WorkerDied(BaseException):
    """Stands for SIGKILL: no ``except Exception`` of the worker sees it."""


def _die(*args, **kwargs):
    """Put where "sent" is recorded: the message has left, the worker dies."""
    raise WorkerDied


@pytest.fixture(autouse=True)
def no_broker(monkeypatch):
    monkeypatch.setattr(services, "publish", lambda task, args: True)


def _queue(**extra) -> OutboxEmail:
    values = {"subject": "Einladung", "body": "Guten Tag", "to": ["erika@example.org"], **extra}
    return services.email_queue(**values)


def _message_ids(mailoutbox) -> list[str]:
    return [m.message()["Message-ID"] for m in mailoutbox]


def test_the_message_id_is_fixed_when_the_email_is_queued_and_sent_with_it(db, mailoutbox):
    email = _queue()
    assert re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", email.message_id)
    other = _queue()
    assert other.message_id != email.message_id

    assert send_outbox_email.run(email.pk) == "sent"
    assert _message_ids(mailoutbox) == [email.message_id]


def test_a_worker_that_dies_after_the_mail_server_accepted_resends_with_the_same_message_id(
    db, mailoutbox, monkeypatch
):
    email = _queue()
    mark_sent = services._attempt_sent
    monkeypatch.setattr(services, "_attempt_sent", _die)
    with pytest.raises(WorkerDied):
        send_outbox_email.run(email.pk)

    # The mail server has the message, the outbox does not know: pending, one attempt
    # on record whose outcome is unknown.
    assert len(mailoutbox) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboxStatus.PENDING, 1)
    [attempt] = email.attempt_log.all()
    assert (attempt.number, attempt.outcome, attempt.finished_at) == (
        1, AttemptOutcome.SENDING, None
    )  # fmt: skip

    # The redelivered task (or the sweep) sends again: the same Message-ID.
    monkeypatch.setattr(services, "_attempt_sent", mark_sent)
    assert send_outbox_email.run(email.pk) == "sent"
    assert _message_ids(mailoutbox) == [email.message_id, email.message_id]
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboxStatus.SENT, 2)
    first, second = email.attempt_log.all()
    assert first.outcome == AttemptOutcome.INTERRUPTED
    assert first.finished_at is not None
    assert first.error == services.INTERRUPTED_ERROR
    assert (second.number, second.outcome) == (2, AttemptOutcome.SENT)
    assert second.started_at >= first.started_at
    assert second.finished_at >= second.started_at
    # And it is sent once more at most: a further delivery of the task sends nothing.
    assert send_outbox_email.run(email.pk) == "skipped"
    assert len(mailoutbox) == 2


def test_a_row_left_pending_by_a_dead_worker_is_handed_over_again_by_the_sweep(db, monkeypatch):
    email = _queue()
    OutboxEmail.objects.filter(pk=email.pk).update(dispatched_at=timezone.now())
    monkeypatch.setattr(
        services, "_attempt_sent", lambda *a, **k: (_ for _ in ()).throw(WorkerDied)
    )
    with pytest.raises(WorkerDied):
        services.outbox_send(email_id=email.pk)

    handed = []
    monkeypatch.setattr(services, "publish", lambda task, args: handed.append(args) or True)
    assert services.outbox_dispatch_pending() == 0  # its message may still be on its way
    later = timezone.now() + services.REDISPATCH_AFTER + datetime.timedelta(seconds=1)
    assert services.outbox_dispatch_pending(now=later) == 1
    assert handed == [[email.pk]]


def test_every_attempt_is_recorded_with_its_time_outcome_and_error(db, mailoutbox, monkeypatch):
    refusals = [smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
                smtplib.SMTPDataError(451, b"Try again later")]  # fmt: skip
    send = services.EmailMultiAlternatives.send

    def flaky(message, *args, **kwargs):
        if refusals:
            raise refusals.pop(0)
        return send(message, *args, **kwargs)

    monkeypatch.setattr(services.EmailMultiAlternatives, "send", flaky)
    email = _queue()
    assert services.outbox_send(email_id=email.pk) == "retry"
    OutboxEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert services.outbox_send(email_id=email.pk) == "retry"
    assert services.outbox_send(email_id=email.pk) == "sent"

    email.refresh_from_db()
    log = list(email.attempt_log.all())
    assert [(a.number, a.outcome) for a in log] == [
        (1, AttemptOutcome.FAILED), (2, AttemptOutcome.FAILED), (3, AttemptOutcome.SENT),
    ]  # fmt: skip
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in log[0].error
    assert "451" in log[1].error
    assert log[2].error == ""
    assert all(a.started_at <= a.finished_at for a in log)
    assert email.attempts == 3
    assert _message_ids(mailoutbox) == [email.message_id]


def test_sending_again_from_the_admin_continues_the_attempt_log(db, mailoutbox, monkeypatch):
    monkeypatch.setattr(
        services.EmailMultiAlternatives, "send",
        lambda *a, **k: (_ for _ in ()).throw(smtplib.SMTPRecipientsRefused({})),
    )  # fmt: skip
    email = _queue()
    for _ in range(services.MAX_ATTEMPTS):
        OutboxEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
        services.outbox_send(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == OutboxStatus.FAILED
    monkeypatch.undo()
    monkeypatch.setattr(services, "publish", lambda task, args: True)

    from tests.factories.tenants import UserFactory

    services.outbox_retry(actor=UserFactory(is_staff=True), email=email)
    assert services.outbox_send(email_id=email.pk) == "sent"
    numbers = list(email.attempt_log.values_list("number", "outcome"))
    assert numbers[-1] == (services.MAX_ATTEMPTS + 1, AttemptOutcome.SENT)
    assert len(numbers) == services.MAX_ATTEMPTS + 1


def test_a_second_worker_does_not_send_while_another_one_holds_the_row(db, mailoutbox, monkeypatch):
    """Two deliveries of the task at once: the one that does not get the row's lock
    within a short wait sends nothing. (The other worker is a second database session.)"""
    monkeypatch.setattr(services, "SEND_LOCK_WAIT", 0.3)
    email = _queue()
    with psycopg.connect(database_url_for(connection.settings_dict), autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(%s, %s)", [services.SEND_LOCK_CLASS, email.pk])
        assert services.outbox_send(email_id=email.pk) == "skipped"
        assert mailoutbox == []
        assert not email.attempt_log.exists()
    # The lock went with the holder's session (as when a worker dies): the next delivery,
    # which waits for a session that is just ending, sends.
    monkeypatch.setattr(services, "SEND_LOCK_WAIT", 5)
    assert services.outbox_send(email_id=email.pk) == "sent"
    assert len(mailoutbox) == 1
