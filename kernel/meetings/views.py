"""The pages every kind of meeting shares, declared once per kind in a
:class:`MeetingPages`: marking the meeting held, its agenda items (with the reason a
locked agenda asks for), its minutes and its attachments.

The room wraps each page in its own permission check (``requires(...)``) and names it
in its URL conf; the URL names and templates stay the room's own. The pages are the
workspace's form and confirmation pages (``kernel.crud.views``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kernel.crud.tables import Column, Table
from kernel.crud.views import confirm_page, form_page
from kernel.meetings import documents as docs
from kernel.meetings.models import MeetingStatus
from kernel.meetings.rules import agenda_is_locked
from kernel.uploads import stored_file_response

from .forms import AgendaCorrectionForm
from .urls import PAGE_NAMES

#: The columns every kind of meeting's list has (each kind places them among its own).
MEETING_COLUMNS = Table(
    Column("title", gettext_lazy("Title"), order_by=True, link=True),
    Column("date", gettext_lazy("Date"), order_by=True),
    Column("status", gettext_lazy("Status"), order_by=True),
    Column("agenda", gettext_lazy("Agenda items"), "agenda_count", order_by=True),
    Column("minutes", gettext_lazy("Minutes"), "minutes_status", order_by=True),
    Column("attachments", gettext_lazy("Attachments"), "attachment_count", order_by=True),
)


@dataclass(frozen=True)
class MeetingPages:
    """What differs between two kinds of meeting's pages."""

    #: The meeting, agenda item and attachment models.
    record_models: tuple[type[models.Model], type[models.Model], type[models.Model]]
    #: The module with the kind's write services (``agenda_item_create``, ...).
    services: Any
    #: The module with the kind's forms: ``AgendaItemForm``, ``MinutesForm`` and
    #: ``AttachmentForm``.
    forms: Any
    detail_url: Callable[[models.Model], str]
    #: Shown when someone opens the minutes of a meeting whose minutes are final.
    minutes_final_message: Callable[[], str]
    #: Whether that message is also shown on a POST (which the service refuses).
    minutes_final_message_on_post: bool = False
    #: The confirmation question of cancelling a meeting (lazy, with ``%(name)s``).
    cancel_question: Any = ""
    #: The page that makes the minutes final: the service's name and its texts (lazy:
    #: title, question with ``%(name)s``, success_message, button).
    minutes_final_service: str = ""
    minutes_final_texts: dict[str, Any] = field(default_factory=dict)
    #: The meeting with what its detail page shows (raises ``DoesNotExist``).
    detail_selector: Callable[[int], models.Model] | None = None
    #: The meeting's agenda as its detail page shows it.
    agenda_selector: Callable[[models.Model], Any] | None = None
    #: Initial values of a new agenda item's form, from its meeting.
    item_initial: Callable[[models.Model], dict[str, Any]] = field(default=lambda meeting: {})
    #: Entered while an attachment's file is read (a schema, say).
    storage_context: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext
    #: How the meeting reads on paper and who receives its documents.
    documents: docs.MeetingDocuments | None = None
    #: Whether the person asking manages the meetings (sees draft minutes).
    may_manage: Callable[[Any], bool] = field(default=lambda request: True)
    #: What the room's URL names of the shared pages begin with ("" or "regional-").
    url_name_prefix: str = ""

    @property
    def meeting_model(self) -> type[models.Model]:
        return self.record_models[0]

    def guarded(self, *, manage: Callable, view: Callable) -> dict[str, Callable]:
        """The pages, each wrapped in the room's permission check: ``view`` for reading an
        attachment, ``manage`` for everything else (``kernel.meetings.urls`` maps them)."""
        pages = {
            "meeting_held": self.meeting_held,
            "meeting_cancel": self.meeting_cancel,
            "agenda_item_create": self.agenda_item_create,
            "agenda_item_edit": self.agenda_item_edit,
            "agenda_item_delete": self.agenda_item_delete,
            "minutes_edit": self.minutes_edit,
            "attachment_create": self.attachment_create,
            "attachment_download": self.attachment_download,
            "attachment_delete": self.attachment_delete,
            "agenda_pdf": self.agenda_pdf,
            "minutes_pdf": self.minutes_pdf,
            "attendance_pdf": self.attendance_pdf,
            "agenda_send": self.agenda_send,
            "minutes_send": self.minutes_send,
        }
        readers = {"attachment_download", "agenda_pdf", "minutes_pdf"}
        return {name: (view if name in readers else manage)(page) for name, page in pages.items()}

    # ------------------------------------------------------------ lookups

    def meeting_or_404(self, pk: int):
        """The meeting as its detail page shows it (``detail_selector``), or 404."""
        try:
            return self.detail_selector(pk)
        except self.meeting_model.DoesNotExist as exc:
            raise Http404 from exc

    def detail_context(self, meeting, today=None) -> dict[str, Any]:
        """What every kind of meeting's detail page shows: the meeting, its agenda (and
        whether it is locked) and its attachments."""
        return {
            "meeting": meeting,
            "agenda": self.agenda_selector(meeting),
            "attachments": list(meeting.attachments.all()),
            "agenda_locked": agenda_is_locked(meeting, today),
        }

    def _meeting(self, pk: int):
        return get_object_or_404(self.record_models[0], pk=pk)

    def _item(self, pk: int, item_pk: int):
        queryset = self.record_models[1].objects.select_related("meeting")
        return get_object_or_404(queryset, pk=item_pk, meeting=pk)

    def _attachment(self, pk: int, attachment_pk: int):
        return get_object_or_404(self.record_models[2], pk=attachment_pk, meeting=pk)

    def _confirm(self, request, *, obj, action, url: str, **texts):
        """A confirmation page that returns to the meeting (``texts``: title, question,
        success_message, button)."""
        return confirm_page(
            request, obj=obj, action=action, cancel_url=url, success_url=url, **texts
        )

    def _form(self, request, *, url: str, **options):
        """A form page that returns to the meeting, whatever it saved."""
        return form_page(request, success_url=lambda _saved: url, cancel_url=url, **options)

    # ------------------------------------------------------------ meeting

    def meeting_held(self, request, pk: int):
        meeting = self._meeting(pk)
        url = self.detail_url(meeting)
        return self._confirm(
            request,
            obj=meeting,
            action=lambda: self.services.meeting_mark_held(actor=request.user, meeting=meeting),
            url=url,
            title=_("Meeting held"),
            question=_("Record that the meeting %(name)s has taken place?") % {"name": meeting},
            success_message=_("The meeting has been marked as held."),
            button=_("Mark as held"),
        )

    def meeting_cancel(self, request, pk: int):
        meeting = self._meeting(pk)
        return self._confirm(
            request,
            obj=meeting,
            action=lambda: self.services.meeting_cancel(actor=request.user, meeting=meeting),
            url=self.detail_url(meeting),
            title=_("Cancel meeting"),
            question=self.cancel_question % {"name": meeting},
            success_message=_("The meeting has been cancelled."),
            button=_("Cancel meeting"),
        )

    # ------------------------------------------------------------ agenda

    def agenda_item_create(self, request, pk: int):
        meeting = self._meeting(pk)
        url = self.detail_url(meeting)
        return self._form(
            request,
            url=url,
            form_class=self.forms.AgendaItemForm,
            form_kwargs={"initial": self.item_initial(meeting), "meeting": meeting},
            save=lambda form: self.services.agenda_item_create(
                actor=request.user, meeting=meeting, **item_keywords(form)
            ),
            title=_("New agenda item for %(name)s") % {"name": meeting},
        )

    def agenda_item_edit(self, request, pk: int, item_pk: int):
        item = self._item(pk, item_pk)
        url = self.detail_url(item.meeting)
        return self._form(
            request,
            url=url,
            form_class=self.forms.AgendaItemForm,
            instance=item,
            form_kwargs={"meeting": item.meeting},
            save=lambda form: self.services.agenda_item_update(
                actor=request.user, item=item, **item_keywords(form)
            ),
            title=_("Edit agenda item"),
        )

    def agenda_item_delete(self, request, pk: int, item_pk: int):
        item = self._item(pk, item_pk)
        url = self.detail_url(item.meeting)
        if agenda_is_locked(item.meeting):
            # A locked agenda: removing an item needs a reason, asked for in a form.
            return self._form(
                request,
                url=url,
                form_class=AgendaCorrectionForm,
                save=lambda form: self.services.agenda_item_delete(
                    actor=request.user, item=item, reason=form.cleaned_data["reason"]
                ),
                title=_("Remove agenda item"),
                success_message=_("The agenda item has been removed."),
            )
        return self._confirm(
            request,
            obj=item,
            action=lambda: self.services.agenda_item_delete(actor=request.user, item=item),
            url=url,
            title=_("Remove agenda item"),
            question=_("Remove the item %(name)s from the agenda?") % {"name": item},
            success_message=_("The agenda item has been removed."),
            button=_("Remove"),
        )

    # ------------------------------------------------------------ minutes

    def minutes_edit(self, request, pk: int):
        meeting = self._meeting(pk)
        url = self.detail_url(meeting)
        if meeting.minutes_final:
            if request.method != "POST":
                messages.error(request, self.minutes_final_message())
                return redirect(url)
            if self.minutes_final_message_on_post:
                messages.error(request, self.minutes_final_message())
        return self._form(
            request,
            url=url,
            form_class=self.forms.MinutesForm,
            form_kwargs={"initial": {"minutes": meeting.minutes}},
            save=lambda form: self.services.minutes_update(
                actor=request.user, meeting=meeting, minutes=form.cleaned_data["minutes"]
            ),
            title=_("Minutes of %(name)s") % {"name": meeting},
            success_message=_("The draft minutes have been saved."),
        )

    def minutes_finalise(self, request, pk: int):
        meeting = self._meeting(pk)
        texts = dict(self.minutes_final_texts)
        texts["question"] = texts["question"] % {"name": meeting}
        finalise = getattr(self.services, self.minutes_final_service)
        return self._confirm(
            request,
            obj=meeting,
            action=lambda: finalise(actor=request.user, meeting=meeting),
            url=self.detail_url(meeting),
            **texts,
        )

    # ------------------------------------------------------------ attachments

    def attachment_create(self, request, pk: int):
        meeting = self._meeting(pk)
        url = self.detail_url(meeting)
        return self._form(
            request,
            url=url,
            form_class=self.forms.AttachmentForm,
            save=lambda form: self.services.attachment_create(
                actor=request.user,
                meeting=meeting,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
            ),
            title=_("New attachment for %(name)s") % {"name": meeting},
            success_message=_("The file has been uploaded."),
        )

    def serve(self, attachment):
        """The stored file (never a public URL; the room checks who may see it)."""
        with self.storage_context():
            return stored_file_response(attachment.file.storage, attachment.file.name)

    def attachment_download(self, request, pk: int, attachment_pk: int):
        return self.serve(self._attachment(pk, attachment_pk))

    def attachment_delete(self, request, pk: int, attachment_pk: int):
        attachment = self._attachment(pk, attachment_pk)
        url = self.detail_url(attachment.meeting)
        return self._confirm(
            request,
            obj=attachment,
            action=lambda: self.services.attachment_delete(
                actor=request.user, attachment=attachment
            ),
            url=url,
            title=_("Delete attachment"),
            question=_("Delete the attachment %(name)s?") % {"name": attachment.title},
            success_message=_("The attachment has been deleted."),
            button=_("Delete"),
        )

    # ------------------------------------------------------------ documents

    def document_links(self, meeting, *, can_manage: bool) -> dict[str, str]:
        """The URLs of the meeting's documents for its page ("" where not offered):
        the minutes once written (final ones only to people who do not manage), sending
        only to managers, the minutes only once final; the attendance list to managers
        of a meeting not cancelled."""

        def url(page: str) -> str:
            return reverse(self.url_name_prefix + PAGE_NAMES[page], args=[meeting.pk])

        written = bool(meeting.minutes.strip())
        return {
            "agenda_pdf": url("agenda_pdf"),
            "minutes_pdf": url("minutes_pdf")
            if written and (meeting.minutes_final or can_manage)
            else "",
            "agenda_send": url("agenda_send")
            if can_manage and meeting.status != MeetingStatus.CANCELLED
            else "",
            "minutes_send": url("minutes_send")
            if can_manage and written and meeting.minutes_final
            else "",
            "attendance_pdf": url("attendance_pdf")
            if can_manage and self._has_attendance_list(meeting)
            else "",
        }

    def _has_attendance_list(self, meeting) -> bool:
        return self.documents.attendees is not None and meeting.status != MeetingStatus.CANCELLED

    def pdf_response(self, meeting, document: str) -> HttpResponse:
        """The document as a PDF download with its German file name."""
        response = HttpResponse(
            self.documents.pdf(meeting, document), content_type="application/pdf"
        )
        name = docs.filename(meeting, document)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def agenda_pdf(self, request, pk: int):
        return self.pdf_response(self.meeting_or_404(pk), docs.AGENDA)

    def minutes_pdf(self, request, pk: int):
        """The minutes; people who do not manage the meetings get final ones only."""
        meeting = self.meeting_or_404(pk)
        if not meeting.minutes.strip() or not (meeting.minutes_final or self.may_manage(request)):
            messages.error(request, _("These minutes are not available as a PDF yet."))
            return redirect(self.detail_url(meeting))
        return self.pdf_response(meeting, docs.MINUTES)

    def attendance_pdf(self, request, pk: int):
        meeting = self.meeting_or_404(pk)
        if not self._has_attendance_list(meeting):
            raise Http404
        return self.pdf_response(meeting, docs.ATTENDANCE)

    def _send(self, request, pk: int, document: str):
        """Asks, then queues the document to every invitee; refused at once (with the
        reason) when there is nothing to send."""
        meeting = self._meeting(pk)
        url = self.detail_url(meeting)
        refusal = docs.send_refusal(meeting, document, self.documents)
        if refusal and request.method != "POST":
            messages.error(request, refusal)
            return redirect(url)
        values = {"name": meeting, "count": len(docs.addresses(meeting, self.documents))}
        if document == docs.AGENDA:
            title, button = _("Send agenda"), _("Send agenda")
            question = _("Send the agenda of %(name)s as a PDF to %(count)s invitees by e-mail?")
            done = _("The agenda has been queued for %(count)s invitees.")
        else:
            title, button = _("Send minutes"), _("Send minutes")
            question = _("Send the minutes of %(name)s as a PDF to %(count)s invitees by e-mail?")
            done = _("The minutes have been queued for %(count)s invitees.")
        return self._confirm(
            request,
            obj=meeting,
            action=lambda: self.services.meeting_document_send(
                actor=request.user, meeting=meeting, document=document
            ),
            url=url,
            title=title,
            question=question % values,
            success_message=done % values,
            button=button,
        )

    def agenda_send(self, request, pk: int):
        return self._send(request, pk, docs.AGENDA)

    def minutes_send(self, request, pk: int):
        return self._send(request, pk, docs.MINUTES)


def item_keywords(form) -> dict[str, Any]:
    """An agenda item form's cleaned data as the service's keywords, reason included."""
    data, reason = form.data_and_reason()
    return {**data, "reason": reason}
