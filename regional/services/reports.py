"""Writes of the ministry reports: create, edit the texts, generate, release, delete.

Generating runs in Celery (``regional.tasks.reports.generate_report``): the request
marks the report "being generated" and queues the task after the commit; the task
builds the figures from the snapshots and the three files, and marks the report ready
or failed. A released report is frozen: its texts, figures and files never change again
and it cannot be deleted.
"""

from __future__ import annotations

import functools
import logging
import re
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context

from kernel.audit.services import audit_log, save_audited
from kernel.broker import QUEUE_UNAVAILABLE_MESSAGE, TaskQueueUnavailable, publish
from kernel.crud.records import record_create, record_delete, record_update
from kernel.text import EMAIL_RE, PHONE_RE
from regional import report_files, report_pdf
from regional.models import PeriodKind, Report, ReportStatus
from regional.report_tables import report_tables
from regional.reports import NoFiguresError, build_report_data, figure_label, period_of
from regional.suppression import TOTAL, suppression_pattern
from regional.suppression_audit import audit_suppression
from tenants.selectors import current_state

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("title", "summary", "highlights", "problems", "plans")
EDITABLE_STATUSES = (ReportStatus.DRAFT, ReportStatus.READY, ReportStatus.FAILED)
FILE_FIELDS = {"pdf": "pdf_file", "xlsx": "xlsx_file", "csv": "csv_file"}


def _public():
    """Reports and their files live in the public schema."""
    return schema_context(get_public_schema_name())


def frozen_message() -> str:
    return _("This report has been released and is frozen: it can no longer be changed.")


def _contains_contact_data(text: str) -> bool:
    if EMAIL_RE.search(text):
        return True
    return any(
        7 <= len(re.sub(r"\D", "", match.group(0))) <= 15 for match in PHONE_RE.finditer(text)
    )


def check_no_contact_data(texts: dict[str, Any]) -> None:
    """The report goes to the ministry: its texts (field -> text) must not carry e-mail
    addresses or phone numbers (of anyone)."""
    errors = {
        field: _(
            "Please write no e-mail addresses or phone numbers into the report: it goes to "
            "the ministry."
        )
        for field in TEXT_FIELDS
        if isinstance(texts.get(field), str) and _contains_contact_data(texts[field])
    }
    if errors:
        raise ValidationError(errors)


def check_period(*, period_kind: str, quarter: int | None) -> None:
    """A quarterly report needs its quarter. (The model's check constraint lets a missing
    quarter pass: in SQL a comparison with NULL does not fail a CHECK.)"""
    if period_kind == PeriodKind.QUARTER and quarter is None:
        raise ValidationError(
            {"quarter": _("A quarterly report needs a quarter from 1 to 4, a yearly report none.")}
        )


class SuppressionNotSafe(Exception):
    """The report's figures would let a reader work out a suppressed small number."""


def _disclosure_message(report: Report, disclosures) -> str:
    first = disclosures[0]
    names = {d["code"]: d["name"] for d in (report.data or {}).get("districts", [])}
    periods = (report.data or {}).get("period", {}), (report.data or {}).get("previous_period", {})
    # The report's own state (a task builds it in that state's scope).
    total = current_state().name
    where = total if first.scope == TOTAL else names.get(first.scope[1], first.scope[1])
    return _(
        "The small numbers of this report are not protected: %(count)s of them could be "
        "worked out from the other published figures (for example %(figure)s, %(where)s, "
        "%(period)s: %(low)s to %(high)s). The report cannot be released."
    ) % {
        "count": len({(d.scope, d.key, d.column) for d in disclosures}),
        "figure": figure_label(first.key),
        "where": where,
        "period": periods[first.column].get("label", ""),
        "low": first.low,
        "high": first.high,
    }


def check_suppression(report: Report) -> None:
    """Refuse a report whose published figures give a suppressed small number away.

    The check reads the suppression stored at generation, which is what the files show
    (a report generated before it was stored must be generated again).
    """
    stored = (report.data or {}).get("suppression") or {}
    if stored.get("threshold") != report.suppression_threshold:
        raise ValidationError(
            _(
                "This report was generated before its small numbers were checked against "
                "all published figures. Please generate it again before releasing it."
            )
        )
    disclosures = audit_suppression(report.data, report.suppression_threshold)
    if disclosures:
        raise ValidationError(_disclosure_message(report, disclosures))


def report_create(
    *,
    actor,
    title: str,
    period_kind: str,
    year: int,
    quarter: int | None = None,
    summary: str = "",
    highlights: str = "",
    problems: str = "",
    plans: str = "",
) -> Report:
    """A new draft report of the period, under the suppression threshold of the day."""
    check_period(period_kind=period_kind, quarter=quarter)
    texts = {"title": title, "summary": summary, "highlights": highlights,
             "problems": problems, "plans": plans}  # fmt: skip
    check_no_contact_data(texts)
    values = {
        **texts,
        "period_kind": period_kind,
        "year": year,
        "quarter": quarter,
        "status": ReportStatus.DRAFT,
        "suppression_threshold": settings.BUENDNISNETZ_SUPPRESSION_THRESHOLD,
    }
    with _public():
        return record_create(actor=actor, model=Report, data=values)


def _locked(report: Report, *, frozen: str, generating: bool = True) -> Report:
    """The report's row, locked until the transaction ends. Refused with ``frozen`` once
    released and, unless ``generating`` is allowed, while its files are being generated."""
    current = Report.objects.select_for_update().get(pk=report.pk)
    if current.is_frozen:
        raise ValidationError(frozen)
    if not generating and current.status == ReportStatus.GENERATING:
        raise ValidationError(_("The report is being generated. Please wait until it is finished."))
    return current


@transaction.atomic
def report_update(
    *,
    actor,
    report: Report,
    title: str | None = None,
    summary: str | None = None,
    highlights: str | None = None,
    problems: str | None = None,
    plans: str | None = None,
) -> Report:
    """Change the title and texts (None: unchanged). The files of a generated report are
    then out of date: it goes back to draft and has to be generated again before it can
    be released."""
    given = {"title": title, "summary": summary, "highlights": highlights,
             "problems": problems, "plans": plans}  # fmt: skip
    texts = {field: value for field, value in given.items() if value is not None}
    with _public():
        current = _locked(report, frozen=frozen_message(), generating=False)
        check_no_contact_data(texts)
        values = dict(texts)
        changed = any(getattr(current, field) != value for field, value in texts.items())
        if changed and current.status == ReportStatus.READY:
            values["status"] = ReportStatus.DRAFT
        return record_update(actor=actor, instance=current, data=values)


@transaction.atomic
def report_generate(*, actor, report: Report) -> Report:
    """Queue the generation of the figures and files (refused for a released report).

    Asking again while it runs changes nothing.
    """
    with _public():
        current = _locked(
            report,
            frozen=_("This report has been released and is frozen: it cannot be generated again."),
        )
        if current.status == ReportStatus.GENERATING:
            return current
        task_id = str(uuid.uuid4())
        current = record_update(
            actor=actor,
            instance=current,
            data={"status": ReportStatus.GENERATING, "generation_error": "", "task_id": task_id},
            action="regional.report.generation_requested",
        )
    transaction.on_commit(functools.partial(_hand_over, current.pk, task_id, actor))
    return current


def _hand_over(report_id: int, task_id: str, actor) -> None:
    """Give the committed generation to a worker. With the broker down the report is
    marked failed (generating it again is offered) and ``TaskQueueUnavailable`` raised."""
    if publish("regional.generate_report", args=[report_id], task_id=task_id):
        return
    with _public(), transaction.atomic():
        report = Report.objects.select_for_update().filter(pk=report_id).first()
        if report and report.status == ReportStatus.GENERATING and report.task_id == task_id:
            record_update(
                actor=actor,
                instance=report,
                data={
                    "status": ReportStatus.FAILED,
                    "generation_error": str(QUEUE_UNAVAILABLE_MESSAGE),
                },
                action="regional.report.generation_failed",
            )
    raise TaskQueueUnavailable


def _store_files(report: Report, files: dict[str, tuple[str, bytes]]) -> None:
    """Replace the report's files (the old ones are removed first, so names stay)."""
    for kind, (name, content) in files.items():
        field = getattr(report, FILE_FIELDS[kind])
        if field.name:
            field.storage.delete(field.name)
        field.save(name, ContentFile(content), save=False)


def report_build(*, report_id: int) -> Report | None:
    """Build the figures and files of a report that is being generated (the task's work).

    Only a report in "being generated" is built, so running it twice (a redelivered task)
    does nothing the second time; a released report is never touched.
    """
    with _public(), transaction.atomic():
        report = Report.objects.select_for_update().filter(pk=report_id).first()
        if report is None or report.status != ReportStatus.GENERATING:
            return report
        generated_on = timezone.localdate()
        try:
            with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
                threshold = settings.BUENDNISNETZ_SUPPRESSION_THRESHOLD
                data = build_report_data(period_of(report))
                # Stored with the figures: the pages show what the files show, and the
                # release audits exactly that.
                data["suppression"] = suppression_pattern(data, threshold)
                report.data = data
                report.suppression_threshold = threshold
                disclosures = audit_suppression(data, threshold)
                if disclosures:
                    raise SuppressionNotSafe(_disclosure_message(report, disclosures))
                tables = report_tables(report)
                names = report_files.file_names(tables)
                files = {
                    "pdf": report_pdf.build_pdf(report, tables, generated_on=generated_on),
                    "xlsx": report_files.build_xlsx(report, tables),
                    "csv": report_files.build_csv(report, tables),
                }
        except Exception as exc:
            if isinstance(exc, NoFiguresError):
                message = str(exc)
            elif isinstance(exc, SuppressionNotSafe):
                logger.error("report %s: suppression not safe: %s", report_id, exc)
                message = str(exc)
            else:
                logger.exception("generating report %s failed", report_id)
                message = f"{type(exc).__name__}: {exc}"
            Report.objects.filter(pk=report.pk).update(
                status=ReportStatus.FAILED, generation_error=message, updated_at=timezone.now()
            )
            report.refresh_from_db()
            audit_log(
                actor=None,
                action="regional.report.generation_failed",
                target=report,
                changes={"error": message},
            )
            return report
        _store_files(report, {kind: (names[kind], files[kind]) for kind in files})
        report.snapshot_date = tables.snapshot_date
        report.status = ReportStatus.READY
        report.generated_at = timezone.now()
        report.generation_error = ""
        return save_audited(
            report,
            actor=None,
            action="regional.report.generated",
            changes={
                "snapshot_date": tables.snapshot_date.isoformat(),
                "files": [getattr(report, FILE_FIELDS[kind]).name for kind in FILE_FIELDS],
            },
        )


@transaction.atomic
def report_release(*, actor, report: Report) -> Report:
    """Release a generated report to the ministry; from now on it is frozen."""
    with _public():
        current = _locked(report, frozen=_("This report has already been released."))
        if current.status != ReportStatus.READY:
            raise ValidationError(
                _("Only a generated report can be released. Please generate it first.")
            )
        check_suppression(current)
        return record_update(
            actor=actor,
            instance=current,
            data={
                "status": ReportStatus.RELEASED,
                "released_at": timezone.now(),
                "released_by": actor,
            },
            action="regional.report.released",
        )


@transaction.atomic
def report_delete(*, actor, report: Report) -> None:
    """Delete a report that has not been released, with its files."""
    with _public():
        current = _locked(
            report,
            frozen=_("This report has been released and is frozen: it cannot be deleted."),
            generating=False,
        )
        names = [getattr(current, field).name for field in FILE_FIELDS.values()]
        storage = current.pdf_file.storage
        record_delete(actor=actor, instance=current)

    def remove_files() -> None:
        with _public():
            for name in names:
                if name:
                    storage.delete(name)

    transaction.on_commit(remove_files)
