"""Regional meetings as an invited alliance sees them on its own host
(/workspace/regional/): date, place, agenda, its own people's replies, the published
minutes and the files; its local coordinators answer their own invitation here."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from kernel.meetings.documents import AGENDA, MINUTES
from regional.forms.meetings import ReplyForm
from regional.models import RegionalAttachment, RegionalMeeting
from regional.selectors.attendance import attendance_of_alliance
from regional.selectors.meetings import (
    invited_meeting_detail,
    invited_meetings,
    meeting_agenda,
    own_invitation,
    published_minutes,
    reply_summary,
)
from regional.views.invitations import posted, replies_open, reply_form, save_reply
from regional.views.meetings import PAGES, serve_attachment
from tenants.permissions import requires

PERMISSION = "alliance.regional.view"


def _invited_or_404(request, pk: int) -> RegionalMeeting:
    """The meeting, if this host's alliance is invited to it."""
    try:
        return invited_meeting_detail(request.tenant, pk)
    except RegionalMeeting.DoesNotExist as exc:
        raise Http404 from exc


@requires(PERMISSION)
def invited_list(request):
    today = timezone.localdate()
    meetings = list(invited_meetings(request.tenant).order_by("date", "start_time", "pk"))
    history = {row.meeting.pk: row for row in attendance_of_alliance(request.tenant, today=today)}
    rows = [
        (meeting, reply_summary(meeting.own_invitations).counts, history.get(meeting.pk))
        for meeting in meetings
    ]
    return render(
        request,
        "regional/meetings/invited_list.html",
        {
            "upcoming": [row for row in rows if row[0].date >= today],
            "past": list(reversed([row for row in rows if row[0].date < today])),
        },
    )


def _detail_page(request, meeting: RegionalMeeting, own, form=None, status: int = 200):
    if form is None and own is not None:
        form = reply_form(own)
    return render(
        request,
        "regional/meetings/invited_detail.html",
        {
            "meeting": meeting,
            "agenda": meeting_agenda(meeting),
            "replies": reply_summary(meeting.own_invitations),
            "minutes": published_minutes(meeting),
            "attachments": list(meeting.attachments.all()),
            "own": own,
            "form": form,
            "replies_open": replies_open(meeting),
        },
        status=status,
    )


@requires(PERMISSION)
def invited_detail(request, pk: int):
    meeting = _invited_or_404(request, pk)
    return _detail_page(request, meeting, own_invitation(meeting, request.tenant, request.user))


@requires(PERMISSION)
def invited_reply(request, pk: int):
    """POST: the logged-in coordinator answers their own invitation; GET changes nothing."""
    meeting = _invited_or_404(request, pk)
    own = own_invitation(meeting, request.tenant, request.user)
    if own is None:
        raise Http404
    detail_url = reverse("regional-invited-detail", args=[pk])
    if request.method != "POST":
        return redirect(detail_url)
    form, done = posted(request, ReplyForm, save_reply(request, actor=request.user, invitation=own))
    if done:
        return redirect(detail_url)
    return _detail_page(request, meeting, own, form=form, status=400)


@requires(PERMISSION)
def invited_attachment(request, pk: int, attachment_pk: int):
    """A file of a meeting this alliance is invited to (stored in the public schema)."""
    meeting = _invited_or_404(request, pk)
    attachment = get_object_or_404(RegionalAttachment, pk=attachment_pk, meeting=meeting)
    return serve_attachment(attachment)


@requires(PERMISSION)
def invited_agenda_pdf(request, pk: int):
    """The agenda with the invitation as PDF, for a meeting this alliance is invited to."""
    return PAGES.pdf_response(_invited_or_404(request, pk), AGENDA)


@requires(PERMISSION)
def invited_minutes_pdf(request, pk: int):
    """The minutes as PDF once published (drafts stay the state office's)."""
    meeting = _invited_or_404(request, pk)
    if not published_minutes(meeting):
        raise Http404
    return PAGES.pdf_response(meeting, MINUTES)
