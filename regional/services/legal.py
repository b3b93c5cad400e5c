"""Writes of the state area's legal pages."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kernel.crud.records import record_create, record_update
from kernel.legal.models import LegalKind
from regional.models import StateLegalPage


@transaction.atomic
def state_legal_page_save(*, actor, kind: str, text: str) -> StateLegalPage:
    """Write the state area's page of ``kind``; an empty text brings back the default."""
    if kind not in LegalKind.values:
        raise ValidationError({"kind": _("Unknown legal page.")})
    current = StateLegalPage.objects.select_for_update().filter(kind=kind).first()
    if current is None:
        return record_create(actor=actor, model=StateLegalPage, data={"kind": kind, "text": text})
    return record_update(actor=actor, instance=current, data={"text": text})
