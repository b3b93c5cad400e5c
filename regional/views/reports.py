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

from kernel.crud.pages import ObjectPages
from kernel.crud.tables import Column, ListSpec, Table, list_view
from kernel.crud.views import ObjectActionView
from regional import charts
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


REPORT_TABLE = Table(
    Column("title", gettext_lazy("Title"), order_by=True, link=True),
    Column("period", gettext_lazy("Period"), "period_label", "year"),
    Column("status", gettext_lazy("Status"), order_by=True),
    Column("snapshot_date", gettext_lazy("Figures as of"), order_by=True),
    Column("generated_at", gettext_lazy("Generated at"), order_by=True),
    Column("released_at", gettext_lazy("Released at"), order_by=True),
)


def _report_spec(name, title, permission, queryset, filterset, order, columns, **create):
    """All reports or the released ones: the same table, each with its own permission."""
    return ListSpec(
        name=name,
        title=title,
        permission=permission,
        export_permission=permission,
        queryset=queryset,
        filterset=filterset,
        default_order=order,
        detail_url=_detail_url,
        columns=columns,
        **create,
    )


ALL_REPORTS = _report_spec(
    "reports",
    gettext_lazy("Reports to the ministry"),
    MANAGE,
    report_list,
    ReportFilter,
    "-year",
    REPORT_TABLE.columns,
    create_url="report-create",
    create_permission=MANAGE,
)
RELEASED_REPORTS = _report_spec(
    "released-reports",
    gettext_lazy("Released reports"),
    VIEW,
    released_reports,
    ReleasedReportFilter,
    "-released_at",
    REPORT_TABLE.only("title", "period", "snapshot_date", "released_at"),
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
    if tables is None:
        return figures_context(tables)
    return {**figures_context(tables), **charts.report_charts(tables)}


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


def _refused(request, report: Report, message: str):
    return render(
        request,
        "regional/reports/refused.html",
        {"report": report, "message": message},
        status=400,
    )


class _ReportRecord:
    """The ministry sees released reports only, on every page about one."""

    required_permission = MANAGE

    def get_object(self) -> Report | None:
        if "pk" not in self.kwargs:
            return None
        return _report_or_404(self.request, self.kwargs["pk"])


class ReportPages(ObjectPages):
    """A new report (period and title), the texts of one that is not frozen, deleting."""

    model, name = Report, "report"
    routes = ("create", "edit", "delete")
    view_permission, change_permission = VIEW, MANAGE
    service_module = services
    create_title = gettext_lazy("New report to the ministry")
    edit_title = gettext_lazy("Edit the report's texts")
    delete_title = gettext_lazy("Delete the report")
    delete_question = gettext_lazy("Delete %(title)s with its files?")
    deleted_message = gettext_lazy("The report has been deleted.")
    Delete = _ReportRecord

    class Edit(_ReportRecord):
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


class ReportGenerateView(_ReportRecord, ReportPages.Record, ObjectActionView):
    service = services.report_generate
    title = gettext_lazy("Generate the report")
    question = gettext_lazy(
        "Generate the figures and the PDF, Excel and CSV files of %(title)s from the "
        "latest statistics of the period now?"
    )
    success_message = gettext_lazy("The report is being generated. This page updates itself.")
    button = gettext_lazy("Generate")


class ReportReleaseView(_ReportRecord, ReportPages.Record, ObjectActionView):
    service = services.report_release
    title = gettext_lazy("Release the report")
    question = gettext_lazy(
        "Release %(title)s to the ministry? Afterwards its texts, figures and files can "
        "no longer be changed."
    )
    success_message = gettext_lazy("The report has been released to the ministry.")
    button = gettext_lazy("Release")


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
