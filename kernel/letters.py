"""A letter as PDF under the sender's letterhead (``kernel.pdf``): the recipient's
address block, the place and date, a subject line, paragraphs and the closing. The board's
decision on an application is written this way."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kernel.pdf import FPDF, Letterhead, latin1, paged_output, paged_pdf


@dataclass(frozen=True)
class Letter:
    letterhead: Letterhead
    recipient_lines: tuple[str, ...]
    date: datetime.date
    subject: str
    salutation: str
    paragraphs: tuple[str, ...]
    closing: str
    #: Who signs (the alliance, the board).
    signature: str


def letter_pdf(letter: Letter, *, compress: bool = True) -> bytes:
    """The letter as an A4 PDF, its dates in German."""
    with translation.override("de"):
        return paged_output(partial(_render, letter), compress=compress)


def _render(letter: Letter, **rendering) -> FPDF:
    pdf = paged_pdf(
        title=letter.subject,
        author=letter.letterhead.name,
        margins=(25, 15, 20),
        letterhead=letter.letterhead,
        **rendering,
    )
    pdf.ln(4)
    pdf.set_font("Helvetica", size=10)
    for line in letter.recipient_lines:
        pdf.multi_cell(90, 5, latin1(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.multi_cell(0, 5, latin1(date_format(letter.date, "j. F Y")), align="R",
                   new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.ln(6)
    pdf.set_font("Helvetica", style="B", size=11)
    pdf.multi_cell(0, 6, latin1(letter.subject), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=10)
    _paragraphs(pdf, [letter.salutation, *letter.paragraphs, letter.closing])
    pdf.ln(8)
    pdf.multi_cell(0, 5, latin1(letter.signature), new_x="LMARGIN", new_y="NEXT")
    return pdf


def _paragraphs(pdf: FPDF, paragraphs: Sequence[str]) -> None:
    for paragraph in paragraphs:
        if paragraph.strip():
            pdf.multi_cell(0, 5, latin1(paragraph.strip()), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)


def salutation(name: str) -> str:
    return _("Dear %(name)s,") % {"name": name} if name else _("Dear Sir or Madam,")
