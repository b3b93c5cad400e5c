"""Reads of the ministry reports."""

from __future__ import annotations

from django.db.models import QuerySet

from regional.models import Report, ReportStatus


def report_list() -> QuerySet[Report]:
    """Every report, for the state coordination office's list (without the figures)."""
    return Report.objects.defer("data", "summary", "highlights", "problems", "plans")


def released_reports() -> QuerySet[Report]:
    """The ministry's archive: released reports only."""
    return report_list().filter(status=ReportStatus.RELEASED)


def report_detail(pk: int, *, released_only: bool = False) -> Report:
    """One report; ``released_only`` for people who may see released reports only.

    Raises ``Report.DoesNotExist``.
    """
    queryset = Report.objects.select_related("released_by")
    if released_only:
        queryset = queryset.filter(status=ReportStatus.RELEASED)
    return queryset.get(pk=pk)
