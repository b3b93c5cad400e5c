"""The one FilterSet of the ministry reports (the released ones are filtered by less)."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from kernel.crud.filters import SearchFilterSet, limited_to
from regional.models import Report


class ReportFilter(SearchFilterSet):
    search_fields = ("title",)
    # The report year in the model's range (``report_year_plausible``): a year outside
    # it is refused, not searched for.
    year = django_filters.NumberFilter(label=_("Year"), min_value=2000, max_value=2100)

    class Meta:
        model = Report
        fields = ["status", "period_kind", "year"]


# Who reads released reports only has no choice of status.
ReleasedReportFilter = limited_to(ReportFilter, ("period_kind", "year", "q"))
