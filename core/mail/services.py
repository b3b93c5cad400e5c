"""Queuing and sending e-mail through the outbox.

``email_queue`` is the one way the platform sends e-mail. It writes an ``OutboxEmail``
in the caller's transaction and, once that commits, hands a send task to the broker.
When the broker is down the row simply stays pending: the request succeeds, and the
row is handed over again by the sweep that beat runs every minute and that every
worker runs when it starts (``core.mail.tasks``).

Delivery is at least once and, in practice, exactly once: the send task locks its row
(``SELECT ... FOR UPDATE SKIP LOCKED``) and sends only a pending one, so duplicated task
messages are harmless. Only a worker that dies between the mail server accepting the
message and the commit of "sent" leaves a row pending that then goes out again.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Sequence
from email.mime.text import MIMEText
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from core.audit.services import audit_log
from core.broker import publish
from core.mail.models import OutboxEmail, OutboxStatus

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


def _send_task():
    from core.mail.tasks import send_outbox_email

    return send_outbox_email


def _dispatch(email_id: int) -> bool:
    """Hand one row to the broker; remember when, so the sweep leaves it alone."""
    if not publish(_send_task(), args=[email_id]):
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

    ``attachments`` are text files: ``{"filename", "content", "mimetype", "params"}``
    (``params`` are MIME parameters such as a calendar file's ``method``). Returns the
    outbox row, or None when ``to`` holds no address.
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
        attachments=[dict(item) for item in attachments],
        queued_by=actor if getattr(actor, "pk", None) else None,
        schema_name=connection.schema_name,
    )
    email_id = email.pk
    # Never raises for a broker that is down: the row stays pending for the sweep.
    transaction.on_commit(lambda: _dispatch(email_id))
    return email


def build_message(email: OutboxEmail) -> EmailMultiAlternatives:
    """The Django e-mail of an outbox row."""
    message = EmailMultiAlternatives(
        email.subject, email.body, settings.DEFAULT_FROM_EMAIL, list(email.to)
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    for item in email.attachments:
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


def outbox_send(*, email_id: int) -> str:
    """Send one pending row (the send task's work); returns what happened.

    "skipped" for a row that is sent, failed, gone or being sent by another worker;
    "sent"; "retry" after a failed attempt (the sweep tries again after a back-off);
    "failed" after the last attempt.
    """
    with transaction.atomic():
        email = (
            OutboxEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=OutboxStatus.PENDING)
            .first()
        )
        if email is None:
            return "skipped"
        email.attempts += 1
        try:
            build_message(email).send()
        except Exception as error:  # SMTP, DNS, TLS, bad data: all recorded on the row
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
                "attempts", "last_error", "dispatched_at", "status", "next_attempt_at",
                "updated_at",
            ])  # fmt: skip
            return "failed" if email.status == OutboxStatus.FAILED else "retry"
        email.status = OutboxStatus.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["attempts", "status", "sent_at", "last_error", "updated_at"])
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
