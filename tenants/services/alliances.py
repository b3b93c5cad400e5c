"""Creating and changing alliances (the tenants) in the public schema."""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kernel.audit.services import audit_log, save_audited
from tenants.models import Alliance, AllianceStatus, Domain, State
from tenants.models.alliance import RESERVED_SLUGS, SLUG_PATTERN
from tenants.selectors import home_state

EDITABLE_FIELDS = ("name", "state", "district", "host_organisation", "founded_on", "status")


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
    state: State | None = None,
    host_organisation: str = "",
    founded_on: datetime.date | None = None,
    status: str = AllianceStatus.ACTIVE,
    copy_template: bool = False,
) -> Alliance:
    """Create an alliance with its schema and its primary domain, in ``state`` (by
    default the installation's home state, ``tenants.selectors.home_state``).

    The schema is migrated, or with ``copy_template`` copied from the template schema
    (tenants/services/provisioning.py), which takes a fraction of the time. Runs in one
    transaction: if any step fails, neither the row nor the schema remains (PostgreSQL's
    DDL is transactional).
    """
    _validate_slug(slug)
    state = state or home_state()
    alliance = Alliance(
        name=name.strip(),
        slug=slug,
        schema_name=Alliance.schema_name_for(slug),
        state=state,
        district=district,
        host_organisation=host_organisation.strip(),
        founded_on=founded_on,
        status=status,
    )
    alliance.full_clean()
    schema_from = ""
    if copy_template:
        from tenants.services.provisioning import (
            TEMPLATE_SCHEMA,
            create_alliance_schema_from_template,
        )
        from tenants.services.spares import spare_claim

        # The schema comes from the template below, not from django-tenants' migrate run:
        # a spare copy made ahead (a rename), else a copy made now.
        alliance.auto_create_schema = False
        alliance.save()
        if spare_claim(alliance.schema_name):
            schema_from = f"a spare copy of {TEMPLATE_SCHEMA}"
        else:
            create_alliance_schema_from_template(alliance.schema_name)
            schema_from = f"copied from {TEMPLATE_SCHEMA}"
    else:
        alliance.save()
    domain = Domain(domain=alliance_host(slug), tenant=alliance, is_primary=True)
    domain.full_clean()
    domain.save()
    changes = {"slug": slug, "state": state.key, "district": district, "domain": domain.domain}
    if schema_from:
        changes["schema"] = schema_from
    audit_log(actor=actor, action="tenants.alliance.created", target=alliance, changes=changes)
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
    return save_audited(alliance, actor=actor, action="tenants.alliance.updated", changes=changes)
