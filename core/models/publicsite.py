"""The alliance's public face: its identity (logo, colours, address, contact), the
awards it received and its legal pages."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from kernel.colours import text_colour_on, validate_site_colour
from kernel.legal.models import LegalPageBase
from kernel.models import Titled, plausible_date, postal_address
from tenants.models.base import TimeStampedModel

__all__ = ["Award", "LegalPage", "SiteIdentity"]

DEFAULT_PRIMARY, DEFAULT_ACCENT = "#1d4f91", "#f2c14e"
IDENTITY_PK = 1


def logo_path(instance: SiteIdentity, filename: str) -> str:
    # The tenant storage puts this under MEDIA_ROOT/<schema>/; a new name per upload, so
    # browsers never show a replaced logo from their cache.
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"site/logo-{uuid.uuid4().hex[:12]}.{extension}"


class SiteIdentity(TimeStampedModel):
    """How the alliance presents itself on its public site: one row per alliance (until
    the coordinator saves it, the site shows the defaults and the alliance's own name)."""

    logo = models.FileField(_("logo"), upload_to=logo_path, blank=True)
    primary_colour = models.CharField(
        _("main colour"), max_length=7, default=DEFAULT_PRIMARY, validators=[validate_site_colour]
    )
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default=DEFAULT_ACCENT, validators=[validate_site_colour]
    )
    description = models.TextField(_("short description"), max_length=1000, blank=True)
    street, postcode, town = postal_address()
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=50, blank=True)

    class Meta:
        verbose_name, verbose_name_plural = _("public site identity"), _("public site identities")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=IDENTITY_PK), name="site_identity_one_row")
        ]

    def __str__(self) -> str:
        return str(_("Public site identity"))

    @property
    def on_primary(self) -> str:
        return text_colour_on(self.primary_colour)

    @property
    def on_accent(self) -> str:
        return text_colour_on(self.accent_colour)

    @property
    def address_lines(self) -> list[str]:
        town = " ".join(part for part in (self.postcode, self.town) if part)
        return [line for line in (self.street, town) if line]


class Award(Titled, TimeStampedModel):
    """A recognition the alliance received, such as the federal ministry's "Bündnis des
    Monats": shown on the public page and to the state office."""

    title = models.CharField(_("title"), max_length=200)
    awarded_by = models.CharField(_("awarded by"), max_length=200)
    awarded_on = plausible_date(_("awarded on"))
    link = models.URLField(_("link"), blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    is_public = models.BooleanField(_("shown on the public page"), default=True)

    class Meta:
        verbose_name, verbose_name_plural = _("award"), _("awards")
        ordering = ["-awarded_on", "title"]


class LegalPage(LegalPageBase, TimeStampedModel):
    """The alliance's own Impressum, Datenschutzerklärung or Barrierefreiheitserklärung."""

    class Meta(LegalPageBase.Meta):
        abstract = False
        verbose_name, verbose_name_plural = _("legal page"), _("legal pages")
