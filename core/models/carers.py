"""The flexible childcare pool: vetted carers (mostly students and pensioners) and the
placements that send one of them to a family.

Before a first assignment a carer needs three checks: an extended police clearance
(erweitertes Führungszeugnis, renewed every five years), a first-aid course (renewed every
two years) and the pool's own training. Their validity dates are derived from the dates
they were taken (``Carer.clean``), so lists, reminders and matching compare plain dates.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel import formats
from kernel.collation import by_name
from kernel.models import (
    ContactDetails,
    PersonName,
    anonymisation_stamp,
    choice_check,
    choice_field,
    ends_after_start,
    optional_link,
    plausible_date,
    protected_link,
)
from tenants.models.base import TimeStampedModel

from .choices import Availability, CareKind, CarerStatus, PlacementStatus, Recurrence

POLICE_CLEARANCE_YEARS = 5
FIRST_AID_YEARS = 2


def years_after(day: datetime.date | None, years: int) -> datetime.date | None:
    """The day ``years`` after ``day`` (29 February: the 28th), or None."""
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# Who may be matched and assigned (with every check valid).
ASSIGNABLE = (CarerStatus.VETTED, CarerStatus.ACTIVE)


class Carer(PersonName, ContactDetails, TimeStampedModel):
    """A person in the alliance's childcare pool who looks after children of families
    (often of the partners' shift workers) at short notice."""

    address = models.CharField(_("address"), max_length=300, blank=True)
    status = choice_field(_("status"), CarerStatus, default=CarerStatus.APPLICANT)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    # The labels of values a field holds without declaring choices (the audit trail).
    AUDIT_CHOICES = {"availability": Availability}
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("Separated by commas.")
    )
    qualifications = models.TextField(_("qualifications"), blank=True)
    police_clearance_on = plausible_date(_("extended police clearance issued on"), optional=True)
    police_clearance_until = plausible_date(
        _("police clearance valid until"), optional=True, editable=False
    )
    first_aid_on = plausible_date(_("first-aid course on"), optional=True)
    first_aid_until = plausible_date(
        _("first-aid course valid until"), optional=True, editable=False
    )
    training_on = plausible_date(_("pool training attended on"), optional=True)
    # The expiry the coordinators were last reminded of: renewing a check moves the
    # next expiry, so the next reminder goes out again.
    reminded_expiry = plausible_date(_("reminded of expiry on"), optional=True, editable=False)
    notes = models.TextField(_("notes"), blank=True)
    anonymised_at = anonymisation_stamp(editable=False)

    class Meta:
        verbose_name, verbose_name_plural = _("carer"), _("carers")
        ordering = [by_name("last_name"), by_name("first_name")]
        constraints = [choice_check("status", CarerStatus, name="carer_status_valid")]
        indexes = [models.Index(fields=["status"])]

    def clean(self) -> None:
        super().clean()
        unknown = [v for v in self.availability or [] if v not in Availability.values]
        if not isinstance(self.availability, list) or unknown:
            raise ValidationError({"availability": _("Please choose only the listed times.")})
        self.availability = sorted(set(self.availability), key=Availability.values.index)
        self.police_clearance_until = years_after(self.police_clearance_on, POLICE_CLEARANCE_YEARS)
        self.first_aid_until = years_after(self.first_aid_on, FIRST_AID_YEARS)

    @property
    def next_expiry(self) -> datetime.date | None:
        dates = [d for d in (self.police_clearance_until, self.first_aid_until) if d]
        return min(dates) if dates else None

    def missing_checks(self, on: datetime.date) -> list[str]:
        """The German names of the checks that are not valid on ``on``."""
        missing = []
        police = self.police_clearance_on
        if not (police and police <= on <= years_after(police, POLICE_CLEARANCE_YEARS)):
            missing.append(str(_("extended police clearance")))
        first_aid = self.first_aid_on
        if not (first_aid and first_aid <= on <= years_after(first_aid, FIRST_AID_YEARS)):
            missing.append(str(_("first-aid course")))
        if not (self.training_on and self.training_on <= on):
            missing.append(str(_("pool training")))
        return missing

    def availability_labels(self) -> list[str]:
        return [str(Availability(v).label) for v in self.availability or []]


class Placement(TimeStampedModel):
    """One family's care by one carer: what kind, how often, how many hours a month, and
    the partner (employer) that pays for it, if any. The family is recorded with as
    little as the coordination needs."""

    family_name = models.CharField(_("family"), max_length=200)
    family_contact = models.CharField(
        _("contact of the family"),
        max_length=200,
        blank=True,
        help_text=_("Phone number or e-mail address."),
    )
    children_count = models.PositiveSmallIntegerField(_("children"), default=1)
    children_ages = models.CharField(
        _("ages of the children"), max_length=50, blank=True, help_text=_("e.g. 3, 6")
    )
    partner = optional_link("core.Partner", _("paid by (employer)"), related_name="placements")
    carer = protected_link(Carer, _("carer"), related_name="placements")
    kind = choice_field(_("kind of care"), CareKind)
    recurrence = choice_field(_("recurrence"), Recurrence, default=Recurrence.WEEKLY)
    hours_per_month = models.DecimalField(
        _("hours per month"), max_digits=6, decimal_places=1, default=0
    )
    start_date = plausible_date(_("from"))
    end_date = plausible_date(_("until"), optional=True)
    status = choice_field(_("status"), PlacementStatus, default=PlacementStatus.PLANNED)
    notes = models.TextField(_("notes"), blank=True)
    anonymised_at = anonymisation_stamp(editable=False)

    class Meta:
        verbose_name, verbose_name_plural = _("placement"), _("placements")
        ordering = ["-start_date", by_name("family_name")]
        constraints = [
            ends_after_start("placement_end_after_start", optional=("end_date",)),
            models.CheckConstraint(
                condition=models.Q(hours_per_month__gte=0, hours_per_month__lte=744),
                name="placement_hours_in_month",
                violation_error_message=_("The hours per month must be between 0 and 744."),
            ),
            models.CheckConstraint(
                condition=models.Q(children_count__gte=1, children_count__lte=20),
                name="placement_children_count",
                violation_error_message=_("A placement is for 1 to 20 children."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ended") | models.Q(end_date__isnull=False),
                name="placement_ended_has_end",
                violation_error_message=_("An ended placement needs its end date."),
            ),
            choice_check("kind", CareKind, name="placement_kind_valid"),
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.family_name} ({formats.date(self.start_date)})"
