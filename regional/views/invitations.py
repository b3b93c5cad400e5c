"""Invitations to a regional meeting (state host) and the invitee's own reply page
behind the personal link in their e-mail."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.views.generic import add_validation_error, confirm_page
from regional.forms.meetings import InvitationForm, ReplyForm, SendInvitationsForm
from regional.ics import meeting_start
from regional.models import Invitation, RegionalMeeting, RegionalMeetingStatus
from regional.selectors.meetings import invitation_by_token
from regional.services import invitations as invitation_services
from regional.views.meetings import PAGES, PERMISSION
from tenants.permissions import public, requires
from tenants.token_pages import token_page


@requires(PERMISSION)
def invitations_view(request, pk: int):
    """Choose alliances and people to invite; lists everyone invited so far."""
    meeting = PAGES.meeting_or_404(pk)
    status = 200
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                result = invitation_services.invitations_add(
                    actor=request.user,
                    meeting=meeting,
                    alliances=form.cleaned_data["alliances"],
                    people=form.cleaned_data["people"],
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                _report_invitations(request, result)
                return redirect(reverse("regional-meeting-invitations", args=[pk]))
        status = 400
    else:
        form = InvitationForm()
    invitations = list(meeting.invitations.all())
    return render(
        request,
        "regional/meetings/invitations.html",
        {
            "meeting": meeting,
            "form": form,
            "invitations": invitations,
            "unsent_count": sum(1 for i in invitations if i.sent_at is None),
            "planned": meeting.status == RegionalMeetingStatus.PLANNED,
        },
        status=status,
    )


def _report_invitations(request, result) -> None:
    count = len(result.created)
    messages.success(
        request,
        ngettext(
            "%(count)s person added to the invitation list. They receive it once you send it.",
            "%(count)s people added to the invitation list. They receive it once you send it.",
            count,
        )
        % {"count": count},
    )
    if result.already_invited:
        messages.info(
            request,
            _("Already invited: %(emails)s") % {"emails": ", ".join(result.already_invited)},
        )
    if result.alliances_without_coordinator:
        messages.warning(
            request,
            _("These alliances have no local coordinator on the platform: %(names)s")
            % {"names": ", ".join(result.alliances_without_coordinator)},
        )


@requires(PERMISSION)
def invitations_send(request, pk: int):
    meeting = get_object_or_404(RegionalMeeting, pk=pk)
    invitations_url = reverse("regional-meeting-invitations", args=[pk])
    status = 200
    if request.method == "POST":
        form = SendInvitationsForm(request.POST)
        if form.is_valid():
            try:
                sent = invitation_services.invitations_send(
                    actor=request.user,
                    meeting=meeting,
                    resend=form.cleaned_data["resend"],
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                if sent:
                    messages.success(
                        request,
                        ngettext(
                            "%(count)s invitation is being sent.",
                            "%(count)s invitations are being sent.",
                            sent,
                        )
                        % {"count": sent},
                    )
                else:
                    messages.info(request, _("Everyone invited has already received it."))
                return redirect(invitations_url)
        status = 400
    else:
        form = SendInvitationsForm()
    unsent = meeting.invitations.filter(sent_at__isnull=True).count()
    return render(
        request,
        "regional/meetings/send.html",
        {
            "meeting": meeting,
            "form": form,
            "unsent_count": unsent,
            "total_count": meeting.invitations.count(),
            "cancel_url": invitations_url,
        },
        status=status,
    )


@requires(PERMISSION)
def invitation_remove(request, pk: int, invitation_pk: int):
    invitation = get_object_or_404(Invitation, pk=invitation_pk, meeting=pk)
    url = reverse("regional-meeting-invitations", args=[pk])
    return confirm_page(
        request,
        obj=invitation,
        action=lambda: invitation_services.invitation_remove(
            actor=request.user, invitation=invitation
        ),
        title=_("Remove invitee"),
        question=_("Remove %(name)s (%(email)s) from the invitation list?")
        % {"name": invitation.name, "email": invitation.email},
        cancel_url=url,
        success_url=url,
        success_message=_("The invitee has been removed."),
        button=_("Remove"),
    )


# ---------------------------------------------------------------- replies


def replies_open(meeting: RegionalMeeting) -> bool:
    """Invitees may reply (and change their reply) until the meeting begins."""
    return (
        meeting.status == RegionalMeetingStatus.PLANNED and meeting_start(meeting) > timezone.now()
    )


def reply_form(invitation: Invitation) -> ReplyForm:
    """The reply form, showing the reply given so far."""
    initial = {"response": invitation.response} if invitation.response != "pending" else {}
    return ReplyForm(initial=initial)


def save_reply(request, form: ReplyForm, *, actor, invitation: Invitation) -> bool:
    """Save a posted reply; False (with the errors on the form) if it is refused."""
    if not form.is_valid():
        return False
    try:
        invitation_services.invitation_reply(
            actor=actor, invitation=invitation, response=form.cleaned_data["response"]
        )
    except ValidationError as error:
        add_validation_error(form, error)
        return False
    messages.success(request, _("Thank you, your reply has been saved."))
    return True


# ---------------------------------------------------------------- reply link (public)


@public
@token_page
def reply_view(request, token: str):
    """The invitee's own page behind the link in their e-mail: the meeting's title,
    date, time, place and agenda, and their own reply, which they may change (POST).
    Nothing about other invitees is shown."""
    try:
        invitation = invitation_by_token(token)
    except Invitation.DoesNotExist as exc:
        raise Http404 from exc
    meeting = invitation.meeting
    status = 200
    if request.method == "POST":
        form = ReplyForm(request.POST)
        actor = request.user if request.user.is_authenticated else None
        if save_reply(request, form, actor=actor, invitation=invitation):
            return redirect(reverse("regional-meeting-reply", args=[token]))
        status = 400
    else:
        form = reply_form(invitation)
    return render(
        request,
        "regional/meetings/reply.html",
        {
            "meeting": meeting,
            "agenda": list(meeting.agenda.order_by("position", "pk")),
            "invitation": invitation,
            "form": form,
            "open": replies_open(meeting),
        },
        status=status,
    )
