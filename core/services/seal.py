"""Writes of the family seal: the criteria catalogue, applications, checklists, decisions.

An application gets one check per active criterion when it is created. The seal is
awarded only when every required criterion is fulfilled and the validity ends after the
award date; the expiry reminder (``core.tasks.send_seal_expiry_reminders``) marks the
seal it reminded of, so each coordinator hears about an expiring seal once.
"""

from __future__ import annotations

import datetime
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.models import Partner, SealApplication, SealCheck, SealCriterion, SealStatus
from kernel.crud.records import record_create, record_delete, record_update


class SealCriterionFields(TypedDict, total=False):
    text: str
    position: int
    is_required: bool
    is_active: bool


class SealApplicationFields(TypedDict, total=False):
    """What is set on an application by hand; status and decision come from the services."""

    partner: Partner
    submitted_on: datetime.date
    reviewer: str
    review_notes: str


# ---------------------------------------------------------------- criteria catalogue


def criterion_create(*, actor, **fields: Unpack[SealCriterionFields]) -> SealCriterion:
    return record_create(actor=actor, model=SealCriterion, data=fields)


def criterion_update(
    *, actor, criterion: SealCriterion, **fields: Unpack[SealCriterionFields]
) -> SealCriterion:
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
    """A new application with one (unfulfilled) check per criterion in use."""
    data: dict[str, Any] = {**fields, "status": SealStatus.SUBMITTED}
    for decided in ("awarded_on", "valid_until", "reminder_sent_on"):
        data.pop(decided, None)
    application = record_create(actor=actor, model=SealApplication, data=data)
    for criterion in SealCriterion.objects.filter(is_active=True).order_by("position", "text"):
        record_create(
            actor=actor,
            model=SealCheck,
            data={"application": application, "criterion": criterion},
        )
    return application


def seal_application_update(
    *, actor, application: SealApplication, **data: Unpack[SealApplicationFields]
) -> SealApplication:
    """Change the application's basic data and review notes (not its decision)."""
    allowed = {"partner", "submitted_on", "reviewer", "review_notes"}
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
    """Record for each check (by id) whether it is fulfilled, with a note.

    A submitted application goes into review with its first checklist entry.
    """
    _check_open(application)
    checks = {check.pk: check for check in application.checks.select_for_update()}
    unknown = set(results) - set(checks)
    if unknown:
        raise ValidationError(_("The checklist does not belong to this application."))
    for pk, values in results.items():
        record_update(
            actor=actor,
            instance=checks[pk],
            data={
                "fulfilled": bool(values.get("fulfilled")),
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
    valid_until: datetime.date,
) -> SealApplication:
    """Award the seal, valid from ``awarded_on`` until ``valid_until``."""
    _check_open(application)
    if valid_until is None or awarded_on is None or valid_until <= awarded_on:
        raise ValidationError({"valid_until": _("The seal must be valid beyond its award date.")})
    missing = unfulfilled_required(application)
    if missing:
        raise ValidationError(
            _("Required criteria are not fulfilled: %(criteria)s")
            % {"criteria": "; ".join(check.criterion.text for check in missing)}
        )
    return record_update(
        actor=actor,
        instance=application,
        data={
            "status": SealStatus.AWARDED,
            "awarded_on": awarded_on,
            "valid_until": valid_until,
            "reminder_sent_on": None,
        },
        action="core.sealapplication.awarded",
    )


@transaction.atomic
def seal_reject(*, actor, application: SealApplication, reason: str = "") -> SealApplication:
    """The seal is not awarded; the reason is added to the review notes."""
    _check_open(application)
    data: dict[str, Any] = {"status": SealStatus.REJECTED}
    reason = (reason or "").strip()
    if reason:
        notes = application.review_notes.strip()
        data["review_notes"] = f"{notes}\n\n{reason}" if notes else reason
    return record_update(
        actor=actor, instance=application, data=data, action="core.sealapplication.rejected"
    )


def seal_reminder_sent(*, application: SealApplication, sent_on: datetime.date) -> SealApplication:
    """Mark that the coordinators were reminded of the seal's expiry (by the system)."""
    return record_update(
        actor=None,
        instance=application,
        data={"reminder_sent_on": sent_on},
        action="core.sealapplication.reminded",
    )
