"""Reads of the state office's document library: which state documents a person sees
in the state area (the state office all, the ministry those shared with it) and on an
alliance's host (those shared with their role, for all alliances or for theirs)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet

from regional.models import StateDocument
from tenants.roles import Role

OFFICE = Role.STATE_COORDINATOR.value
ALLIANCE_AUDIENCE = {
    Role.LOCAL_COORDINATOR.value,
    Role.BOARD_MEMBER.value,
    Role.PARTNER_CONTACT.value,
}


def state_documents_in_state_area(roles: Iterable[str]) -> QuerySet[StateDocument]:
    roles = {str(role) for role in roles}
    documents = StateDocument.objects.all()
    if OFFICE in roles:
        return documents
    if Role.MINISTRY.value in roles:
        return documents.filter(audience__contains=[Role.MINISTRY.value])
    return documents.none()


def state_documents_for_alliance(
    alliance_id: int | None, roles: Iterable[str]
) -> QuerySet[StateDocument]:
    """The state documents shown on the host of alliance ``alliance_id`` to someone
    holding ``roles`` there: shared with one of the roles, for all alliances or for
    this one. The state office sees them all."""
    roles = {str(role) for role in roles}
    documents = StateDocument.objects.all()
    if OFFICE in roles:
        return documents
    shared = sorted(roles & ALLIANCE_AUDIENCE)
    if alliance_id is None or not shared:
        return documents.none()
    chosen = StateDocument.alliances.through.objects.filter(
        statedocument_id=OuterRef("pk"), alliance_id=alliance_id
    )
    return documents.filter(
        Q(audience__overlap=shared) & (Q(for_all_alliances=True) | Exists(chosen))
    )
