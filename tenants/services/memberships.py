"""Giving and taking roles."""

from __future__ import annotations

from django.db import transaction

from kernel.audit.services import save_audited
from kernel.crud.records import record_delete
from tenants.models import Alliance, Membership, User


@transaction.atomic
def membership_create(
    *,
    actor,
    user: User,
    role: str,
    alliance: Alliance | None = None,
    partner_id: int | None = None,
) -> Membership:
    return save_audited(
        Membership(user=user, role=role, alliance=alliance, partner_id=partner_id),
        actor=actor,
        action="tenants.membership.created",
        changes={"user": user.pk, "role": role, "alliance": alliance.pk if alliance else None},
    )


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    record_delete(
        actor=actor,
        instance=membership,
        action="tenants.membership.removed",
        changes={"user": membership.user_id, "role": membership.role},
    )
