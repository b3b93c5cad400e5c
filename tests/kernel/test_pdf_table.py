"""The striped figure tables (kernel.pdf_table) put every text where fpdf2's own
``table()`` with the report's layout put it: wrapped at spaces, numbers right-aligned,
a section row across all columns, rows moved whole to the next page under a repeated
heading; only faster (each text measured once)."""

from __future__ import annotations

import io

from fpdf import FPDF
from fpdf.fonts import FontFace
from pypdf import PdfReader

from kernel.pdf_table import StripedTable

HEADING = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=(0, 84, 122))
SECTION = FontFace(emphasis="BOLD", fill_color=(221, 233, 242))
WIDTHS = (74, 24, 24, 26, 22)
ALIGN = ("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT")
ZEBRA = (246, 249, 251)


def _rows():
    yield ["Kennzahl", "2025", "2024", "Veränderung gegenüber dem Vorjahr", "Veränderung in %"]
    for section in range(4):
        yield (f"Abschnitt {section}",)
        for n in range(18):
            label = f"Projekte nach Thema {n}: " + ("Information und Beratung " * (n % 3))
            yield [label.strip(), f"{n * 7}", f"{n * 3}", f"+{n * 4}", f"+{n * 11},5 %"]


def _pdf() -> FPDF:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(20, 22, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 8.5)
    pdf.set_draw_color(215, 215, 215)
    pdf.set_line_width(0.2)
    pdf.set_y(200)  # the heading and first rows must move on to the next page
    return pdf


def _fill(table, *, section_row) -> None:
    for cells in _rows():
        if len(cells) == 1:
            section_row(table, cells[0])
        else:
            table.row(list(cells))


def _fpdf_table() -> bytes:
    pdf = _pdf()
    pdf.set_fill_color(255, 255, 255)
    layout = {
        "width": pdf.epw, "col_widths": WIDTHS, "text_align": ALIGN, "headings_style": HEADING,
        "line_height": 4.6, "borders_layout": "HORIZONTAL_LINES", "padding": (0.6, 1.2),
        "repeat_headings": 1, "cell_fill_color": ZEBRA, "cell_fill_mode": "ROWS",
    }  # fmt: skip
    with pdf.table(**layout) as table:
        _fill(table, section_row=lambda t, text: t.row(style=SECTION).cell(
            text, colspan=5, align="LEFT"))  # fmt: skip
    return bytes(pdf.output())


def _striped_table() -> bytes:
    pdf = _pdf()
    layout = {"col_widths": WIDTHS, "text_align": ALIGN, "heading_style": HEADING,
              "line_height": 4.6, "padding": (0.6, 1.2), "fill_color": ZEBRA}  # fmt: skip
    with StripedTable(pdf, **layout) as table:
        _fill(table, section_row=lambda t, text: t.row(style=SECTION).cell(
            text, colspan=5, align="LEFT"))  # fmt: skip
    return bytes(pdf.output())


def _placed_texts(data: bytes) -> list[list[tuple[str, float, float]]]:
    """Each page's texts with where they start (mm, rounded to 0.01), top to bottom."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        found = []

        def visit(text, _cm, tm, _font, _size, found=found):
            if text.strip():
                x, y = (round(points / 72 * 25.4, 2) for points in (tm[4], tm[5]))
                found.append((text.strip(), x, y))

        page.extract_text(visitor_text=visit)
        pages.append(sorted(found, key=lambda placed: (-placed[2], placed[1], placed[0])))
    return pages


def test_every_text_stands_where_fpdfs_table_put_it():
    expected, drawn = _placed_texts(_fpdf_table()), _placed_texts(_striped_table())

    assert len(drawn) == len(expected) > 2
    assert drawn == expected
    # The heading came along to the pages the table continues on.
    assert all(any(text == "Kennzahl" for text, _x, _y in page) for page in drawn[1:])


def test_a_word_longer_than_its_column_is_broken_between_letters():
    pdf = _pdf()
    with StripedTable(pdf, col_widths=(10, 90), text_align=("LEFT", "RIGHT"),
                      heading_style=HEADING, line_height=4.6, padding=(0.6, 1.2),
                      fill_color=ZEBRA) as table:  # fmt: skip
        table.row(["Familienfreundlichkeit", "Wert"])
    texts = [text for page in _placed_texts(bytes(pdf.output())) for text, _x, _y in page]

    assert "".join(t for t in texts if t != "Wert") == "Familienfreundlichkeit"
    assert len(texts) > 3
