"""The legal pages' views, the same in every room: the public page and its editing.

Each room passes where its texts come from (``text_of(kind)``: the stored or default
page) and, to edit one, its service (``save(*, actor, kind, text)``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kernel.crud.views import form_page
from kernel.legal.forms import LegalPageForm
from kernel.legal.models import LegalKind


def _page(kind: str, text_of: Callable[[str], Any]) -> Any:
    if kind not in LegalKind.values:
        raise Http404
    return text_of(kind)


def legal_page_view(
    request: HttpRequest, kind: str, *, text_of: Callable[[str], Any], **context: Any
) -> HttpResponse:
    """The public page of ``kind`` (404 for any other kind)."""
    return render(request, "legal/page.html", {"page": _page(kind, text_of), **context})


def legal_edit_view(
    request: HttpRequest,
    kind: str,
    *,
    text_of: Callable[[str], Any],
    save: Callable[..., Any],
    back_url: str,
) -> HttpResponse:
    """The form that changes the text of ``kind``; saved, back to ``back_url``."""
    page = _page(kind, text_of)
    return form_page(
        request,
        form_class=LegalPageForm,
        form_kwargs={"initial": {"text": page.text}},
        save=lambda form: save(actor=request.user, kind=kind, text=form.cleaned_data["text"]),
        success_url=lambda obj: back_url,
        title=_("Edit: %(page)s") % {"page": page.title},
        cancel_url=back_url,
        success_message=_("The page has been saved."),
    )
