"""The pages every library shares, declared once per kind of document in a
:class:`LibraryPages`: the document with its versions, new and changed documents, a
new version, deleting, and each version's download; and :func:`list_page`, the list of
one or more kinds (an alliance's page lists its own documents and the state office's).

The room wraps each page in its own permission check (``requires(...)``) and names it
in its URL conf (``urls(...)`` gives the names); which documents a person may see is
the room's ``visible(request)``, asked by every page, so a document outside it is
"not found" and its files cannot be downloaded.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _

from kernel.access import access_for, deny
from kernel.collation import german_key
from kernel.crud.tables import EXPORT_FORMATS, Column, plain, table_export
from kernel.crud.views import confirm_page, form_page
from kernel.library import selectors
from kernel.library.forms import LibrarySearchForm, VersionForm
from kernel.library.services import LibraryWrites
from kernel.uploads import stored_file_response

PAGE_SIZE = 25


@dataclass(frozen=True)
class LibraryPages:
    """What differs between two kinds of library document's pages."""

    writes: LibraryWrites | None
    #: The URL names begin with this ("library", "state-library"); the pages are
    #: ``<url>-detail``, ``-create``, ``-edit``, ``-delete``, ``-version``, ``-download``.
    url: str
    #: The documents the person asking may see (a QuerySet of the document model).
    visible: Callable[[HttpRequest], QuerySet]
    #: The permission that shows the buttons to change documents ("" : read only).
    manage_permission: str = ""
    form_class: type | None = None
    #: Where a document of this kind comes from, as the list shows it.
    source: Any = ""
    #: The list the pages lead back to.
    list_url: str = ""
    #: Lines saying who sees a document (for the people who manage them).
    visibility: Callable[[Any], Sequence[str]] = field(default=lambda document: ())
    #: Entered while a version's file is read (the public schema's storage).
    storage_context: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext

    # ------------------------------------------------------------ lookups

    def name(self, page: str) -> str:
        return f"{self.url}-{page}"

    def detail_url(self, document) -> str:
        return reverse(self.name("detail"), args=[document.pk])

    def document_or_404(self, request: HttpRequest, pk: int):
        documents = self.visible(request)
        try:
            return documents.get(pk=pk)
        except (documents.model.DoesNotExist, ValueError) as exc:
            raise Http404 from exc

    def may_manage(self, request: HttpRequest) -> bool:
        return bool(self.manage_permission) and access_for(request).can(self.manage_permission)

    def _managed_or_404(self, request: HttpRequest, pk: int | None = None):
        if not self.may_manage(request) or self.writes is None:
            raise Http404
        return None if pk is None else self.document_or_404(request, pk)

    # ------------------------------------------------------------ pages

    def detail(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = self.document_or_404(request, pk)
        versions = list(selectors.versions_of(document))
        manage = self.may_manage(request)
        return render(
            request,
            "library/detail.html",
            {
                "document": document,
                "versions": versions,
                "latest": versions[0] if versions else None,
                "pages": self,
                "can_change": manage,
                "visibility": self.visibility(document) if manage else (),
                "list_url": reverse(self.list_url),
                "edit_url": reverse(self.name("edit"), args=[pk]) if manage else "",
                "delete_url": reverse(self.name("delete"), args=[pk]) if manage else "",
                "version_url": reverse(self.name("version"), args=[pk]) if manage else "",
                "downloads": [
                    (v, reverse(self.name("download"), args=[pk, v.number])) for v in versions
                ],
            },
        )

    def create(self, request: HttpRequest) -> HttpResponse:
        self._managed_or_404(request)
        return form_page(
            request,
            form_class=self.form_class,
            save=lambda form: self.writes.create(actor=request.user, **form.cleaned_data),
            success_url=self.detail_url,
            title=_("New document"),
            cancel_url=reverse(self.list_url),
            success_message=_("The document has been saved."),
        )

    def edit(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = self._managed_or_404(request, pk)
        return form_page(
            request,
            form_class=self.form_class,
            instance=document,
            save=lambda form: self.writes.update(
                actor=request.user, document=document, **form.cleaned_data
            ),
            success_url=self.detail_url,
            title=_("Edit document"),
            cancel_url=self.detail_url(document),
        )

    def version(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = self._managed_or_404(request, pk)
        return form_page(
            request,
            form_class=VersionForm,
            save=lambda form: (
                self.writes.add_version(
                    actor=request.user, document=document, **form.cleaned_data
                ).document
            ),
            success_url=self.detail_url,
            title=_("New version of “%(title)s”") % {"title": document.title},
            cancel_url=self.detail_url(document),
            success_message=_("The new version has been uploaded."),
        )

    def delete(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = self._managed_or_404(request, pk)
        return confirm_page(
            request,
            obj=document,
            action=lambda: self.writes.delete(actor=request.user, document=document),
            title=_("Delete document"),
            question=_("Delete the document “%(title)s” with all its versions for good?")
            % {"title": document.title},
            cancel_url=self.detail_url(document),
            success_url=reverse(self.list_url),
            success_message=_("The document has been deleted."),
            button=_("Delete"),
        )

    def download(self, request: HttpRequest, pk: int, number: int) -> HttpResponse:
        """A version's file, to those who see the document (never a public URL)."""
        document = self.document_or_404(request, pk)
        version = selectors.versions_of(document).filter(number=number).first()
        if version is None:
            raise Http404
        with self.storage_context():
            return stored_file_response(version.file.storage, version.file.name)

    def views(self, *, view: Callable, manage: Callable) -> dict[str, Callable]:
        """The pages by their URL name, each wrapped in the room's permission check."""
        readers = {"detail": self.detail, "download": self.download}
        writers = {
            "create": self.create,
            "edit": self.edit,
            "version": self.version,
            "delete": self.delete,
        }
        pages = {self.name(k): view(v) for k, v in readers.items()}
        if self.writes is not None:
            pages.update({self.name(k): manage(v) for k, v in writers.items()})
        return pages

    def urls(self, views: dict[str, Callable], prefix: str = "") -> list[URLPattern]:
        """The URL patterns of ``views`` (from :meth:`views`), each below ``prefix``."""
        return [
            path(prefix + route, views[self.name(page)], name=self.name(page))
            for page, route in PAGE_ROUTES
            if self.name(page) in views
        ]


# Each page's route below the library's root, in the order the URL confs list them.
PAGE_ROUTES = (
    ("create", "new/"),
    ("detail", "<int:pk>/"),
    ("edit", "<int:pk>/edit/"),
    ("delete", "<int:pk>/delete/"),
    ("version", "<int:pk>/versions/new/"),
    ("download", "<int:pk>/versions/<int:number>/"),
)


# ---------------------------------------------------------------- the list

SORT_KEYS: dict[str, tuple[Callable[[Any], Any], bool]] = {
    "title": (lambda row: german_key(row.document.title), False),
    "-title": (lambda row: german_key(row.document.title), True),
    "updated": (lambda row: row.document.updated_at, False),
    "-updated": (lambda row: row.document.updated_at, True),
}


def _columns(show_source: bool) -> list[Column]:
    """The list's columns as the downloads write them (the page shows the same)."""
    return [
        Column("title", _("Title"), "document.title"),
        Column("tags", _("Tags"), "document.tags"),
        *([Column("source", _("From"), "source")] if show_source else []),
        Column("version", _("Version"), "document.latest_number", digits=True),
        Column("updated", _("Last changed"), lambda row: row.document.updated_at.date()),
    ]


def list_page(
    request: HttpRequest,
    *,
    kinds: Sequence[LibraryPages],
    title: str,
    create_url: str = "",
    intro: str = "",
    export_permission: str | None = None,
) -> HttpResponse:
    """The documents of ``kinds`` the person may see, searched by title and tag,
    filtered by tag, sorted and paged; each row links to its document's page. With
    ``?format=csv|xlsx`` the same rows (all pages) download, for those who may see the
    list and hold ``export_permission`` (None: the list's own permission suffices)."""
    visible = [(kind, selectors.with_latest(kind.visible(request))) for kind in kinds]
    form = LibrarySearchForm(
        request.GET or None, tags=selectors.tags_in_use(*(qs for _kind, qs in visible))
    )
    values = form.cleaned_data if form.is_bound and form.is_valid() else {}
    sort = values.get("sort") or "-updated"
    rows = [
        SimpleNamespace(document=document, url=kind.detail_url(document), source=kind.source)
        for kind, documents in visible
        for document in selectors.search(documents, q=values.get("q"), tag=values.get("tag"))
    ]
    key, descending = SORT_KEYS[sort]
    rows.sort(key=lambda row: row.document.pk)
    rows.sort(key=key, reverse=descending)
    can_export = export_permission is None or access_for(request).can(export_permission)
    fmt = request.GET.get("format", "")
    if fmt in EXPORT_FORMATS:
        if not can_export:
            return deny(request)
        columns = _columns(len(kinds) > 1)
        body = ([plain(column.cell(row)) for column in columns] for row in rows)
        return table_export(title, columns, body, fmt)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    narrowed = any(request.GET.get(name, "").strip() for name in ("q", "tag"))
    return render(
        request,
        "library/list.html",
        {
            "title": title,
            "intro": intro,
            "filterset": SimpleNamespace(form=form),
            "page": page,
            "query": query.urlencode(),
            "narrowed": narrowed,
            "show_source": len(kinds) > 1,
            "can_export": can_export,
            "create_url": reverse(create_url) if create_url else "",
        },
    )
