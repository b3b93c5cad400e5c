"""Core's starter catalogues: working groups, measures, project ideas and the board
meeting's standing agenda, and the published certification programmes, copied from the
state office's templates into a new alliance's workspace (registered in ``kernel.starter``;
``regional.services.starter`` runs them at provisioning).

Each copier runs inside the new alliance's schema through the area's own create service
(so every record it makes has its audit entry) and skips a row whose record exists
already (same name, in any case): a second run copies nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import (
    CertificationProgramme,
    MeasureCategory,
    MeetingTemplate,
    Project,
    Topic,
    WorkingGroup,
)
from core.models import Measure as MeasureModel
from core.selectors.certification import state_templates
from core.services.board import meeting_template_create
from core.services.certification import programme_adopt_template
from core.services.onboarding import checklist_start
from core.services.partners import measure_create
from core.services.projects import project_create, working_group_create
from kernel.starter import (
    StarterCatalogue,
    StarterRow,
    register_starter_catalogue,
    register_starter_step,
)


def _copier(
    model: type[models.Model],
    create: Callable[..., object],
    fields: Callable[[StarterRow], dict],
    *,
    name_field: str = "name",
) -> Callable[..., int]:
    """Copy each row into a record of ``model`` named by the row's name (in
    ``name_field``) unless one of that name exists."""

    def copy(*, actor, rows: list[StarterRow]) -> int:
        made = 0
        for row in rows:
            name = row["name"].strip()
            if not name or model.objects.filter(**{f"{name_field}__iexact": name}).exists():
                continue
            create(actor=actor, **{name_field: name}, **fields(row))
            made += 1
        return made

    return copy


def _described(field: str, choices: type[models.TextChoices]) -> Callable[[StarterRow], dict]:
    """A record with a category in ``field`` (the row's, when it is one of ``choices``;
    otherwise "other") and the row's description."""

    def fields(row: StarterRow) -> dict:
        category = row.get("category")
        return {
            field: category if category in choices.values else choices.OTHER,
            "description": row.get("description", ""),
        }

    return fields


copy_working_groups = _copier(WorkingGroup, working_group_create, _described("topic", Topic))
copy_measures = _copier(MeasureModel, measure_create, _described("category", MeasureCategory))
# Project ideas start as planned projects (no dates, no partners yet), kept off the public
# page until the alliance takes one up: a new alliance's public page must not announce the
# state office's ideas as its own projects (nor tick the checklist's "public page" item).
copy_projects = _copier(
    Project,
    project_create,
    lambda row: {**_described("topic", Topic)(row), "is_public": False},
    name_field="title",
)
copy_meeting_templates = _copier(
    MeetingTemplate, meeting_template_create, lambda row: {"agenda": row.get("description", "")}
)


def _catalogue(
    key: str,
    label: Any,
    copy: Callable[..., int],
    help_text: Any,
    choices: type[models.TextChoices] | None = None,
) -> StarterCatalogue:
    """A catalogue whose templates may have one of ``choices`` as category (none: the
    templates have no category)."""
    categories = (lambda: choices.choices) if choices else (lambda: ())
    return StarterCatalogue(key, label, copy, categories, help_text)


#: What a new alliance can start with, in the order the state office's pages list them.
CATALOGUES = (
    _catalogue(
        "working_group",
        _("Working group"),
        copy_working_groups,
        _("What the working group is about."),
        Topic,
    ),
    _catalogue(
        "measure",
        _("Measure for the partners' catalogue"),
        copy_measures,
        _("What the measure offers to employees."),
        MeasureCategory,
    ),
    _catalogue(
        "project",
        _("Project idea"),
        copy_projects,
        _("What the project does; the new alliance starts with it as planned."),
        Topic,
    ),
    _catalogue(
        "board_agenda",
        _("Standing agenda of the board meetings"),
        copy_meeting_templates,
        _("One agenda item per line."),
    ),
)


def register() -> None:
    """Called once from ``CoreConfig.ready``."""
    for catalogue in CATALOGUES:
        register_starter_catalogue(catalogue)
    # The new alliance's coordinator is greeted by the first-run checklist.
    register_starter_step("checklist", checklist_start)
    # The certification programmes the state office publishes, ready to use.
    register_starter_step("certification", adopt_published_programmes)


def adopt_published_programmes(*, actor) -> int:
    """Adopt every programme template the state office publishes, with its groups and
    criteria; a programme of the same name (in any case) is kept as it is."""
    made = 0
    for template in state_templates():
        if CertificationProgramme.objects.filter(name__iexact=template.name).exists():
            continue
        programme_adopt_template(actor=actor, template=template)
        made += 1
    return made
