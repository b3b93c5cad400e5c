"""Writing a host's legal page: the alliance's (``core``) and the state area's
(``regional``) pages are written the same way, each into its own model."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from kernel.crud.records import record_create, record_update
from kernel.legal.models import LegalKind


@transaction.atomic
def legal_page_write(*, actor, model: type[models.Model], kind: str, text: str):
    """Write the page of ``kind`` (a row of ``model``, one per kind); an empty text
    brings back the default."""
    if kind not in LegalKind.values:
        raise ValidationError({"kind": _("Unknown legal page.")})
    current = model.objects.select_for_update().filter(kind=kind).first()
    if current is None:
        return record_create(actor=actor, model=model, data={"kind": kind, "text": text})
    return record_update(actor=actor, instance=current, data={"text": text})
