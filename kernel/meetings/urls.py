"""The URL paths of the pages every kind of meeting shares (``kernel.meetings.views``),
below a meeting's own path; each room names them as it always has."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.urls import URLPattern, path

#: page -> its path below the meeting's (``.../<int:pk>/``).
PAGE_PATHS = {
    "meeting_held": "held/",
    "meeting_cancel": "cancel/",
    "agenda_item_create": "agenda/new/",
    "agenda_item_edit": "agenda/<int:item_pk>/edit/",
    "agenda_item_delete": "agenda/<int:item_pk>/delete/",
    "minutes_edit": "minutes/",
    "attachment_create": "attachments/new/",
    "attachment_download": "attachments/<int:attachment_pk>/",
    "attachment_delete": "attachments/<int:attachment_pk>/delete/",
    "agenda_pdf": "agenda.pdf",
    "minutes_pdf": "minutes.pdf",
    "attendance_pdf": "attendance.pdf",
    "agenda_send": "agenda/send/",
    "minutes_send": "minutes/send/",
}


#: page -> its URL name, below the room's prefix ("" or "regional-"); ``{agenda}`` is
#: what the room calls an agenda item in its URL names.
PAGE_NAMES = {
    "meeting_held": "meeting-held",
    "meeting_cancel": "meeting-cancel",
    "agenda_item_create": "{agenda}-create",
    "agenda_item_edit": "{agenda}-edit",
    "agenda_item_delete": "{agenda}-delete",
    "minutes_edit": "minutes-edit",
    "attachment_create": "attachment-create",
    "attachment_download": "attachment-download",
    "attachment_delete": "attachment-delete",
    "agenda_pdf": "meeting-agenda-pdf",
    "minutes_pdf": "meeting-minutes-pdf",
    "attendance_pdf": "meeting-attendance-pdf",
    "agenda_send": "meeting-agenda-send",
    "minutes_send": "meeting-minutes-send",
}


def meeting_page_paths(
    *, prefix: str, views: Mapping[str, Callable], name_prefix: str = "", agenda: str
) -> list[URLPattern]:
    """One ``path`` per shared page: ``prefix`` is the meeting's path (ending in
    ``<int:pk>/``), ``views`` the room's guarded pages; the URL names are the room's
    as they always were (``meeting-held``, ``regional-agenda-edit``)."""
    if set(views) != set(PAGE_PATHS):
        raise ValueError(f"Give every meeting page: {sorted(PAGE_PATHS)}")
    return [
        path(
            prefix + PAGE_PATHS[page],
            views[page],
            name=name_prefix + PAGE_NAMES[page].format(agenda=agenda),
        )
        for page in PAGE_PATHS
    ]
