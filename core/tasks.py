"""Scheduled work of the alliances' workspaces (Celery beat): reminders before expiry.

``send_seal_expiry_reminders`` runs daily over every alliance: for each awarded family
seal that expires within 90 days and whose coordinators were not reminded yet, it sends
one German e-mail to the alliance's local coordinators and marks the seal as reminded.
``send_agreement_expiry_reminders`` does the same for cooperation agreements whose fixed
end (or current term) is within 90 days; each agreement and end date is reminded once.
Running either again (or twice at once) sends no reminder twice (``core.reminders``).
"""

from __future__ import annotations

from celery import shared_task

from core.models import AgreementRenewal, CooperationAgreement, SealApplication
from core.reminders import Reminder
from core.selectors.agreements import agreements_due_for_reminder
from core.selectors.seal import seals_due_for_reminder
from core.services.agreements import agreement_reminder_sent
from core.services.seal import seal_reminder_sent


class SealExpiryReminder(Reminder):
    label, template = "seal expiry reminders", "core/emails/seal_expiry_reminder"
    url_name, model, related = "seal-detail", SealApplication, ("partner", "programme")

    def due(self, today):
        return seals_due_for_reminder(today=today).values_list("pk", flat=True)

    def context(self, seal, today):
        return {
            "partner_name": seal.partner.name,
            "programme": seal.programme.name,
            "awarded_on": seal.awarded_on,
            "valid_until": seal.valid_until,
        }

    def mark(self, seal, today):
        seal_reminder_sent(application=seal, sent_on=today)


class AgreementExpiryReminder(Reminder):
    label, template = "agreement expiry reminders", "core/emails/agreement_expiry_reminder"
    url_name, model, related = "agreement-detail", CooperationAgreement, ("partner",)

    def due(self, today):
        return agreements_due_for_reminder(today=today).values_list("pk", flat=True)

    def context(self, agreement, today):
        return {
            "party": agreement.other_party,
            "subject": agreement.subject,
            "valid_until": agreement.valid_until,
            "renews": agreement.renewal == AgreementRenewal.AUTOMATIC,
            "notice_weeks": agreement.notice_weeks,
        }

    def mark(self, agreement, today):
        agreement_reminder_sent(agreement=agreement, sent_on=today)


@shared_task(name="core.send_seal_expiry_reminders", acks_late=True)
def send_seal_expiry_reminders() -> dict[str, int]:
    """Remind each alliance's local coordinators of seals expiring within 90 days, once."""
    return SealExpiryReminder().run()


@shared_task(name="core.send_agreement_expiry_reminders", acks_late=True)
def send_agreement_expiry_reminders() -> dict[str, int]:
    """Remind each alliance's local coordinators of agreements ending within 90 days, once."""
    return AgreementExpiryReminder().run()
