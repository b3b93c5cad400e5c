"""The state office's demo mailing: one newsletter to all local coordinators, sent a
few weeks ago, so the address book's sent log is not empty.

Recorded as ``mailing_send`` records it, without its e-mails: it went out long ago
(the outbox has forgotten sent e-mails after a week), and the demo must not mail anyone
now."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from kernel.audit.services import audit_log
from regional.models import Mailing, MailingRecipient, MailingStatus
from regional.selectors.mailings import mailing_preview
from regional.services.mailings import mailing_create, sent_log_row

SUBJECT = "Rundschreiben: Regionaltreffen und Familiensiegel im neuen Jahr"
BODY = """Liebe Bündniskoordinatorinnen und Bündniskoordinatoren,

das nächste Regionaltreffen findet im Frühjahr in Erfurt statt; die Einladung mit der
Tagesordnung folgt wie gewohnt über die Plattform.

Das Familiensiegel für kleine Betriebe wird vereinfacht: Die neuen Kriterien stehen ab
sofort als Vorlage bereit.

Mit freundlichen Grüßen
Ihre Landeskoordinierungsstelle"""


def seed_mailing(*, actor, now: datetime.datetime | None = None) -> Mailing | None:
    """The sent demo mailing; None if it exists already."""
    if Mailing.objects.filter(subject=SUBJECT).exists():
        return None
    now = now or timezone.now()
    with transaction.atomic():
        mailing = mailing_create(actor=actor, subject=SUBJECT, body=BODY, groups=["coordinators"])
        preview = mailing_preview(mailing)
        MailingRecipient.objects.bulk_create(
            sent_log_row(mailing, recipient, excluded=excluded)
            for recipients, excluded in ((preview.recipients, False), (preview.excluded, True))
            for recipient in recipients
        )
        mailing.status = MailingStatus.SENT
        mailing.sent_at = now - datetime.timedelta(days=21)
        mailing.sent_by = actor
        mailing.save(update_fields=["status", "sent_at", "sent_by", "updated_at"])
        audit_log(
            actor=actor,
            action="regional.mailing.sent",
            target=mailing,
            changes={"recipients": len(preview.recipients), "demo_history": True},
        )
    return mailing
