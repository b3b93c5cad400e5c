"""Forms of the ministry reports (their FilterSet: ``regional.filters.reports``)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kernel.crud.forms import RecordForm
from regional.models import Report

CONTACT_DATA_HINT = _(
    "The report goes to the ministry: please name no persons and write no e-mail "
    "addresses or phone numbers."
)


class ReportCreateForm(RecordForm):
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


class ReportTextsForm(RecordForm):
    """The report's title and texts."""

    class Meta:
        model = Report
        fields = ["title", "summary", "highlights", "problems", "plans"]
        text_rows = 7
        help_texts = {
            "summary": CONTACT_DATA_HINT,
        }


__all__ = ["ReportCreateForm", "ReportTextsForm"]
