"""Giving and taking roles."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kernel.audit.services import save_audited
from kernel.crud.records import record_delete
from tenants.models import Alliance, Membership, State, User


@transaction.atomic
def membership_create(
    *,
    actor,
    user: User,
    role: str,
    alliance: Alliance | None = None,
    state: State | None = None,
    partner_id: int | None = None,
) -> Membership:
    """Give ``user`` the ``role``: in ``alliance``, for ``state`` (a state role; the home
    state if none is given) or, for the federal service office, for all of Germany."""
    membership = Membership(
        user=user, role=role, alliance=alliance, state=state, partner_id=partner_id
    )
    membership._default_state()
    others = Membership.objects.filter(user=user, state__isnull=False)
    if membership.state_id and others.exclude(state_id=membership.state_id).exists():
        # A state office sees one state: its staff hold their state roles there only.
        raise ValidationError(_("This person holds a role for another state already."))
    return save_audited(
        membership,
        actor=actor,
        action="tenants.membership.created",
        changes={
            "user": user.pk,
            "role": role,
            "alliance": alliance.pk if alliance else None,
            **({"state": membership.state_id} if membership.state_id else {}),
        },
    )


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    record_delete(
        actor=actor,
        instance=membership,
        action="tenants.membership.removed",
        changes={"user": membership.user_id, "role": membership.role},
    )
