"""Reads of the alliance's document library: the documents a person may see."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from core.models import ALLIANCE_AUDIENCE, AllianceDocument
from tenants.roles import Role

#: Who sees every document of the alliance.
SEES_ALL = {Role.LOCAL_COORDINATOR.value, Role.STATE_COORDINATOR.value}
_AUDIENCE = {value for value, _label in ALLIANCE_AUDIENCE}


def alliance_documents_visible(roles: Iterable[str]) -> QuerySet[AllianceDocument]:
    """The alliance's documents shown to someone holding ``roles`` here: all of them
    for its coordinators and the state office, else those shared with one of the
    roles (none for a role the library does not know)."""
    roles = {str(role) for role in roles}
    documents = AllianceDocument.objects.all()
    if roles & SEES_ALL:
        return documents
    shared = sorted(roles & _AUDIENCE)
    return documents.filter(audience__overlap=shared) if shared else documents.none()
