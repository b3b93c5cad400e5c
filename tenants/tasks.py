"""The tenancy's tasks: refilling the spare alliance schemas, and the former e-mail task.

New e-mail goes through the outbox (``kernel.mail.services.email_queue``), which survives
a broker outage. ``tenants.send_email`` stays registered so that messages queued by an
earlier release are still sent after an upgrade; nothing in this release sends it.
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from kernel.mail.tasks import MAIL_RETRY
from tenants.services.spares import spares_refill


@shared_task(name="tenants.refill_spare_schemas", ignore_result=True)
def refill_spare_schemas() -> dict[str, int]:
    """Keep the spare alliance schemas ready (after a new alliance, and hourly)."""
    return spares_refill()


@shared_task(name="tenants.send_email", **MAIL_RETRY)
def send_email(*, subject: str, body: str, to: list[str], html_body: str | None = None) -> int:
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()
