"""Writes of the state office's document library (``kernel.library.services``): a
document with its first version, further versions, changes (also who sees it) and
deletion, each with an audit entry (``regional.statedocument.created``, ...)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from kernel.library.services import LibraryWrites
from regional.models import STATE_AUDIENCE, StateDocument, StateDocumentVersion
from tenants.models import Alliance

_AUDIENCE = {value for value, _label in STATE_AUDIENCE}


def _check(values: dict[str, Any], document: StateDocument | None) -> None:
    if set(values.get("audience") or ()) - _AUDIENCE:
        raise ValidationError({"audience": _("Choose only roles offered here.")})
    for_all = values.get("for_all_alliances", document.for_all_alliances if document else True)
    if "alliances" in values and values["alliances"] is not None:
        chosen = list(values["alliances"])
    else:
        chosen = list(document.alliances.all()) if document else []
    if not for_all and not chosen:
        raise ValidationError(
            {
                "alliances": _(
                    "Choose at least one alliance, or make the document visible to all alliances."
                )
            }
        )


WRITES = LibraryWrites(
    StateDocument, StateDocumentVersion, check_visibility=_check, many_fields=("alliances",)
)


def state_document_create(
    *,
    actor,
    title: str,
    file: UploadedFile,
    description: str = "",
    tags: str | Iterable[str] = (),
    audience: Iterable[str] = (),
    for_all_alliances: bool = True,
    alliances: Iterable[Alliance] = (),
    note: str = "",
) -> StateDocument:
    """A new state document with ``file`` as its version 1; shown to the roles of
    ``audience`` in all alliances or in the chosen ``alliances`` (the ministry: when
    its role is in ``audience``)."""
    return WRITES.create(
        actor=actor,
        file=file,
        note=note,
        title=title,
        description=description,
        tags=tags,
        audience=list(audience),
        for_all_alliances=for_all_alliances,
        alliances=list(alliances) if not for_all_alliances else [],
    )


def state_document_add_version(
    *, actor, document: StateDocument, file: UploadedFile, note: str = ""
) -> StateDocumentVersion:
    """``file`` as the document's next version."""
    return WRITES.add_version(actor=actor, document=document, file=file, note=note)


def state_document_update(
    *,
    actor,
    document: StateDocument,
    title: str | None = None,
    description: str | None = None,
    tags: str | Iterable[str] | None = None,
    audience: Iterable[str] | None = None,
    for_all_alliances: bool | None = None,
    alliances: Iterable[Alliance] | None = None,
) -> StateDocument:
    """Change what is given (None: keep); for all alliances clears the chosen ones."""
    values: dict[str, Any] = {
        "title": title,
        "description": description,
        "tags": tags,
        "audience": list(audience) if audience is not None else None,
        "for_all_alliances": for_all_alliances,
        "alliances": list(alliances) if alliances is not None else None,
    }
    if for_all_alliances:
        values["alliances"] = []
    changed = {k: v for k, v in values.items() if v is not None}
    return WRITES.update(actor=actor, document=document, **changed)


def state_document_delete(*, actor, document: StateDocument) -> None:
    """The document with every version and their files."""
    WRITES.delete(actor=actor, document=document)
