"""The childcare pool's scheduled work (Celery beat): reminders of expiring checks.

``send_carer_check_reminders`` runs daily over every alliance: for each carer whose
police clearance or first-aid course expires within 60 days (or has expired) and whose
next expiry was not reminded of yet, it sends one German e-mail to the alliance's local
coordinators and pool staff and notes that expiry on the carer. Running it again (or
twice at once) sends nothing twice; renewing a check moves the next expiry, which is
reminded of in its turn.
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tenants.utils import schema_context

logger = logging.getLogger(__name__)


def _pool_emails(alliance) -> list[str]:
    """The alliance's local coordinators and pool staff (those who see the pool)."""
    from tenants.models import Membership
    from tenants.permissions import RULES

    roles = sorted(role.value for role in RULES["alliance.childcare.view"].roles)
    emails = (
        Membership.objects.filter(alliance=alliance, role__in=roles, user__is_active=True)
        .order_by("user__email")
        .values_list("user__email", flat=True)
        .distinct()
    )
    return [email for email in emails if email]


def _remind_in_current_schema(alliance, recipients: list[str], today) -> int:
    from core.models import Carer
    from core.selectors.carers import carers_due_for_reminder
    from core.services.carers import carer_reminder_sent
    from kernel.mail import services as mail
    from tenants.links import alliance_url

    sent = 0
    for pk in [carer.pk for carer in carers_due_for_reminder(today=today)]:
        with transaction.atomic():
            # Locked and checked again: a second run at the same time skips this carer.
            carer = Carer.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
            if carer is None or carer.next_expiry in (None, carer.reminded_expiry):
                continue
            context = {
                "alliance_name": alliance.name,
                "carer": str(carer),
                "police_clearance_until": carer.police_clearance_until,
                "first_aid_until": carer.first_aid_until,
                "expiry": carer.next_expiry,
                "expired": carer.next_expiry < today,
                "url": alliance_url(
                    alliance,
                    reverse("carer-detail", urlconf=settings.ROOT_URLCONF, args=[carer.pk]),
                ),
            }
            with translation.override("de"):
                subject = " ".join(
                    render_to_string(
                        "core/emails/carer_check_reminder_subject.txt", context
                    ).split()
                )
                body = render_to_string("core/emails/carer_check_reminder.txt", context)
            carer_reminder_sent(carer=carer, expiry=carer.next_expiry)
            mail.email_queue(subject=subject, body=body, to=recipients)
            sent += 1
    return sent


@shared_task(name="core.send_carer_check_reminders", acks_late=True)
def send_carer_check_reminders() -> dict[str, int]:
    """Remind each alliance's pool coordination of carers' checks expiring soon, once."""
    from tenants.selectors import alliance_list

    today = timezone.localdate()
    results: dict[str, int] = {}
    for alliance in alliance_list():
        recipients = _pool_emails(alliance)
        if not recipients:
            continue  # nobody to tell: reminded of once someone is
        with schema_context(alliance.schema_name):
            results[alliance.schema_name] = _remind_in_current_schema(alliance, recipients, today)
        if results[alliance.schema_name]:
            logger.info("carer check reminders in %s: %s", alliance.schema_name, results)
    return results
