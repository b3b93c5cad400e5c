"""Forms and list filters of the ministry reports."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kernel.crud.filters import SearchFilterSet
from regional.models import Report

CONTACT_DATA_HINT = _(
    "The report goes to the ministry: please name no persons and write no e-mail "
    "addresses or phone numbers."
)


class ReportCreateForm(forms.ModelForm):
    """A new report: title and period (the model's constraints check the quarter)."""

    class Meta:
        model = Report
        fields = ["title", "period_kind", "year", "quarter"]
        help_texts = {
            "quarter": _("Only for a quarterly report: 1 to 4."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("year", timezone.localdate().year)


class ReportTextsForm(forms.ModelForm):
    """The report's title and texts."""

    class Meta:
        model = Report
        fields = ["title", "summary", "highlights", "problems", "plans"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 7})
            for name in ("summary", "highlights", "problems", "plans")
        }
        help_texts = {
            "summary": CONTACT_DATA_HINT,
        }


def _year_filter() -> django_filters.NumberFilter:
    """The report year of a list or API filter, in the model's range
    (``report_year_plausible``): a year outside it is refused, not searched for."""
    return django_filters.NumberFilter(label=_("Year"), min_value=2000, max_value=2100)


class ReportFilter(SearchFilterSet):
    search_fields = ("title",)
    year = _year_filter()

    class Meta:
        model = Report
        fields = ["status", "period_kind", "year"]


class ReleasedReportFilter(SearchFilterSet):
    search_fields = ("title",)
    year = _year_filter()

    class Meta:
        model = Report
        fields = ["period_kind", "year"]


__all__ = ["ReleasedReportFilter", "ReportCreateForm", "ReportFilter", "ReportTextsForm"]
