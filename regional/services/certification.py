"""Writes of the state office's certification programme templates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kernel.certification import ProgrammeTermsFields
from kernel.crud.records import record_create, record_delete, record_services, record_update
from regional.models import CertificationTemplate, TemplateCriterion, TemplateGroup


class TemplateFields(ProgrammeTermsFields, total=False):
    key: str
    is_published: bool
    groups: Iterable[TemplateGroup]


class GroupFields(TypedDict, total=False):
    key: str
    name: str
    description: str
    weight: int


class CriterionFields(TypedDict, total=False):
    group: TemplateGroup
    text: str
    weight: int
    is_required: bool
    position: int


def _split(fields: dict) -> tuple[dict, dict]:
    many = {"groups": fields.pop("groups")} if "groups" in fields else None
    return fields, many


def template_create(*, actor, **fields: Unpack[TemplateFields]) -> CertificationTemplate:
    data, many = _split(dict(fields))
    return record_create(actor=actor, model=CertificationTemplate, data=data, many=many)


def template_update(
    *, actor, template: CertificationTemplate, **fields: Unpack[TemplateFields]
) -> CertificationTemplate:
    data, many = _split(dict(fields))
    return record_update(actor=actor, instance=template, data=data, many=many)


def group_create(*, actor, **fields: Unpack[GroupFields]) -> TemplateGroup:
    return record_create(actor=actor, model=TemplateGroup, data=fields)


def group_update(*, actor, group: TemplateGroup, **fields: Unpack[GroupFields]) -> TemplateGroup:
    return record_update(actor=actor, instance=group, data=fields)


def group_delete(*, actor, group: TemplateGroup) -> None:
    """A group still part of a template stays (alliances' copies are never touched)."""
    if group.templates.exists():
        raise ValidationError(_("The group is part of a template; remove it there first."))
    record_delete(actor=actor, instance=group)


criterion_create, criterion_update, criterion_delete = record_services(
    TemplateCriterion, "criterion", CriterionFields
)
