"""The state area's legal pages (public), their editing, and the alliances' awards."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kernel.crud.views import form_page
from kernel.legal.forms import LegalPageForm
from kernel.legal.models import LegalKind
from regional.selectors.legal import awards_by_alliance, state_legal_text
from regional.services.legal import state_legal_page_save
from tenants.permissions import public, requires


@public
@require_GET
def legal_page(request, kind: str):
    if kind not in LegalKind.values:
        raise Http404
    page = state_legal_text(kind)
    return render(request, "legal/page.html", {"page": page})


@requires("state.legal.manage")
def legal_list(request):
    pages = [state_legal_text(kind) for kind in LegalKind.values]
    return render(request, "regional/legal/list.html", {"legal_pages": pages})


@requires("state.legal.manage")
def legal_edit(request, kind: str):
    if kind not in LegalKind.values:
        raise Http404
    page = state_legal_text(kind)
    back = reverse("state-legal-list")
    return form_page(
        request,
        form_class=LegalPageForm,
        form_kwargs={"initial": {"text": page.text}},
        save=lambda form: state_legal_page_save(
            actor=request.user, kind=kind, text=form.cleaned_data["text"]
        ),
        success_url=lambda obj: back,
        title=_("Edit: %(page)s") % {"page": page.title},
        cancel_url=back,
        success_message=_("The page has been saved."),
    )


@requires("state.alliances.view")
def award_overview(request):
    """Every alliance's awards (Bündnis des Monats and others), newest first per alliance."""
    rows = awards_by_alliance()
    total = sum(len(row.awards) for row in rows)
    return render(request, "regional/legal/awards.html", {"rows": rows, "total": total})
