"""Reports to the ministry (state host, /reports/).

The state coordination office writes, generates and releases them; the ministry sees
the released ones only, as an archive: a report that is not released answers 404 to it,
like every page it may not open. Figures are always shown as the ministry sees them,
with small numbers suppressed.
"""

from __future__ import annotations

from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tenants.utils import get_public_schema_name, schema_context

from kernel.crud.tables import Column, ListSpec, list_view
from kernel.crud.views import ObjectActionView, ObjectDeleteView, ObjectEditView
from regional.filters.reports import ReleasedReportFilter, ReportFilter
from regional.forms.reports import ReportCreateForm, ReportTextsForm
from regional.models import Report, ReportStatus
from regional.report_tables import figures_context, report_tables
from regional.selectors.reports import released_reports, report_detail, report_list
from regional.services import reports as services
from tenants.permissions import access_for, requires

VIEW = "state.reports.view"
MANAGE = "state.reports.manage"

FILES = {
    "pdf": ("pdf_file", "application/pdf"),
    "xlsx": (
        "xlsx_file",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "csv": ("csv_file", "text/csv; charset=utf-8"),
}

# Statuses in which a report has figures and files to show.
_WITH_FIGURES = (ReportStatus.READY, ReportStatus.RELEASED)


def _detail_url(report: Report) -> str:
    return reverse("report-detail", args=[report.pk])


_TITLE = Column("title", gettext_lazy("Title"), lambda r: r.title, "title", link=True)
_PERIOD = Column("period", gettext_lazy("Period"), lambda r: r.period_label, "year")
_AS_OF = Column(
    "snapshot_date", gettext_lazy("Figures as of"), lambda r: r.snapshot_date, "snapshot_date"
)
_RELEASED = Column(
    "released_at", gettext_lazy("Released at"), lambda r: r.released_at, "released_at"
)

ALL_REPORTS = ListSpec(
    name="reports",
    title=gettext_lazy("Reports to the ministry"),
    permission=MANAGE,
    export_permission=MANAGE,
    queryset=report_list,
    filterset=ReportFilter,
    default_order="-year",
    detail_url=_detail_url,
    create_url="report-create",
    create_permission=MANAGE,
    columns=[
        _TITLE,
        _PERIOD,
        Column("status", gettext_lazy("Status"), lambda r: r.get_status_display(), "status"),
        _AS_OF,
        Column(
            "generated_at",
            gettext_lazy("Generated at"),
            lambda r: r.generated_at,
            "generated_at",
        ),
        _RELEASED,
    ],
)

RELEASED_REPORTS = ListSpec(
    name="released-reports",
    title=gettext_lazy("Released reports"),
    permission=VIEW,
    export_permission=VIEW,
    queryset=released_reports,
    filterset=ReleasedReportFilter,
    default_order="-released_at",
    detail_url=_detail_url,
    columns=[_TITLE, _PERIOD, _AS_OF, _RELEASED],
)


@requires(VIEW)
def report_list_view(request):
    """All reports for the state coordination office; the released ones for the ministry."""
    spec = ALL_REPORTS if access_for(request).can(MANAGE) else RELEASED_REPORTS
    return list_view(request, spec)


def _report_or_404(request, pk: int) -> Report:
    """The report, if this person may see it: the ministry only released ones."""
    try:
        return report_detail(pk, released_only=not access_for(request).can(MANAGE))
    except Report.DoesNotExist as exc:
        raise Http404 from exc


def _figures_context(report: Report) -> dict:
    tables = report_tables(report) if report.status in _WITH_FIGURES else None
    return figures_context(tables)


@requires(VIEW)
def report_detail_view(request, pk: int):
    report = _report_or_404(request, pk)
    can_manage = access_for(request).can(MANAGE)
    generating = report.status == ReportStatus.GENERATING
    context = {
        "report": report,
        "can_manage": can_manage,
        "generating": generating,
        "editable": report.status in services.EDITABLE_STATUSES,
        "can_generate": not report.is_frozen and not generating,
        "can_release": report.status == ReportStatus.READY,
        "can_delete": not report.is_frozen and not generating,
        "downloads": [
            (fmt, label)
            for fmt, label in (("pdf", "PDF"), ("xlsx", "Excel (XLSX)"), ("csv", "CSV"))
            if report.status in _WITH_FIGURES and getattr(report, FILES[fmt][0]).name
        ],
        "texts": [
            (_("Summary"), report.summary),
            (_("Highlights"), report.highlights),
            (_("Problems raised by the alliances"), report.problems),
            (_("Plans"), report.plans),
        ],
        **_figures_context(report),
    }
    response = render(request, "regional/reports/detail.html", context)
    if generating:
        response["Refresh"] = "2"
    return response


class _Report:
    model = Report
    list_url, detail_url, instance_arg = "report-list", "report-detail", "report"
    required_permission = MANAGE

    def get_object(self) -> Report | None:
        if "pk" not in self.kwargs:
            return None
        return _report_or_404(self.request, self.kwargs["pk"])


def _refused(request, report: Report, message: str):
    return render(
        request,
        "regional/reports/refused.html",
        {"report": report, "message": message},
        status=400,
    )


class ReportEditView(_Report, ObjectEditView):
    """A new report (period and title), or the texts of one that is not frozen."""

    create_service, update_service = services.report_create, services.report_update
    create_title = gettext_lazy("New report to the ministry")
    edit_title = gettext_lazy("Edit the report's texts")

    def get_form_class(self):
        return ReportTextsForm if "pk" in self.kwargs else ReportCreateForm

    @property
    def saved_message(self):
        if "pk" in self.kwargs:
            return None
        return gettext_lazy("The report has been created. Now write its texts and generate it.")

    def get_object(self) -> Report | None:
        # Loaded once: the refusal check below and the form share it.
        if not hasattr(self, "_report"):
            self._report = super().get_object()
        return self._report

    def get(self, request, *args, **kwargs):
        report = self.get_object()
        if report is not None and report.is_frozen:
            return _refused(request, report, services.frozen_message())
        if report is not None and report.status not in services.EDITABLE_STATUSES:
            return _refused(
                request,
                report,
                _("The report is being generated. Please wait until it is finished."),
            )
        return super().get(request, *args, **kwargs)

    post = get


class ReportGenerateView(_Report, ObjectActionView):
    service = services.report_generate
    title = gettext_lazy("Generate the report")
    question = gettext_lazy(
        "Generate the figures and the PDF, Excel and CSV files of %(title)s from the "
        "latest statistics of the period now?"
    )
    success_message = gettext_lazy("The report is being generated. This page updates itself.")
    button = gettext_lazy("Generate")


class ReportReleaseView(_Report, ObjectActionView):
    service = services.report_release
    title = gettext_lazy("Release the report")
    question = gettext_lazy(
        "Release %(title)s to the ministry? Afterwards its texts, figures and files can "
        "no longer be changed."
    )
    success_message = gettext_lazy("The report has been released to the ministry.")
    button = gettext_lazy("Release")


class ReportDeleteView(_Report, ObjectDeleteView):
    service = services.report_delete
    title = gettext_lazy("Delete the report")
    question = gettext_lazy("Delete %(title)s with its files?")
    success_message = gettext_lazy("The report has been deleted.")


@requires(VIEW)
def report_download(request, pk: int, fmt: str):
    """A stored file of a generated report (the ministry: of a released one)."""
    if fmt not in FILES:
        raise Http404
    report = _report_or_404(request, pk)
    if report.status not in _WITH_FIGURES:
        raise Http404
    field_name, content_type = FILES[fmt]
    field = getattr(report, field_name)
    name = field.name
    with schema_context(get_public_schema_name()):
        try:
            if not name or not field.storage.exists(name):
                raise Http404
            handle = field.storage.open(name, "rb")
        except (SuspiciousFileOperation, ValueError) as exc:
            raise Http404 from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=name.rsplit("/", 1)[-1],
        content_type=content_type,
    )
