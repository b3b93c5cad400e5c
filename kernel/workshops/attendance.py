"""The attendance list of a workshop as PDF (names, organisation, a column to sign),
drawn like the platform's other printouts (``kernel.pdf``), under the organiser's
letterhead where the room gives one."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from functools import partial

from django.utils.translation import gettext as _

from kernel import formats
from kernel.pdf import Letterhead, latin1, paged_output, paged_pdf


def attendance_pdf(
    *,
    organiser: str,
    title: str,
    date: datetime.date,
    place: str,
    people: Sequence[tuple[str, str]],
    letterhead: Letterhead | None = None,
    compress: bool = True,
) -> bytes:
    """One row per person (name, organisation) with an empty signature column, A4
    portrait; the page count is known from a first rendering."""
    draw = partial(_render, organiser, title, date, place, people, letterhead)
    return paged_output(draw, compress=compress)


def _render(organiser, title, date, place, people, letterhead, **rendering):
    heading = _("Attendance list")
    pdf = paged_pdf(
        title=f"{heading}: {title}",
        author=organiser,
        margins=(15, 14, 15),
        letterhead=letterhead,
        **rendering,
    )
    if letterhead is None:  # the letterhead names the organiser
        pdf.set_font("Helvetica", size=9)
        pdf.set_text_color(90, 90, 90)
        pdf.multi_cell(0, 5, latin1(organiser), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", style="B", size=15)
    pdf.multi_cell(0, 8, latin1(f"{heading}: {title}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    when = formats.date(date)
    pdf.multi_cell(
        0,
        6,
        latin1(" - ".join(part for part in (when, place) if part)),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    pdf.set_font("Helvetica", size=10)
    with pdf.list_table(
        col_widths=(10, 60, 55, 55),
        width=180,
        text_align=("RIGHT", "LEFT", "LEFT", "LEFT"),
        v_align="MIDDLE",
        line_height=9,
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
