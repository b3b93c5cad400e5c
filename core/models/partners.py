"""Partner organisations of the alliance, their contact persons and the measures catalogue."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from kernel.collation import by_name
from kernel.models import (
    ContactDetails,
    Named,
    PersonName,
    anonymisation_stamp,
    choice_check,
    choice_field,
    in_order,
    part_of,
    plausible_date,
    postal_address,
)
from tenants.models.base import TimeStampedModel

from .choices import MeasureCategory, PartnerKind, PartnerStatus, SizeClass


class Measure(Named, TimeStampedModel):
    """A family-friendly measure from the alliance's maintained catalogue
    (e.g. "flexible childcare for shift workers", "company care guide")."""

    name = models.CharField(_("name"), max_length=200)
    category = choice_field(
        _("category"), MeasureCategory, max_length=30, default=MeasureCategory.OTHER
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("offered in the catalogue"), default=True)

    class Meta:
        verbose_name, verbose_name_plural = _("measure"), _("measures")
        ordering = ["category", by_name()]
        constraints = [models.UniqueConstraint(Lower("name"), name="measure_name_unique_ci")]


class Partner(Named, TimeStampedModel):
    """An organisation that has joined (or applies to join) the local alliance."""

    name = models.CharField(_("name"), max_length=200)
    kind = choice_field(_("kind"), PartnerKind, max_length=30)
    size_class = choice_field(_("size"), SizeClass, max_length=10, default=SizeClass.NOT_APPLICABLE)
    street, postcode, city = postal_address()
    website = models.URLField(_("website"), blank=True)
    joined_on = plausible_date(_("joined on"), optional=True)
    left_on = plausible_date(_("left on"), optional=True)
    status = choice_field(_("status"), PartnerStatus, default=PartnerStatus.ACTIVE)
    public_listing_consent = models.BooleanField(
        _("may be listed publicly"),
        default=False,
        help_text=_("The partner agreed to be named on the alliance's public page."),
    )
    measures = models.ManyToManyField(
        Measure, verbose_name=_("family-friendly measures"), blank=True, related_name="partners"
    )
    # The number of the partner's active care guides (core.models.careguides), kept by
    # the care guide services (core.services.careguides.care_guides_recount): the
    # statistics engine counts one table per source, so the figure reads it from here.
    care_guides_count = models.PositiveIntegerField(
        _("trained company care guides"), default=0, editable=False
    )
    description = models.TextField(_("engagement for families"), blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("partner"), _("partners")
        ordering = [by_name()]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="partner_name_unique_ci",
                violation_error_message=_("A partner with this name already exists."),
            ),
            in_order(
                "joined_on",
                "left_on",
                optional=("left_on", "joined_on"),
                name="partner_left_after_joined",
                message=_("The leaving date cannot be before the joining date."),
            ),
            choice_check("kind", PartnerKind, name="partner_kind_valid"),
            choice_check("status", PartnerStatus, name="partner_status_valid"),
        ]
        indexes = [models.Index(fields=["status", "kind"])]

    def save(self, *args, **kwargs) -> None:
        # Saving a changed partner never writes its care guide number: the care guide
        # services keep it (care_guides_recount), and this copy may be older than theirs.
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "care_guides_count"
            ]
        super().save(*args, **kwargs)


class ContactPerson(PersonName, ContactDetails, TimeStampedModel):
    """A person at a partner organisation (personal data: see the retention rules)."""

    partner = part_of(Partner, _("partner"), related_name="contacts")
    position = models.CharField(_("position"), max_length=150, blank=True)
    is_primary = models.BooleanField(_("main contact"), default=False)
    anonymised_at = anonymisation_stamp()

    class Meta:
        verbose_name, verbose_name_plural = _("contact person"), _("contact persons")
        ordering = [by_name("partner__name"), "-is_primary", by_name("last_name")]
