from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.collation import by_name
from kernel.models import choice_field, part_of
from tenants.roles import ALLIANCE_ROLES, STATE_ROLES, Role

from .base import TimeStampedModel

# Sorted: a frozenset's order changes between runs, and migrations must not.
STATE_ROLE_VALUES = sorted(r.value for r in STATE_ROLES)
ALLIANCE_ROLE_VALUES = sorted(r.value for r in ALLIANCE_ROLES)


class Membership(TimeStampedModel):
    """A person's role: in one alliance (coordinator, board member, partner contact) or,
    without an alliance, for the whole state (state coordinator, ministry)."""

    user = part_of(settings.AUTH_USER_MODEL, _("person"), related_name="memberships")
    alliance = part_of("tenants.Alliance", _("alliance"), related_name="memberships", optional=True)
    role = choice_field(_("role"), Role, max_length=30)
    # A partner contact acts for one partner organisation of the alliance; the partner
    # lives in the alliance's schema, so this is its id there, not a database reference.
    partner_id = models.PositiveBigIntegerField(_("partner"), null=True, blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("membership"), _("memberships")
        ordering = [by_name("alliance__name"), "role"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(role__in=STATE_ROLE_VALUES, alliance__isnull=True)
                    | models.Q(role__in=ALLIANCE_ROLE_VALUES, alliance__isnull=False)
                ),
                name="membership_role_matches_scope",
                violation_error_message=_(
                    "State roles are held without an alliance, alliance roles need one."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(partner_id__isnull=True) | models.Q(role=Role.PARTNER_CONTACT),
                name="membership_partner_only_for_contacts",
            ),
            models.UniqueConstraint(
                fields=["user", "alliance", "role"],
                name="membership_unique_per_alliance",
                violation_error_message=_("This person already has this role here."),
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(alliance__isnull=True),
                name="membership_unique_state_role",
                violation_error_message=_("This person already has this role."),
            ),
        ]

    def __str__(self) -> str:
        where = self.alliance.name if self.alliance_id else _("Thuringia")
        return f"{self.user} · {self.get_role_display()} · {where}"
