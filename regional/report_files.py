"""The files of a ministry report: PDF (``regional.report_pdf``), XLSX (openpyxl), CSV.

All three are made from the same ``regional.report_tables.ReportTables``, i.e. from the
report's frozen figures after small-number suppression, so they show the same figures.
They are German documents whatever language the person who generates them reads.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kernel import spreadsheets
from kernel.formats import XLSX_INTEGER, XLSX_MONEY, date, number
from regional.report_tables import FigureRow, ReportTables, notes, period_text
from regional.reports import MONEY, SHARE
from tenants.selectors import current_state


def period_slug(tables: ReportTables) -> str:
    return tables.period_label.lower().replace(" ", "-")


def file_names(tables: ReportTables) -> dict[str, str]:
    """The stored files' names (under reports/<id>/)."""
    stem = f"bericht-{period_slug(tables)}"
    return {"pdf": f"{stem}.pdf", "xlsx": f"{stem}.xlsx", "csv": f"{stem}.csv"}


# ---------------------------------------------------------------- spreadsheets


def _cell_number(value: Any, kind: str) -> Any:
    """A cell for the XLSX: numbers as numbers (money as float), markers as text."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if kind == MONEY:
        return float(Decimal(value))
    if kind == SHARE:
        return float(value)
    return int(value)


def _csv_number(value: Any, kind: str, *, percent: bool = False) -> str:
    """A cell for the CSV as German spreadsheets read it (``kernel.formats``)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if percent:
        return number(value, 1)
    if kind == MONEY:
        return number(Decimal(value), 2)
    if kind == SHARE:
        return number(float(value) * 100, 1)
    return number(int(value))


def _headers() -> list[str]:
    return [
        _("Section"),
        _("Figure"),
        _("District"),
        _("This period"),
        _("Previous period"),
        _("Change against the previous period"),
        _("Change in %"),
    ]


def _all_rows(tables: ReportTables) -> Iterable[tuple[str, FigureRow]]:
    """(district name, row): the state's rows first, then each district's."""
    state = current_state().name  # the report's (a task builds it in that state's scope)
    for row in tables.totals:
        yield state, row
    for district in tables.districts:
        for row in district.rows:
            yield district.name, row


def _figure_label_with_unit(row: FigureRow) -> str:
    if row.kind == SHARE:
        return f"{row.label} (%)"
    return row.label


def build_csv(report, tables: ReportTables) -> bytes:
    """Long format, semicolons, UTF-8 with BOM: section;figure;district;value;previous;
    change;change in % (a share and its change in percent and percentage points)."""
    rows = [
        [
            row.section_label,
            _figure_label_with_unit(row),
            district,
            _csv_number(row.value, row.kind),
            _csv_number(row.previous, row.kind),
            _csv_number(row.change, row.kind),
            _csv_number(row.change_percent, row.kind, percent=True),
        ]
        for district, row in _all_rows(tables)
    ]
    return spreadsheets.csv_text([_headers(), *rows]).encode("utf-8")


def build_xlsx(report, tables: ReportTables) -> bytes:
    """Sheets Überblick (Thuringia), Landkreise (each district), Hinweise (the notes)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="00547A")
    right = Alignment(horizontal="right")
    formats = {MONEY: XLSX_MONEY, SHARE: "0.0%", "count": XLSX_INTEGER, "people": XLSX_INTEGER}

    def write_rows(sheet, start_row: int, rows: Iterable[tuple[str | None, FigureRow]]) -> None:
        for offset, (district, row) in enumerate(rows):
            number = start_row + offset
            values = [row.section_label, _figure_label_with_unit(row)]
            if district is not None:
                values.insert(0, district)
            first = len(values) + 1
            values += [
                _cell_number(row.value, row.kind),
                _cell_number(row.previous, row.kind),
                _cell_number(row.change, row.kind),
                row.change_percent / 100
                if isinstance(row.change_percent, int | float)
                else row.change_percent,
            ]
            for column, value in enumerate(values, start=1):
                cell = spreadsheets.set_cell(sheet, number, column, value)
                if column >= first:
                    cell.alignment = right
                    if isinstance(value, int | float):
                        if column == first + 3:
                            cell.number_format = "+0.0%;-0.0%;0.0%"
                        elif column == first + 2 and row.kind == SHARE:
                            cell.number_format = '+0.0" Pp.";-0.0" Pp.";0.0" Pp."'
                            cell.value = value * 100
                        elif column == first + 2:
                            base = formats.get(row.kind, "#,##0")
                            cell.number_format = f"+{base};-{base};{base}"
                        else:
                            cell.number_format = formats.get(row.kind, "#,##0")

    def header(sheet, row: int, labels: list[str]) -> None:
        for column, label in enumerate(labels, start=1):
            cell = spreadsheets.set_cell(sheet, row, column, label)
            cell.font = header_font
            cell.fill = header_fill

    period = _("Reporting period: %(period)s") % {"period": period_text(tables)}
    as_of = _("Figures as of %(date)s") % {"date": date(tables.snapshot_date)}

    overview = workbook.active
    overview.title = spreadsheets.sheet_title(_("Overview of the report"))
    spreadsheets.set_cell(overview, 1, 1, tables.title).font = Font(bold=True, size=14)
    spreadsheets.set_cell(overview, 2, 1, f"{tables.publisher} · {period} · {as_of}")
    labels = _headers()
    labels.pop(2)  # no district column: these are Thuringia's figures
    labels[2] = tables.period_label
    labels[3] = tables.previous_label
    header(overview, 4, labels)
    write_rows(overview, 5, [(None, row) for row in tables.totals])
    overview.freeze_panes = "C5"
    overview.auto_filter.ref = f"A4:F{4 + len(tables.totals)}"

    districts = workbook.create_sheet(spreadsheets.sheet_title(_("Districts of the report")))
    title = f"{tables.title} · {_('Figures by district')}"
    spreadsheets.set_cell(districts, 1, 1, title).font = Font(bold=True, size=14)
    spreadsheets.set_cell(districts, 2, 1, f"{period} · {as_of}")
    labels = _headers()
    labels = [labels[2], labels[0], labels[1], tables.period_label, tables.previous_label,
              labels[5], labels[6]]  # fmt: skip
    header(districts, 4, labels)
    district_rows = [(d.name, row) for d in tables.districts for row in d.rows]
    write_rows(districts, 5, district_rows)
    districts.freeze_panes = "D5"
    districts.auto_filter.ref = f"A4:G{4 + max(len(district_rows), 1)}"

    hints = workbook.create_sheet(spreadsheets.sheet_title(_("Notes of the report")))
    spreadsheets.set_cell(hints, 1, 1, _("Notes on the figures")).font = Font(bold=True, size=14)
    for index, note in enumerate(notes(tables), start=3):
        spreadsheets.set_cell(hints, index, 1, note).alignment = Alignment(wrap_text=True)
    hints.column_dimensions["A"].width = 120

    for sheet, widths in ((overview, (16, 48)), (districts, (34, 16, 48))):
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        for index in range(len(widths) + 1, len(widths) + 5):
            sheet.column_dimensions[get_column_letter(index)].width = 17

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
