"""Queuing and sending e-mail through the outbox.

``email_queue`` is the one way the platform sends e-mail. It writes an ``OutboxEmail``
in the caller's transaction and, once that commits, hands a send task to the broker.
When the broker is down the row simply stays pending: the request succeeds, and the
row is handed over again by the sweep that beat runs every minute and that every
worker runs when it starts (``kernel.mail.tasks``).

Delivery is at least once: a row stays pending until "sent" is committed. The send
task holds a lock on its row while it sends (a PostgreSQL advisory lock, which the
server releases when a worker dies with its connection), and sends only a pending row,
so duplicated task messages are harmless. A worker that dies between the mail server
accepting the message and the commit of "sent" leaves the row pending, and it goes out
again: with the Message-ID fixed when the row was written, so mail clients show the
e-mail once. Each attempt is committed to the row's ``attempt_log`` before the message
leaves; one left "sending" is marked interrupted by the next attempt.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import logging
import time
from collections.abc import Sequence
from email.mime.text import MIMEText
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, make_msgid
from django.db import DatabaseError, connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from kernel.audit.services import audit_log
from kernel.broker import publish
from kernel.mail.models import AttemptOutcome, OutboxAttempt, OutboxEmail, OutboxStatus

logger = logging.getLogger(__name__)

# After this many failed attempts (about three hours with the back-off) a row is failed
# and shown to support staff in the administration.
MAX_ATTEMPTS = 8
MAX_BACKOFF = datetime.timedelta(hours=1)
# A row handed to the broker but still pending after this long is handed over again (its
# message was lost, say with a Redis that lost its data); the send task is idempotent.
REDISPATCH_AFTER = datetime.timedelta(minutes=10)
# Sent e-mails (which may hold reset links and personal data) are kept this long.
KEEP_SENT = datetime.timedelta(days=7)
DISPATCH_BATCH = 500
# First key of the advisory locks that guard sending ("mail" in ASCII); the second key
# is the row's id.
SEND_LOCK_CLASS = 0x6D61696C
# How long a send waits for a row's lock: long enough for the database to end the
# session of a worker that just died (its message is redelivered at once), short
# enough that a duplicate delivery while another worker sends gives up soon.
SEND_LOCK_WAIT = 5.0
INTERRUPTED_ERROR = "The worker stopped during this attempt; the outcome is unknown."


def new_message_id() -> str:
    """A globally unique Message-ID in the platform's own domain."""
    from urllib.parse import urlsplit

    return make_msgid(domain=urlsplit(settings.BUENDNISNETZ_SITE_URL).hostname or "localhost")


def _dispatch(email_id: int) -> bool:
    """Hand one row to the broker; remember when, so the sweep leaves it alone."""
    if not publish("mail.send_outbox_email", args=[email_id]):
        return False
    OutboxEmail.objects.filter(pk=email_id, status=OutboxStatus.PENDING).update(
        dispatched_at=timezone.now()
    )
    return True


@transaction.atomic
def email_queue(
    *,
    subject: str,
    body: str,
    to: Sequence[str],
    actor=None,
    html_body: str = "",
    attachments: Sequence[dict[str, Any]] = (),
) -> OutboxEmail | None:
    """Queue an e-mail in the current transaction; it is sent after the commit.

    ``attachments``: ``{"filename", "content", "mimetype", "params"}``; a text file's
    ``content`` is a string (``params`` are MIME parameters such as a calendar file's
    ``method``), a binary file's (a PDF) is bytes, kept base64-encoded in the row so
    that every retry sends the same file. Returns the outbox row, or None when ``to``
    holds no address.
    """
    recipients = [address for address in to if address]
    if not recipients:
        # Nobody to write to (say, an address erased meanwhile): the change that asked
        # for the e-mail must not fail because of it.
        logger.warning("e-mail %r not queued: no recipient", str(subject)[:80])
        return None
    email = OutboxEmail.objects.create(
        subject=" ".join(str(subject).split()),
        body=body,
        html_body=html_body or "",
        to=recipients,
        message_id=new_message_id(),
        attachments=[_stored_attachment(item) for item in attachments],
        queued_by=actor if getattr(actor, "pk", None) else None,
        schema_name=connection.schema_name,
    )
    email_id = email.pk
    # Never raises for a broker that is down: the row stays pending for the sweep.
    transaction.on_commit(lambda: _dispatch(email_id))
    return email


def _stored_attachment(item: dict[str, Any]) -> dict[str, Any]:
    """An attachment as the row's JSON keeps it: bytes as base64 text."""
    stored = dict(item)
    if isinstance(stored.get("content"), bytes | bytearray):
        stored["content_base64"] = base64.b64encode(stored.pop("content")).decode("ascii")
        stored.setdefault("mimetype", "application/octet-stream")
    return stored


def build_message(email: OutboxEmail) -> EmailMultiAlternatives:
    """The Django e-mail of an outbox row."""
    message = EmailMultiAlternatives(
        email.subject, email.body, settings.DEFAULT_FROM_EMAIL, list(email.to),
        headers={"Message-ID": email.message_id},
    )  # fmt: skip
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    for item in email.attachments:
        if "content_base64" in item:
            content = base64.b64decode(item["content_base64"])
            message.attach(item["filename"], content, item["mimetype"])
            continue
        maintype, _, subtype = item.get("mimetype", "text/plain").partition("/")
        if maintype != "text":
            raise ValueError(f"Only text attachments can be queued, not {item['mimetype']}.")
        part = MIMEText(item["content"], subtype or "plain", "utf-8")
        for name, value in (item.get("params") or {}).items():
            part.set_param(name, value)
        part.add_header("Content-Disposition", "attachment", filename=item["filename"])
        message.attach(part)
    return message


def text_attachments(message: EmailMultiAlternatives) -> list[dict[str, Any]]:
    """The MIME text parts attached to a built Django e-mail, as ``email_queue`` takes
    them (a calendar file keeps its ``method`` parameter)."""
    items = []
    for part in message.attachments:
        if not isinstance(part, MIMEText):
            raise ValueError("Only text parts (MIMEText) can be queued.")
        charset = part.get_content_charset() or "utf-8"
        params = {
            name: value
            for name, value in (part.get_params() or [])[1:]
            if name.lower() != "charset"
        }
        items.append({
            "filename": part.get_filename() or "attachment.txt",
            "content": part.get_payload(decode=True).decode(charset),
            "mimetype": part.get_content_type(),
            "params": params,
        })  # fmt: skip
    return items


def _backoff(attempts: int) -> datetime.timedelta:
    return min(datetime.timedelta(minutes=2 ** (attempts - 1)), MAX_BACKOFF)


@contextlib.contextmanager
def _send_lock(email_id: int):
    """True while this process alone may send row ``email_id``.

    A session-level advisory lock, not a row lock: the attempt must be committed before
    the message leaves, and the lock must outlive that commit. PostgreSQL releases it
    when the holder's connection ends, so a worker that dies does not block the resend.
    """
    deadline = time.monotonic() + SEND_LOCK_WAIT
    while True:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [SEND_LOCK_CLASS, email_id])
            acquired = cursor.fetchone()[0]
        if acquired or time.monotonic() >= deadline:
            break
        time.sleep(0.1)
    try:
        yield acquired
    finally:
        # A connection that died took the lock with it; nothing to release then.
        if acquired:
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [SEND_LOCK_CLASS, email_id])


@transaction.atomic
def _attempt_start(email_id: int) -> tuple[OutboxEmail, OutboxAttempt] | None:
    """Record the next attempt of a pending row (committed before sending); None for a
    row that is sent, failed or gone. An attempt left "sending" was interrupted."""
    email = OutboxEmail.objects.filter(pk=email_id, status=OutboxStatus.PENDING).first()
    if email is None:
        return None
    now = timezone.now()
    email.attempt_log.filter(outcome=AttemptOutcome.SENDING).update(
        outcome=AttemptOutcome.INTERRUPTED, finished_at=now, error=INTERRUPTED_ERROR
    )
    email.attempts += 1
    email.save(update_fields=["attempts", "updated_at"])
    # Numbered across the row's whole life: "send again" in the admin resets
    # ``attempts`` (the count towards MAX_ATTEMPTS), not the log.
    number = (email.attempt_log.aggregate(last=Max("number"))["last"] or 0) + 1
    attempt = OutboxAttempt.objects.create(email=email, number=number, started_at=now)
    return email, attempt


@transaction.atomic
def _attempt_sent(email: OutboxEmail, attempt: OutboxAttempt) -> None:
    now = timezone.now()
    email.status = OutboxStatus.SENT
    email.sent_at = now
    email.last_error = ""
    email.save(update_fields=["status", "sent_at", "last_error", "updated_at"])
    attempt.outcome = AttemptOutcome.SENT
    attempt.finished_at = now
    attempt.save(update_fields=["outcome", "finished_at"])


@transaction.atomic
def _attempt_failed(email: OutboxEmail, attempt: OutboxAttempt, error: Exception) -> str:
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    email.dispatched_at = None
    if email.attempts >= MAX_ATTEMPTS:
        email.status = OutboxStatus.FAILED
        logger.error("e-mail %s failed for good: %s", email.pk, email.last_error)
    else:
        email.next_attempt_at = timezone.now() + _backoff(email.attempts)
        logger.warning("e-mail %s not sent (attempt %s): %s", email.pk,
                       email.attempts, email.last_error)  # fmt: skip
    email.save(update_fields=[
        "last_error", "dispatched_at", "status", "next_attempt_at", "updated_at",
    ])  # fmt: skip
    attempt.outcome = AttemptOutcome.FAILED
    attempt.finished_at = timezone.now()
    attempt.error = email.last_error
    attempt.save(update_fields=["outcome", "finished_at", "error"])
    return "failed" if email.status == OutboxStatus.FAILED else "retry"


def outbox_send(*, email_id: int) -> str:
    """Send one pending row (the send task's work); returns what happened.

    "skipped" for a row that is sent, failed, gone or being sent by another worker;
    "sent"; "retry" after a failed attempt (the sweep tries again after a back-off);
    "failed" after the last attempt.
    """
    with _send_lock(email_id) as acquired:
        if not acquired:
            return "skipped"
        started = _attempt_start(email_id)
        if started is None:
            return "skipped"
        email, attempt = started
        try:
            build_message(email).send()
        except Exception as error:  # SMTP, DNS, TLS, bad data: all recorded on the row
            return _attempt_failed(email, attempt, error)
        _attempt_sent(email, attempt)
    return "sent"


def outbox_dispatch_pending(*, now: datetime.datetime | None = None) -> int:
    """Hand every due pending row to the broker (beat, every minute, and worker start).

    Due: never handed over (the broker was down), or handed over long ago and still
    pending, and past its back-off. Stops at the first publish that fails; the next
    sweep goes on. Also forgets sent e-mails older than ``KEEP_SENT``.
    """
    now = now or timezone.now()
    due = (
        OutboxEmail.objects.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now)
        .filter(Q(dispatched_at__isnull=True) | Q(dispatched_at__lt=now - REDISPATCH_AFTER))
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )
    handed = 0
    for email_id in list(due[:DISPATCH_BATCH]):
        if not _dispatch(email_id):
            break
        handed += 1
    OutboxEmail.objects.filter(status=OutboxStatus.SENT, sent_at__lt=now - KEEP_SENT).delete()
    return handed


@transaction.atomic
def outbox_retry(*, actor, email: OutboxEmail) -> OutboxEmail:
    """Support staff send a failed (or stuck pending) e-mail again, from attempt one."""
    if email.status == OutboxStatus.SENT:
        return email
    before = {"status": email.status, "attempts": email.attempts}
    OutboxEmail.objects.filter(pk=email.pk).update(
        status=OutboxStatus.PENDING,
        attempts=0,
        next_attempt_at=timezone.now(),
        dispatched_at=None,
        updated_at=timezone.now(),
    )
    email.refresh_from_db()
    audit_log(
        actor=actor,
        action="mail.outboxemail.retried",
        target=email,
        changes={"status": [before["status"], email.status], "attempts": [before["attempts"], 0]},
    )
    email_id = email.pk
    transaction.on_commit(lambda: _dispatch(email_id))
    return email
