"""Giving and taking roles."""

from __future__ import annotations

from django.db import transaction

from kernel.audit.services import audit_log, save_audited
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
    audit_log(
        actor=actor,
        action="tenants.membership.removed",
        target=membership,
        changes={"user": membership.user_id, "role": membership.role},
    )
    membership.delete()
