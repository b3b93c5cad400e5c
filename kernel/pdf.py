"""Printable PDFs, drawn with fpdf2.

Only fpdf2's built-in core fonts are used (Helvetica): fresh machines have no system
fonts. Every PDF is a ``CoreFontPDF``, which writes them in Windows-1252 (Latin-1 and
the euro sign), so that amounts read "48.000,00 €" as on the pages (``kernel.formats``).
Every text passes through ``latin1``, which keeps German umlauts and the euro sign and
replaces typographic dashes, quotes and the like.
"""

from __future__ import annotations

import datetime
import io
import logging
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import PathPaintRule
from fpdf.fonts import FontFace

from kernel import formats
from kernel.charts import Circle, Drawing, Group, Line, Path, Polyline, Rect, Text

logger = logging.getLogger(__name__)

CORE_FONTS_ENCODING = "windows-1252"


class CoreFontPDF(FPDF):
    """Every PDF of the platform: core fonts in Windows-1252, so "€" can be drawn."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.core_fonts_encoding = CORE_FONTS_ENCODING


# Characters outside Latin-1 that have a sensible plain replacement.
REPLACEMENTS = {
    "–": "-",  # en dash
    "—": "-",  # em dash
    "‐": "-",
    "‑": "-",
    "−": "-",
    "„": '"',
    "“": '"',
    "”": '"',
    "‟": '"',
    "‚": "'",
    "‘": "'",
    "’": "'",
    "‹": "<",
    "›": ">",
    "…": "...",
    "•": "-",
    "·": "-",
    "✓": "x",
    "\u00a0": " ",  # no-break space
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space
    "\u200b": "",  # zero-width space
    "\u00ad": "",  # soft hyphen
    "ẞ": "SS",
    "Ł": "L",  # letters that do not decompose into a base letter and an accent
    "ł": "l",
    "Đ": "D",
    "đ": "d",
    "Œ": "OE",
    "œ": "oe",
    "ı": "i",
}


def latin1(text: object) -> str:
    """``text`` with only characters the PDF core fonts can draw (Latin-1 and "€")."""
    result = []
    for char in str(text if text is not None else ""):
        char = REPLACEMENTS.get(char, char)
        try:
            char.encode("latin-1" if char != "€" else CORE_FONTS_ENCODING)
        except UnicodeEncodeError:
            # Letters with accents Latin-1 lacks (ł, ő, č) lose the accent; else "?".
            decomposed = unicodedata.normalize("NFKD", char)
            char = (
                "".join(c for c in decomposed if not unicodedata.combining(c))
                .encode("latin-1", "replace")
                .decode("latin-1")
            )
        result.append(char)
    return "".join(result)


# ---------------------------------------------------------------- charts

PT_PER_MM = 72 / 25.4


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def draw_chart(pdf: FPDF, drawing: Drawing, *, x: float, y: float, width: float) -> float:
    """Draw ``drawing`` (``kernel.charts``) into ``pdf`` with its top left corner at
    (``x``, ``y``), ``width`` wide (in the PDF's unit); returns the height it took."""
    scale = width / drawing.width
    for shape in drawing.shapes:
        _draw(pdf, shape, x, y, scale)
    pdf.set_dash_pattern()
    return drawing.height * scale


def _draw(pdf: FPDF, shape, x0: float, y0: float, scale: float) -> None:
    def at(x: float, y: float) -> tuple[float, float]:
        return x0 + x * scale, y0 + y * scale

    if isinstance(shape, Group):
        for inner in shape.shapes:
            _draw(pdf, inner, x0, y0, scale)
    elif isinstance(shape, Rect):
        pdf.set_fill_color(*_rgb(shape.fill))
        style = "F"
        if shape.stroke:
            pdf.set_draw_color(*_rgb(shape.stroke))
            pdf.set_line_width(0.2)
            style = "DF"
        pdf.rect(*at(shape.x, shape.y), shape.width * scale, shape.height * scale, style=style)
    elif isinstance(shape, Line | Polyline):
        pdf.set_draw_color(*_rgb(shape.stroke))
        pdf.set_line_width(max(shape.width * scale, 0.2))
        dash = [float(part) * scale for part in shape.dash.split()] if shape.dash else [0, 0]
        pdf.set_dash_pattern(dash=dash[0], gap=dash[1])
        if isinstance(shape, Line):
            pdf.line(*at(shape.x1, shape.y1), *at(shape.x2, shape.y2))
        else:
            pdf.polyline([at(px, py) for px, py in shape.points], style="D")
    elif isinstance(shape, Circle):
        pdf.set_fill_color(*_rgb(shape.fill))
        style = "F"
        if shape.stroke:
            pdf.set_draw_color(*_rgb(shape.stroke))
            pdf.set_line_width(max(1.5 * scale, 0.2))
            pdf.set_dash_pattern()
            style = "DF"
        x, y = at(shape.cx - shape.r, shape.cy - shape.r)
        pdf.ellipse(x, y, 2 * shape.r * scale, 2 * shape.r * scale, style=style)
    elif isinstance(shape, Path):
        _draw_path(pdf, shape, at, scale)
    elif isinstance(shape, Text):
        text = latin1(shape.text)
        pdf.set_font("Helvetica", "B" if shape.bold else "", shape.size * scale * PT_PER_MM)
        pdf.set_text_color(*_rgb(shape.fill))
        x, y = at(shape.x, shape.y)
        if shape.anchor != "start":
            x -= pdf.get_string_width(text) / (2 if shape.anchor == "middle" else 1)
        pdf.text(x, y, text)
    else:
        raise TypeError(f"Not a shape: {shape!r}")


def _draw_path(pdf: FPDF, shape: Path, at, scale: float) -> None:
    """Rings filled with the even-odd rule, as the SVG ``<path>`` is."""
    filled, stroked = shape.fill != "none", bool(shape.stroke)
    if not (filled or stroked):
        return
    rule = {
        (True, True): PathPaintRule.STROKE_FILL_EVENODD,
        (True, False): PathPaintRule.FILL_EVENODD,
        (False, True): PathPaintRule.STROKE,
    }[(filled, stroked)]
    with pdf.new_path(paint_rule=rule) as path:
        if filled:
            path.style.fill_color = shape.fill
        if stroked:
            path.style.stroke_color = shape.stroke
            path.style.stroke_width = max(shape.width * scale, 0.1)
        for ring in shape.rings:
            if len(ring) < 2:
                continue
            path.move_to(*at(*ring[0]))
            for point in ring[1:]:
                path.line_to(*at(*point))
            path.close()


# ---------------------------------------------------------------- how an offer reads


def offer_dates(offer, *, dash: str = "–") -> str:
    start, end = offer.start_date, offer.end_date
    if start == end:
        return formats.date(start)
    if start.year == end.year:
        return f"{formats.date(start)[:6]}{dash}{formats.date(end)}"
    return f"{formats.date(start)}{dash}{formats.date(end)}"


def offer_hours(offer) -> str:
    if offer.start_time and offer.end_time:
        return _("%(start)s to %(end)s") % {
            "start": formats.clock(offer.start_time),
            "end": formats.clock(offer.end_time),
        }
    if offer.start_time:
        return _("from %(start)s") % {"start": formats.clock(offer.start_time)}
    return ""


def offer_ages(offer) -> str:
    return _("%(min)s to %(max)s years") % {"min": offer.age_min, "max": offer.age_max}


def offer_price(offer) -> str:
    price = offer.price if offer.price is not None else Decimal(0)
    if price == 0:
        return _("free of charge")
    return formats.money(price)


# ---------------------------------------------------------------- printouts of lists
# The holiday plan here, a workshop's attendance list (``kernel.workshops.attendance``).


@dataclass(frozen=True)
class Letterhead:
    """Who a document comes from, at the top of each of its pages: the alliance's (or
    the state office's) name, postal address and logo (PNG or JPEG bytes)."""

    name: str
    address_lines: tuple[str, ...] = ()
    logo: bytes | None = None
    #: The letterhead's rule, as "#rrggbb" (the alliance's main colour).
    colour: str = "#1d4f91"


LOGO_HEIGHT = 14  # mm


class _PagedPDF(CoreFontPDF):
    # The page count, once known from a first rendering: "Page 2 of 5" is then one piece
    # of text in the file (fpdf2's page-count alias would split it in two).
    total_pages: int | None = None
    letterhead: Letterhead | None = None

    def header(self) -> None:
        head = self.letterhead
        if head is None:
            return
        top = self.t_margin
        if head.logo:
            try:
                self.image(io.BytesIO(head.logo), x=self.w - self.r_margin - 50, y=top,
                           h=LOGO_HEIGHT, keep_aspect_ratio=True, w=50)  # fmt: skip
            except Exception as error:  # a damaged upload must not cost the document
                logger.warning("letterhead logo not drawn: %s", error)
        self.set_xy(self.l_margin, top)
        width = self.w - self.l_margin - self.r_margin - (55 if head.logo else 0)
        self.set_font("Helvetica", style="B", size=12)
        self.set_text_color(0, 0, 0)
        self.multi_cell(width, 6, latin1(head.name), new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", size=8)
        self.set_text_color(90, 90, 90)
        for line in head.address_lines:
            self.multi_cell(width, 4, latin1(line), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        rule = max(self.get_y(), top + (LOGO_HEIGHT if head.logo else 0)) + 2
        self.set_draw_color(*_rgb(head.colour))
        self.set_line_width(0.6)
        self.line(self.l_margin, rule, self.w - self.r_margin, rule)
        self.set_draw_color(0, 0, 0)
        self.set_line_width(0.2)
        self.set_y(rule + 6)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.set_text_color(90, 90, 90)
        page = _("Page %(page)s of %(pages)s") % {
            "page": self.page_no(),
            "pages": self.total_pages or self.str_alias_nb_pages,
        }
        self.cell(0, 6, latin1(page), align="C")

    def list_table(self, **layout):
        """A list as a table in the printouts' style: bold shaded headings, repeated on
        every page; ``layout``: the columns' widths, alignment and line height."""
        return self.table(padding=1.5, headings_style=LIST_HEADINGS, repeat_headings=1, **layout)


LIST_HEADINGS = FontFace(emphasis="BOLD", fill_color=(225, 232, 240))


def paged_pdf(
    *,
    title: str,
    author: str,
    margins: tuple[float, float, float],
    landscape: bool = False,
    compress: bool,
    total_pages: int | None,
    letterhead: Letterhead | None = None,
) -> _PagedPDF:
    """An A4 printout with "Page n of m" in the footer (``total_pages`` known from a first
    rendering, see ``paged_output``), the ``letterhead`` at the top of every page, its
    metadata set and its first page added."""
    pdf = _PagedPDF(orientation="landscape" if landscape else "portrait", unit="mm", format="A4")
    pdf.total_pages = total_pages
    pdf.letterhead = letterhead
    pdf.set_compression(compress)
    pdf.set_margins(*margins)
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.set_title(latin1(title))
    pdf.set_author(latin1(author))
    pdf.set_creator(settings.BUENDNISNETZ_PLATFORM_NAME)
    pdf.set_creation_date(datetime.datetime.now(tz=datetime.UTC))
    pdf.add_page()
    return pdf


def paged_output(render: Callable[..., FPDF], *, compress: bool) -> bytes:
    """The file ``render(compress=, total_pages=)`` draws, drawn twice: first uncompressed
    to count the pages, then with the count known."""
    first = render(compress=False, total_pages=None)
    return bytes(render(compress=compress, total_pages=first.page_no()).output())


def holiday_plan_pdf(
    *,
    alliance_name: str,
    year: int,
    offers: Iterable,
    compress: bool = True,
) -> bytes:
    """The printable holiday plan: a title and one table row per offer, A4 landscape."""
    offers = list(offers)
    return paged_output(partial(_render_plan, alliance_name, year, offers), compress=compress)


def _render_plan(alliance_name: str, year: int, offers: list, **rendering) -> FPDF:
    title = _("Holiday programme %(year)s") % {"year": year}
    pdf = paged_pdf(
        title=f"{alliance_name}: {title}",
        author=alliance_name,
        margins=(12, 12, 12),
        landscape=True,
        **rendering,
    )

    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, latin1(alliance_name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", style="B", size=13)
    pdf.multi_cell(0, 7, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=8)
    pdf.set_text_color(90, 90, 90)
    stand = _("As of %(date)s") % {"date": formats.date(timezone.localdate())}
    pdf.multi_cell(0, 5, latin1(stand), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)

    if not offers:
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(
            0, 6, latin1(_("No offers have been published for this year yet.")), new_x="LMARGIN"
        )
        return pdf

    pdf.set_font("Helvetica", size=9)
    headings = [_("Dates"), _("Offer"), _("Ages"), _("Price"), _("Organiser"), _("Place")]
    with pdf.list_table(
        col_widths=(40, 80, 26, 22, 55, 50),
        width=273,
        text_align="LEFT",
        v_align="TOP",
        line_height=4.6,
    ) as table:
        heading = table.row()
        for label in headings:
            heading.cell(latin1(label))
        for offer in offers:
            row = table.row()
            dates = offer_dates(offer, dash="-")
            hours = offer_hours(offer)
            row.cell(latin1(f"{dates}\n{hours}" if hours else dates))
            row.cell(latin1(offer.title))
            row.cell(latin1(offer_ages(offer)))
            row.cell(latin1(offer_price(offer)))
            row.cell(latin1(offer.organiser))
            row.cell(latin1(offer.place or "-"))
    return pdf
