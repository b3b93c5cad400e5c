"""Writes of the new-alliance pipeline: setups, their stages and their checklists."""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kernel.audit.services import audit_log, save_audited
from kernel.broker import QUEUE_UNAVAILABLE_MESSAGE, TaskQueueUnavailable, publish
from kernel.crud.records import record_create, record_delete, record_update
from regional.models import AllianceSetup, ProvisioningStatus, SetupStage, SetupTask
from regional.services.provisioning import STEP_QUEUED, activation_message, activation_problems

if TYPE_CHECKING:
    from tenants.models import User


class AllianceSetupFields(TypedDict, total=False):
    """What the state office records about a setup; stage and provisioning follow moves."""

    place: str
    district: str
    initiators: str
    mentor: User | None
    notes: str
    alliance_name: str
    slug: str
    host_organisation: str
    coordinator_name: str
    coordinator_email: str


class SetupTaskFields(TypedDict, total=False):
    title: str
    due_on: datetime.date | None
    done_on: datetime.date | None
    note: str


# The checklist every new setup starts with: (title, due so many days after creation).
DEFAULT_CHECKLIST = [
    (gettext_noop("Find initiators and first partners"), 14),
    (gettext_noop("Hold the first consultation on site"), 30),
    (gettext_noop("Plan the founding event"), 60),
    (gettext_noop("Have the declaration of the alliance signed"), 90),
    (gettext_noop("Name the first coordinator"), 90),
]

BUSY = (ProvisioningStatus.QUEUED, ProvisioningStatus.RUNNING)
# A provisioning that shows no progress for this long has lost its worker (or its
# message): it may be started again. A run that is in fact still alive holds the
# setup's lock, so the new one waits its turn instead of running twice.
STALLED_AFTER = datetime.timedelta(minutes=15)


def provisioning_stalled(setup: AllianceSetup) -> bool:
    return (
        setup.provisioning_status in BUSY
        and setup.updated_at is not None
        and setup.updated_at < timezone.now() - STALLED_AFTER
    )


def can_retry(setup: AllianceSetup) -> bool:
    """A failed (or stalled) provisioning of an active setup can be started again."""
    return setup.stage == SetupStage.ACTIVE and (
        setup.provisioning_status == ProvisioningStatus.FAILED or provisioning_stalled(setup)
    )


def _refuse_while_busy(setup: AllianceSetup) -> None:
    if setup.provisioning_status in BUSY:
        raise ValidationError(
            _(
                "The alliance is being set up on the platform right now. "
                "Please wait until it has finished."
            )
        )


# ---------------------------------------------------------------- setups


@transaction.atomic
def setup_create(*, actor, **fields: Unpack[AllianceSetupFields]) -> AllianceSetup:
    """A new setup in the stage "interest", with the default checklist."""
    setup = record_create(
        actor=actor,
        model=AllianceSetup,
        data={**fields, "stage": SetupStage.INTEREST},
        action="regional.alliancesetup.created",
    )
    today = timezone.localdate()
    # The checklist is the state office's record: written in the platform's language.
    with translation.override(settings.LANGUAGE_CODE):
        tasks = [
            SetupTask(
                setup=setup,
                position=position,
                title=_(title),
                due_on=today + datetime.timedelta(days=days),
            )
            for position, (title, days) in enumerate(DEFAULT_CHECKLIST, start=1)
        ]
    SetupTask.objects.bulk_create(tasks)
    audit_log(
        actor=actor,
        action="regional.alliancesetup.checklist_created",
        target=setup,
        changes={"checklist": [[t.title, t.due_on.isoformat()] for t in tasks]},
    )
    return setup


def setup_update(
    *, actor, setup: AllianceSetup, **data: Unpack[AllianceSetupFields]
) -> AllianceSetup:
    _refuse_while_busy(setup)
    if setup.alliance_id and "slug" in data and data["slug"] != setup.slug:
        raise ValidationError(
            {"slug": _("The alliance is on the platform already; its web address stays.")}
        )
    return record_update(
        actor=actor, instance=setup, data=data, action="regional.alliancesetup.updated"
    )


def setup_delete(*, actor, setup: AllianceSetup) -> None:
    _refuse_while_busy(setup)
    if setup.alliance_id:
        raise ValidationError(
            _("This alliance is on the platform already; its setup is kept as its history.")
        )
    record_delete(actor=actor, instance=setup, action="regional.alliancesetup.deleted")


def _queue_provisioning(setup: AllianceSetup, *, actor) -> None:
    """Mark the setup queued and hand it to a worker once the transaction commits."""
    task_id = str(uuid.uuid4())
    setup.provisioning_status = ProvisioningStatus.QUEUED
    setup.provisioning_step = STEP_QUEUED
    setup.provisioning_error = ""
    setup.provisioning_task_id = task_id
    setup_id = setup.pk
    kwargs = {"actor_id": getattr(actor, "pk", None)}

    def hand_over() -> None:
        # With the broker down the setup shows a failed provisioning that "Try again"
        # starts anew, and the caller learns why (TaskQueueUnavailable).
        if publish("regional.provision_alliance", args=[setup_id], kwargs=kwargs, task_id=task_id):
            return
        error = str(QUEUE_UNAVAILABLE_MESSAGE)
        updated = AllianceSetup.objects.filter(
            pk=setup_id,
            provisioning_task_id=task_id,
            provisioning_status=ProvisioningStatus.QUEUED,
        ).update(
            provisioning_status=ProvisioningStatus.FAILED,
            provisioning_step="",
            provisioning_error=error,
            updated_at=timezone.now(),
        )
        if updated:
            audit_log(
                actor=actor,
                action="regional.alliancesetup.provisioning_failed",
                target=AllianceSetup.objects.get(pk=setup_id),
                changes={"error": error},
            )
        raise TaskQueueUnavailable

    transaction.on_commit(hand_over)


@transaction.atomic
def setup_move(
    *,
    actor,
    setup: AllianceSetup,
    stage: str,
) -> AllianceSetup:
    """Move ``setup`` to ``stage``. Moving to "active" puts the alliance on the platform
    (a Celery task); it is refused, changing nothing, while data for that is missing."""
    setup = AllianceSetup.objects.select_for_update().get(pk=setup.pk)
    if stage not in SetupStage.values:
        raise ValidationError({"stage": _("Unknown stage.")})
    if stage == setup.stage:
        raise ValidationError({"stage": _("The setup is in this stage already.")})
    _refuse_while_busy(setup)
    old_stage = setup.stage
    changes: dict[str, Any] = {"stage": [old_stage, stage]}
    if old_stage == SetupStage.ACTIVE and setup.alliance_id:
        raise ValidationError(
            {"stage": _("This alliance is on the platform already; its setup stays active.")}
        )
    if stage == SetupStage.ACTIVE:
        problems = activation_problems(setup)
        if problems:
            raise ValidationError({"stage": activation_message(problems)})
        changes["provisioning"] = [setup.provisioning_status, ProvisioningStatus.QUEUED]
        _queue_provisioning(setup, actor=actor)
    elif setup.provisioning_status != ProvisioningStatus.NONE:
        # Back from a failed activation: the next move to "active" starts afresh.
        changes["provisioning"] = [setup.provisioning_status, ProvisioningStatus.NONE]
        setup.provisioning_status = ProvisioningStatus.NONE
        setup.provisioning_step = ""
        setup.provisioning_error = ""
    setup.stage = stage
    return save_audited(
        setup, actor=actor, action="regional.alliancesetup.stage_changed", changes=changes
    )


@transaction.atomic
def setup_retry(*, actor, setup: AllianceSetup) -> AllianceSetup:
    """Try the provisioning again after a failure."""
    setup = AllianceSetup.objects.select_for_update().get(pk=setup.pk)
    if not can_retry(setup):
        raise ValidationError(_("Only a failed provisioning can be tried again."))
    problems = activation_problems(setup)
    if problems:
        raise ValidationError(activation_message(problems))
    previous = {"status": setup.provisioning_status, "error": setup.provisioning_error[:500]}
    _queue_provisioning(setup, actor=actor)
    setup.save()
    audit_log(
        actor=actor,
        action="regional.alliancesetup.provisioning_retried",
        target=setup,
        changes={"previous": previous},
    )
    return setup


# ---------------------------------------------------------------- checklist


def task_create(*, actor, setup: AllianceSetup, **fields: Unpack[SetupTaskFields]) -> SetupTask:
    last = setup.tasks.aggregate(last=Max("position"))["last"] or 0
    return record_create(
        actor=actor,
        model=SetupTask,
        data={**fields, "setup": setup, "position": last + 1},
        action="regional.setuptask.created",
    )


def task_update(*, actor, task: SetupTask, **fields: Unpack[SetupTaskFields]) -> SetupTask:
    return record_update(
        actor=actor, instance=task, data=fields, action="regional.setuptask.updated"
    )


def task_delete(*, actor, task: SetupTask) -> None:
    record_delete(actor=actor, instance=task, action="regional.setuptask.deleted")


def task_tick(*, actor, task: SetupTask, done: bool) -> SetupTask:
    """Mark a checklist item done today, or open again."""
    done_on = timezone.localdate() if done else None
    if (task.done_on is not None) == done:
        return task
    return record_update(
        actor=actor,
        instance=task,
        data={"done_on": done_on},
        action="regional.setuptask.ticked" if done else "regional.setuptask.reopened",
    )
