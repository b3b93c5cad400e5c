"""E-mails of regional meetings and the reminders before them (Celery).

``send_meeting_email`` writes one invitee's German e-mail (invitation, reminder or
cancellation) with the meeting's calendar file attached. ``send_meeting_reminders``
runs from beat: it claims each due reminder with a conditional UPDATE before queuing
its e-mail, so running it again, or twice at the same time, sends no reminder twice.
"""

from __future__ import annotations

import logging
import smtplib
from email.mime.text import MIMEText

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tenants.utils import get_public_schema_name, schema_context

logger = logging.getLogger(__name__)

__all__ = ["send_meeting_email", "send_meeting_reminders"]

_TEMPLATES = {
    "invitation": "regional/emails/meeting_invitation.txt",
    "reminder_week": "regional/emails/meeting_reminder.txt",
    "reminder_day": "regional/emails/meeting_reminder.txt",
    "cancellation": "regional/emails/meeting_cancelled.txt",
}


def _subject(kind: str, meeting) -> str:
    from django.utils.translation import gettext as _

    values = {"title": meeting.title, "date": meeting.date.strftime("%d.%m.%Y")}
    if kind == "invitation":
        return _("Invitation: %(title)s on %(date)s") % values
    if kind == "cancellation":
        return _("Cancelled: %(title)s on %(date)s") % values
    if kind == "reminder_day":
        return _("Tomorrow: %(title)s") % values
    return _("Reminder: %(title)s on %(date)s") % values


def calendar_part(text: str, method: str) -> MIMEText:
    """The .ics attachment: text/calendar with its METHOD, as calendar programs expect."""
    part = MIMEText(text, "calendar", "utf-8")
    part.set_param("method", method)
    filename = "absage.ics" if method == "CANCEL" else "einladung.ics"
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def build_meeting_email(invitation, kind: str) -> EmailMultiAlternatives:
    """The German e-mail of ``kind`` to one invitee, with the calendar file."""
    from regional.ics import agenda_lines, meeting_calendar
    from regional.selectors.meetings import meeting_agenda
    from regional.services.meetings import reply_url

    meeting = invitation.meeting
    agenda = meeting_agenda(meeting)
    link = reply_url(invitation)
    method = "CANCEL" if kind == "cancellation" else "REQUEST"
    with translation.override("de"):
        context = {
            "invitation": invitation,
            "meeting": meeting,
            "agenda": agenda_lines(agenda),
            "reply_url": link,
            "kind": kind,
            "attending": invitation.response == "attending",
        }
        calendar = meeting_calendar(
            meeting,
            agenda,
            method=method,
            attendee_name=invitation.name,
            attendee_email=invitation.email,
            reply_url="" if kind == "cancellation" else link,
        )
        # The text mentions the calendar file only if there is one.
        context["has_calendar"] = calendar is not None
        subject = _subject(kind, meeting)
        body = render_to_string(_TEMPLATES[kind], context)
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    if calendar is not None:  # None: an implausible stored date (see regional.ics)
        message.attach(calendar_part(calendar, method))
    return message


@shared_task(
    name="regional.send_meeting_email",
    acks_late=True,
    autoretry_for=(smtplib.SMTPException, ConnectionError, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    max_retries=20,
)
def send_meeting_email(*, invitation_id: int, kind: str, site_url: str = "") -> int:
    """Send one invitee's e-mail; an invitation removed meanwhile is skipped.

    ``site_url`` is accepted from tasks queued by earlier versions and ignored: links
    come from the configured site address (tenants.links).
    """
    from regional.models import Invitation

    if kind not in _TEMPLATES:
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
    from regional.services.meetings import reminder_claim

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
