"""The e-mail outbox (kernel.mail): written with the change, handed to the broker after the
commit, kept when the broker is down, sent once, retried with a back-off, then failed."""

from __future__ import annotations

import datetime
import smtplib

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from kernel.audit.models import AuditEntry
from kernel.mail import services
from kernel.mail.models import OutboxEmail, OutboxStatus
from kernel.mail.tasks import dispatch_outbox_on_worker_start, send_outbox_email
from regional.services.meeting_mail import calendar_part
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.tenants import UserFactory


def _answering_broker(monkeypatch) -> list:
    """Puts a broker that answers in place; the list gathers the send tasks handed to it."""
    calls = []
    monkeypatch.setattr(services, "publish", lambda task, args: calls.append((task, args)) or True)
    return calls


@pytest.fixture
def handed(monkeypatch):
    """The send tasks handed to the broker (the broker answers)."""
    return _answering_broker(monkeypatch)


@pytest.fixture
def broker_down(monkeypatch):
    calls = []
    monkeypatch.setattr(services, "publish", lambda task, args: calls.append(args) and False)
    return calls


def _queue(**extra) -> OutboxEmail:
    values = {"subject": "Hallo", "body": "Guten Tag", "to": ["erika@example.org"], **extra}
    return services.email_queue(**values)


def test_a_queued_email_is_handed_over_only_after_the_commit(
    db, handed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = _queue()
    assert email.status == OutboxStatus.PENDING
    assert handed == []  # nothing leaves before the commit
    assert len(callbacks) == 1

    callbacks[0]()
    assert handed == [("mail.send_outbox_email", [email.pk])]
    email.refresh_from_db()
    assert email.dispatched_at is not None


def test_a_broker_that_is_down_leaves_the_email_pending_for_the_sweep(
    db, broker_down, handed_later, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email = _queue()  # no exception: the change that queued it goes through
    email.refresh_from_db()
    assert (email.status, email.dispatched_at) == (OutboxStatus.PENDING, None)

    handed = handed_later()
    assert services.outbox_dispatch_pending() == 1
    assert handed == [("mail.send_outbox_email", [email.pk])]
    # Handed over: the next sweeps leave it alone, until it would count as lost.
    assert services.outbox_dispatch_pending() == 0
    later = timezone.now() + services.REDISPATCH_AFTER + datetime.timedelta(seconds=1)
    assert services.outbox_dispatch_pending(now=later) == 1


@pytest.fixture
def handed_later(monkeypatch):
    """Brings the broker back; returns the send tasks handed to it from then on."""
    return lambda: _answering_broker(monkeypatch)


def test_sending_is_once_even_when_the_task_runs_twice(db, handed, mailoutbox):
    email = _queue(to=["a@example.org", "b@example.org"])

    assert send_outbox_email.run(email.pk) == "sent"
    assert send_outbox_email.run(email.pk) == "skipped"

    assert [m.to for m in mailoutbox] == [["a@example.org", "b@example.org"]]
    assert mailoutbox[0].from_email == settings.DEFAULT_FROM_EMAIL
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboxStatus.SENT, 1)
    assert email.sent_at is not None


def test_a_failing_mail_server_is_retried_with_back_off_then_marked_failed(db, handed, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    email = _queue()

    assert services.outbox_send(email_id=email.pk) == "retry"
    email.refresh_from_db()
    assert email.status == OutboxStatus.PENDING
    assert "SMTPServerDisconnected" in email.last_error
    assert email.next_attempt_at > timezone.now()
    assert services.outbox_dispatch_pending() == 0  # not before its back-off

    for _ in range(services.MAX_ATTEMPTS - 2):
        assert services.outbox_send(email_id=email.pk) == "retry"
    assert services.outbox_send(email_id=email.pk) == "failed"
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboxStatus.FAILED, services.MAX_ATTEMPTS)
    assert services.outbox_send(email_id=email.pk) == "skipped"


def test_an_email_without_recipients_is_not_queued_and_does_not_fail_the_change(db, handed):
    assert services.email_queue(subject="Niemand", body="Text", to=["", None]) is None
    assert not OutboxEmail.objects.filter(subject="Niemand").exists()
    assert handed == []


def test_a_rolled_back_change_queues_no_email(db, handed, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        sid = transaction.savepoint()
        _queue(subject="Zurückgenommen")
        transaction.savepoint_rollback(sid)
    assert not OutboxEmail.objects.filter(subject="Zurückgenommen").exists()


def test_calendar_attachments_survive_the_outbox(db, handed, mailoutbox):
    from django.core.mail import EmailMultiAlternatives

    message = EmailMultiAlternatives("Einladung", "Text", to=["erika@example.org"])
    message.attach(calendar_part("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "REQUEST"))
    email = _queue(attachments=services.text_attachments(message))

    send_outbox_email.run(email.pk)

    [part] = mailoutbox[0].attachments
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "einladung.ics"
    assert "BEGIN:VCALENDAR" in part.get_payload(decode=True).decode()


def test_support_staff_send_a_failed_email_again_from_the_admin(db, handed):
    email = _queue()
    OutboxEmail.objects.filter(pk=email.pk).update(
        status=OutboxStatus.FAILED, attempts=services.MAX_ATTEMPTS, last_error="550"
    )
    admin = UserFactory(is_staff=True, is_superuser=True)
    client = logged_in_client(admin, "localhost", language="en")

    listing = client.get("/admin/mail/outboxemail/")
    assert listing.status_code == 200
    assert "erika@example.org" in listing.content.decode()
    detail = client.get(f"/admin/mail/outboxemail/{email.pk}/change/")
    assert "Guten Tag" not in detail.content.decode()  # the text (reset links) stays hidden

    response = client.post(
        "/admin/mail/outboxemail/",
        {"action": "send_again", "_selected_action": [email.pk]},
    )
    assert response.status_code == 302
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboxStatus.PENDING, 0)
    assert AuditEntry.objects.filter(
        action="mail.outboxemail.retried", object_id=str(email.pk), actor=admin
    ).exists()


def test_the_outbox_admin_is_not_shown_on_alliance_hosts(db, jena):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client = logged_in_client(admin, "jena.localhost", language="en")
    assert client.get("/admin/mail/outboxemail/").status_code in (403, 404)


def test_the_sweep_runs_every_minute_and_when_a_worker_starts(monkeypatch):
    from kernel.mail import tasks

    assert settings.CELERY_BEAT_SCHEDULE["outbox-dispatch"]["task"] == "mail.dispatch_outbox"
    schedule = settings.CELERY_BEAT_SCHEDULE["outbox-dispatch"]["schedule"]
    assert schedule.remaining_estimate(timezone.now()) <= datetime.timedelta(minutes=1)

    published = []
    monkeypatch.setattr(
        "kernel.broker.publish", lambda task, **kw: published.append(getattr(task, "name", task))
    )
    dispatch_outbox_on_worker_start(sender=None)
    assert published == [tasks.dispatch_outbox.name]


def test_every_email_of_the_platform_goes_through_the_outbox(
    jena, eager_celery, mailoutbox, django_capture_on_commit_callbacks
):
    """The password reset (one of the call sites) ends in a sent outbox row."""
    person = person_with_role(Role.LOCAL_COORDINATOR, jena)
    client = logged_in_client(None, "jena.localhost")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": person.email})
    email = OutboxEmail.objects.get(to=[person.email])
    assert email.status == OutboxStatus.SENT
    assert [m.to for m in mail.outbox] == [[person.email]]


def test_binary_attachments_go_out_unchanged_on_every_attempt(db, handed, mailoutbox, monkeypatch):
    """A PDF is kept base64-encoded in the row: a retry sends the same bytes."""
    pdf = b"%PDF-1.4\n\x00\xff\xfe binary \x80\n%%EOF\n"
    email = _queue(attachments=[{"filename": "protokoll.pdf", "content": pdf,
                                 "mimetype": "application/pdf"}])  # fmt: skip
    email.refresh_from_db()
    assert email.attachments[0]["filename"] == "protokoll.pdf"
    assert "content" not in email.attachments[0]

    def refuse(self, *args, **kwargs):
        raise ConnectionError("Mail server down")

    from django.core.mail import EmailMultiAlternatives

    with monkeypatch.context() as patched:
        patched.setattr(EmailMultiAlternatives, "send", refuse)
        assert send_outbox_email.run(email.pk) == "retry"
    assert send_outbox_email.run(email.pk) == "sent"
    [(filename, content, mimetype)] = mailoutbox[0].attachments
    assert (filename, content, mimetype) == ("protokoll.pdf", pdf, "application/pdf")
