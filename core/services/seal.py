"""Writes of the family seal and every certification programme: the criteria catalogue,
applications, review checklists, jury decisions.

An application gets one check per active criterion of its programme when it is created.
A certificate is awarded only when every required criterion is fulfilled, the review
score reaches the programme's pass threshold and the validity ends after the award
date (by default ``validity_years`` after it); the expiry reminder
(``core.tasks.send_seal_expiry_reminders``) marks the seal it reminded of, so each
coordinator hears about an expiring seal once.
"""

from __future__ import annotations

import datetime
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import (
    CertificationProgramme,
    CriterionGroup,
    Partner,
    SealApplication,
    SealCheck,
    SealCriterion,
    SealStatus,
)
from core.models.certification import MAX_SCORE, default_programme_id
from core.services.board import add_months
from kernel.crud.records import record_create, record_delete, record_note, record_update


class SealCriterionFields(TypedDict, total=False):
    programme: CertificationProgramme
    group: CriterionGroup | None
    weight: int
    text: str
    position: int
    is_required: bool
    is_active: bool


class SealApplicationFields(TypedDict, total=False):
    """What is set on an application by hand; status and decision come from the services."""

    programme: CertificationProgramme
    partner: Partner
    submitted_on: datetime.date
    reviewer: str
    reviewed_on: datetime.date | None
    review_notes: str


# ---------------------------------------------------------------- criteria catalogue


def _check_group(fields: dict[str, Any], programme: CertificationProgramme | None) -> None:
    group = fields.get("group")
    if group is not None and programme is not None and group.programme_id != programme.pk:
        raise ValidationError({"group": _("The group belongs to another programme.")})


def criterion_create(*, actor, **fields: Unpack[SealCriterionFields]) -> SealCriterion:
    if fields.get("programme", "") is None:
        del fields["programme"]
    _check_group(
        fields, fields.get("programme") or (fields.get("group") and fields["group"].programme)
    )
    if "programme" not in fields and fields.get("group") is not None:
        fields["programme"] = fields["group"].programme
    if "programme" not in fields:
        fields["programme_id"] = default_programme_id()
    return record_create(actor=actor, model=SealCriterion, data=fields)


def criterion_update(
    *, actor, criterion: SealCriterion, **fields: Unpack[SealCriterionFields]
) -> SealCriterion:
    if fields.get("programme", "") is None:
        del fields["programme"]
    programme = fields.get("programme") or criterion.programme
    moved = "programme" in fields and fields["programme"] != criterion.programme
    if moved and criterion.checks.exists():
        raise ValidationError(
            {"programme": _("The criterion has been checked in applications of its programme.")}
        )
    _check_group(fields, programme)
    return record_update(actor=actor, instance=criterion, data=fields)


def criterion_delete(*, actor, criterion: SealCriterion) -> None:
    """Only criteria no application was ever checked against can be deleted."""
    if criterion.checks.exists():
        raise ValidationError(
            _(
                "This criterion has been checked in applications and cannot be deleted; "
                "mark it as no longer in use instead."
            )
        )
    record_delete(actor=actor, instance=criterion)


# ---------------------------------------------------------------- applications


def _check_open(application: SealApplication) -> None:
    if application.status in (SealStatus.AWARDED, SealStatus.REJECTED):
        raise ValidationError(
            _("This application has already been decided and can no longer be changed.")
        )


@transaction.atomic
def seal_application_create(*, actor, **fields: Unpack[SealApplicationFields]) -> SealApplication:
    """A new application with one (unfulfilled) check per criterion in use of its programme
    (the default programme, the Familiensiegel, unless another is given)."""
    data: dict[str, Any] = {**fields, "status": SealStatus.SUBMITTED}
    for decided in ("awarded_on", "valid_until", "reminder_sent_on"):
        data.pop(decided, None)
    if data.get("programme", "") is None:
        del data["programme"]
    programme = data.get("programme")
    if programme is not None and not programme.is_active:
        raise ValidationError({"programme": _("This programme is no longer in use.")})
    if programme is None:
        data["programme_id"] = default_programme_id()
    application = record_create(actor=actor, model=SealApplication, data=data)
    add_checks(actor=actor, application=application)
    return application


def add_checks(*, actor, application: SealApplication, answers: dict[int, SealCheck] | None = None):
    """One check per criterion in use of the application's programme; ``answers`` (criterion
    id -> an earlier check) prefill the self-assessment, as a renewal does."""
    answers = answers or {}
    criteria = SealCriterion.objects.filter(programme=application.programme_id, is_active=True)
    for criterion in criteria.order_by("position", "text"):
        earlier = answers.get(criterion.pk)
        data: dict[str, Any] = {"application": application, "criterion": criterion}
        if earlier is not None:
            data |= {"self_score": earlier.self_score, "self_comment": earlier.self_comment}
        record_create(actor=actor, model=SealCheck, data=data)


def seal_application_update(
    *, actor, application: SealApplication, **data: Unpack[SealApplicationFields]
) -> SealApplication:
    """Change the application's basic data and review notes (not its decision)."""
    allowed = {"partner", "submitted_on", "reviewer", "reviewed_on", "review_notes"}
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    if application.status in (SealStatus.AWARDED, SealStatus.REJECTED) and (
        "partner" in data and data["partner"] != application.partner
    ):
        raise ValidationError(
            {"partner": _("The partner of a decided application cannot be changed.")}
        )
    return record_update(actor=actor, instance=application, data=data)


@transaction.atomic
def seal_checklist_update(
    *,
    actor,
    application: SealApplication,
    results: dict[int, dict[str, Any]],
) -> SealApplication:
    """Record for each check (by id) the review's result: a ``score`` (0 to 2) or, as
    before scores, whether it is ``fulfilled`` (fulfilled means the full score), with a note.

    A submitted application goes into review with its first checklist entry.
    """
    _check_open(application)
    checks = {check.pk: check for check in application.checks.select_for_update(of=("self",))}
    unknown = set(results) - set(checks)
    if unknown:
        raise ValidationError(_("The checklist does not belong to this application."))
    for pk, values in results.items():
        score = values.get("score")
        if score in (None, ""):
            score = MAX_SCORE if values.get("fulfilled") else 0
        record_update(
            actor=actor,
            instance=checks[pk],
            data={
                "score": int(score),
                "fulfilled": int(score) == MAX_SCORE,
                "note": (values.get("note") or "").strip(),
            },
        )
    if application.status == SealStatus.SUBMITTED:
        record_update(
            actor=actor,
            instance=application,
            data={"status": SealStatus.IN_REVIEW},
            action="core.sealapplication.review_started",
        )
    return application


def unfulfilled_required(application: SealApplication) -> list[SealCheck]:
    """The application's checks of required criteria that are not fulfilled."""
    return list(
        application.checks.select_related("criterion")
        .filter(criterion__is_required=True, fulfilled=False)
        .order_by("criterion__position", "criterion__text")
    )


@transaction.atomic
def seal_award(
    *,
    actor,
    application: SealApplication,
    awarded_on: datetime.date,
    valid_until: datetime.date | None = None,
    decided_on: datetime.date | None = None,
    reasoning: str = "",
) -> SealApplication:
    """The jury awards the certificate, valid from ``awarded_on`` until ``valid_until``
    (by default the programme's validity in years after the award)."""
    _check_open(application)
    if valid_until is None and awarded_on is not None:
        valid_until = add_months(awarded_on, 12 * application.programme.validity_years)
    if valid_until is None or awarded_on is None or valid_until <= awarded_on:
        raise ValidationError({"valid_until": _("The seal must be valid beyond its award date.")})
    missing = unfulfilled_required(application)
    if missing:
        raise ValidationError(
            _("Required criteria are not fulfilled: %(criteria)s")
            % {"criteria": "; ".join(check.criterion.text for check in missing)}
        )
    threshold = application.programme.pass_threshold
    reached = application.score_percent() or 0
    if threshold and reached < threshold:
        raise ValidationError(
            _("The review score of %(reached)s %% is below the pass threshold of %(threshold)s %%.")
            % {"reached": reached, "threshold": threshold}
        )
    return record_update(
        actor=actor,
        instance=application,
        data={
            "status": SealStatus.AWARDED,
            "awarded_on": awarded_on,
            "valid_until": valid_until,
            "reminder_sent_on": None,
            "decided_on": decided_on or awarded_on,
            "decision_reasoning": (reasoning or "").strip(),
        },
        action="core.sealapplication.awarded",
    )


@transaction.atomic
def seal_reject(
    *,
    actor,
    application: SealApplication,
    reason: str = "",
    decided_on: datetime.date | None = None,
) -> SealApplication:
    """The jury does not award the certificate; the reason is its reasoning and is also
    added to the review notes (as before the jury fields)."""
    _check_open(application)
    reason = (reason or "").strip()
    data: dict[str, Any] = {
        "status": SealStatus.REJECTED,
        "decided_on": decided_on or timezone.localdate(),
        "decision_reasoning": reason,
    }
    if reason:
        notes = application.review_notes.strip()
        data["review_notes"] = f"{notes}\n\n{reason}" if notes else reason
    return record_update(
        actor=actor, instance=application, data=data, action="core.sealapplication.rejected"
    )


def seal_reminder_sent(*, application: SealApplication, sent_on: datetime.date) -> SealApplication:
    """Mark that the coordinators were reminded of the seal's expiry (by the system)."""
    return record_note(
        instance=application, action="core.sealapplication.reminded", reminder_sent_on=sent_on
    )
