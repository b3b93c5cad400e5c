"""The pipeline of new alliances being founded, up to provisioning their platform."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.collation import by_name
from kernel.models import Titled, choice_field, optional_link, part_of, plausible_date
from tenants import districts
from tenants.models.base import TimeStampedModel
from tenants.scope import StateScoped, scoped_or_home_state_key, state_owner

from .choices import RunStatus, SetupStage

# Provisioning is a background task like a statistics run: the same states, after
# "not started" (a setup that has not asked for its platform yet).
ProvisioningStatus = models.TextChoices(
    "ProvisioningStatus",
    [("NONE", ("none", _("Not started"))), *((s.name, (s.value, s.label)) for s in RunStatus)],
    module=__name__,
)


class AllianceSetup(StateScoped, districts.DistrictNamed, TimeStampedModel):
    """A place where a new local alliance is being founded, accompanied by the state office."""

    state = state_owner()

    place = models.CharField(_("place"), max_length=200)
    # The official key (AGS) of a district of the home state, where the alliance will lie.
    district = models.CharField(_("district"), max_length=5)
    initiators = models.TextField(_("initiators"), blank=True)
    mentor = optional_link(settings.AUTH_USER_MODEL, _("mentor"), related_name="mentored_setups")
    stage = choice_field(_("stage"), SetupStage, default=SetupStage.INTEREST)
    notes = models.TextField(_("notes"), blank=True)
    # What the alliance will be called on the platform once it is active.
    alliance_name = models.CharField(_("name of the alliance"), max_length=200, blank=True)
    slug = models.SlugField(_("short name (web address)"), max_length=40, blank=True)
    host_organisation = models.CharField(_("host organisation"), max_length=200, blank=True)
    coordinator_name = models.CharField(_("first coordinator"), max_length=200, blank=True)
    coordinator_email = models.EmailField(_("first coordinator's e-mail address"), blank=True)
    alliance = models.OneToOneField(
        "tenants.Alliance",
        verbose_name=_("alliance on the platform"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="setup",
    )
    provisioning_status = choice_field(
        _("provisioning"), ProvisioningStatus, max_length=10, default=ProvisioningStatus.NONE
    )
    provisioning_step = models.CharField(_("provisioning step"), max_length=200, blank=True)
    provisioning_error = models.TextField(_("provisioning error"), blank=True)
    provisioning_task_id = models.CharField(_("set-up background task"), max_length=64, blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("new alliance"), _("new alliances")
        ordering = ["stage", by_name("place")]

    def __str__(self) -> str:
        return self.alliance_name or self.place

    def clean(self) -> None:
        """The district must be a known district of the setup's state."""
        super().clean()
        districts.clean_field(self.district, state=self.state_id or scoped_or_home_state_key())


class SetupTask(StateScoped, Titled, TimeStampedModel):
    """An item of a setup's checklist, with a due date."""

    _state_path = "setup__state"

    setup = part_of(AllianceSetup, _("new alliance"), related_name="tasks")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("task"), max_length=300)
    due_on = plausible_date(_("due on"), optional=True)
    done_on = plausible_date(_("done on"), optional=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("checklist item"), _("checklist items")
        ordering = ["setup", "position", "due_on"]
