"""Invitations to a regional meeting (state host) and the invitee's own reply page
behind the personal link in their e-mail."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kernel.crud.views import add_validation_error, confirm_page
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

    def invite(form) -> None:
        result = invitation_services.invitations_add(
            actor=request.user,
            meeting=meeting,
            alliances=form.cleaned_data["alliances"],
            people=form.cleaned_data["people"],
        )
        _report_invitations(request, result)

    form, done = posted(request, InvitationForm, invite)
    if done:
        return redirect(reverse("regional-meeting-invitations", args=[pk]))
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
        status=400 if request.method == "POST" else 200,
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

    def send(form) -> None:
        sent = invitation_services.invitations_send(
            actor=request.user, meeting=meeting, resend=form.cleaned_data["resend"]
        )
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

    form, done = posted(request, SendInvitationsForm, send)
    if done:
        return redirect(invitations_url)
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
        status=400 if request.method == "POST" else 200,
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


def save_reply(request, *, actor, invitation: Invitation):
    """What a posted reply form does (for ``posted``): save the reply and say so."""

    def run(form: ReplyForm) -> None:
        invitation_services.invitation_reply(
            actor=actor, invitation=invitation, response=form.cleaned_data["response"]
        )
        messages.success(request, _("Thank you, your reply has been saved."))

    return run


def posted(request, form_class, run, *, unbound=None) -> tuple[Any, bool]:
    """The page's form and whether it did its work: on a POST, ``run(form)`` once the
    form is valid (a refusal of the service goes onto the form); otherwise the unbound
    form (``unbound()``, or an empty one)."""
    if request.method != "POST":
        return (unbound() if unbound else form_class()), False
    form = form_class(request.POST)
    if not form.is_valid():
        return form, False
    try:
        run(form)
    except ValidationError as error:
        add_validation_error(form, error)
        return form, False
    return form, True


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
    actor = request.user if request.user.is_authenticated else None
    form, done = posted(
        request,
        ReplyForm,
        save_reply(request, actor=actor, invitation=invitation),
        unbound=lambda: reply_form(invitation),
    )
    if done:
        return redirect(reverse("regional-meeting-reply", args=[token]))
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
        status=400 if request.method == "POST" else 200,
    )
