"""Giving and taking roles."""

from __future__ import annotations

from django.db import transaction

from kernel.audit.services import audit_log
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
    membership = Membership(user=user, role=role, alliance=alliance, partner_id=partner_id)
    membership.full_clean()
    membership.save()
    audit_log(
        actor=actor,
        action="tenants.membership.created",
        target=membership,
        changes={"user": user.pk, "role": role, "alliance": alliance.pk if alliance else None},
    )
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    audit_log(
        actor=actor,
        action="tenants.membership.removed",
        target=membership,
        changes={"user": membership.user_id, "role": membership.role},
    )
    membership.delete()
