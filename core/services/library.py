"""Writes of the alliance's document library (``kernel.library.services``): a document
with its first version, further versions, changes and deletion, each with an audit
entry (``core.alliancedocument.created``, ``.uploaded``, ``.updated``, ``.deleted``).
A document is shown to the coordinators and the roles of its ``audience``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.models import ALLIANCE_AUDIENCE, AllianceDocument, AllianceDocumentVersion
from kernel.library.services import LibraryWrites

_AUDIENCE = {value for value, _label in ALLIANCE_AUDIENCE}


def _check(values: dict[str, Any], document: AllianceDocument | None) -> None:
    unknown = set(values.get("audience") or ()) - _AUDIENCE
    if unknown:
        raise ValidationError({"audience": _("Choose only roles offered here.")})


WRITES: LibraryWrites[AllianceDocument, AllianceDocumentVersion] = LibraryWrites(
    AllianceDocument, AllianceDocumentVersion, check_visibility=_check
)

# title, file, description, tags, audience, note
alliance_document_create = WRITES.create
alliance_document_add_version = WRITES.add_version
# title, description, tags, audience: what is given (None: keep)
alliance_document_update = WRITES.update
alliance_document_delete = WRITES.delete
