"""Regional meetings and the yearly strategy meeting, organised by the state
coordination office (state host, /meetings/)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_tenants.utils import get_public_schema_name, schema_context

from core.forms.meetings import AgendaCorrectionForm
from core.services.meetings import agenda_is_locked
from kernel.crud.tables import Column, ListSpec, list_view
from kernel.crud.views import add_validation_error, confirm_page, form_page
from kernel.uploads import stored_file_response
from regional.filters.meetings import RegionalMeetingFilter
from regional.forms.meetings import (
    AgendaBulkForm,
    AgendaEntryForm,
    AgendaMoveForm,
    AttachmentForm,
    InvitationForm,
    MinutesForm,
    RegionalMeetingForm,
    ReplyForm,
    SendInvitationsForm,
)
from regional.ics import meeting_calendar, meeting_start
from regional.models import (
    AgendaEntry,
    Invitation,
    RegionalAttachment,
    RegionalMeeting,
    RegionalMeetingStatus,
    RegionalMinutesStatus,
)
from regional.selectors.meetings import (
    invitation_by_token,
    meeting_agenda,
    meeting_detail,
    next_agenda_time,
    overlapping_meetings,
    past_meetings,
    reply_summary,
    upcoming_meetings,
)
from regional.services import meetings as services
from tenants.permissions import public, requires
from tenants.token_pages import token_page

PERMISSION = "state.meetings.manage"


def _time_span(meeting) -> str:
    return f"{meeting.start_time:%H:%M}–{meeting.end_time:%H:%M}"


_COLUMNS = [
    Column("title", gettext_lazy("Title"), lambda m: m.title, "title", link=True),
    Column("kind", gettext_lazy("Kind"), lambda m: m.get_kind_display(), "kind"),
    Column("date", gettext_lazy("Date"), lambda m: m.date, "date"),
    Column("time", gettext_lazy("Time of day"), _time_span, "start_time"),
    Column("place", gettext_lazy("Place"), lambda m: m.place, "place"),
    Column(
        "host",
        gettext_lazy("Host alliance"),
        lambda m: m.host_alliance.name if m.host_alliance else None,
        "host_alliance__name",
    ),
    Column("moderation", gettext_lazy("Moderation"), lambda m: m.moderation, "moderation"),
    Column("status", gettext_lazy("Status"), lambda m: m.get_status_display(), "status"),
    Column("agenda", gettext_lazy("Agenda items"), lambda m: m.agenda_count, "agenda_count"),
    Column("invited", gettext_lazy("Invited"), lambda m: m.invited_count, "invited_count"),
    Column("attending", gettext_lazy("Attending"), lambda m: m.attending_count, "attending_count"),
    Column("declined", gettext_lazy("Not attending"), lambda m: m.declined_count, "declined_count"),
    Column("pending", gettext_lazy("No reply yet"), lambda m: m.pending_count, "pending_count"),
    Column(
        "minutes",
        gettext_lazy("Minutes"),
        lambda m: m.get_minutes_status_display(),
        "minutes_status",
    ),
    Column(
        "attachments",
        gettext_lazy("Attachments"),
        lambda m: m.attachment_count,
        "attachment_count",
    ),
]


def _detail_url(meeting) -> str:
    return reverse("regional-meeting-detail", args=[meeting.pk])


UPCOMING = ListSpec(
    name="regional-meetings",
    title=gettext_lazy("Regional meetings"),
    permission=PERMISSION,
    export_permission=PERMISSION,
    queryset=upcoming_meetings,
    filterset=RegionalMeetingFilter,
    default_order="date",
    detail_url=_detail_url,
    create_url="regional-meeting-create",
    create_permission=PERMISSION,
    columns=_COLUMNS,
    extra_links=[
        (gettext_lazy("Archive"), reverse_lazy("regional-meeting-archive"), PERMISSION),
    ],
)

ARCHIVE = ListSpec(
    name="regional-meetings-archive",
    title=gettext_lazy("Archive of regional meetings"),
    permission=PERMISSION,
    export_permission=PERMISSION,
    queryset=past_meetings,
    filterset=RegionalMeetingFilter,
    default_order="-date",
    detail_url=_detail_url,
    create_url="regional-meeting-create",
    create_permission=PERMISSION,
    columns=_COLUMNS,
    extra_links=[
        (gettext_lazy("Upcoming meetings"), reverse_lazy("regional-meeting-list"), PERMISSION),
    ],
)


@requires(PERMISSION)
def meeting_list_view(request):
    return list_view(request, UPCOMING)


@requires(PERMISSION)
def meeting_archive_view(request):
    return list_view(request, ARCHIVE)


def _meeting_or_404(pk: int) -> RegionalMeeting:
    try:
        return meeting_detail(pk)
    except RegionalMeeting.DoesNotExist as exc:
        raise Http404 from exc


def _overlap_warning(meeting) -> str:
    """The warning for meetings overlapping with ``meeting``, or ''."""
    others = overlapping_meetings(meeting)
    if not others:
        return ""
    names = "; ".join(
        f"{other.title} ({other.date:%d.%m.%Y}, {_time_span(other)})" for other in others
    )
    return _(
        "Warning: this meeting overlaps in time with another planned meeting on the same "
        "day: %(meetings)s."
    ) % {"meetings": names}


@requires(PERMISSION)
def meeting_detail_view(request, pk: int):
    meeting = _meeting_or_404(pk)
    invitations = list(meeting.invitations.all())
    today = timezone.localdate()
    planned = meeting.status == RegionalMeetingStatus.PLANNED
    return render(
        request,
        "regional/meetings/detail.html",
        {
            "meeting": meeting,
            "agenda": meeting_agenda(meeting),
            "attachments": list(meeting.attachments.all()),
            "replies": reply_summary(invitations),
            "unsent_count": sum(1 for i in invitations if i.sent_at is None),
            "overlap_warning": _overlap_warning(meeting),
            "planned": planned,
            "can_mark_held": planned and meeting.date <= today,
            "can_edit_minutes": meeting.status != RegionalMeetingStatus.CANCELLED
            and meeting.date <= today
            and meeting.minutes_status != RegionalMinutesStatus.PUBLISHED,
            "can_publish_minutes": meeting.minutes_status == RegionalMinutesStatus.DRAFT
            and meeting.date <= today,
            "agenda_locked": agenda_is_locked(meeting, today),
        },
    )


def _save_with_overlap_check(request, save):
    """Run ``save`` and warn (without refusing) about overlapping meetings."""

    def run(form):
        meeting = save(form)
        warning = _overlap_warning(meeting)
        if warning:
            messages.warning(request, warning)
        return meeting

    return run


@requires(PERMISSION)
def meeting_create(request):
    return form_page(
        request,
        form_class=RegionalMeetingForm,
        save=_save_with_overlap_check(
            request,
            lambda form: services.meeting_create(actor=request.user, data=form.cleaned_data),
        ),
        success_url=_detail_url,
        title=_("New regional meeting"),
        cancel_url=reverse("regional-meeting-list"),
    )


@requires(PERMISSION)
def meeting_edit(request, pk: int):
    meeting = get_object_or_404(RegionalMeeting, pk=pk)
    if meeting.status == RegionalMeetingStatus.CANCELLED:
        messages.error(request, _("A cancelled meeting can no longer be changed."))
        return redirect(_detail_url(meeting))
    return form_page(
        request,
        form_class=RegionalMeetingForm,
        instance=meeting,
        save=_save_with_overlap_check(
            request,
            lambda form: services.meeting_update(
                actor=request.user, meeting=meeting, data=form.cleaned_data
            ),
        ),
        success_url=_detail_url,
        title=_("Edit regional meeting"),
        cancel_url=_detail_url(meeting),
    )


@requires(PERMISSION)
def meeting_cancel(request, pk: int):
    meeting = get_object_or_404(RegionalMeeting, pk=pk)
    return confirm_page(
        request,
        obj=meeting,
        action=lambda: services.meeting_cancel(actor=request.user, meeting=meeting),
        title=_("Cancel meeting"),
        question=_(
            "Cancel the meeting %(name)s? Everyone who received the invitation is told by e-mail."
        )
        % {"name": meeting},
        cancel_url=_detail_url(meeting),
        success_url=_detail_url(meeting),
        success_message=_("The meeting has been cancelled."),
        button=_("Cancel meeting"),
    )


@requires(PERMISSION)
def meeting_held(request, pk: int):
    meeting = get_object_or_404(RegionalMeeting, pk=pk)
    return confirm_page(
        request,
        obj=meeting,
        action=lambda: services.meeting_mark_held(actor=request.user, meeting=meeting),
        title=_("Meeting held"),
        question=_("Record that the meeting %(name)s has taken place?") % {"name": meeting},
        cancel_url=_detail_url(meeting),
        success_url=_detail_url(meeting),
        success_message=_("The meeting has been marked as held."),
        button=_("Mark as held"),
    )


@requires(PERMISSION)
def meeting_calendar_view(request, pk: int):
    """The meeting as a calendar file (without a personal reply link)."""
    meeting = _meeting_or_404(pk)
    body = meeting_calendar(meeting, meeting_agenda(meeting), method="PUBLISH")
    if body is None:
        messages.error(
            request,
            _(
                "The meeting's date lies outside the plausible range; please correct it to get a "
                "calendar file."
            ),
        )
        return redirect(_detail_url(meeting))
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    filename = f"{slugify(meeting.title) or 'treffen'}-{meeting.date.isoformat()}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# ---------------------------------------------------------------- agenda


@requires(PERMISSION)
def agenda_entry_create(request, pk: int):
    meeting = get_object_or_404(RegionalMeeting, pk=pk)
    return form_page(
        request,
        form_class=AgendaEntryForm,
        form_kwargs={"initial": {"start_time": next_agenda_time(meeting)}, "meeting": meeting},
        save=lambda form: services.agenda_entry_create(
            actor=request.user, meeting=meeting, **_data_and_reason(form)
        ),
        success_url=lambda entry: _detail_url(meeting),
        title=_("New agenda item for %(name)s") % {"name": meeting},
        cancel_url=_detail_url(meeting),
    )


@requires(PERMISSION)
def agenda_bulk_add(request, pk: int):
    meeting = get_object_or_404(RegionalMeeting, pk=pk)
    return form_page(
        request,
        form_class=AgendaBulkForm,
        form_kwargs={"meeting": meeting},
        save=lambda form: (
            services.agenda_bulk_add(
                actor=request.user,
                meeting=meeting,
                lines=form.cleaned_data["lines"],
                reason=form.cleaned_data.get("reason", ""),
            )
            and meeting
        ),
        success_url=_detail_url,
        title=_("Add several agenda items to %(name)s") % {"name": meeting},
        cancel_url=_detail_url(meeting),
        success_message=_("The agenda items have been added."),
    )


def _data_and_reason(form) -> dict:
    data, reason = form.data_and_reason()
    return {"data": data, "reason": reason}


def _entry_or_404(pk: int, entry_pk: int) -> AgendaEntry:
    return get_object_or_404(AgendaEntry.objects.select_related("meeting"), pk=entry_pk, meeting=pk)


@requires(PERMISSION)
def agenda_entry_edit(request, pk: int, entry_pk: int):
    entry = _entry_or_404(pk, entry_pk)
    return form_page(
        request,
        form_class=AgendaEntryForm,
        instance=entry,
        form_kwargs={"meeting": entry.meeting},
        save=lambda form: services.agenda_entry_update(
            actor=request.user, entry=entry, **_data_and_reason(form)
        ),
        success_url=lambda e: _detail_url(e.meeting),
        title=_("Edit agenda item"),
        cancel_url=_detail_url(entry.meeting),
    )


@requires(PERMISSION)
def agenda_entry_delete(request, pk: int, entry_pk: int):
    entry = _entry_or_404(pk, entry_pk)
    if agenda_is_locked(entry.meeting):
        # A locked agenda: removing an item needs a reason, asked for in a form.
        return form_page(
            request,
            form_class=AgendaCorrectionForm,
            save=lambda form: services.agenda_entry_delete(
                actor=request.user, entry=entry, reason=form.cleaned_data["reason"]
            ),
            success_url=lambda _: _detail_url(entry.meeting),
            title=_("Remove agenda item"),
            cancel_url=_detail_url(entry.meeting),
            success_message=_("The agenda item has been removed."),
        )
    return confirm_page(
        request,
        obj=entry,
        action=lambda: services.agenda_entry_delete(actor=request.user, entry=entry),
        title=_("Remove agenda item"),
        question=_("Remove the item %(name)s from the agenda?") % {"name": entry},
        cancel_url=_detail_url(entry.meeting),
        success_url=_detail_url(entry.meeting),
        success_message=_("The agenda item has been removed."),
        button=_("Remove"),
    )


@requires(PERMISSION)
def agenda_entry_move(request, pk: int, entry_pk: int):
    """POST direction=up|down moves the item one place; GET changes nothing. On a locked
    agenda (the meeting has taken place) the move is a form asking for the reason, which
    the audit entry records; its arrows link here with ``?direction=``."""
    entry = _entry_or_404(pk, entry_pk)
    if agenda_is_locked(entry.meeting):
        direction = request.GET.get("direction", "")
        return form_page(
            request,
            form_class=AgendaMoveForm,
            form_kwargs={"initial": {"direction": direction}},
            save=lambda form: services.agenda_entry_move(
                actor=request.user,
                entry=entry,
                direction=form.cleaned_data["direction"],
                reason=form.cleaned_data["reason"],
            ),
            success_url=lambda _: _detail_url(entry.meeting) + "#agenda",
            title=_("Move agenda item %(name)s") % {"name": entry},
            cancel_url=_detail_url(entry.meeting) + "#agenda",
            success_message=_("The agenda item has been moved."),
        )
    if request.method == "POST":
        try:
            services.agenda_entry_move(
                actor=request.user,
                entry=entry,
                direction=request.POST.get("direction", ""),
                reason=request.POST.get("reason", ""),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect(_detail_url(entry.meeting) + "#agenda")


# ---------------------------------------------------------------- invitations


@requires(PERMISSION)
def invitations_view(request, pk: int):
    """Choose alliances and people to invite; lists everyone invited so far."""
    meeting = _meeting_or_404(pk)
    status = 200
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                result = services.invitations_add(
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
                sent = services.invitations_send(
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
        action=lambda: services.invitation_remove(actor=request.user, invitation=invitation),
        title=_("Remove invitee"),
        question=_("Remove %(name)s (%(email)s) from the invitation list?")
        % {"name": invitation.name, "email": invitation.email},
        cancel_url=url,
        success_url=url,
        success_message=_("The invitee has been removed."),
        button=_("Remove"),
    )


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
        if form.is_valid():
            actor = request.user if request.user.is_authenticated else None
            try:
                services.invitation_reply(
                    actor=actor, invitation=invitation, response=form.cleaned_data["response"]
                )
            except ValidationError as error:
                add_validation_error(form, error)
            else:
                messages.success(request, _("Thank you, your reply has been saved."))
                return redirect(reverse("regional-meeting-reply", args=[token]))
        status = 400
    else:
        initial = {"response": invitation.response} if invitation.response != "pending" else {}
        form = ReplyForm(initial=initial)
    return render(
        request,
        "regional/meetings/reply.html",
        {
            "meeting": meeting,
            "agenda": list(meeting.agenda.order_by("position", "pk")),
            "invitation": invitation,
            "form": form,
            "open": meeting.status == RegionalMeetingStatus.PLANNED
            and meeting_start(meeting) > timezone.now(),
        },
        status=status,
    )


# ---------------------------------------------------------------- minutes


@requires(PERMISSION)
def minutes_edit(request, pk: int):
    meeting = get_object_or_404(RegionalMeeting, pk=pk)
    if meeting.minutes_status == RegionalMinutesStatus.PUBLISHED:
        messages.error(request, _("The minutes have been published and can no longer be changed."))
        if request.method != "POST":
            return redirect(_detail_url(meeting))
    return form_page(
        request,
        form_class=MinutesForm,
        form_kwargs={"initial": {"minutes": meeting.minutes}},
        save=lambda form: services.minutes_update(
            actor=request.user, meeting=meeting, minutes=form.cleaned_data["minutes"]
        ),
        success_url=_detail_url,
        title=_("Minutes of %(name)s") % {"name": meeting},
        cancel_url=_detail_url(meeting),
        success_message=_("The draft minutes have been saved."),
    )


@requires(PERMISSION)
def minutes_publish(request, pk: int):
    meeting = get_object_or_404(RegionalMeeting, pk=pk)
    return confirm_page(
        request,
        obj=meeting,
        action=lambda: services.minutes_publish(actor=request.user, meeting=meeting),
        title=_("Approve and publish minutes"),
        question=_(
            "Approve the minutes of %(name)s and show them to the invited alliances? "
            "Published minutes cannot be changed."
        )
        % {"name": meeting},
        cancel_url=_detail_url(meeting),
        success_url=_detail_url(meeting),
        success_message=_("The minutes have been approved and published."),
        button=_("Approve and publish"),
    )


# ---------------------------------------------------------------- attachments


@requires(PERMISSION)
def attachment_create(request, pk: int):
    meeting = get_object_or_404(RegionalMeeting, pk=pk)
    return form_page(
        request,
        form_class=AttachmentForm,
        save=lambda form: services.attachment_create(
            actor=request.user,
            meeting=meeting,
            title=form.cleaned_data["title"],
            file=form.cleaned_data["file"],
        ),
        success_url=lambda a: _detail_url(meeting),
        title=_("New attachment for %(name)s") % {"name": meeting},
        cancel_url=_detail_url(meeting),
        success_message=_("The file has been uploaded."),
    )


def serve_attachment(attachment: RegionalAttachment) -> FileResponse:
    """The stored file, read from the public schema's storage whatever host asks."""
    with schema_context(get_public_schema_name()):
        return stored_file_response(attachment.file.storage, attachment.file.name)


@requires(PERMISSION)
def attachment_download(request, pk: int, attachment_pk: int):
    attachment = get_object_or_404(RegionalAttachment, pk=attachment_pk, meeting=pk)
    return serve_attachment(attachment)


@requires(PERMISSION)
def attachment_delete(request, pk: int, attachment_pk: int):
    attachment = get_object_or_404(RegionalAttachment, pk=attachment_pk, meeting=pk)
    return confirm_page(
        request,
        obj=attachment,
        action=lambda: services.attachment_delete(actor=request.user, attachment=attachment),
        title=_("Delete attachment"),
        question=_("Delete the attachment %(name)s?") % {"name": attachment.title},
        cancel_url=_detail_url(attachment.meeting),
        success_url=_detail_url(attachment.meeting),
        success_message=_("The attachment has been deleted."),
        button=_("Delete"),
    )
