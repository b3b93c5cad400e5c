"""Reads of the starter templates and of a new alliance's first-run checklist."""

from __future__ import annotations

from django.db.models import QuerySet

from core.selectors.onboarding import ChecklistProgress, checklist_progress
from kernel.collation import by_name
from regional.models import AllianceSetup, ProvisioningStatus, StarterTemplate


def starter_template_list() -> QuerySet[StarterTemplate]:
    return StarterTemplate.objects.all()


def starter_template_detail(pk: int) -> StarterTemplate:
    return StarterTemplate.objects.get(pk=pk)


def starter_rows(state_key: str) -> dict[str, list[dict[str, str]]]:
    """The active templates of one state's office by kind, as the starter catalogues copy
    them (asked by a task too, so the state is given, not taken from the scope)."""
    rows: dict[str, list[dict[str, str]]] = {}
    templates = StarterTemplate.everywhere.in_state(state_key)
    for template in templates.filter(is_active=True).order_by("kind", by_name(), "pk"):
        rows.setdefault(template.kind, []).append(
            {
                "name": template.name,
                "category": template.category,
                "description": template.description,
            }
        )
    return rows


def setup_checklist(setup: AllianceSetup) -> ChecklistProgress | None:
    """The first-run checklist of the setup's alliance once it is on the platform (read
    inside its schema through ``core.selectors``), else None."""
    if not setup.alliance_id or setup.provisioning_status != ProvisioningStatus.DONE:
        return None
    return checklist_progress(schema_name=setup.alliance.schema_name)


def attach_checklists(setups) -> None:
    """Give each setup on the platform its ``checklist`` (None for the others)."""
    for setup in setups:
        setup.checklist = setup_checklist(setup)
