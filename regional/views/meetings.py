"""Regional meetings and the yearly strategy meeting, organised by the state
coordination office (state host, /meetings/). Invitations and the invitees' reply page
are in ``regional.views.invitations``.

The pages every kind of meeting shares come from ``kernel.meetings.views``, declared
here in ``PAGES``.
"""

from __future__ import annotations

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

from kernel.crud.tables import Column, ListSpec
from kernel.crud.views import ObjectEditView, ObjectListView, confirm_page, form_page
from kernel.meetings.rules import agenda_is_locked
from kernel.meetings.views import MeetingPages
from regional.filters.meetings import RegionalMeetingFilter
from regional.forms.meetings import (
    AgendaBulkForm,
    AgendaItemForm,
    AgendaMoveForm,
    AttachmentForm,
    MinutesForm,
    RegionalMeetingForm,
)
from regional.ics import meeting_calendar
from regional.models import (
    AgendaItem,
    RegionalAttachment,
    RegionalMeeting,
    RegionalMeetingStatus,
    RegionalMinutesStatus,
)
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
from tenants.permissions import requires

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


def _public():
    return schema_context(get_public_schema_name())


PAGES = MeetingPages(
    (RegionalMeeting, AgendaItem, RegionalAttachment),
    services,
    (AgendaItemForm, MinutesForm, AttachmentForm),
    detail_url=_detail_url,
    form_page=form_page,
    confirm_page=confirm_page,
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
    item_initial=lambda meeting: {"start_time": next_agenda_time(meeting)},
    storage_context=_public,
)

PAGE_VIEWS = PAGES.guarded(manage=requires(PERMISSION), view=requires(PERMISSION))


def serve_attachment(attachment: RegionalAttachment) -> FileResponse:
    """The stored file, read from the public schema's storage whatever host asks."""
    return PAGES.serve(attachment)


def _meeting_spec(name, title, queryset, default_order, other_link) -> ListSpec:
    """The upcoming meetings or the archive: the same columns, the other one linked."""
    return ListSpec(
        name=name,
        title=title,
        permission=PERMISSION,
        export_permission=PERMISSION,
        queryset=queryset,
        filterset=RegionalMeetingFilter,
        default_order=default_order,
        detail_url=_detail_url,
        create_url="regional-meeting-create",
        create_permission=PERMISSION,
        columns=_COLUMNS,
        extra_links=[other_link],
    )


UPCOMING = _meeting_spec(
    "regional-meetings",
    gettext_lazy("Regional meetings"),
    upcoming_meetings,
    "date",
    (gettext_lazy("Archive"), reverse_lazy("regional-meeting-archive"), PERMISSION),
)
ARCHIVE = _meeting_spec(
    "regional-meetings-archive",
    gettext_lazy("Archive of regional meetings"),
    past_meetings,
    "-date",
    (gettext_lazy("Upcoming meetings"), reverse_lazy("regional-meeting-list"), PERMISSION),
)


class MeetingListView(ObjectListView):
    """The upcoming meetings; the archive is this view with ``spec=ARCHIVE``."""

    required_permission = PERMISSION
    spec = UPCOMING


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
    meeting = PAGES.meeting_or_404(pk)
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


class MeetingEditView(ObjectEditView):
    """New or changed meeting; overlapping meetings are warned about, not refused."""

    required_permission = PERMISSION
    model = RegionalMeeting
    list_url, detail_url, instance_arg = (
        "regional-meeting-list",
        "regional-meeting-detail",
        "meeting",
    )
    form_class = RegionalMeetingForm
    create_service, update_service = services.meeting_create, services.meeting_update
    create_title = gettext_lazy("New regional meeting")
    edit_title = gettext_lazy("Edit regional meeting")

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
        if meeting is not None and meeting.status == RegionalMeetingStatus.CANCELLED:
            messages.error(request, _("A cancelled meeting can no longer be changed."))
            return redirect(_detail_url(meeting))
        return super().get(request, *args, **kwargs)

    post = get


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
            form_class=AgendaMoveForm,
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
