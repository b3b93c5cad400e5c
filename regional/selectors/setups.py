"""Reads of the new-alliance pipeline."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Min, Prefetch, Q, QuerySet
from django.utils import timezone

from kernel.collation import by_name
from regional.models import AllianceSetup, SetupStage, SetupTask
from tenants.models import User
from tenants.roles import Role
from tenants.scope import scoped_or_home_state_key


def setup_list() -> QuerySet[AllianceSetup]:
    """Setups with mentor and alliance joined and their checklist summed up:
    ``open_task_count``, ``overdue_task_count`` and ``next_due_on`` (open items only)."""
    today = timezone.localdate()
    is_open = Q(tasks__done_on__isnull=True)
    return AllianceSetup.objects.select_related("mentor", "alliance").annotate(
        open_task_count=Count("tasks", filter=is_open),
        overdue_task_count=Count("tasks", filter=is_open & Q(tasks__due_on__lt=today)),
        next_due_on=Min("tasks__due_on", filter=is_open),
    )


@dataclass(frozen=True)
class BoardColumn:
    stage: str
    label: str
    setups: list[AllianceSetup]
    next_stage: str | None  # where a card of this column usually moves on to


def setup_list_with_checklist() -> QuerySet[AllianceSetup]:
    """Setups as the list shows them, each with its checklist in order (for the API)."""
    tasks = Prefetch("tasks", queryset=SetupTask.objects.order_by("position", "due_on", "pk"))
    return setup_list().prefetch_related(tasks)


def setup_board(queryset: QuerySet[AllianceSetup] | None = None) -> list[BoardColumn]:
    """One column per stage, in the pipeline's order, each with its setups by place."""
    setups = list((queryset if queryset is not None else setup_list()).order_by("place", "pk"))
    stages = list(SetupStage)
    return [
        BoardColumn(
            stage=stage.value,
            label=str(stage.label),
            setups=[s for s in setups if s.stage == stage.value],
            next_stage=stages[index + 1].value if index + 1 < len(stages) else None,
        )
        for index, stage in enumerate(stages)
    ]


def setup_detail(pk: int) -> AllianceSetup:
    return (
        setup_list()
        .prefetch_related(
            Prefetch("tasks", queryset=SetupTask.objects.order_by("position", "due_on", "pk"))
        )
        .get(pk=pk)
    )


def mentor_choices() -> QuerySet[User]:
    """Who can accompany a setup: active people holding the state coordinator role in the
    office's own state."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__role=Role.STATE_COORDINATOR,
            memberships__state_id=scoped_or_home_state_key(),
        )
        .distinct()
        .order_by(by_name("full_name"), "email")
    )
