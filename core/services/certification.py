"""Writes of certification programmes: programmes and criterion groups, the employer's
self-assessment, renewals, and adopting a state office template.

The state office's templates live in the public schema (``regional``); this room never
imports them. ``programme_adopt_template`` takes any object shaped as
:class:`ProgrammeBlueprint` (``regional.selectors.certification`` gives them).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any, Protocol, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import (
    CertificationProgramme,
    CriterionGroup,
    SealApplication,
    SealStatus,
)
from core.models.certification import MAX_SCORE
from core.services.seal import add_checks, criterion_create
from kernel.certification import ProgrammeTermsFields, programme_terms
from kernel.crud.records import record_create, record_delete, record_update


class ProgrammeFields(ProgrammeTermsFields, total=False):
    is_active: bool


class GroupFields(TypedDict, total=False):
    programme: CertificationProgramme
    name: str
    description: str
    position: int
    weight: int


# ---------------------------------------------------------------- programmes and groups


def programme_create(*, actor, **fields: Unpack[ProgrammeFields]) -> CertificationProgramme:
    return record_create(actor=actor, model=CertificationProgramme, data=fields)


@transaction.atomic
def programme_update(
    *, actor, programme: CertificationProgramme, **fields: Unpack[ProgrammeFields]
) -> CertificationProgramme:
    """Change a programme; its certificates follow a change of kind (the statistics)."""
    programme = record_update(actor=actor, instance=programme, data=fields)
    SealApplication.objects.filter(programme=programme).exclude(
        programme_kind=programme.kind
    ).update(programme_kind=programme.kind)
    return programme


def group_create(*, actor, **fields: Unpack[GroupFields]) -> CriterionGroup:
    return record_create(actor=actor, model=CriterionGroup, data=fields)


def group_update(*, actor, group: CriterionGroup, **fields: Unpack[GroupFields]) -> CriterionGroup:
    if "programme" in fields and fields["programme"] != group.programme and group.criteria.exists():
        raise ValidationError({"programme": _("A group with criteria stays in its programme.")})
    return record_update(actor=actor, instance=group, data=fields)


def group_delete(*, actor, group: CriterionGroup) -> None:
    """Only a group without criteria can be deleted."""
    if group.criteria.exists():
        raise ValidationError(_("The group still has criteria; move or delete them first."))
    record_delete(actor=actor, instance=group)


# ---------------------------------------------------------------- self-assessment


def _check_open(application: SealApplication) -> None:
    if application.status not in (SealStatus.SUBMITTED, SealStatus.IN_REVIEW):
        raise ValidationError(
            _("This application has already been decided and can no longer be changed.")
        )


@transaction.atomic
def self_assessment_update(
    *, actor, application: SealApplication, answers: dict[int, dict[str, Any]]
) -> SealApplication:
    """The employer's own answers per check (by id): ``self_score`` (0 to 2) and a comment.
    The review's scores are not touched."""
    _check_open(application)
    checks = {check.pk: check for check in application.checks.select_for_update(of=("self",))}
    if set(answers) - set(checks):
        raise ValidationError(_("The checklist does not belong to this application."))
    for pk, values in answers.items():
        score = values.get("self_score")
        if score in ("", None):
            score = None
        elif int(score) not in range(MAX_SCORE + 1):
            raise ValidationError(_("A score is 0, 1 or 2."))
        record_update(
            actor=actor,
            instance=checks[pk],
            data={
                "self_score": None if score is None else int(score),
                "self_comment": (values.get("self_comment") or "").strip(),
            },
            action="core.sealcheck.self_assessed",
        )
    return application


# ---------------------------------------------------------------- renewal


@transaction.atomic
def renewal_start(
    *, actor, application: SealApplication, submitted_on: datetime.date | None = None
) -> SealApplication:
    """A new application for the same employer and programme, linked to the awarded
    certificate it renews, its self-assessment prefilled from the old answers."""
    application = SealApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != SealStatus.AWARDED:
        raise ValidationError(_("Only an awarded certificate can be renewed."))
    if SealApplication.objects.filter(renewal_of=application).exists():
        raise ValidationError(_("The renewal of this certificate has already been started."))
    if not application.programme.is_active:
        raise ValidationError({"programme": _("This programme is no longer in use.")})
    renewal = record_create(
        actor=actor,
        model=SealApplication,
        data={
            "programme": application.programme,
            "partner": application.partner,
            "submitted_on": submitted_on or timezone.localdate(),
            "status": SealStatus.SUBMITTED,
            "renewal_of": application,
        },
        action="core.sealapplication.renewal_started",
    )
    answers = {check.criterion_id: check for check in application.checks.all()}
    add_checks(actor=actor, application=renewal, answers=answers)
    return renewal


# ---------------------------------------------------------------- state templates


class CriterionBlueprint(Protocol):
    text: str
    weight: int
    is_required: bool


CRITERION_TERMS = ("text", "weight", "is_required")  # what a copied criterion takes over


class GroupBlueprint(Protocol):
    key: str
    name: str
    description: str
    weight: int

    def criteria_list(self) -> Iterable[CriterionBlueprint]: ...


class ProgrammeBlueprint(Protocol):
    """A template's terms (the attributes of ``kernel.certification.ProgrammeTermsFields``:
    name, kind, ...), its key and its groups."""

    key: str
    name: str

    def group_list(self) -> Iterable[GroupBlueprint]: ...


@transaction.atomic
def programme_include_group(
    *, actor, programme: CertificationProgramme, group: GroupBlueprint, position: int = 0
) -> CriterionGroup:
    """Copy a state template group (e.g. the diversity indicator) with its criteria into
    ``programme``."""
    if programme.criterion_groups.filter(name=group.name).exists():
        raise ValidationError(_("The programme already has a group of this name."))
    copied = group_create(
        actor=actor,
        programme=programme,
        name=group.name,
        description=group.description,
        weight=group.weight,
        position=position,
    )
    if group.key:
        record_update(actor=actor, instance=copied, data={"template_key": group.key})
    for index, criterion in enumerate(group.criteria_list()):
        criterion_create(
            actor=actor,
            programme=programme,
            group=copied,
            position=position * 100 + index,
            **{name: getattr(criterion, name) for name in CRITERION_TERMS},
        )
    return copied


@transaction.atomic
def programme_adopt_template(*, actor, template: ProgrammeBlueprint) -> CertificationProgramme:
    """Copy a state office template into the alliance's workspace: the programme with its
    groups and criteria, which the alliance may then change as its own."""
    if CertificationProgramme.objects.filter(name=template.name).exists():
        raise ValidationError(
            _("A programme named “%(name)s” exists already.") % {"name": template.name}
        )
    programme = record_create(
        actor=actor,
        model=CertificationProgramme,
        data={**programme_terms(template), "template_key": template.key},
        action="core.certificationprogramme.adopted",
    )
    for position, group in enumerate(template.group_list(), start=1):
        programme_include_group(actor=actor, programme=programme, group=group, position=position)
    return programme
