"""The ministry report's PDF as a document: its contents name every section with the
page it is on, every page says "Seite x von y", sections flow on without half-empty
pages where the layout allows, and its charts are the report page's."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.regional import test_reports as reports

# The report of test_reports (its figures, texts and state coordinator).
figures, report, ready_report = reports.figures, reports.report, reports.ready_report
state_coordinator = reports.state_coordinator
_bytes = reports._bytes

TOC_LINE = re.compile(r"^(\d(?:\.\d+)?) (.+?)[ .]*?\s(\d+)$")


def _pages(generated) -> list[str]:
    reader = PdfReader(io.BytesIO(_bytes(generated.pdf_file)))
    return [page.extract_text() for page in reader.pages]


def _contents(pages: list[str]) -> list[tuple[str, str, int]]:
    """(number, title, page) of every entry of the contents page."""
    entries = []
    for line in pages[1].splitlines():
        line = re.sub(r"(\s?\.)+\s", " ", line).strip()
        if match := TOC_LINE.match(line):
            entries.append((match[1], match[2].strip(" ."), int(match[3])))
    return entries


def test_the_contents_name_every_section_with_the_page_it_is_on(ready_report):
    pages = _pages(ready_report)
    entries = _contents(pages)
    numbers = [number for number, _title, _page in entries]
    assert numbers == [
        "1", "2", "3", "4", "5", "5.1", "6", "6.1", "6.2", "6.3", "6.4", "7", "7.1", "7.2", "8",
    ]  # fmt: skip
    for number, title, page in entries:
        lines = [line.strip() for line in pages[page - 1].splitlines()]
        assert f"{number} {title}" in lines, (number, title, page)
    titles = {number: title for number, title, _page in entries}
    assert titles["7.1"] == "Jena"
    assert titles["7.2"] == "Kyffhäuserkreis"
    assert titles["6.1"] == "Aktive Partner nach Landkreisen"


def test_every_page_is_numbered_of_the_total(ready_report):
    pages = _pages(ready_report)
    for number, text in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in text


def test_sections_flow_on_instead_of_each_opening_a_page(ready_report):
    pages = _pages(ready_report)
    entries = {number: page for number, _title, page in _contents(pages)}
    # The four texts and the start of Thuringia's figures share a page ...
    assert entries["1"] == entries["4"] == entries["5"] == 3
    # ... the annex's districts follow one another, the second below the first's end.
    assert entries["7"] == entries["7.1"]
    second = pages[entries["7.2"] - 1].splitlines()
    assert not any(line.startswith("7.2 ") for line in second[:3])
    # The district chart and the first overview share the landscape page.
    assert entries["6"] == entries["6.1"] == entries["6.2"]
    assert len(pages) <= 11


def test_the_report_page_shows_the_pdfs_charts(ready_report, state_coordinator):
    from tests.conftest import logged_in_client

    client = logged_in_client(state_coordinator, "localhost")
    body = client.get(f"/reports/{ready_report.pk}/").content.decode()
    assert 'id="report-comparison-title">Zahlen für Thüringen 2025 und 2024<' in body
    assert 'id="report-districts-title">Aktive Partner nach Landkreisen und' in body
    assert "<figcaption>Aktive Partner nach Landkreisen und kreisfreien Städten, 2025" in body
    pdf = "\n".join(_pages(ready_report))
    assert "Abbildung 1: Zahlen für Thüringen 2025 und 2024" in pdf
    assert "Abbildung 2: Aktive Partner nach Landkreisen und kreisfreien Städten, 2025" in pdf


@pytest.mark.slow  # a second or more (make check leaves it to make test)
def test_with_every_district_the_contents_stay_right_and_the_chart_stays_with_its_section(
    ready_report,
):
    import dataclasses
    import datetime

    from regional import report_pdf
    from regional.report_tables import report_tables
    from tenants.districts import choices

    tables = report_tables(ready_report)
    names = [label for _code, label in choices("16")]
    districts = [
        dataclasses.replace(tables.districts[index % 2], name=name)
        for index, name in enumerate(names)
    ]
    data = report_pdf.build_pdf(
        ready_report,
        dataclasses.replace(tables, districts=districts),
        generated_on=datetime.date(2026, 1, 5),
    )
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    entries = _contents(pages)
    assert len([e for e in entries if e[0].startswith("7.")]) == len(names)
    for number, title, page in entries:
        lines = [line.strip() for line in pages[page - 1].splitlines()]
        assert f"{number} {title}" in lines, (number, title, page)
    for number, text in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in text
    found = {number: page for number, _title, page in entries}
    assert found["6"] == found["6.1"]
    assert "Abbildung 2:" in pages[found["6.1"] - 1]
