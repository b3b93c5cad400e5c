"""Writes of the alliance's document library (``kernel.library.services``): a document
with its first version, further versions, changes and deletion, each with an audit
entry (``core.alliancedocument.created``, ``.uploaded``, ``.updated``, ``.deleted``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from core.models import ALLIANCE_AUDIENCE, AllianceDocument, AllianceDocumentVersion
from kernel.library.services import LibraryWrites

_AUDIENCE = {value for value, _label in ALLIANCE_AUDIENCE}


def _check(values: dict[str, Any], document: AllianceDocument | None) -> None:
    unknown = set(values.get("audience") or ()) - _AUDIENCE
    if unknown:
        raise ValidationError({"audience": _("Choose only roles offered here.")})


WRITES = LibraryWrites(AllianceDocument, AllianceDocumentVersion, check_visibility=_check)


def alliance_document_create(
    *,
    actor,
    title: str,
    file: UploadedFile,
    description: str = "",
    tags: str | Iterable[str] = (),
    audience: Iterable[str] = (),
    note: str = "",
) -> AllianceDocument:
    """A new document of the alliance with ``file`` as its version 1."""
    return WRITES.create(
        actor=actor,
        file=file,
        note=note,
        title=title,
        description=description,
        tags=tags,
        audience=list(audience),
    )


def alliance_document_add_version(
    *, actor, document: AllianceDocument, file: UploadedFile, note: str = ""
) -> AllianceDocumentVersion:
    """``file`` as the document's next version."""
    return WRITES.add_version(actor=actor, document=document, file=file, note=note)


def alliance_document_update(
    *,
    actor,
    document: AllianceDocument,
    title: str | None = None,
    description: str | None = None,
    tags: str | Iterable[str] | None = None,
    audience: Iterable[str] | None = None,
) -> AllianceDocument:
    """Change what is given (None: keep)."""
    values = {"title": title, "description": description, "tags": tags, "audience": audience}
    changed = {k: (list(v) if k == "audience" else v) for k, v in values.items() if v is not None}
    return WRITES.update(actor=actor, document=document, **changed)


def alliance_document_delete(*, actor, document: AllianceDocument) -> None:
    """The document with every version and their files."""
    WRITES.delete(actor=actor, document=document)
