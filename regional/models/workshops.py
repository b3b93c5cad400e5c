"""The state's meetings run as participatory workshops, e.g. the world cafés of the
yearly strategy meeting: registrations of the invited alliances' people, tables with host
and moderator, seats per round.

Built on the platform's one workshop base (``kernel.workshops.models``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kernel.models import optional_link
from kernel.workshops import models as base
from tenants.models.base import TimeStampedModel
from tenants.scope import StateScoped

from .meetings import RegionalMeeting


class RegionalWorkshop(StateScoped, base.WorkshopBase, TimeStampedModel):
    """A regional meeting run as a workshop; the invited alliances' people register."""

    _state_path = "meeting__state"

    OCCASION_FIELD = "meeting"
    meeting = base.run_as_workshop(RegionalMeeting, _("meeting"))

    class Meta(base.WorkshopBase.Meta):
        ordering = ["-meeting__date"]


class RegionalTable(StateScoped, base.TopicBase, TimeStampedModel):
    """A table of a world café (or a topic) at a regional meeting."""

    _state_path = "workshop__meeting__state"

    workshop = base.on_workshop(RegionalWorkshop, related_name="topics")

    class Meta(base.TopicBase.Meta):
        constraints = [base.titled_once("regional_table_title_once")]


class RegionalRegistration(StateScoped, base.RegistrationBase, TimeStampedModel):
    """A person registered for a regional workshop, usually for their alliance."""

    _state_path = "workshop__meeting__state"

    workshop = base.on_workshop(RegionalWorkshop, related_name="registrations")
    alliance = optional_link(
        "tenants.Alliance", _("alliance"), related_name="regional_workshop_registrations"
    )
    wishes = base.wishes_among(RegionalTable)

    class Meta(base.RegistrationBase.Meta):
        constraints = [base.registered_once("regional_registration_once")]


class RegionalSeat(StateScoped, base.AssignmentBase, TimeStampedModel):
    """A registered person's seat at a table in one round."""

    _state_path = "registration__workshop__meeting__state"

    registration = base.seat_of(RegionalRegistration, _("registration"))
    topic = base.seat_of(RegionalTable, _("table"))

    class Meta(base.AssignmentBase.Meta):
        constraints = [base.seated_once_per_round("regional_seat_once_per_round")]
