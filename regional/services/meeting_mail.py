"""The German e-mail of a regional meeting to one invitee (invitation, reminder or
cancellation), with the meeting's calendar file attached when it has a plausible date.

Built here, in the services, so that the service that queues it and the task that sends
an older queued message share it without a service importing a task module.
"""

from __future__ import annotations

from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from kernel import formats

__all__ = ["MEETING_EMAIL_KINDS", "build_meeting_email", "calendar_part"]

MEETING_EMAIL_KINDS = {
    "invitation": "regional/emails/meeting_invitation.txt",
    "reminder_week": "regional/emails/meeting_reminder.txt",
    "reminder_day": "regional/emails/meeting_reminder.txt",
    "reminder_reply": "regional/emails/meeting_reminder.txt",
    "cancellation": "regional/emails/meeting_cancelled.txt",
}


def _subject(kind: str, meeting) -> str:
    from django.utils.translation import gettext as _

    values = {"title": meeting.title, "date": formats.date(meeting.date)}
    if kind == "invitation":
        return _("Invitation: %(title)s on %(date)s") % values
    if kind == "cancellation":
        return _("Cancelled: %(title)s on %(date)s") % values
    if kind == "reminder_day":
        return _("Tomorrow: %(title)s") % values
    if kind == "reminder_reply":
        return _("Your reply, please: %(title)s on %(date)s") % values
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
    from regional.services.invitations import reply_url

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
        body = render_to_string(MEETING_EMAIL_KINDS[kind], context)
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    if calendar is not None:  # None: an implausible stored date (see regional.ics)
        message.attach(calendar_part(calendar, method))
    return message
