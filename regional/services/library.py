"""Writes of the state office's document library (``kernel.library.services``): a
document with its first version, further versions, changes (also who sees it) and
deletion, each with an audit entry (``regional.statedocument.created``, ...).

A state document is shown to the roles of its ``audience`` in all alliances
(``for_all_alliances``, the default) or in the chosen ``alliances``; the ministry sees
it when its role is in ``audience``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kernel.library.services import LibraryWrites
from regional.models import STATE_AUDIENCE, StateDocument, StateDocumentVersion

_AUDIENCE = {value for value, _label in STATE_AUDIENCE}


def _settle(values: dict[str, Any], document: StateDocument | None) -> None:
    # A new document is for all alliances unless said; one for all keeps no chosen ones.
    if document is None:
        values.setdefault("for_all_alliances", True)
        values.setdefault("alliances", [])
    if values.get("for_all_alliances"):
        values["alliances"] = []


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


WRITES: LibraryWrites[StateDocument, StateDocumentVersion] = LibraryWrites(
    StateDocument,
    StateDocumentVersion,
    check_visibility=_check,
    settle=_settle,
    many_fields=("alliances",),
)

# title, file, description, tags, audience, for_all_alliances, alliances, note
state_document_create = WRITES.create
state_document_add_version = WRITES.add_version
# title, description, tags, audience, for_all_alliances, alliances (None: keep)
state_document_update = WRITES.update
state_document_delete = WRITES.delete
