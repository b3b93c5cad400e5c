"""The state area's legal pages (public), their editing, and the alliances' awards."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kernel.legal.models import LegalKind
from kernel.legal.views import legal_edit_view, legal_page_view
from regional.selectors.legal import awards_by_alliance, state_legal_text
from regional.services.legal import state_legal_page_save
from tenants.permissions import public, requires


@public
@require_GET
def legal_page(request, kind: str):
    return legal_page_view(request, kind, text_of=state_legal_text)


@requires("state.legal.manage")
def legal_list(request):
    pages = [state_legal_text(kind) for kind in LegalKind.values]
    return render(request, "regional/legal/list.html", {"legal_pages": pages})


@requires("state.legal.manage")
def legal_edit(request, kind: str):
    back_url = reverse("state-legal-list")
    return legal_edit_view(
        request, kind, text_of=state_legal_text, save=state_legal_page_save, back_url=back_url
    )


@requires("state.alliances.view")
def award_overview(request):
    """Every alliance's awards (Bündnis des Monats and others), newest first per alliance."""
    rows = awards_by_alliance()
    total = sum(len(row.awards) for row in rows)
    return render(request, "regional/legal/awards.html", {"rows": rows, "total": total})
