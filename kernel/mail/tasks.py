"""Celery tasks of the outbox: send one e-mail, and hand over every pending one."""

from __future__ import annotations

import logging
import smtplib

from celery import shared_task
from celery.signals import worker_ready
from django_tenants.utils import get_public_schema_name, schema_context

__all__ = ["MAIL_RETRY", "dispatch_outbox", "send_outbox_email"]

# How a task that sends one e-mail itself (not through the outbox) meets a mail server
# that is down or refuses: taken again after the worker dies, retried with a growing
# pause (30 s up to an hour) for about a day.
MAIL_RETRY = {
    "acks_late": True,
    "autoretry_for": (smtplib.SMTPException, ConnectionError, OSError),
    "retry_backoff": 30,
    "retry_backoff_max": 3600,
    "max_retries": 20,
}

logger = logging.getLogger(__name__)


@shared_task(name="mail.send_outbox_email", acks_late=True, ignore_result=True)
def send_outbox_email(email_id: int) -> str:
    """Send outbox row ``email_id`` if it is still pending (safe to run twice)."""
    from kernel.mail.services import outbox_send

    with schema_context(get_public_schema_name()):
        return outbox_send(email_id=email_id)


@shared_task(name="mail.dispatch_outbox", ignore_result=True)
def dispatch_outbox() -> int:
    """Hand every due pending e-mail to the broker (beat runs this every minute)."""
    from kernel.mail.services import outbox_dispatch_pending

    with schema_context(get_public_schema_name()):
        handed = outbox_dispatch_pending()
    if handed:
        logger.info("outbox: %s pending e-mails handed to the queue", handed)
    return handed


@worker_ready.connect
def dispatch_outbox_on_worker_start(sender=None, **kwargs) -> None:
    """A worker that (re)starts sends what piled up while the broker or it was down,
    without waiting for beat. Queued as a task: the main process of a prefork worker
    must not open a database connection that its children would inherit."""
    from kernel.broker import publish

    publish(dispatch_outbox)
