"""Writes of the federal service office's programmes: the programme, its participating
alliances, its milestones and its shared documents, each with an audit entry
(``federal.programme.created``, ``federal.participation.deleted``, ...)."""

from __future__ import annotations

import datetime
from typing import Any, TypedDict

from federal.models import (
    Milestone,
    Participation,
    Programme,
    ProgrammeDocument,
    ProgrammeDocumentVersion,
)
from kernel.crud.records import record_services
from kernel.library.services import LibraryWrites
from tenants.models import Alliance


class ProgrammeFields(TypedDict, total=False):
    name: str
    kind: str
    description: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    status: str


class ParticipationFields(TypedDict, total=False):
    programme: Programme
    alliance: Alliance
    joined_on: datetime.date


class MilestoneFields(TypedDict, total=False):
    programme: Programme
    title: str
    due_on: datetime.date
    done_on: datetime.date | None


def _trimmed(fields: dict[str, Any], record: Programme | None) -> dict[str, Any]:
    # A name with stray spaces would make a second "unique" programme.
    if isinstance(fields.get("name"), str):
        fields["name"] = " ".join(fields["name"].split())
    return fields


programme_create, programme_update, programme_delete = record_services(
    Programme, "programme", ProgrammeFields, prepare=_trimmed
)
participation_create, participation_update, participation_delete = record_services(
    Participation, "participation", ParticipationFields
)
milestone_create, milestone_update, milestone_delete = record_services(
    Milestone, "milestone", MilestoneFields
)


# ---------------------------------------------------------------- shared documents


def _no_audience(values: dict[str, Any], document: ProgrammeDocument | None) -> None:
    # A programme's documents are shown to whoever sees the programme: no audience.
    values.pop("audience", None)


DOCUMENT_WRITES: LibraryWrites[ProgrammeDocument, ProgrammeDocumentVersion] = LibraryWrites(
    ProgrammeDocument, ProgrammeDocumentVersion, settle=_no_audience
)

# title, file, description, tags, programme, note
programme_document_create = DOCUMENT_WRITES.create
programme_document_add_version = DOCUMENT_WRITES.add_version
programme_document_update = DOCUMENT_WRITES.update
programme_document_delete = DOCUMENT_WRITES.delete
