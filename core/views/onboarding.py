"""The first-run checklist of a new alliance: its page and marking an item."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.forms.onboarding import ChecklistMarkForm
from core.models import ChecklistStatus
from core.selectors.onboarding import checklist_progress
from core.services.onboarding import checklist_mark
from tenants.permissions import requires

PERMISSION = "alliance.onboarding.manage"

MARKED = {
    ChecklistStatus.DONE: _("Marked as done."),
    ChecklistStatus.SKIPPED: _("Marked as skipped."),
    ChecklistStatus.OPEN: _("Marked as open again."),
}


def _page(request, *, form=None, status: int = 200):
    return render(
        request,
        "core/onboarding/checklist.html",
        {"progress": checklist_progress(), "form": form},
        status=status,
    )


@requires(PERMISSION)
def checklist_view(request):
    """Every item with its state, where it is done, and buttons to mark it."""
    return _page(request)


@requires(PERMISSION)
@require_POST
def checklist_mark_view(request):
    """Mark an item done, skipped or open again; a bad request changes nothing."""
    form = ChecklistMarkForm(request.POST)
    if form.is_valid():
        try:
            checklist_mark(
                actor=request.user,
                key=form.cleaned_data["key"],
                status=form.cleaned_data["status"],
            )
        except ValidationError as error:
            form.add_error(None, error)
    if not form.is_valid():
        return _page(request, form=form, status=400)
    messages.success(request, str(MARKED[ChecklistStatus(form.cleaned_data["status"])]))
    return redirect("workspace" if form.cleaned_data["back"] == "home" else "onboarding-checklist")
