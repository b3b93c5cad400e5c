"""Scheduled work of the alliances' workspaces (Celery beat).

``send_seal_expiry_reminders`` runs daily over every alliance: for each awarded family
seal that expires within 90 days and whose coordinators were not reminded yet, it sends
one German e-mail to the alliance's local coordinators and marks the seal as reminded.
Running it again (or twice at once) sends no reminder twice.
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


def _coordinator_emails(alliance) -> list[str]:
    from tenants.models import Membership
    from tenants.roles import Role

    emails = (
        Membership.objects.filter(
            alliance=alliance, role=Role.LOCAL_COORDINATOR, user__is_active=True
        )
        .order_by("user__email")
        .values_list("user__email", flat=True)
        .distinct()
    )
    return [email for email in emails if email]


def _workspace_url(alliance, path: str) -> str:
    """The link in the reminder, on the alliance's host with the configured site's
    scheme and port (tenants.links), not a bare host without the port."""
    from tenants.links import alliance_url

    return alliance_url(alliance, path)


def _remind_in_current_schema(alliance, recipients: list[str], today) -> int:
    """Send the due reminders of the alliance whose schema is active; returns how many."""
    from core.models import SealApplication
    from core.selectors.seal import seals_due_for_reminder
    from core.services.seal import seal_reminder_sent
    from kernel.mail import services as mail

    sent = 0
    for pk in list(seals_due_for_reminder(today=today).values_list("pk", flat=True)):
        with transaction.atomic():
            # Locked and checked again: a second run at the same time skips this seal.
            seal = (
                SealApplication.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("partner", "programme")
                .filter(pk=pk, reminder_sent_on__isnull=True)
                .first()
            )
            if seal is None:
                continue
            context = {
                "alliance_name": alliance.name,
                "partner_name": seal.partner.name,
                "programme": seal.programme.name,
                "awarded_on": seal.awarded_on,
                "valid_until": seal.valid_until,
                "url": _workspace_url(
                    alliance,
                    reverse("seal-detail", urlconf=settings.ROOT_URLCONF, args=[seal.pk]),
                ),
            }
            with translation.override("de"):
                subject = " ".join(
                    render_to_string(
                        "core/emails/seal_expiry_reminder_subject.txt", context
                    ).split()
                )
                body = render_to_string("core/emails/seal_expiry_reminder.txt", context)
            seal_reminder_sent(application=seal, sent_on=today)
            mail.email_queue(subject=subject, body=body, to=recipients)
            sent += 1
    return sent


@shared_task(name="core.send_seal_expiry_reminders", acks_late=True)
def send_seal_expiry_reminders() -> dict[str, int]:
    """Remind each alliance's local coordinators of seals expiring within 90 days, once."""
    from tenants.selectors import alliance_list

    today = timezone.localdate()
    results: dict[str, int] = {}
    for alliance in alliance_list():  # every alliance that still exists (not dissolved)
        recipients = _coordinator_emails(alliance)
        if not recipients:
            # Nobody to tell: the seals stay unmarked and are reminded of once someone is.
            continue
        with schema_context(alliance.schema_name):
            results[alliance.schema_name] = _remind_in_current_schema(alliance, recipients, today)
        if results[alliance.schema_name]:
            logger.info(
                "seal expiry reminders in %s: %s",
                alliance.schema_name,
                results[alliance.schema_name],
            )
    return results


# ---------------------------------------------------------------- careguides
# ``send_agreement_expiry_reminders``: the same for cooperation agreements whose fixed
# end (or current term) is within 90 days; each agreement and end date is reminded once.


def _remind_agreements_in_current_schema(alliance, recipients: list[str], today) -> int:
    from core.models import AgreementRenewal, CooperationAgreement
    from core.selectors.agreements import agreements_due_for_reminder
    from core.services.agreements import agreement_reminder_sent
    from kernel.mail import services as mail

    sent = 0
    for pk in list(agreements_due_for_reminder(today=today).values_list("pk", flat=True)):
        with transaction.atomic():
            agreement = (
                CooperationAgreement.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("partner")
                .filter(pk=pk, reminder_sent_on__isnull=True)
                .first()
            )
            if agreement is None:
                continue
            context = {
                "alliance_name": alliance.name,
                "party": agreement.other_party,
                "subject": agreement.subject,
                "valid_until": agreement.valid_until,
                "renews": agreement.renewal == AgreementRenewal.AUTOMATIC,
                "notice_weeks": agreement.notice_weeks,
                "url": _workspace_url(
                    alliance,
                    reverse("agreement-detail", urlconf=settings.ROOT_URLCONF, args=[pk]),
                ),
            }
            with translation.override("de"):
                subject = " ".join(
                    render_to_string(
                        "core/emails/agreement_expiry_reminder_subject.txt", context
                    ).split()
                )
                body = render_to_string("core/emails/agreement_expiry_reminder.txt", context)
            agreement_reminder_sent(agreement=agreement, sent_on=today)
            mail.email_queue(subject=subject, body=body, to=recipients)
            sent += 1
    return sent


@shared_task(name="core.send_agreement_expiry_reminders", acks_late=True)
def send_agreement_expiry_reminders() -> dict[str, int]:
    """Remind each alliance's local coordinators of agreements ending within 90 days, once."""
    from tenants.selectors import alliance_list

    today = timezone.localdate()
    results: dict[str, int] = {}
    for alliance in alliance_list():
        recipients = _coordinator_emails(alliance)
        if not recipients:
            continue
        with schema_context(alliance.schema_name):
            results[alliance.schema_name] = _remind_agreements_in_current_schema(
                alliance, recipients, today
            )
    return results
