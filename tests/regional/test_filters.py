"""One FilterSet per model in regional/filters: the page and the API offer parts of it."""

from __future__ import annotations

import datetime

from api.views.state_resources import AllianceSnapshotViewSet
from regional.filters.reports import ReleasedReportFilter, ReportFilter
from regional.filters.statistics import (
    API_FILTERS,
    PAGE_FILTERS,
    AllianceSnapshotApiFilter,
    AllianceSnapshotFilter,
    page_filters,
)
from regional.views.statistics import FIGURES_LIST


def test_the_snapshot_api_and_page_use_parts_of_one_filterset():
    assert issubclass(AllianceSnapshotApiFilter, AllianceSnapshotFilter)
    assert AllianceSnapshotViewSet.filterset_class is AllianceSnapshotApiFilter
    assert list(AllianceSnapshotApiFilter.base_filters) == list(API_FILTERS)
    page = FIGURES_LIST.filterset
    assert issubclass(page, AllianceSnapshotFilter)
    assert list(page.base_filters) == list(PAGE_FILTERS)
    # The declarations are shared, not copied.
    assert page.base_filters["district"] is AllianceSnapshotApiFilter.base_filters["district"]


def test_the_page_filter_offers_the_days_it_is_given():
    days = [datetime.date(2026, 6, 30), datetime.date(2026, 3, 31)]
    filterset = page_filters(dates=days, chosen=days[1])(data={})
    field = filterset.form.fields["date"]
    assert [value for value, _label in field.choices] == ["2026-06-30", "2026-03-31"]
    assert field.initial == "2026-03-31"


def test_released_reports_are_filtered_by_a_part_of_the_report_filterset():
    assert issubclass(ReleasedReportFilter, ReportFilter)
    assert "status" in ReportFilter.base_filters
    assert list(ReleasedReportFilter.base_filters) == ["period_kind", "year", "q"]
