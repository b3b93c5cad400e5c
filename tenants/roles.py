"""The roles a person can hold, and whether a role belongs to the state or to an alliance."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STATE_COORDINATOR = "state_coordinator", _("State coordinator")
    MINISTRY = "ministry", _("Ministry")
    LOCAL_COORDINATOR = "local_coordinator", _("Local coordinator")
    BOARD_MEMBER = "board_member", _("Board member")
    PARTNER_CONTACT = "partner_contact", _("Partner contact")
    POOL_STAFF = "pool_staff", _("Childcare pool staff")  # carers
    FEDERAL_OFFICE = "federal_office", _("Federal service office")


# Held for one state (its coordination office, its ministry), without an alliance.
STATE_ROLES = frozenset({Role.STATE_COORDINATOR, Role.MINISTRY})
# Held in one alliance.
ALLIANCE_ROLES = frozenset(
    {Role.LOCAL_COORDINATOR, Role.BOARD_MEMBER, Role.PARTNER_CONTACT, Role.POOL_STAFF}
)
# Held for all of Germany: the federal service office sees every state's aggregated
# figures (never an alliance's personal data) and runs the cross-alliance programmes.
FEDERAL_ROLES = frozenset({Role.FEDERAL_OFFICE})
