from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin

from kernel.collation import by_name
from kernel.models import (
    Named,
    at_most_one,
    choice_check,
    choice_field,
    matches,
    plausible_date,
    protected_link,
)
from tenants import districts
from tenants.scope import StateScoped

from .base import TimeStampedModel
from .state import State, home_state_key

# A slug becomes the sub-domain and (with "-" -> "_") the PostgreSQL schema name.
SLUG_PATTERN = r"^[a-z][a-z0-9-]{1,38}[a-z0-9]$"
# Names that must never become an alliance's sub-domain or schema.
RESERVED_SLUGS = frozenset(
    {
        "www", "api", "admin", "static", "media", "mail", "smtp", "public", "land",
        "ministerium", "status", "help", "hilfe", "docs", "test", "information_schema",
    }
)  # fmt: skip


class AllianceStatus(models.TextChoices):
    SETUP = "setup", _("being founded")
    ACTIVE = "active", _("active")
    DORMANT = "dormant", _("dormant")
    DISSOLVED = "dissolved", _("dissolved")


class Alliance(StateScoped, districts.DistrictNamed, Named, TenantMixin, TimeStampedModel):
    """A local alliance for families ("Lokales Bündnis für Familie"), the tenant.

    Its records (partners, board, projects) live in its own PostgreSQL schema named
    after the slug; this row in the public schema is what the state layer knows of it.
    ``Alliance.objects`` is narrowed to the state office's own state during its requests
    (``tenants.scope``); ``Alliance.everywhere`` sees every state.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("short name"),
        max_length=40,
        unique=True,
        help_text=_("Lower-case letters, digits and hyphens; becomes the web address."),
    )
    state = protected_link(State, _("state"), related_name="alliances", default=home_state_key)
    # The official key (AGS) of a district in ``kernel.geo`` lying in ``state``.
    district = models.CharField(_("district"), max_length=5)
    host_organisation = models.CharField(
        _("host organisation"),
        max_length=200,
        blank=True,
        help_text=_("The organisation that hosts the alliance's coordination office."),
    )
    founded_on = plausible_date(_("founded on"), optional=True)
    status = choice_field(_("status"), AllianceStatus, default=AllianceStatus.ACTIVE)
    # Invented data for trying the platform (``manage.py seed_demo``); the pages say so.
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("The alliance and its records are invented, to try the platform."),
    )

    # django-tenants creates and migrates the schema when a new alliance is saved.
    auto_create_schema = True
    auto_drop_schema = False

    class Meta:
        verbose_name, verbose_name_plural = _("alliance"), _("alliances")
        ordering = [by_name()]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="alliance_name_unique_ci"),
            matches("slug", SLUG_PATTERN, name="alliance_slug_format"),
            choice_check("status", AllianceStatus, name="alliance_status_valid"),
            matches("district", districts.DISTRICT_KEY_PATTERN, name="alliance_district_format"),
        ]

    is_public = False

    def clean(self) -> None:
        """The district must be a known district of the alliance's state."""
        super().clean()
        if self.state_id:
            districts.clean_field(self.district, state=self.state_id)

    @property
    def is_reachable(self) -> bool:
        """Dissolved alliances keep their data but no longer answer on their host."""
        return self.status != AllianceStatus.DISSOLVED

    @staticmethod
    def schema_name_for(slug: str) -> str:
        return slug.replace("-", "_")


class Domain(DomainMixin, TimeStampedModel):
    """A host name under which an alliance answers (``jena.<parent domain>`` or its own)."""

    class Meta:
        verbose_name, verbose_name_plural = _("domain"), _("domains")
        ordering = ["domain"]
        constraints = [
            at_most_one("is_primary", per="tenant", name="domain_one_primary_per_alliance"),
        ]
