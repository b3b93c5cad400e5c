"""A German state (Land) and its coordination office for the local alliances."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kernel.collation import by_name
from kernel.models import ContactDetails, Named, matches

from .base import TimeStampedModel

__all__ = ["STATE_KEY_PATTERN", "State", "state_logo_path"]

# The official key of a state (Amtlicher Gemeindeschlüssel, first two digits).
STATE_KEY_PATTERN = r"^[0-9]{2}$"


def state_logo_path(instance: State, filename: str) -> str:
    # Stored like an alliance's logo (its schema's folder: here the public one); a new
    # name per upload, so browsers never show a replaced logo from their cache.
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"states/{instance.key}/logo-{uuid.uuid4().hex[:12]}.{extension}"


class State(Named, ContactDetails, TimeStampedModel):
    """One of Germany's 16 states and its coordination office for the local alliances.

    Every alliance lies in one state. The office's identity (name, address, contact,
    logo) is what the state area, its letterhead and its legal texts show; the 16 rows
    are created by the migration from ``kernel.geo`` and never deleted while an
    alliance lies in the state.
    """

    # The primary key: an alliance's state is known without asking the database (the
    # default of a new alliance is the setting's key; see home_state_key).
    key = models.CharField(
        _("official key"),
        max_length=2,
        primary_key=True,
        help_text=_("The two digits of the official municipality key, 16 for Thuringia."),
    )
    name = models.CharField(_("name"), max_length=100)
    office_name = models.CharField(
        _("name of the coordination office"),
        max_length=200,
        blank=True,
        help_text=_('Left empty, the office is called "State coordination" and the state.'),
    )
    host_organisation = models.CharField(
        _("host organisation"),
        max_length=200,
        blank=True,
        help_text=_("The organisation that hosts the state's coordination office."),
    )
    address = models.TextField(
        _("postal address"),
        max_length=500,
        blank=True,
        help_text=_("One line each: street and number, postcode and town."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    # email and phone: ContactDetails
    website = models.URLField(_("website"), blank=True)
    ministry = models.CharField(
        _("ministry"),
        max_length=300,
        blank=True,
        help_text=_("The ministry the coordination office reports to."),
    )
    logo = models.FileField(_("logo or coat of arms"), upload_to=state_logo_path, blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("state"), _("states")
        ordering = [by_name()]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="state_name_unique_ci"),
            matches("key", STATE_KEY_PATTERN, name="state_key_format"),
        ]

    @property
    def office_title(self) -> str:
        """The office's name as pages, letterheads and legal texts show it:
        "Landeskoordination Thüringen" unless the office has a name of its own."""
        return self.office_name or office_title_for(self.name)

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]


def office_title_for(state_name: str) -> str:
    """ "State coordination <state>" in the reader's language."""
    return gettext("State coordination %(state)s") % {"state": state_name}


def home_state_key() -> str:
    """The default state of a new alliance: the installation's home state
    (``BUENDNISNETZ_HOME_STATE``; ``tenants.selectors.home_state`` reads its row). A
    constant, so that making an ``Alliance()`` asks the database nothing."""
    from django.conf import settings

    return settings.BUENDNISNETZ_HOME_STATE
