"""One chart model: the same drawing becomes SVG for pages and vector graphics in a PDF."""

from __future__ import annotations

import re

import pytest
from fpdf import FPDF

from kernel.charts import (
    Bar,
    BarChart,
    Circle,
    Drawing,
    Group,
    Line,
    LineChart,
    Polyline,
    Rect,
    Series,
    Text,
    layout,
    svg,
)
from kernel.pdf import draw_chart, latin1


def _chart() -> BarChart:
    return BarChart(
        bars=[
            Bar("Jena", (25, 20), ("25", "20"), scale=25),
            Bar("Suhl", (None, 4), ("x", "4"), scale=4),
        ],
        series=["2025", "2024"],
        ticks=[(0, "0 %"), (1, "100 %")],
        maximum=1,
        category_title="Figure",
        value_title="Share",
    )


def _rects(drawing) -> list[Rect]:
    found = []
    for shape in drawing.shapes:
        inner = shape.shapes if isinstance(shape, Group) else (shape,)
        found += [s for s in inner if isinstance(s, Rect)]
    return found


def test_a_hidden_value_gets_no_bar_but_its_marker_in_bold():
    drawing = layout(_chart())
    bars = [r for r in _rects(drawing) if r.height == 16]
    assert len(bars) == 3  # Jena twice, Suhl's previous value only
    texts = [s for g in drawing.shapes if isinstance(g, Group) for s in g.shapes]
    marker = next(t for t in texts if isinstance(t, Text) and t.text == "x")
    assert marker.bold


def test_each_bar_may_have_its_own_scale():
    jena_now, jena_before, suhl_before = (r for r in _rects(layout(_chart())) if r.height == 16)
    assert jena_now.width > jena_before.width
    assert suhl_before.width == jena_now.width  # 4 of 4 is as long as 25 of 25


def test_svg_escapes_every_text():
    evil = "<script>alert(1)</script>"
    chart = BarChart(bars=[Bar(evil, (1,), (evil,), tooltip=evil)], category_title=evil)
    lines = LineChart([evil], [Series(evil, [1])])
    for drawing in (layout(chart), layout(lines)):
        markup = svg(drawing, chart_id="c", title=evil, description=evil)
        assert "<script>" not in markup
        assert "&lt;script&gt;" in markup
        assert 'role="img"' in markup


def test_the_same_drawing_goes_into_a_pdf_as_filled_rectangles_lines_and_text():
    pdf = FPDF()
    pdf.set_compression(False)
    pdf.add_page()
    height = draw_chart(pdf, layout(_chart()), x=20, y=20, width=170)
    assert 20 < height < 120
    data = bytes(pdf.output())
    assert len(re.findall(rb"\bre\s+f\b", data)) >= 5  # 3 bars and 2 legend swatches
    assert len(re.findall(rb"\bl\s+S\b", data)) >= 2  # the axes
    assert b"(Jena)" in data
    assert b"(Share)" in data


def test_latin1_keeps_umlauts_and_the_euro_and_replaces_what_the_core_fonts_lack():
    assert latin1("Thüringen – 5 € „gut“\u00a0ł") == 'Thüringen - 5 € "gut" l'


def _running_chart(running_from) -> LineChart:
    return LineChart(
        ["2024", "2025", "2026"],
        [Series("Teilnehmende", [900, 1000, 30])],
        running_from=running_from,
        running_label="laufend, bis 15.01.2026",
    )


def test_a_running_period_is_drawn_apart_not_as_a_drop():
    drawing = layout(_running_chart(2))
    solid, dotted = (s for s in drawing.shapes if isinstance(s, Polyline))
    assert len(solid.points) == 2  # the complete years only
    assert solid.dash == ""
    assert len(dotted.points) == 2  # on to the running year, dotted
    assert dotted.dash == "2 3"
    assert dotted.points[0] == solid.points[-1]
    circles = [s for s in drawing.shapes if isinstance(s, Circle)]
    assert [c.stroke for c in circles] == [None, None, "#2b6cb0"]  # the running one hollow
    assert circles[-1].fill == "#ffffff"
    assert "laufend, bis 15.01.2026" in circles[-1].tooltip
    band = drawing.shapes[0]
    assert isinstance(band, Rect)
    assert band.x > 64  # shaded behind the running point only
    texts = [s.text for s in drawing.shapes if isinstance(s, Text)]
    assert "laufend, bis 15.01.2026" in texts
    markup = svg(drawing, chart_id="c", title="t", description="d")
    assert 'stroke-dasharray="2 3"' in markup
    assert 'stroke="#2b6cb0" stroke-width="1.5"' in markup
    pdf = FPDF()
    pdf.set_compression(False)
    pdf.add_page()
    assert draw_chart(pdf, drawing, x=10, y=10, width=180) > 0
    data = bytes(pdf.output())
    assert b"(laufend, bis 15.01.2026)" in data
    assert re.search(rb"\[[\d.]+ [\d.]+\] [\d.]+ d", data)  # the dotted line's pattern


@pytest.mark.parametrize("running_from", [None, 3])
def test_without_a_running_period_the_line_is_one_and_nothing_is_shaded(running_from):
    drawing = layout(_running_chart(running_from))
    lines = [s for s in drawing.shapes if isinstance(s, Polyline)]
    assert [len(line.points) for line in lines] == [3]
    assert not any(isinstance(s, Circle) and s.stroke for s in drawing.shapes)
    assert not any(isinstance(s, Text) and "laufend" in s.text for s in drawing.shapes)


def test_a_chart_of_the_running_period_alone_is_all_marked():
    lines = [s for s in layout(_running_chart(0)).shapes if isinstance(s, Polyline)]
    assert [(line.dash, len(line.points)) for line in lines] == [("2 3", 3)]


def test_a_dashed_thin_line_keeps_its_dash_attribute_intact():
    # format_html once escaped the quotes of a dash added to a thin line's attributes
    # (stroke-dasharray=&quot;2&quot;), which left the SVG attribute broken.
    drawing = Drawing(10, 10, (Line(0, 1, 2, 3, "#111", 1, "2"),))
    out = str(svg(drawing, chart_id="c", title="T", description="D"))
    assert '<line x1="0" y1="1" x2="2" y2="3" stroke="#111" stroke-dasharray="2"></line>' in out


def test_svg_escapes_every_text_attribute_and_link():
    shapes = (
        Text(1, 2, "Jena & <Weimar> \"x\" 'y'"),
        Group((Rect(1, 2, 3, 4, "#fff"),), "tip'", (("class", "a&b"),), "/x?a=1&b=2"),
    )
    out = str(svg(Drawing(10, 10, shapes), chart_id="c", title="T&", description="<D>"))
    assert "Jena &amp; &lt;Weimar&gt; &quot;x&quot; &#x27;y&#x27;" in out
    assert '<a href="/x?a=1&amp;b=2" aria-label="tip&#x27;"><g class="a&amp;b">' in out
    assert '<title id="c-title">T&amp;</title><desc id="c-desc">&lt;D&gt;</desc>' in out
