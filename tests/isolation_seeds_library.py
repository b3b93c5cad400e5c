"""Sentinel records of the alliance's document library (library): a document shared
with every role of the alliance (the permission matrix reads it as each of them; the
outsiders of the isolation audit must still never see it) and its version (its file's
name carries the id; the file itself is not on disk)."""

from __future__ import annotations

from core.models import AllianceDocument
from tests.sentinels import PK, record, same_id, text

_document = record(
    sentinel_in=("title", "description"),
    audience=["board_member", "partner_contact"],
    tags=["sentinel"],
)

SEEDS = {
    "alliancedocument": _document,
    "alliancedocumentversion": record(
        sentinel_in=("note",),
        document=same_id(AllianceDocument, _document),
        number=PK,  # the matrix asks for versions/<id>/
        file=text("library/{pk}/v{pk}-sentinel.pdf"),
    ),
}
