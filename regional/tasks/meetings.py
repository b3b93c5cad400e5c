"""E-mails of regional meetings and the reminders before them (Celery).

``send_meeting_email`` writes one invitee's German e-mail (invitation, reminder or
cancellation) with the meeting's calendar file attached. ``send_meeting_reminders``
runs from beat: it claims each due reminder with a conditional UPDATE before queuing
its e-mail, so running it again, or twice at the same time, sends no reminder twice.
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context

from kernel.mail.tasks import MAIL_RETRY

# The message is built in the services (tasks import services, never the other way).
from regional.services.meeting_mail import MEETING_EMAIL_KINDS, build_meeting_email

logger = logging.getLogger(__name__)

__all__ = ["send_meeting_email", "send_meeting_reminders"]


@shared_task(name="regional.send_meeting_email", **MAIL_RETRY)
def send_meeting_email(*, invitation_id: int, kind: str, site_url: str = "") -> int:
    """Send one invitee's e-mail; an invitation removed meanwhile is skipped.

    ``site_url`` is accepted from tasks queued by earlier versions and ignored: links
    come from the configured site address (tenants.links).
    """
    from regional.models import Invitation

    if kind not in MEETING_EMAIL_KINDS:
        raise ValueError(kind)
    with schema_context(get_public_schema_name()):
        invitation = (
            Invitation.objects.select_related("meeting", "meeting__host_alliance")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None:
            return 0
        meeting = invitation.meeting
        if kind.startswith("reminder") and (
            meeting.status != "planned" or invitation.response == "declined"
        ):
            return 0  # cancelled or declined after the reminder was claimed
        message = build_meeting_email(invitation, kind)
    return message.send()


@shared_task(name="regional.send_meeting_reminders", acks_late=True)
def send_meeting_reminders() -> dict[str, int]:
    """Remind invitees who have not declined, seven days and one day before a meeting.

    Safe to run as often as beat likes: each reminder is claimed once.
    """
    from regional.selectors.meetings import reminder_candidates
    from regional.services.invitations import reminder_claim

    now = timezone.now()
    results = {"week": 0, "day": 0}
    with schema_context(get_public_schema_name()):
        for which in ("day", "week"):
            pks = list(reminder_candidates(which=which, now=now).values_list("pk", flat=True))
            for pk in pks:
                if reminder_claim(invitation_id=pk, which=which, now=now):
                    results[which] += 1
    if results["week"] or results["day"]:
        logger.info("regional meeting reminders: %s", results)
    return results
