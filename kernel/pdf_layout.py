"""Laying out long PDFs (``kernel.pdf``): a contents page with dotted leaders and page
numbers, and tables of figures whose columns are as wide as their contents need, so
that numbers never break and heading words only where the page is too narrow."""

from __future__ import annotations

from collections.abc import Sequence

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from kernel.pdf import latin1


def fitted_columns(
    pdf: FPDF,
    *,
    room: float,
    headings: Sequence[str],
    values: Sequence[Sequence[str]],
    padding: float,
    value_size: float = 8.5,
    heading_sizes: Sequence[float] = (7.5, 7, 6.5),
) -> tuple[float, tuple[float, ...]]:
    """(heading size, widths) of columns of figures sharing ``room`` (mm): each as wide
    as its longest value (bold, ``value_size``) and its longest heading word (bold, the
    largest of ``heading_sizes`` at which every word fits), what is left shared out
    evenly. When even the smallest headings do not fit, every value still does and the
    rest goes to the headings, the shortest words whole first, so that only the longest
    words break."""
    pdf.set_font("Helvetica", "B", value_size)
    least = [max((pdf.get_string_width(latin1(text)) for text in texts), default=0) + padding
             for texts in values]  # fmt: skip
    for size in heading_sizes:
        pdf.set_font("Helvetica", "B", size)
        words = [max(pdf.get_string_width(w) for w in latin1(h).split()) + padding
                 for h in headings]  # fmt: skip
        needs = [max(word, value) for word, value in zip(words, least, strict=True)]
        if sum(needs) <= room:
            spare = (room - sum(needs)) / max(len(needs), 1)
            return size, tuple(need + spare for need in needs)
    extra = sorted(need - value for need, value in zip(needs, least, strict=True))
    left, level = max(room - sum(least), 0), 0.0
    for count, want in enumerate(extra):
        if want * (len(extra) - count) > left:
            level = left / (len(extra) - count)
            break
        left, level = left - want, want
    return size, tuple(v + min(n - v, level) for v, n in zip(least, needs, strict=True))


def contents_page(
    pdf: FPDF,
    outline,
    *,
    title: str,
    colour: tuple[int, int, int],
    leader: tuple[int, int, int],
    text: tuple[int, int, int],
) -> None:
    """fpdf2's contents placeholder drawn: every section of ``outline`` (indented by its
    level) with a dotted leader and the page it starts on, both linked to it; the lines
    get closer when there are many, so that the contents keep to one page."""
    pdf.set_xy(pdf.l_margin, pdf.t_margin + 2)
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_text_color(*colour)
    pdf.cell(0, 10, latin1(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*text)
    pdf.ln(4)
    available = pdf.h - pdf.b_margin - pdf.get_y() - 4
    line_h = min(7.0, available / max(len(outline), 1))
    for section in outline:
        indent = 8 * section.level
        pdf.set_font("Helvetica", "B" if section.level == 0 else "", 10.5 - section.level)
        link = pdf.add_link(page=section.page_number)
        name_w = min(pdf.get_string_width(section.name) + 1, pdf.epw - indent - 20)
        page_w = 12
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(name_w, line_h, section.name, link=link)
        leader_w = pdf.epw - indent - name_w - page_w
        dots = max(int(leader_w / max(pdf.get_string_width(" ."), 0.1)) - 1, 0)
        pdf.set_text_color(*leader)
        pdf.cell(leader_w, line_h, " ." * dots, align="R")
        pdf.set_text_color(*text)
        pdf.cell(page_w, line_h, str(section.page_number), align="R", link=link,
                 new_x=XPos.LMARGIN, new_y=YPos.NEXT)  # fmt: skip
