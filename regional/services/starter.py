"""The state office's starter templates, and copying them into a new alliance.

``starter_prepare`` runs while the state puts a new alliance on the platform
(``regional.services.provisioning``): every registered starter catalogue
(``kernel.starter``) copies the active templates of its kind into the new schema, then
the registered starter steps run there (core opens the first-run checklist). Copiers skip
what the workspace has already, so a second run copies nothing twice; the setup's audit
trail (state area) records what was copied.
"""

from __future__ import annotations

from typing import TypedDict, Unpack

from django_tenants.utils import schema_context

from kernel.audit.services import audit_log
from kernel.crud.records import record_create, record_delete, record_update
from kernel.starter import STARTER_CATALOGUES, STARTER_STEPS
from regional.models import AllianceSetup, StarterTemplate
from regional.selectors.starter import starter_rows
from tenants.models import Alliance


class StarterTemplateFields(TypedDict, total=False):
    kind: str
    name: str
    category: str
    description: str
    is_active: bool


def starter_template_create(*, actor, **fields: Unpack[StarterTemplateFields]) -> StarterTemplate:
    return record_create(
        actor=actor, model=StarterTemplate, data=fields, action="regional.startertemplate.created"
    )


def starter_template_update(
    *, actor, template: StarterTemplate, **fields: Unpack[StarterTemplateFields]
) -> StarterTemplate:
    return record_update(
        actor=actor, instance=template, data=fields, action="regional.startertemplate.updated"
    )


def starter_template_delete(*, actor, template: StarterTemplate) -> None:
    record_delete(actor=actor, instance=template, action="regional.startertemplate.deleted")


def starter_prepare(*, actor, alliance: Alliance, setup: AllianceSetup | None = None) -> dict:
    """Copy the active templates into ``alliance``'s schema and run the starter steps;
    returns {catalogue key: records made}. Called in the public schema."""
    rows = starter_rows(alliance.state_id)
    copied: dict[str, int] = {}
    with schema_context(alliance.schema_name):
        for key, catalogue in STARTER_CATALOGUES.items():
            if rows.get(key):
                copied[key] = catalogue.copy(actor=actor, rows=rows[key])
        for step in STARTER_STEPS.values():
            step(actor=actor)
    if any(copied.values()):
        audit_log(
            actor=actor,
            action="regional.alliancesetup.starter_copied",
            target=setup or alliance,
            changes={"alliance": alliance.slug, "copied": copied},
        )
    return copied
