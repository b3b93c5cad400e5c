"""The import checks its dates with the one plausible-date rule (``kernel.dates``): the
same range and the same German message as forms and API, for text dates and for date
cells of a workbook alike."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from core.imports import parse_import
from tests.core.test_imports import LOOKUPS, PARTNER_HEADER, csv_bytes, partner_row, xlsx_bytes

GERMAN = "Bitte geben Sie ein Datum zwischen dem 01.01.1900 und dem 31.12.2100 ein."


def _parse(content: bytes, ext: str):
    with translation.override("de"):
        return parse_import("partners", content, ext, LOOKUPS)


@pytest.mark.parametrize("bad", ["01.01.0001", "31.12.9999", "1899-12-31", "01.01.2101"])
def test_an_implausible_text_date_gets_the_one_range_message(bad):
    rows = [PARTNER_HEADER, partner_row(**{"Beigetreten am": bad})]
    preview = _parse(csv_bytes(rows), "csv")
    problems = preview.row_problems
    assert [(p.row, p.column) for p in problems] == [(2, "Beigetreten am")]
    assert GERMAN in problems[0].message
    assert "Beigetreten am" in problems[0].message
    assert not preview.can_import


def test_an_implausible_date_cell_of_a_workbook_is_refused_too():
    rows = [
        PARTNER_HEADER,
        partner_row(**{"Beigetreten am": datetime.datetime(1800, 5, 1)}),  # noqa: DTZ001
    ]
    preview = _parse(xlsx_bytes(rows), "xlsx")
    assert [p.column for p in preview.row_problems] == ["Beigetreten am"]
    assert GERMAN in preview.row_problems[0].message


def test_the_edges_of_the_range_are_imported():
    rows = [
        PARTNER_HEADER,
        partner_row(**{"Beigetreten am": "01.01.1900"}),
        partner_row(Name="Spät GmbH", **{"Beigetreten am": "2100-12-31"}),
    ]
    preview = _parse(csv_bytes(rows), "csv")
    assert preview.row_problems == []
    assert preview.can_import
