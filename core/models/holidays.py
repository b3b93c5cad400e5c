"""The summer holiday programme ("Ferienfaltplan") and the family guide."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.models import (
    ContactDetails,
    Titled,
    choice_field,
    ends_after_start,
    euro_amount,
    in_order,
    not_negative,
    optional_link,
    plausible_date,
)
from tenants.models.base import TimeStampedModel

from .choices import GuideCategory


class HolidayOffer(Titled, TimeStampedModel):
    """An offer for children in the holidays, shown in the public calendar and the plan."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=200)
    partner = optional_link("core.Partner", _("partner"), related_name="holiday_offers")
    start_date = plausible_date(_("from"))
    end_date = plausible_date(_("until"))
    start_time = models.TimeField(_("daily from"), null=True, blank=True)
    end_time = models.TimeField(_("daily until"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    age_min = models.PositiveSmallIntegerField(_("age from"), default=6)
    age_max = models.PositiveSmallIntegerField(_("age up to"), default=14)
    price = euro_amount(_("price (EUR)"), max_digits=8, default=0)
    max_participants = models.PositiveIntegerField(_("places"), null=True, blank=True)
    registration = models.CharField(_("registration"), max_length=300, blank=True)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        verbose_name, verbose_name_plural = _("holiday offer"), _("holiday offers")
        ordering = ["start_date", "title"]
        constraints = [
            ends_after_start("holiday_end_after_start"),
            in_order(
                "age_min",
                "age_max",
                name="holiday_age_range",
                message=_("The upper age cannot be below the lower age."),
            ),
            not_negative(
                "price",
                name="holiday_price_not_negative",
                message=_("The price cannot be negative."),
            ),
        ]


class GuideEntry(Titled, ContactDetails, TimeStampedModel):
    """A local advice service in the family guide (published organisations, not persons)."""

    title = models.CharField(_("name"), max_length=200)
    category = choice_field(_("category"), GuideCategory)
    organisation = models.CharField(_("provider"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        verbose_name, verbose_name_plural = _("family guide entry"), _("family guide entries")
        ordering = ["category", "title"]
