"""GDPR requests about people in the alliance's records: find, export, anonymise."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.selectors.personal_data import PERSONAL_FIELDS, person_records
from core.services.personal_data import personal_data_export, record_anonymise
from tenants.permissions import requires


@requires("alliance.personal_data.manage")
def personal_data(request):
    from kernel.crud.filters import SearchForm

    form = SearchForm(request.GET)
    query = form.query()
    records = person_records(query=query) if len(query) >= 3 else []
    return render(
        request,
        "core/personal_data.html",
        {
            "query": query,
            "records": records,
            "too_short": bool(query) and len(query) < 3,
            "errors": form.errors.get("q", []),
        },
    )


@requires("alliance.personal_data.manage")
@require_POST
def personal_data_export_view(request):
    query = request.POST.get("q", "").strip()
    if len(query) < 3:
        messages.error(request, _("Please enter at least three characters."))
        return redirect("personal-data")
    data = personal_data_export(actor=request.user, query=query)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="personenbezogene-daten-{stamp}.json"'
    return response


@requires("alliance.personal_data.manage")
def personal_data_anonymise(request, kind: str, pk: int):
    if kind not in PERSONAL_FIELDS:
        raise Http404
    model, _fields = PERSONAL_FIELDS[kind]
    if not model.objects.filter(pk=pk).exists():
        raise Http404
    query = request.GET.get("q", "") or request.POST.get("q", "")
    if request.method == "POST":
        try:
            record_anonymise(actor=request.user, kind=kind, pk=pk)
        except ValidationError as refusal:  # fundraising: records tax law still keeps
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(request, _("The personal data has been anonymised."))
        return redirect(reverse("personal-data") + "?" + f"q={query}")
    return render(
        request,
        "core/confirm.html",
        {
            "title": _("Anonymise personal data"),
            "question": _(
                "Remove the name, e-mail address and phone number from this record for good? "
                "The record itself and the alliance's figures stay."
            ),
            "cancel_url": reverse("personal-data"),
            "button": _("Anonymise"),
        },
    )
