"""The files of a ministry report: PDF (fpdf2), XLSX (openpyxl) and CSV.

All three are made from the same ``regional.reports.ReportTables``, i.e. from the
report's frozen figures after small-number suppression, so they show the same figures.
They are German documents whatever language the person who generates them reads.

The PDF uses the core font Helvetica (no font files are needed); its text is made
Latin-1 safe: "€" becomes "EUR", typographic dashes and quotes plain ones.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from kernel import spreadsheets
from kernel.charts import BarChart, layout
from kernel.pdf import draw_chart, latin1
from regional import charts
from regional.reports import (
    MONEY,
    SHARE,
    FigureRow,
    ReportTables,
    figure_label,
    notes,
)

OFFICE = "Landeskoordinierungsstelle Lokale Bündnisse für Familie Thüringen"

PRIMARY = (0, 84, 122)
ACCENT = (214, 110, 30)
LIGHT = (221, 233, 242)
ZEBRA = (246, 249, 251)
GRID = (215, 215, 215)
TEXT = (33, 33, 33)
MUTED = (110, 110, 110)

# The district overview tables of the PDF (the annex has every figure of each district).
DISTRICT_TABLES = [
    (
        "partners",
        [
            "alliances",
            "partners_total",
            "companies",
            "partners_with_care_guides",
            "care_guides_share",
            "care_guides_total",
            "valid_seals",
        ],
    ),
    (
        "activities",
        [
            "projects_total",
            "families_reached",
            "events",
            "event_participants",
            "funding_total",
            "board_meetings_held",
        ],
    ),
]


def period_slug(tables: ReportTables) -> str:
    return tables.period_label.lower().replace(" ", "-")


def file_names(tables: ReportTables) -> dict[str, str]:
    """The stored files' names (under reports/<id>/)."""
    stem = f"bericht-{period_slug(tables)}"
    return {"pdf": f"{stem}.pdf", "xlsx": f"{stem}.xlsx", "csv": f"{stem}.csv"}


def _texts(report) -> list[tuple[str, str]]:
    return [
        (_("Summary"), report.summary),
        (_("Highlights"), report.highlights),
        (_("Problems raised by the alliances"), report.problems),
        (_("Plans"), report.plans),
    ]


def _period_text(tables: ReportTables) -> str:
    return f"{tables.period_label} ({tables.period_start:%d.%m.%Y} – {tables.period_end:%d.%m.%Y})"


# ---------------------------------------------------------------- PDF


class ReportPDF(FPDF):
    """A4 report with a header line, "Seite x von y" on every page and a contents page."""

    def __init__(self, tables: ReportTables):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.tables = tables
        self.set_margins(20, 22, 20)
        self.set_auto_page_break(auto=True, margin=20)
        self.alias_nb_pages("{nb}")
        self.set_title(latin1(tables.title))
        self.set_author(OFFICE)
        self.set_creator("Bündnisnetz Thüringen")
        self.set_text_color(*TEXT)
        self.figure_number = 0

    # ------------------------------------------------------------ page furniture

    def header(self):
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "", 7.5)
        self.set_text_color(*MUTED)
        self.set_xy(self.l_margin, 10)
        self.cell(self.epw / 2, 5, latin1(OFFICE), align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
        self.cell(self.epw / 2, 5, latin1(f"{self.tables.title} · {self.tables.period_label}"),
                  align="R")  # fmt: skip
        self.set_draw_color(*PRIMARY)
        self.set_line_width(0.3)
        self.line(self.l_margin, 15.5, self.w - self.r_margin, 15.5)
        self.set_text_color(*TEXT)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self):
        self.set_y(-13)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(*MUTED)
        text = _("Page %(page)s of %(pages)s") % {"page": self.page_no(), "pages": "{nb}"}
        self.cell(0, 5, latin1(text), align="C")
        self.set_text_color(*TEXT)

    # ------------------------------------------------------------ building blocks

    def heading(self, text: str, level: int = 0) -> None:
        self.start_section(latin1(text), level=level)
        size = 15 if level == 0 else 12
        self.set_font("Helvetica", "B", size)
        self.set_text_color(*PRIMARY)
        self.multi_cell(0, size * 0.5, latin1(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*TEXT)
        self.ln(3 if level else 4)

    def paragraph(self, text: str, size: float = 10) -> None:
        self.set_font("Helvetica", "", size)
        self.multi_cell(0, size * 0.5, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)

    def free_text(self, text: str) -> None:
        text = (text or "").strip()
        if not text:
            self.set_text_color(*MUTED)
            self.paragraph(_("No entries."))
            self.set_text_color(*TEXT)
            return
        for block in text.replace("\r\n", "\n").split("\n\n"):
            lines = [line.rstrip() for line in block.split("\n") if line.strip()]
            if not lines:
                continue
            for line in lines:
                stripped = line.lstrip()
                if stripped[:2] in ("- ", "* ", "• "):
                    self.set_font("Helvetica", "", 10)
                    self.set_x(self.l_margin + 4)
                    self.cell(4, 5, "-")
                    self.multi_cell(
                        self.epw - 8, 5, latin1(stripped[2:]),
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT,
                    )  # fmt: skip
                else:
                    self.paragraph(line)
            self.ln(1.5)

    def caption(self, text: str) -> None:
        self.figure_number += 1
        self.set_font("Helvetica", "I", 9)
        self.set_text_color(*MUTED)
        label = _("Figure %(number)s: %(caption)s") % {
            "number": self.figure_number,
            "caption": text,
        }
        self.multi_cell(0, 4.5, latin1(label), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*TEXT)
        self.ln(3)

    def figure_table(self, rows: list[FigureRow]) -> None:
        """Figure, this period, previous period, change, change in %; grouped by section."""
        tables = self.tables
        heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=PRIMARY)
        section_style = FontFace(emphasis="BOLD", fill_color=LIGHT)
        self.set_font("Helvetica", "", 8.5)
        self.set_draw_color(*GRID)
        self.set_line_width(0.2)
        self.set_fill_color(255, 255, 255)  # the table's cells start from the current style
        with self.table(
            width=self.epw,
            col_widths=(74, 24, 24, 26, 22),
            text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
            headings_style=heading,
            line_height=4.6,
            borders_layout="HORIZONTAL_LINES",
            padding=(0.6, 1.2),
            repeat_headings=1,
            cell_fill_color=ZEBRA,
            cell_fill_mode="ROWS",
        ) as table:
            table.row(
                [
                    latin1(_("Figure")),
                    latin1(tables.period_label),
                    latin1(tables.previous_label),
                    latin1(_("Change against the previous period")),
                    latin1(_("Change in %")),
                ]
            )
            section = None
            for row in rows:
                if row.section != section:
                    section = row.section
                    table.row(style=section_style).cell(
                        latin1(row.section_label), colspan=5, align="LEFT"
                    )
                table.row(
                    [
                        latin1(row.label),
                        latin1(row.value_text),
                        latin1(row.previous_text),
                        latin1(row.change_text),
                        latin1(row.change_percent_text),
                    ]
                )

    def district_matrix(self, keys: list[str]) -> None:
        """Districts down, figures across (this period); Thuringia's totals last."""
        tables = self.tables
        heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=PRIMARY, size_pt=7.5)
        total_style = FontFace(emphasis="BOLD", fill_color=LIGHT)
        first = 62
        width = (self.epw - first) / len(keys)
        self.set_font("Helvetica", "", 8.5)
        self.set_draw_color(*GRID)
        self.set_line_width(0.2)
        self.set_fill_color(255, 255, 255)  # the table's cells start from the current style
        with self.table(
            width=self.epw,
            col_widths=(first, *([width] * len(keys))),
            text_align=("LEFT", *(["RIGHT"] * len(keys))),
            headings_style=heading,
            line_height=4.6,
            borders_layout="HORIZONTAL_LINES",
            padding=(0.6, 1.2),
            repeat_headings=1,
            cell_fill_color=ZEBRA,
            cell_fill_mode="ROWS",
        ) as table:
            table.row([latin1(_("District"))] + [latin1(figure_label(k, short=True)) for k in keys])
            for district in tables.districts:
                cells = [latin1(district.name)]
                for key in keys:
                    row = district.row(key)
                    cells.append(latin1(row.value_text if row else "–"))
                table.row(cells)
            cells = [latin1(_("Thuringia"))]
            for key in keys:
                row = tables.total(key)
                cells.append(latin1(row.value_text if row else "–"))
            table.row(cells, style=total_style)

    # ------------------------------------------------------------ charts

    def chart(self, chart: BarChart) -> None:
        """``chart`` across the text width, drawn as on the pages (``kernel.charts``)."""
        top = self.get_y()
        height = draw_chart(self, layout(chart), x=self.l_margin, y=top, width=self.epw)
        self.set_text_color(*TEXT)
        self.set_xy(self.l_margin, top + height + 4)


def _render_toc(pdf: ReportPDF, outline) -> None:
    """The contents page: every section with a dotted leader and its page (linked)."""
    pdf.set_xy(pdf.l_margin, pdf.t_margin + 2)
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_text_color(*PRIMARY)
    pdf.cell(0, 10, latin1(_("Contents")), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*TEXT)
    pdf.ln(4)
    available = pdf.h - pdf.b_margin - pdf.get_y() - 4
    line_h = min(7.0, available / max(len(outline), 1))
    for section in outline:
        indent = 8 * section.level
        pdf.set_font("Helvetica", "B" if section.level == 0 else "", 10.5 - section.level)
        link = pdf.add_link(page=section.page_number)
        page = str(section.page_number)
        name = section.name
        name_w = min(pdf.get_string_width(name) + 1, pdf.epw - indent - 20)
        page_w = 12
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(name_w, line_h, name, link=link)
        leader_w = pdf.epw - indent - name_w - page_w
        dots = max(int(leader_w / max(pdf.get_string_width(" ."), 0.1)) - 1, 0)
        pdf.set_text_color(*MUTED)
        pdf.cell(leader_w, line_h, " ." * dots, align="R")
        pdf.set_text_color(*TEXT)
        pdf.cell(page_w, line_h, page, align="R", link=link, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def build_pdf(report, tables: ReportTables, *, generated_on: datetime.date) -> bytes:
    """The report as a PDF: title page, contents, texts, tables, charts, annex, notes."""
    pdf = ReportPDF(tables)

    # Title page.
    pdf.add_page()
    pdf.set_fill_color(*PRIMARY)
    pdf.rect(0, 0, pdf.w, 62, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("Helvetica", "B", 13)
    pdf.set_xy(pdf.l_margin, 22)
    pdf.cell(0, 7, "Bündnisnetz Thüringen", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 10.5)
    pdf.multi_cell(0, 5.5, latin1(OFFICE), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 62, pdf.w, 2.5, style="F")
    pdf.set_text_color(*TEXT)
    pdf.set_xy(pdf.l_margin, 92)
    pdf.set_font("Helvetica", "B", 24)
    pdf.multi_cell(0, 11, latin1(tables.title), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.set_font("Helvetica", "", 13)
    pdf.set_text_color(*PRIMARY)
    period = _("Reporting period: %(period)s") % {"period": _period_text(tables)}
    pdf.multi_cell(0, 7, latin1(period), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*TEXT)
    pdf.ln(30)
    pdf.set_font("Helvetica", "", 10.5)
    facts = [
        OFFICE,
        _("Figures as of %(date)s") % {"date": f"{tables.snapshot_date:%d.%m.%Y}"},
        _("Date: %(date)s") % {"date": f"{generated_on:%d.%m.%Y}"},
    ]
    for fact in facts:
        pdf.multi_cell(0, 6, latin1(fact), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    # Contents (filled in when the document is finished).
    pdf.add_page()
    pdf.insert_toc_placeholder(_render_toc, pages=1)

    # 1-4: the texts.
    for number, (title, text) in enumerate(_texts(report), start=1):
        if pdf.get_y() > pdf.h - 70:
            pdf.add_page()
        pdf.heading(f"{number} {title}")
        pdf.free_text(text)
        pdf.ln(4)

    # 5: Thuringia's figures.
    pdf.add_page()
    pdf.heading("5 " + _("Figures of Thuringia"))
    pdf.paragraph(
        _(
            "Figures as of %(date)s compared with the previous period (%(previous)s); "
            "small numbers are shown as described in the notes."
        )
        % {"date": f"{tables.snapshot_date:%d.%m.%Y}", "previous": tables.previous_label},
        size=9,
    )
    pdf.figure_table(tables.totals)
    pdf.add_page()
    pdf.heading("5.1 " + _("Compared with the previous period"), level=1)
    pdf.chart(charts.comparison_chart(tables))
    pdf.caption(
        _("Figures of Thuringia in %(period)s and %(previous)s")
        % {"period": tables.period_label, "previous": tables.previous_label}
    )

    # 6: the districts.
    pdf.add_page(orientation="L")
    pdf.heading("6 " + _("Figures by district"))
    pdf.paragraph(
        _(
            "Districts and independent cities in which alliances are present, figures of "
            "%(period)s. The changes against the previous period are in the annex."
        )
        % {"period": tables.period_label},
        size=9,
    )
    titles = {
        "partners": _("Partners, care guides and seals"),
        "activities": _("Projects, events, funding and board meetings"),
    }
    for number, (name, keys) in enumerate(DISTRICT_TABLES, start=1):
        if number > 1:
            pdf.ln(6)
        pdf.heading(f"6.{number} {titles[name]}", level=1)
        pdf.district_matrix(keys)
    pdf.add_page(orientation="P")
    pdf.heading(f"6.{len(DISTRICT_TABLES) + 1} " + _("Active partners by district"), level=1)
    pdf.chart(charts.district_chart(tables))
    pdf.caption(_("Active partners by district, %(period)s") % {"period": tables.period_label})

    # 7: annex, one table per district.
    for index, district in enumerate(tables.districts, start=1):
        pdf.add_page()
        if index == 1:
            pdf.heading("7 " + _("Annex: figures of each district"))
        pdf.heading(f"7.{index} {district.name}", level=1)
        pdf.figure_table(district.rows)
    if not tables.districts:
        pdf.add_page()
        pdf.heading("7 " + _("Annex: figures of each district"))
        pdf.paragraph(_("No alliance has figures for this period."))

    # 8: notes.
    pdf.add_page()
    pdf.heading("8 " + _("Notes on the figures"))
    for note in notes(tables):
        pdf.paragraph(note)
    return bytes(pdf.output())


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
    """A cell for the CSV as German spreadsheets read it (decimal comma)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if percent:
        return f"{value:.1f}".replace(".", ",")
    if kind == MONEY:
        return f"{Decimal(value):.2f}".replace(".", ",")
    if kind == SHARE:
        return f"{float(value) * 100:.1f}".replace(".", ",")
    return str(int(value))


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
    """(district name, row): Thuringia's rows first, then each district's."""
    thuringia = _("Thuringia")
    for row in tables.totals:
        yield thuringia, row
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
    formats = {MONEY: '#,##0.00 "EUR"', SHARE: "0.0%", "count": "#,##0", "people": "#,##0"}

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

    period = _("Reporting period: %(period)s") % {"period": _period_text(tables)}
    as_of = _("Figures as of %(date)s") % {"date": f"{tables.snapshot_date:%d.%m.%Y}"}

    overview = workbook.active
    overview.title = spreadsheets.sheet_title(_("Overview of the report"))
    spreadsheets.set_cell(overview, 1, 1, tables.title).font = Font(bold=True, size=14)
    spreadsheets.set_cell(overview, 2, 1, f"{OFFICE} · {period} · {as_of}")
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
