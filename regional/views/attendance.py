"""State office actions on one regional meeting around the day itself: reminding those
who have not replied, and recording who came (state host, /meetings/<id>/...)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kernel.crud.views import form_page
from regional.forms.attendance import AttendanceForm
from regional.selectors.attendance import meeting_attendance
from regional.services import attendance as attendance_services
from regional.services import invitations as invitation_services
from regional.views.meetings import PAGES, PERMISSION
from tenants.permissions import requires


def _detail_url(meeting) -> str:
    return reverse("regional-meeting-detail", args=[meeting.pk])


@requires(PERMISSION)
def remind_pending(request, pk: int):
    """POST: e-mail a reminder to everyone who has not replied yet; GET changes nothing."""
    meeting = PAGES.meeting_or_404(pk)
    # Back to the page's top, where the messages are shown (with "#replies" the
    # confirmation was out of view).
    url = _detail_url(meeting)
    if request.method != "POST":
        return redirect(url)
    try:
        count = invitation_services.invitations_remind_pending(actor=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(url)
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)s person who has not replied yet is being reminded.",
                "%(count)s people who have not replied yet are being reminded.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.info(
            request,
            _(
                "Nobody to remind: everyone has replied, has not been sent the invitation "
                "yet, or was reminded within the last hour."
            ),
        )
    return redirect(url)


@requires(PERMISSION)
def attendance_edit(request, pk: int):
    """Tick who of the invited came and list who came without an invitation."""
    meeting = PAGES.meeting_or_404(pk)
    detail_url = _detail_url(meeting) + "#attendance"
    refusal = attendance_services.attendance_refusal(meeting)
    if refusal:
        messages.error(request, refusal)
        return redirect(detail_url)
    invitations, walk_ins = meeting_attendance(meeting)
    return form_page(
        request,
        form_class=AttendanceForm,
        form_kwargs={"invitations": invitations, "walk_ins": walk_ins},
        save=lambda form: attendance_services.attendance_record(
            actor=request.user,
            meeting=meeting,
            attended=form.cleaned_data["attended"],
            walk_ins=form.cleaned_data["walk_ins"],
        ),
        success_url=lambda _meeting: detail_url,
        title=_("Attendance at %(name)s") % {"name": meeting},
        cancel_url=detail_url,
        success_message=_("The attendance has been recorded."),
    )
