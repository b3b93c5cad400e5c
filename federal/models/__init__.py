"""The federal service office's records (public schema)."""

from .awards import Award
from .programmes import (
    Milestone,
    Participation,
    Programme,
    ProgrammeDocument,
    ProgrammeDocumentVersion,
    ProgrammeKind,
    ProgrammeStatus,
)

__all__ = [
    "Award",
    "Milestone",
    "Participation",
    "Programme",
    "ProgrammeDocument",
    "ProgrammeDocumentVersion",
    "ProgrammeKind",
    "ProgrammeStatus",
]
