from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.collation import by_name
from kernel.models import choice_field, part_of, protected_link
from tenants.roles import ALLIANCE_ROLES, FEDERAL_ROLES, STATE_ROLES, Role

from .base import TimeStampedModel
from .state import home_state_key

# Sorted: a frozenset's order changes between runs, and migrations must not.
STATE_ROLE_VALUES = sorted(r.value for r in STATE_ROLES)
ALLIANCE_ROLE_VALUES = sorted(r.value for r in ALLIANCE_ROLES)
FEDERAL_ROLE_VALUES = sorted(r.value for r in FEDERAL_ROLES)


def _level(roles: list[str], *, alliance: bool, state: bool) -> models.Q:
    """These roles, held with or without an alliance and a state."""
    return models.Q(role__in=roles, alliance__isnull=not alliance, state__isnull=not state)


class Membership(TimeStampedModel):
    """A person's role at one of three levels: in one alliance (coordinator, board member,
    partner contact, pool staff), for one state without an alliance (its coordination
    office, its ministry), or for all of Germany (the federal service office)."""

    user = part_of(settings.AUTH_USER_MODEL, _("person"), related_name="memberships")
    alliance = part_of("tenants.Alliance", _("alliance"), related_name="memberships", optional=True)
    # The state a state role is held for: a state office sees and works with the
    # alliances of its own state only (tenants.scope).
    state = protected_link("tenants.State", _("state"), related_name="memberships", optional=True)
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
                    _level(STATE_ROLE_VALUES, alliance=False, state=True)
                    | _level(ALLIANCE_ROLE_VALUES, alliance=True, state=False)
                    | _level(FEDERAL_ROLE_VALUES, alliance=False, state=False)
                ),
                name="membership_role_matches_level",
                violation_error_message=_(
                    "State roles are held for a state without an alliance, alliance roles in an"
                    " alliance, the federal service office's role without either."
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

    def _default_state(self) -> None:
        # A state role given without a state is held for the installation's home state,
        # as every state role was before there were several states.
        if self.role in STATE_ROLE_VALUES and self.state_id is None:
            self.state_id = home_state_key()

    def clean(self):
        self._default_state()
        super().clean()

    def save(self, *args, **kwargs):
        self._default_state()
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        if self.alliance_id:
            where = self.alliance.name
        elif self.state_id:
            where = self.state.name
        else:
            where = _("Germany")
        return f"{self.user} · {self.get_role_display()} · {where}"
