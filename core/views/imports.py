"""Import of the lists of ``core.imports.KINDS`` from a CSV or XLSX file: upload,
preview, confirm.

Between preview and confirmation the file waits in the alliance's storage under
``imports/<token>.<ext>``; the session holds only the token and the kind, per alliance.
Confirming checks the file again and writes every row, or none.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils.functional import lazy
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext as _

from core.forms.imports import ImportUploadForm
from core.imports import EXTENSIONS, KINDS, ImportKind, ImportPreview
from core.selectors.imports import column_help, importable_kinds
from core.services import imports as services
from kernel import spreadsheets
from tenants.permissions import access_for, deny, requires

SESSION_KEY = "core.imports"
MAX_PENDING = 5  # files a person may have waiting for confirmation, per alliance


# ---------------------------------------------------------------- pending files


def _pending(request) -> dict[str, str]:
    """Token -> kind of this person's files waiting for confirmation in this alliance."""
    return dict(request.session.get(SESSION_KEY, {}).get(request.tenant.schema_name, {}))


def _store_pending(request, pending: dict[str, str]) -> None:
    store = dict(request.session.get(SESSION_KEY, {}))
    store[request.tenant.schema_name] = pending
    request.session[SESSION_KEY] = store


def _file_name(token: str, ext: str) -> str:
    return f"imports/{token}.{ext}"


def _stored_file(token: str) -> tuple[str, str] | None:
    for ext in EXTENSIONS:
        name = _file_name(token, ext)
        if default_storage.exists(name):
            return name, ext
    return None


def _discard(request, token: str) -> None:
    """Delete the waiting file and forget its token."""
    stored = _stored_file(token)
    if stored is not None:
        default_storage.delete(stored[0])
    pending = _pending(request)
    pending.pop(token, None)
    _store_pending(request, pending)


def _keep(request, kind: str, ext: str, content: bytes) -> str:
    """Store the file until it is confirmed; returns its token."""
    token = str(uuid.uuid4())
    default_storage.save(_file_name(token, ext), ContentFile(content))
    pending = _pending(request)
    while len(pending) >= MAX_PENDING:  # the oldest waiting file gives way
        _discard(request, next(iter(pending)))
        pending = _pending(request)
    pending[token] = kind
    _store_pending(request, pending)
    return token


def _waiting_file(request, kind: str, token) -> tuple[str, str]:
    """(storage name, extension) of this person's waiting file, or 404."""
    token = str(token)
    if _pending(request).get(token) != kind:
        raise Http404
    stored = _stored_file(token)
    if stored is None:
        _discard(request, token)
        raise Http404
    return stored


def _read(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        return handle.read()


# ---------------------------------------------------------------- pages


def _preview_url(kind: str, token: str) -> str:
    return reverse(f"{KINDS[kind].url_name}-import-preview", args=[token])


def _done_url(kind: str) -> str:
    try:
        return reverse(f"{KINDS[kind].url_name}-list")
    except NoReverseMatch:
        return reverse("import-upload")


def _import_label(code: str) -> str:
    return _("Import %(things)s") % {"things": KINDS[code].label}


def import_link(code: str) -> tuple[str, str, str]:
    """The next step an empty list of ``code``'s records offers (``ObjectPages.empty_links``):
    "Import partners", the upload page with that kind chosen; shown to those who may
    import it (the kind's permission, and the upload page's own)."""
    url = format_lazy("{}?kind={}", reverse_lazy("import-upload"), code)
    return lazy(_import_label, str)(code), url, KINDS[code].permission


@requires("alliance.imports.upload")
def import_upload(request):
    """Choose the kind and the file. Only kinds this person may change are offered."""
    kinds = [kind.code for kind in importable_kinds(access_for(request))]
    if not kinds:
        return deny(request)
    status = 200
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES, kinds=kinds)
        if form.is_valid():
            kind, ext = form.cleaned_data["kind"], form.extension
            content = form.cleaned_data["file"].read()
            preview = services.import_preview(kind=kind, content=content, ext=ext)
            for problem in preview.errors:
                form.add_error("file", problem.message)
            if preview.errors:  # an unknown column is often the missing one misspelt
                for problem in preview.warnings:
                    form.add_error("file", problem.message)
            if not preview.errors:
                return redirect(_preview_url(kind, _keep(request, kind, ext, content)))
        status = 400
    else:
        form = ImportUploadForm(kinds=kinds, initial={"kind": request.GET.get("kind")})
    guides = [
        {
            "kind": KINDS[code],
            "columns": column_help(KINDS[code]),
            "template_url": reverse(f"{KINDS[code].url_name}-import-template"),
        }
        for code in kinds
    ]
    return render(
        request, "core/imports/upload.html", {"form": form, "guides": guides}, status=status
    )


def _render_preview(request, kind: str, token: str, preview: ImportPreview, *, error=None):
    only_problems = request.GET.get("problems") == "1"
    rows = [
        {
            "row": row,
            "cells": [
                (
                    row.cells.get(column.name, ""),
                    preview.headers[column.name] in row.columns_with_problems,
                )
                for column in preview.columns
            ],
        }
        for row in preview.rows
        if row.problems or not only_problems
    ]
    return render(
        request,
        "core/imports/preview.html",
        {
            "kind": KINDS[kind],
            "preview": preview,
            "rows": rows,
            "headers": [preview.headers[column.name] for column in preview.columns],
            "only_problems": only_problems,
            "token": token,
            "preview_url": _preview_url(kind, token),
            "cancel_url": reverse(f"{KINDS[kind].url_name}-import-cancel", args=[token]),
            "error": error,
        },
        status=400 if error else 200,
    )


def _preview(request, kind: str, token):
    """GET shows every row and its problems; POST imports them all, or nothing."""
    name, ext = _waiting_file(request, kind, token)
    token = str(token)
    content = _read(name)
    if request.method != "POST":
        preview = services.import_preview(kind=kind, content=content, ext=ext)
        return _render_preview(request, kind, token, preview)
    try:
        count = services.import_run(actor=request.user, kind=kind, content=content, ext=ext)
    except services.ImportRefused as refused:
        error = _(
            "Nothing has been imported. The file has problems now, for example because the "
            "data has changed since the preview; they are listed below."
        )
        return _render_preview(request, kind, token, refused.preview, error=error)
    except ValidationError as failure:
        preview = services.import_preview(kind=kind, content=content, ext=ext)
        return _render_preview(request, kind, token, preview, error=" ".join(failure.messages))
    _discard(request, token)
    messages.success(request, KINDS[kind].done_message % {"count": count})
    return redirect(_done_url(kind))


def _cancel(request, kind: str, token):
    """POST deletes the waiting file; GET goes back to the preview."""
    _waiting_file(request, kind, token)
    if request.method != "POST":
        return redirect(_preview_url(kind, str(token)))
    _discard(request, str(token))
    messages.success(request, _("The import has been cancelled. Nothing has been saved."))
    return redirect("import-upload")


def _template(kind: str) -> HttpResponse:
    """An empty CSV file with the German headers, as spreadsheet programs here expect it."""
    response = HttpResponse(
        spreadsheets.csv_text([KINDS[kind].template_headers]),
        content_type=spreadsheets.CSV_CONTENT_TYPE,
    )
    filename = slugify(_("Import template %(kind)s") % {"kind": KINDS[kind].label})
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def kind_pages(kind: ImportKind):
    """The preview, cancel and template pages of one kind of import, each guarded by the
    kind's own permission."""

    @requires(kind.permission)
    def preview(request, upload_id):
        return _preview(request, kind.code, upload_id)

    @requires(kind.permission)
    def cancel(request, upload_id):
        return _cancel(request, kind.code, upload_id)

    @requires(kind.permission)
    def template(request):
        return _template(kind.code)

    return preview, cancel, template
