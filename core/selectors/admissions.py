"""Reads of admission applications and decisions."""

from __future__ import annotations

from django.db.models import Count, Max, Prefetch, QuerySet

from core.models import Application, ApplicationStatus, Decision


def application_list() -> QuerySet[Application]:
    """Applications with their partner and a summary of the decisions, for lists and exports."""
    return Application.objects.select_related("partner").annotate(
        decision_count=Count("decisions", distinct=True),
        last_meeting_date=Max("decisions__meeting__date"),
    )


def application_detail(pk: int) -> Application:
    return (
        Application.objects.select_related("partner")
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("meeting").order_by(
                    "-meeting__date", "-pk"
                ),
            )
        )
        .get(pk=pk)
    )


def decision_list() -> QuerySet[Decision]:
    """The board's decisions with the application and meeting they concern."""
    return Decision.objects.select_related("application", "meeting")


def pending_applications() -> QuerySet[Application]:
    """What the board still has to decide on, oldest letter first."""
    return Application.objects.filter(status=ApplicationStatus.PENDING).order_by(
        "received_on", "organisation_name", "pk"
    )
