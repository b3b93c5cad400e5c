"""The attendance list of a workshop as PDF (names, organisation, a column to sign),
drawn like the platform's other printouts (``kernel.pdf``)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf.fonts import FontFace

# The holiday plan's page: A4 with "Page n of m" in the footer.
from kernel.pdf import _PlanPDF as _PagedPDF
from kernel.pdf import latin1


def attendance_pdf(
    *,
    organiser: str,
    title: str,
    date: datetime.date,
    place: str,
    people: Sequence[tuple[str, str]],
    compress: bool = True,
) -> bytes:
    """One row per person (name, organisation) with an empty signature column, A4
    portrait; the page count is known from a first rendering."""
    first = _render(organiser, title, date, place, people, compress=False)
    pdf = _render(organiser, title, date, place, people, compress, total=first.page_no())
    return bytes(pdf.output())


def _render(organiser, title, date, place, people, compress, total=None):
    pdf = _PagedPDF(orientation="portrait", unit="mm", format="A4")
    pdf.total_pages = total
    pdf.set_compression(compress)
    pdf.set_margins(15, 14, 15)
    pdf.set_auto_page_break(auto=True, margin=16)
    heading = _("Attendance list")
    pdf.set_title(latin1(f"{heading}: {title}"))
    pdf.set_author(latin1(organiser))
    pdf.set_creator("Bündnisnetz Thüringen")
    pdf.set_creation_date(datetime.datetime.now(tz=datetime.UTC))
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(0, 5, latin1(organiser), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", style="B", size=15)
    pdf.multi_cell(0, 8, latin1(f"{heading}: {title}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    when = formats.date_format(date, "d.m.Y")
    pdf.multi_cell(
        0,
        6,
        latin1(" - ".join(part for part in (when, place) if part)),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    pdf.set_font("Helvetica", size=10)
    with pdf.table(
        col_widths=(10, 60, 55, 55),
        width=180,
        text_align=("RIGHT", "LEFT", "LEFT", "LEFT"),
        v_align="MIDDLE",
        line_height=9,
        padding=1.5,
        headings_style=FontFace(emphasis="BOLD", fill_color=(225, 232, 240)),
        repeat_headings=1,
    ) as table:
        table.row([latin1(x) for x in ("#", _("Name"), _("Organisation"), _("Signature"))])
        for number, (name, organisation) in enumerate(people, start=1):
            table.row([str(number), latin1(name), latin1(organisation), ""])
    pdf.ln(4)
    pdf.set_font("Helvetica", size=8)
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(
        0,
        4,
        latin1(
            _("%(count)s people with a confirmed place. With my signature I confirm my attendance.")
            % {"count": len(people)}
        ),
        new_x="LMARGIN",
    )
    return pdf
