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
}


def meeting_page_paths(
    *, prefix: str, views: Mapping[str, Callable], names: Mapping[str, str]
) -> list[URLPattern]:
    """One ``path`` per shared page: ``prefix`` is the meeting's path (ending in
    ``<int:pk>/``), ``views`` the room's guarded pages, ``names`` their URL names."""
    if set(names) != set(PAGE_PATHS):
        raise ValueError(f"Name every meeting page: {sorted(PAGE_PATHS)}")
    return [path(prefix + PAGE_PATHS[page], views[page], name=names[page]) for page in PAGE_PATHS]
