"""Germany's states and districts as shipped data (kernel.geo) and the maps drawn from them."""

from __future__ import annotations

import datetime
import re

import pytest
from fpdf import FPDF

from kernel import geo
from kernel.charts import Drawing, Path, svg
from kernel.geo.maps import MapClass, district_map, map_drawing, state_drawing, state_map
from kernel.pdf import draw_chart
from tenants.districts import LEGACY_SLUGS, THURINGIA

CLASSES = (
    MapClass(0, "#edf2f7", "no alliance"),
    MapClass(1, "#bee3f8", "1 alliance"),
    MapClass(3, "#2b6cb0", "3 or more"),
)

# ---------------------------------------------------------------- the catalogue


def test_the_catalogue_holds_the_401_districts_of_31_december_2018():
    # 401 on that day; 400 since Eisenach joined the Wartburgkreis on 1 July 2021.
    assert geo.reference_date() == datetime.date(2018, 12, 31)
    assert len(geo.districts()) == 401
    kinds = {row.kind for row in geo.districts()}
    assert kinds == {geo.CITY, geo.DISTRICT}
    assert sum(row.kind == geo.CITY for row in geo.districts()) == 107


def test_germany_has_16_states_with_two_digit_keys():
    keys = [item.key for item in geo.states()]
    assert keys == [f"{number:02d}" for number in range(1, 17)]
    assert geo.state("16").name == "Thüringen"
    assert all(item.rings for item in geo.states())


def test_every_key_is_unique_has_five_digits_and_names_an_existing_state():
    keys = [row.ags for row in geo.districts()]
    assert len(set(keys)) == len(keys)
    assert all(re.fullmatch(r"\d{5}", key) for key in keys)
    states = {item.key for item in geo.states()}
    assert all(row.state in states and row.ags.startswith(row.state) for row in geo.districts())
    assert {row.state for row in geo.districts()} == states


def test_a_district_is_found_by_its_key_and_an_unknown_key_is_an_error():
    jena = geo.district("16053")
    assert (jena.name, jena.kind, jena.designation, jena.label) == (
        "Jena", geo.CITY, "Kreisfreie Stadt", "Jena",
    )  # fmt: skip
    assert geo.district("16061").label == "Landkreis Eichsfeld"
    assert geo.district("03159").name == "Göttingen"  # formed on 1 November 2016
    with pytest.raises(KeyError):
        geo.district("16099")
    with pytest.raises(KeyError):
        geo.state("17")


def test_the_population_adds_up_to_germanys():
    total = sum(row.population for row in geo.districts())
    assert total == 83_019_213  # Destatis, 31 December 2018
    thuringia = sum(row.population for row in geo.districts(state=THURINGIA))
    assert thuringia == 2_143_145
    assert all(row.population > 30_000 for row in geo.districts())


def test_every_district_has_an_outline_inside_germany():
    for row in geo.districts():
        assert row.rings, row.ags
        points = [point for ring in row.rings for point in ring]
        assert all(5.8 < lon < 15.1 and 47.2 < lat < 55.1 for lon, lat in points), row.ags


def test_the_data_file_stays_small():
    assert geo.DATA.stat().st_size < 1_500_000


# ---------------------------------------------------------------- Thuringia's choices


def test_thuringias_23_old_slugs_map_one_to_one_to_its_districts():
    in_state = geo.districts(state=THURINGIA)
    assert len(in_state) == 23
    assert sorted(LEGACY_SLUGS.values()) == sorted(row.ags for row in in_state)
    assert LEGACY_SLUGS["jena"] == "16053"
    assert LEGACY_SLUGS["eisenach"] == "16056"
    assert LEGACY_SLUGS["wartburgkreis"] == "16063"


def test_a_name_without_a_district_is_named_in_the_error():
    with pytest.raises(LookupError, match="Atlantis"):
        geo.ags_for_labels({"jena": "Jena", "x": "Atlantis"}, state=THURINGIA)


# ---------------------------------------------------------------- maps


def _paths(markup: str) -> list[str]:
    return re.findall(r"<path [^>]*>", markup)


def _no_address(markup: str) -> None:
    # The SVG namespace is a name, not a request; nothing else may point anywhere.
    rest = markup.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"https?:|url\(|href|//", rest)


def test_thuringias_map_has_one_titled_path_per_district_and_no_address():
    values = {"16053": 3, "16051": 1}
    markup = district_map(
        values, classes=CLASSES, state=THURINGIA, chart_id="map", title="Alliances",
        description="Alliances per district",
    )  # fmt: skip
    districts = [p for p in _paths(markup) if 'class="district' in p]
    assert len(districts) == 23
    keys = {re.search(r'data-ags="(\d{5})"', p).group(1) for p in districts}
    assert keys == {row.ags for row in geo.districts(state=THURINGIA)}
    jena = next(p for p in districts if 'data-ags="16053"' in p)
    assert 'fill="#2b6cb0"' in jena  # 3: the third class
    assert 'fill="#bee3f8"' in next(p for p in districts if 'data-ags="16051"' in p)
    assert 'fill="#edf2f7"' in next(p for p in districts if 'data-ags="16061"' in p)
    assert markup.count("<title>") == 23  # one per district; the map's own has an id
    assert "<title>Jena: 3</title>" in markup
    assert 'role="img"' in markup
    assert "no alliance" in markup  # the legend
    assert "© GeoBasis-DE / BKG 2016 (Daten verändert)" in markup  # the source note
    _no_address(markup)


def test_germanys_map_has_one_path_per_district_and_each_states_outline():
    markup = district_map(
        {}, classes=CLASSES, chart_id="germany", title="Germany", description="Districts"
    )
    paths = _paths(markup)
    assert sum('class="district' in p for p in paths) == 401
    assert sum('fill="none"' in p for p in paths) == 16
    _no_address(markup)


def test_a_value_below_every_class_gets_the_first_and_a_missing_one_the_default():
    drawing = map_drawing({"16053": -1}, classes=CLASSES, state=THURINGIA, default=5)
    fills = {
        dict(s.attrs)["data-ags"]: s.fill for s in drawing.shapes if isinstance(s, Path) and s.attrs
    }
    assert fills["16053"] == "#edf2f7"
    assert fills["16051"] == "#2b6cb0"


def test_a_map_draws_into_a_pdf_as_well():
    pdf = FPDF()
    pdf.add_page()
    height = draw_chart(pdf, map_drawing({}, classes=CLASSES, state=THURINGIA), x=10, y=10,
                        width=120)  # fmt: skip
    assert 50 < height < 100  # the map is higher than wide; the legend widens it
    assert pdf.output()


def test_a_path_is_written_relative_to_its_first_point_with_holes_by_even_odd():
    ring = ((10, 10), (20, 10.5), (20, 20))
    markup = svg(
        Drawing(30, 30, (Path((ring,), "#000000", tooltip="<b>"),)),
        chart_id="p", title="t", description="d",
    )  # fmt: skip
    assert 'd="M10,10l10,0.5 0,9.5z"' in markup
    assert 'fill-rule="evenodd"' in markup
    assert "<title>&lt;b&gt;</title>" in markup


def test_a_linked_map_makes_each_district_a_link_named_by_its_text():
    markup = district_map(
        {"16053": 1}, classes=CLASSES, state=THURINGIA, chart_id="map", title="T",
        description="D", link=lambda d: f"/list/?district={d.ags}",
    )  # fmt: skip
    links = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"><g><title>([^<]+)</title><path ',
                       markup)  # fmt: skip
    assert len(links) == 23
    assert 'role="group"' in markup  # not "img": its links must stay in reach
    assert ("/list/?district=16053", "Jena: 1", "Jena: 1") in links
    assert "https:" not in markup
    assert "//" not in markup.replace("http://www.w3.org/2000/svg", "")


def test_germany_by_state_shades_each_of_the_16_states_by_its_value():
    values = {"16": 4, "14": 1}
    markup = state_map(
        values, classes=CLASSES, chart_id="states", title="Alliances", description="By state"
    )
    states = re.findall(r'<path [^>]*class="state value-class-(\d)" data-state="(\d{2})"', markup)
    assert len(states) == 16
    shade = {key: int(index) for index, key in states}
    assert (shade["16"], shade["14"], shade["09"]) == (2, 1, 0)
    assert "<title>Thüringen: 4</title>" in markup
    assert 'role="img"' in markup
    assert "© GeoBasis-DE / BKG 2016 (Daten verändert)" in markup
    _no_address(markup)
    linked = state_map(
        values, classes=CLASSES, chart_id="s", title="T", description="D",
        link=lambda state: f"/states/{state.key}/",
    )  # fmt: skip
    assert linked.count('<a href="/states/') == 16
    assert '<a href="/states/16/" aria-label="Thüringen: 4">' in linked


def test_germany_by_state_draws_into_a_pdf_as_well():
    pdf = FPDF()
    pdf.add_page()
    drawing = state_drawing({"16": 3}, classes=CLASSES)
    assert draw_chart(pdf, drawing, x=10, y=10, width=120) > 50
    assert pdf.output()


def test_a_legend_below_keeps_the_maps_width_and_adds_height():
    beside = map_drawing({}, classes=CLASSES, state=THURINGIA)
    below = map_drawing({}, classes=CLASSES, state=THURINGIA, legend_below=True)
    assert below.width == beside.width - 210  # LEGEND_WIDTH: no column for the legend
    assert below.height > beside.height
    labels = [s for s in below.shapes if getattr(s, "text", "") in {"no alliance", "3 or more"}]
    assert len(labels) == 2
    assert all(label.y > below.height - 80 for label in labels)  # under the map


def test_a_narrow_map_writes_the_source_note_on_two_lines_a_wide_one_on_one():
    narrow = map_drawing({}, classes=CLASSES, state=THURINGIA, legend_below=True)
    wide = map_drawing({}, classes=CLASSES, state=THURINGIA)
    notes = [s.text for s in narrow.shapes if getattr(s, "text", "").startswith(("Geo", "Ein"))]
    assert notes == geo.ATTRIBUTION.split("; ")
    assert [s.text for s in wide.shapes if getattr(s, "text", "").startswith("Geo")] == [
        geo.ATTRIBUTION
    ]
