"""Creating and changing alliances (the tenants) in the public schema."""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit.services import audit_log
from tenants.models import Alliance, AllianceStatus, Domain
from tenants.models.alliance import RESERVED_SLUGS, SLUG_PATTERN

EDITABLE_FIELDS = ("name", "district", "host_organisation", "founded_on", "status")


def alliance_host(slug: str) -> str:
    """The host name an alliance answers on under the configured parent domain."""
    return f"{slug}.{settings.BASE_DOMAIN}"


def _validate_slug(slug: str) -> None:
    if not re.match(SLUG_PATTERN, slug or ""):
        raise ValidationError(
            {
                "slug": _(
                    "The short name must be 3 to 40 lower-case letters, digits or hyphens "
                    "and start with a letter."
                )
            }
        )
    if slug in RESERVED_SLUGS or slug.startswith("pg"):
        raise ValidationError({"slug": _("This short name is reserved.")})


@transaction.atomic
def alliance_create(
    *,
    actor,
    name: str,
    slug: str,
    district: str,
    host_organisation: str = "",
    founded_on: datetime.date | None = None,
    status: str = AllianceStatus.ACTIVE,
) -> Alliance:
    """Create an alliance with its schema (migrated) and its primary domain.

    Runs in one transaction: if migrating the schema or creating the domain fails,
    neither the row nor the schema remains (PostgreSQL's DDL is transactional).
    """
    _validate_slug(slug)
    alliance = Alliance(
        name=name.strip(),
        slug=slug,
        schema_name=Alliance.schema_name_for(slug),
        district=district,
        host_organisation=host_organisation.strip(),
        founded_on=founded_on,
        status=status,
    )
    alliance.full_clean()
    alliance.save()
    domain = Domain(domain=alliance_host(slug), tenant=alliance, is_primary=True)
    domain.full_clean()
    domain.save()
    audit_log(
        actor=actor,
        action="tenants.alliance.created",
        target=alliance,
        changes={"slug": slug, "district": district, "domain": domain.domain},
    )
    return alliance


@transaction.atomic
def alliance_update(*, actor, alliance: Alliance, **fields) -> Alliance:
    """Change an alliance's descriptive fields; the slug (and so schema and host) is fixed."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    changes = {}
    for field, value in fields.items():
        old = getattr(alliance, field)
        if old != value:
            changes[field] = [str(old) if old is not None else None, str(value)]
            setattr(alliance, field, value)
    if not changes:
        return alliance
    alliance.full_clean()
    alliance.save()
    audit_log(actor=actor, action="tenants.alliance.updated", target=alliance, changes=changes)
    return alliance
