"""Reads of the cross-alliance programmes."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from federal.models import Milestone, Participation, Programme
from kernel.collation import by_name
from tenants import scope
from tenants.models import Alliance, AllianceStatus


def visible_programmes() -> QuerySet[Programme]:
    """Every programme; during a state office's request (``tenants.scope``) only those
    one of its own state's alliances takes part in."""
    state_key = scope.current_state_key()
    if state_key is None:
        return Programme.objects.all()
    taking_part = Participation.objects.filter(alliance__state_id=state_key)
    return Programme.objects.filter(pk__in=taking_part.values("programme_id"))


def programme_list() -> QuerySet[Programme]:
    """``visible_programmes`` with their number of participants and open milestones."""
    return visible_programmes().annotate(
        participant_count=Count("participations", distinct=True),
        open_milestone_count=Count(
            "milestones", filter=Q(milestones__done_on__isnull=True), distinct=True
        ),
    )


def programme_detail(pk: int) -> Programme:
    """One programme of ``programme_list`` with its participants (and their states) and
    milestones; DoesNotExist outside the caller's scope."""
    participations = Participation.objects.select_related("alliance__state").order_by(
        by_name("alliance__name"), "pk"
    )
    return (
        programme_list()
        .prefetch_related(
            Prefetch("participations", queryset=participations),
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk")),
        )
        .get(pk=pk)
    )


def participant_choices(programme: Programme | None = None) -> QuerySet[Alliance]:
    """Alliances of every state that may join (not dissolved; not taking part yet)."""
    queryset = Alliance.everywhere.exclude(status=AllianceStatus.DISSOLVED).select_related("state")
    if programme is not None and programme.pk:
        queryset = queryset.exclude(programme_participations__programme=programme)
    return queryset.order_by(by_name())


def milestone_list() -> QuerySet[Milestone]:
    """The milestones of the programmes ``programme_list`` shows."""
    seen = visible_programmes().values("pk")
    return Milestone.objects.filter(programme__in=seen).select_related("programme")


def participation_list() -> QuerySet[Participation]:
    """The participations in the programmes ``programme_list`` shows."""
    seen = visible_programmes().values("pk")
    return Participation.objects.filter(programme__in=seen).select_related("programme", "alliance")
