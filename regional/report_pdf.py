"""The PDF of a ministry report (fpdf2): title page, contents, texts, tables, charts,
annex and notes, made from the report's ``regional.report_tables.ReportTables``.

It is a German document whatever language the person who generates it reads. It uses
the core font Helvetica (no font files are needed) in Windows-1252; its text is made
safe for it by ``kernel.pdf.latin1``: "€" stays, typographic dashes and quotes become
plain ones. The charts are the pages' chart model (``regional.charts``) drawn into the
PDF.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils.translation import gettext as _
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from kernel import formats
from kernel.charts import BarChart, layout
from kernel.pdf import CoreFontPDF, draw_chart, latin1
from kernel.pdf_layout import contents_page, fitted_columns
from kernel.pdf_table import StripedTable
from regional import charts
from regional.report_tables import FigureRow, ReportTables, notes, period_text
from regional.reports import MAIN_FIGURES, SECTIONS, figure_label
from tenants.selectors import current_state

PRIMARY = (0, 84, 122)
ACCENT = (214, 110, 30)
LIGHT = (221, 233, 242)
ZEBRA = (246, 249, 251)
GRID = (215, 215, 215)
TEXT = (33, 33, 33)
MUTED = (110, 110, 110)

# A chart is as wide as a portrait page's text (mm), on landscape pages too.
PORTRAIT_TEXT_WIDTH = 170
# The room a chart's caption takes below it (mm).
CAPTION_HEIGHT = 12
# A chart a little too tall for the rest of a page is drawn this much smaller at least.
CHART_SHRINK = 0.8
# Room a table needs below its heading: its heading row and a few rows (mm).
TABLE_START = 45

# The district overview tables of the PDF (the annex has every figure of each district):
# the alliances and their partners, their activities, the childcare pool; each narrow
# enough for its headings to fit a landscape page.
_TABLE_SECTIONS = {
    "partners": ("alliances", "partners"),
    "activities": ("projects", "events", "funding", "board"),
    "childcare": ("childcare",),
}
DISTRICT_TABLES = [
    (name, [f.key for f in MAIN_FIGURES if f.section in sections])
    for name, sections in _TABLE_SECTIONS.items()
]


def _texts(report) -> list[tuple[str, str]]:
    return [
        (_("Summary"), report.summary),
        (_("Highlights"), report.highlights),
        (_("Problems raised by the alliances"), report.problems),
        (_("Plans"), report.plans),
    ]


# ---------------------------------------------------------------- PDF


class ReportPDF(CoreFontPDF):
    """A4 report with a header line, "Seite x von y" on every page and a contents page."""

    def __init__(self, tables: ReportTables):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.tables = tables
        self.set_margins(20, 22, 20)
        self.set_auto_page_break(auto=True, margin=20)
        self.alias_nb_pages("{nb}")
        self.set_title(latin1(tables.title))
        self.set_author(tables.publisher)
        self.set_creator(settings.BUENDNISNETZ_PLATFORM_NAME)
        self.set_text_color(*TEXT)
        self.figure_number = 0

    # ------------------------------------------------------------ page furniture

    def header(self):
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "", 7.5)
        self.set_text_color(*MUTED)
        self.set_xy(self.l_margin, 10)
        self.cell(
            self.epw / 2,
            5,
            latin1(self.tables.publisher),
            align="L",
            new_x=XPos.RIGHT,
            new_y=YPos.TOP,
        )
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

    def heading(self, text: str, level: int = 0, *, keep: float = 30) -> None:
        """A numbered heading, in the contents with the page it stands on. It starts a
        new page (of the same orientation) rather than stand alone at the foot of one:
        ``keep`` is how much of what follows must fit below it (mm)."""
        if self.will_page_break(10 + keep):
            self.add_page(same=True)
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

    def zebra_table(self, col_widths: tuple[float, ...], heading: FontFace):
        """A table of figures: the first column text, the others numbers, rows striped."""
        self.set_font("Helvetica", "", 8.5)
        self.set_draw_color(*GRID)
        self.set_line_width(0.2)
        return StripedTable(
            self,
            col_widths=col_widths,
            text_align=("LEFT", *(["RIGHT"] * (len(col_widths) - 1))),
            heading_style=heading,
            line_height=4.6,
            padding=(0.6, 1.2),
            fill_color=ZEBRA,
        )

    def figure_table(self, rows: list[FigureRow]) -> None:
        """Figure, this period, previous period, change, change in %; grouped by section."""
        tables = self.tables
        heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=PRIMARY)
        section_style = FontFace(emphasis="BOLD", fill_color=LIGHT)
        with self.zebra_table((74, 24, 24, 26, 22), heading) as table:
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
        total_style = FontFace(emphasis="BOLD", fill_color=LIGHT)
        labels = [latin1(figure_label(k, short=True)) for k in keys]
        columns = [
            [row.value_text if row else "-" for row in (tables.total(key), *rows)]
            for key in keys
            for rows in [[district.row(key) for district in tables.districts]]
        ]
        size, widths = self.matrix_layout(labels, columns)
        heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=PRIMARY, size_pt=size)
        with self.zebra_table(widths, heading) as table:
            table.row([latin1(_("District")), *labels])
            for district in tables.districts:
                cells = [latin1(district.name)]
                for key in keys:
                    row = district.row(key)
                    cells.append(latin1(row.value_text if row else "–"))
                table.row(cells)
            cells = [latin1(current_state().name)]
            for key in keys:
                row = tables.total(key)
                cells.append(latin1(row.value_text if row else "–"))
            table.row(cells, style=total_style)

    def matrix_layout(self, labels: list[str], columns: list[list[str]]):
        """The district matrix's heading size and column widths (``fitted_columns``):
        the districts' names first, as wide as the longest (30 to 46 mm)."""
        padding = 2 * 1.2 + 2 * self.c_margin + 0.5  # the cell padding and margins
        self.set_font("Helvetica", "B", 8.5)
        names = [latin1(current_state().name), *(latin1(d.name) for d in self.tables.districts)]
        first = min(max(max(self.get_string_width(name) for name in names) + padding, 30), 46)
        size, widths = fitted_columns(
            self, room=self.epw - first, headings=labels, values=columns, padding=padding
        )
        return size, (first + (self.epw - first - sum(widths)), *widths)

    # ------------------------------------------------------------ charts

    def chart_height(self, chart: BarChart, *, max_width: float = PORTRAIT_TEXT_WIDTH) -> float:
        """How tall ``chart`` is drawn (mm), never taller than a page holds."""
        drawing = layout(chart)
        width = min(self.epw, max_width)
        room = self.h - self.t_margin - self.b_margin - CAPTION_HEIGHT
        return min(drawing.height * width / drawing.width, room)

    def chart(self, chart: BarChart, caption: str, *, max_width: float = PORTRAIT_TEXT_WIDTH):
        """``chart`` drawn as on the report's page (``kernel.charts``), at most
        ``max_width`` wide (the same size on portrait and landscape pages), with its
        numbered caption. Where the rest of the page cannot hold it, it is drawn up to a
        fifth smaller, or else moves whole to the next page; it is never cut."""
        drawing = layout(chart)
        height = self.chart_height(chart, max_width=max_width)
        here = self.h - self.b_margin - self.get_y() - CAPTION_HEIGHT
        if height > here >= height * CHART_SHRINK:
            height = here  # a little smaller rather than on a page of its own
        elif self.will_page_break(height + CAPTION_HEIGHT):
            self.add_page(same=True)
        width = height * drawing.width / drawing.height
        top = self.get_y()
        draw_chart(self, drawing, x=self.l_margin, y=top, width=width)
        self.set_text_color(*TEXT)
        self.set_xy(self.l_margin, top + height + 3)
        self.caption(caption)


def _render_toc(pdf: ReportPDF, outline) -> None:
    contents_page(pdf, outline, title=_("Contents"), colour=PRIMARY, leader=MUTED, text=TEXT)


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
    pdf.cell(0, 7, latin1(settings.BUENDNISNETZ_PLATFORM_NAME), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 10.5)
    pdf.multi_cell(0, 5.5, latin1(tables.publisher), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 62, pdf.w, 2.5, style="F")
    pdf.set_text_color(*TEXT)
    pdf.set_xy(pdf.l_margin, 92)
    pdf.set_font("Helvetica", "B", 24)
    pdf.multi_cell(0, 11, latin1(tables.title), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.set_font("Helvetica", "", 13)
    pdf.set_text_color(*PRIMARY)
    period = _("Reporting period: %(period)s") % {"period": period_text(tables)}
    pdf.multi_cell(0, 7, latin1(period), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*TEXT)
    pdf.ln(30)
    pdf.set_font("Helvetica", "", 10.5)
    facts = [
        tables.publisher,
        _("Figures as of %(date)s") % {"date": formats.date(tables.snapshot_date)},
        _("Date: %(date)s") % {"date": formats.date(generated_on)},
    ]
    for fact in facts:
        pdf.multi_cell(0, 6, latin1(fact), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    # Contents (filled in when the document is finished).
    pdf.add_page()
    pdf.insert_toc_placeholder(_render_toc, pages=1)

    # 1-4: the texts, one after the other.
    for number, (title, text) in enumerate(_texts(report), start=1):
        pdf.heading(f"{number} {title}")
        pdf.free_text(text)
        pdf.ln(4)

    # 5: the state's figures, on the same page when there is room for the table's start.
    pdf.ln(2)
    state = {"state": current_state().name}
    pdf.heading("5 " + _("Figures of %(state)s") % state, keep=TABLE_START + 10)
    pdf.paragraph(
        _(
            "Figures as of %(date)s compared with the previous period (%(previous)s); "
            "small numbers are shown as described in the notes."
        )
        % {"date": formats.date(tables.snapshot_date), "previous": tables.previous_label},
        size=9,
    )
    pdf.figure_table(tables.totals)
    pdf.ln(6)
    comparison = charts.comparison_chart(tables)
    pdf.heading("5.1 " + _("Compared with the previous period"), level=1,
                keep=pdf.chart_height(comparison) * CHART_SHRINK + CAPTION_HEIGHT)  # fmt: skip
    pdf.chart(comparison, charts.comparison_caption(tables))

    # 6: the districts, across a landscape page.
    pdf.add_page(orientation="L")
    pdf.heading("6 " + _("Figures by district"), keep=TABLE_START + 10)
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
        "childcare": SECTIONS["childcare"],
    }
    # The chart first: at the top of the landscape page it fits beside nothing else.
    by_district = charts.district_chart(tables)
    pdf.heading("6.1 " + _("Active partners by district"), level=1,
                keep=pdf.chart_height(by_district) * CHART_SHRINK + CAPTION_HEIGHT)  # fmt: skip
    pdf.chart(by_district, charts.district_caption(tables))
    for number, (name, keys) in enumerate(DISTRICT_TABLES, start=2):
        pdf.ln(4)
        # A short table (few districts) only needs its own height below the heading.
        rows = len(tables.districts) + 1
        pdf.heading(f"6.{number} {titles[name]}", level=1, keep=min(TABLE_START, 16 + 6 * rows))
        pdf.district_matrix(keys)

    # 7: annex, one table per district, one after the other.
    pdf.add_page(orientation="P")
    pdf.heading("7 " + _("Annex: figures of each district"), keep=TABLE_START + 10)
    for index, district in enumerate(tables.districts, start=1):
        if index > 1:
            pdf.ln(6)
        pdf.heading(f"7.{index} {district.name}", level=1, keep=TABLE_START)
        pdf.figure_table(district.rows)
    if not tables.districts:
        pdf.paragraph(_("No alliance has figures for this period."))

    # 8: notes.
    pdf.ln(6)
    pdf.heading("8 " + _("Notes on the figures"), keep=40)
    for note in notes(tables):
        pdf.paragraph(note)
    return bytes(pdf.output())
