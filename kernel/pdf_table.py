"""Striped tables of figures for the PDFs, drawn with plain cells.

fpdf2's ``table()`` lays every cell out twice through ``multi_cell`` (once to measure,
once to draw), which made the report's tables most of a report's generation (a report
of 17 figure tables: 0.8 s of 1.0 s). Figure tables need far less: rows of short texts
in fixed columns, wrapped at spaces, a first column of text and columns of numbers.
``StripedTable`` draws exactly what the report's ``table(borders_layout=
"HORIZONTAL_LINES", cell_fill_mode="ROWS", repeat_headings=1, v_align="MIDDLE")`` drew:
the same column widths, padding, wrapping, lines, stripes and page breaks with the
heading row repeated, measuring each text once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fpdf.fonts import FontFace


@dataclass
class _Cell:
    text: str
    colspan: int = 1
    align: str | None = None


@dataclass
class _Row:
    cells: list[_Cell] = field(default_factory=list)
    style: FontFace | None = None

    def cell(self, text: str, *, colspan: int = 1, align: str | None = None) -> _Row:
        self.cells.append(_Cell(text, colspan, align))
        return self


class StripedTable:
    """A table whose first row is its heading (repeated on every page), its other rows
    striped with ``fill_color`` (the first, third, ...), horizontal lines between rows.
    Used as ``with StripedTable(pdf, ...) as table: table.row([...])``; drawn on exit
    from the current position, as wide as the page's text (``col_widths`` are shares)."""

    def __init__(
        self,
        pdf,
        *,
        col_widths: tuple[float, ...],
        text_align: tuple[str, ...],
        heading_style: FontFace,
        line_height: float,
        padding: tuple[float, float],
        fill_color: tuple[int, int, int],
    ):
        self.pdf = pdf
        total = sum(col_widths)
        self.widths = [pdf.epw * width / total for width in col_widths]
        self.text_align = text_align
        self.heading_style = heading_style
        self.line_height = line_height
        self.pad_y, self.pad_x = padding
        self.fill_color = fill_color
        self.rows: list[_Row] = []
        # The font, size and colour the table's cells start from.
        self.base = FontFace(
            family=pdf.font_family,
            emphasis=pdf.font_style or None,
            size_pt=pdf.font_size_pt,
            color=pdf.text_color,
        )

    def row(self, texts: list[str] | None = None, *, style: FontFace | None = None) -> _Row:
        row = _Row(style=style)
        for text in texts or ():
            row.cell(text)
        self.rows.append(row)
        return row

    def __enter__(self) -> StripedTable:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self._draw()

    # ------------------------------------------------------------ drawing

    def _face(self, index: int, row: _Row) -> FontFace:
        face = self.base
        if index == 0:
            face = FontFace.combine(face, self.heading_style)
        return FontFace.combine(face, row.style) if row.style else face

    def _layout(self, index: int, row: _Row) -> tuple[FontFace, list[tuple], float]:
        """The row's face, its cells as (x, width, align, lines) and its height."""
        pdf, face = self.pdf, self._face(index, row)
        cells, x, column = [], pdf.l_margin, 0
        with pdf.use_font_face(face):
            for cell in row.cells:
                width = sum(self.widths[column : column + cell.colspan])
                align = cell.align or self.text_align[column]
                # With padding on both sides fpdf leaves out its cell margin.
                room = width - 2 * self.pad_x
                cells.append((x, width, align, _wrap(pdf, cell.text, room)))
                x += width
                column += cell.colspan
        lines = max((len(c[3]) for c in cells), default=1)
        return face, cells, lines * self.line_height + 2 * self.pad_y

    def _draw(self) -> None:
        pdf = self.pdf
        fill_before = pdf.fill_color
        laid = [self._layout(index, row) for index, row in enumerate(self.rows)]
        if len(laid) > 1:
            # Never a heading alone at the foot of a page.
            self._break_if_needed(laid[0][2] + laid[1][2])
        for index, (face, cells, height) in enumerate(laid):
            if self._break_if_needed(height) and index > 0:
                self._draw_row(0, *laid[0])
            self._draw_row(index, face, cells, height)
        pdf.set_fill_color(fill_before)
        pdf.set_x(pdf.l_margin)

    def _break_if_needed(self, height: float) -> bool:
        if self.pdf.will_page_break(height):
            self.pdf.add_page(same=True)
            return True
        return False

    def _draw_row(self, index: int, face: FontFace, cells: list[tuple], height: float) -> None:
        pdf, top = self.pdf, self.pdf.y
        fill = face.fill_color or (self.fill_color if index % 2 == 1 else None)
        left = pdf.l_margin
        right = left + sum(width for _x, width, _a, _l in cells)
        if fill is not None:
            pdf.set_fill_color(fill)
            pdf.rect(left, top, right - left, height, style="F")
        if index > 0:
            pdf.line(left, top, right, top)
        if index < len(self.rows) - 1:
            pdf.line(left, top + height, right, top + height)
        margin, pdf.c_margin = pdf.c_margin, 0  # the padding alone, as above
        with pdf.use_font_face(face):
            for x, width, align, lines in cells:
                # Each cell's text in the middle of the row's height.
                y = top + (height - len(lines) * self.line_height) / 2
                for line in lines:
                    pdf.set_xy(x + self.pad_x, y)
                    pdf.cell(width - 2 * self.pad_x, self.line_height, line, align=align[0])
                    y += self.line_height
        pdf.c_margin = margin
        pdf.set_xy(left, top + height)


def _wrap(pdf, text: str, room: float) -> list[str]:
    """``text`` in lines at most ``room`` wide, broken at spaces (a word too long for a
    line alone is broken between letters), as fpdf's ``multi_cell`` breaks it."""
    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if pdf.get_string_width(candidate) <= room:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            while pdf.get_string_width(word) > room and len(word) > 1:
                cut = _longest_prefix(pdf, word, room)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _longest_prefix(pdf, word: str, room: float) -> int:
    cut = 1
    while cut < len(word) and pdf.get_string_width(word[: cut + 1]) <= room:
        cut += 1
    return cut
