"""Regional meetings and the yearly strategy meeting, organised by the state
coordination office (state host, /meetings/). Invitations and the invitees' reply page
are in ``regional.views.invitations``.

The pages every kind of meeting shares come from ``kernel.meetings.views``, declared
here in ``PAGES``.
"""

from __future__ import annotations

import dataclasses

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tenants.utils import get_public_schema_name, schema_context

from kernel import formats
from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column
from kernel.crud.views import form_page
from kernel.meetings.rules import agenda_is_locked
from kernel.meetings.views import MEETING_COLUMNS, MeetingPages
from regional import models
from regional.documents import REGIONAL_DOCUMENTS
from regional.filters.meetings import RegionalMeetingFilter
from regional.forms import meetings as forms
from regional.ics import meeting_calendar, meeting_start
from regional.selectors.attendance import attendance_summary
from regional.selectors.meetings import (
    meeting_agenda,
    meeting_detail,
    next_agenda_time,
    overlapping_meetings,
    past_meetings,
    reply_summary,
    upcoming_meetings,
)
from regional.services import meetings as services
from regional.services.attendance import attendance_refusal
from tenants.permissions import requires

PERMISSION = "state.meetings.manage"


def _time_span(meeting) -> str:
    return formats.time_range(meeting.start_time, meeting.end_time)


_COLUMNS = [
    *MEETING_COLUMNS.only("title"),
    Column("kind", gettext_lazy("Kind"), order_by=True),
    *MEETING_COLUMNS.only("date"),
    Column("time", gettext_lazy("Time of day"), _time_span, "start_time"),
    Column("place", gettext_lazy("Place"), order_by=True),
    Column("host", gettext_lazy("Host alliance"), "host_alliance.name", order_by=True),
    Column("moderation", gettext_lazy("Moderation"), order_by=True),
    *MEETING_COLUMNS.only("status", "agenda"),
    Column("invited", gettext_lazy("Invited"), "invited_count", order_by=True),
    Column("attending", gettext_lazy("Attending"), "attending_count", order_by=True),
    Column("declined", gettext_lazy("Not attending"), "declined_count", order_by=True),
    Column("pending", gettext_lazy("No reply yet"), "pending_count", order_by=True),
    *MEETING_COLUMNS.only("minutes", "attachments"),
]


def _detail_url(meeting) -> str:
    return reverse("regional-meeting-detail", args=[meeting.pk])


def _public():
    return schema_context(get_public_schema_name())


PAGES = MeetingPages(
    (models.RegionalMeeting, models.AgendaItem, models.RegionalAttachment),
    services,
    forms,
    detail_url=_detail_url,
    minutes_final_message=lambda: _(
        "The minutes have been published and can no longer be changed."
    ),
    minutes_final_message_on_post=True,
    cancel_question=gettext_lazy(
        "Cancel the meeting %(name)s? Everyone who received the invitation is told by e-mail."
    ),
    minutes_final_service="minutes_publish",
    minutes_final_texts={
        "title": gettext_lazy("Approve and publish minutes"),
        "question": gettext_lazy(
            "Approve the minutes of %(name)s and show them to the invited alliances? "
            "Published minutes cannot be changed."
        ),
        "success_message": gettext_lazy("The minutes have been approved and published."),
        "button": gettext_lazy("Approve and publish"),
    },
    detail_selector=meeting_detail,
    agenda_selector=meeting_agenda,
    item_initial=lambda meeting: {"start_time": next_agenda_time(meeting)},
    storage_context=_public,
    documents=REGIONAL_DOCUMENTS,
    url_name_prefix="regional-",
)

PAGE_VIEWS = PAGES.guarded(manage=requires(PERMISSION), view=requires(PERMISSION))


def serve_attachment(attachment: models.RegionalAttachment) -> FileResponse:
    """The stored file, read from the public schema's storage whatever host asks."""
    return PAGES.serve(attachment)


def _overlap_warning(meeting) -> str:
    """The warning for meetings overlapping with ``meeting``, or ''."""
    others = overlapping_meetings(meeting)
    if not others:
        return ""
    names = "; ".join(
        f"{other.title} ({formats.date(other.date)}, {_time_span(other)})" for other in others
    )
    return _(
        "Warning: this meeting overlaps in time with another planned meeting on the same "
        "day: %(meetings)s."
    ) % {"meetings": names}


@requires(PERMISSION)
def meeting_detail_view(request, pk: int):
    meeting = PAGES.meeting_or_404(pk)
    invitations = list(meeting.invitations.all())
    today = timezone.localdate()
    planned = meeting.status == models.RegionalMeetingStatus.PLANNED
    return render(
        request,
        "regional/meetings/detail.html",
        {
            **PAGES.detail_context(meeting, today),
            "replies": reply_summary(invitations),
            "attendance": attendance_summary(invitations, meeting.walk_ins.all()),
            "can_record_attendance": not attendance_refusal(meeting),
            "can_remind": planned
            and meeting_start(meeting) > timezone.now()
            and any(i.response == models.Response.PENDING and i.sent_at for i in invitations),
            "unsent_count": sum(1 for i in invitations if i.sent_at is None),
            "overlap_warning": _overlap_warning(meeting),
            "documents": PAGES.document_links(meeting, can_manage=True),
            "planned": planned,
            "can_mark_held": planned and meeting.date <= today,
            "can_edit_minutes": meeting.status != models.RegionalMeetingStatus.CANCELLED
            and meeting.date <= today
            and meeting.minutes_status != models.RegionalMinutesStatus.PUBLISHED,
            "can_publish_minutes": meeting.minutes_status == models.RegionalMinutesStatus.DRAFT
            and meeting.date <= today,
        },
    )


class RegionalMeetingPages(ObjectPages):
    """New or changed meetings; overlapping meetings are warned about, not refused."""

    model, name, instance_arg = models.RegionalMeeting, "regional-meeting", "meeting"
    routes, stem = ("list", "create", "edit"), "Meeting"
    view_permission = change_permission = PERMISSION
    # The upcoming meetings; the archive is the same list view with ``spec=ARCHIVE``.
    queryset = upcoming_meetings
    filterset = RegionalMeetingFilter
    default_order, export_permission, row_link = "date", PERMISSION, _detail_url
    table = _COLUMNS
    extra_links = [
        (gettext_lazy("Archive"), reverse_lazy("regional-meeting-archive"), PERMISSION),
        (
            gettext_lazy("Calendar subscription"),
            reverse_lazy("regional-calendar-feed-page"),
            PERMISSION,
        ),
    ]
    form_class, service_module = forms.RegionalMeetingForm, services
    create_title = gettext_lazy("New regional meeting")

    class Edit:
        def save(self, obj, form):
            meeting = super().save(obj, form)
            warning = _overlap_warning(meeting)
            if warning:
                messages.warning(self.request, warning)
            return meeting

        def get_object(self):
            # Loaded once: the check for a cancelled meeting and the form share it.
            if not hasattr(self, "_meeting"):
                self._meeting = super().get_object()
            return self._meeting

        def get(self, request, *args, **kwargs):
            meeting = self.get_object()
            cancelled = models.RegionalMeetingStatus.CANCELLED
            if meeting is not None and meeting.status == cancelled:
                messages.error(request, _("A cancelled meeting can no longer be changed."))
                return redirect(_detail_url(meeting))
            return super().get(request, *args, **kwargs)

        post = get


ARCHIVE = dataclasses.replace(
    RegionalMeetingPages.spec,
    title=gettext_lazy("Archive of regional meetings"),
    queryset=past_meetings,
    default_order="-date",
    extra_links=[
        (gettext_lazy("Upcoming meetings"), reverse_lazy("regional-meeting-list"), PERMISSION)
    ],
)


@requires(PERMISSION)
def meeting_calendar_view(request, pk: int):
    """The meeting as a calendar file (without a personal reply link)."""
    meeting = PAGES.meeting_or_404(pk)
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
def agenda_bulk_add(request, pk: int):
    meeting = get_object_or_404(models.RegionalMeeting, pk=pk)
    return form_page(
        request,
        form_class=forms.AgendaBulkForm,
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


@requires(PERMISSION)
def agenda_item_move(request, pk: int, item_pk: int):
    """POST direction=up|down moves the item one place; GET changes nothing. On a locked
    agenda (the meeting has taken place) the move is a form asking for the reason, which
    the audit entry records; its arrows link here with ``?direction=``."""
    entry = PAGES._item(pk, item_pk)
    if agenda_is_locked(entry.meeting):
        direction = request.GET.get("direction", "")
        return form_page(
            request,
            form_class=forms.AgendaMoveForm,
            form_kwargs={"initial": {"direction": direction}},
            save=lambda form: services.agenda_item_move(
                actor=request.user,
                item=entry,
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
            services.agenda_item_move(
                actor=request.user,
                item=entry,
                direction=request.POST.get("direction", ""),
                reason=request.POST.get("reason", ""),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect(_detail_url(entry.meeting) + "#agenda")


# ---------------------------------------------------------------- minutes


minutes_publish = requires(PERMISSION)(PAGES.minutes_finalise)
