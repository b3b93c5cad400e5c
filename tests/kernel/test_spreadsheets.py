"""The safe spreadsheet writer: formulas are neutralised, numbers stay numbers and no
stored character makes an export fail (``kernel.spreadsheets``)."""

from __future__ import annotations

import csv
import io
import pathlib
import re

import pytest
from openpyxl import load_workbook

from kernel import spreadsheets

HYPERLINK = '=HYPERLINK("http://x","y")'
DANGEROUS = [HYPERLINK, "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "\uff1d1+1"]
ROOT = pathlib.Path(__file__).resolve().parents[2]


def xlsx_cells(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("text", DANGEROUS)
def test_a_csv_cell_that_starts_a_formula_gets_a_leading_apostrophe(text):
    rows = list(csv.reader(io.StringIO(spreadsheets.csv_text([[text]])[1:]), delimiter=";"))
    assert rows[0][0] == "'" + text


@pytest.mark.parametrize("text", DANGEROUS)
def test_an_xlsx_cell_that_starts_a_formula_is_a_string_never_a_formula(text):
    cells = xlsx_cells(spreadsheets.xlsx_bytes("Liste", [[text]]))
    assert cells[0].data_type == "s"
    assert cells[0].value == text.replace("\r", "\n")  # XML reads a CR back as LF
    assert cells[0].quotePrefix


def test_numbers_stay_numbers_and_negative_numbers_are_not_text():
    row = [-5, 2.5, -3, "-3,5", "12", "Kita Regenbogen", "ja"]
    csv_row = next(csv.reader(io.StringIO(spreadsheets.csv_text([row])[1:]), delimiter=";"))
    # The decimal comma of German spreadsheets ("2.5" would be read as a date there).
    assert csv_row == ["-5", "2,5", "-3", "-3,5", "12", "Kita Regenbogen", "ja"]
    cells = xlsx_cells(spreadsheets.xlsx_bytes("Liste", [row]))
    assert [cell.value for cell in cells[:3]] == [-5, 2.5, -3]
    assert [cell.data_type for cell in cells[:3]] == ["n", "n", "n"]
    assert all(cell.data_type == "s" for cell in cells[3:])


def test_control_characters_are_replaced_and_never_fail_an_export():
    row = ["Kita\x01Regenbogen", "\x00", "line\nbreak\ttab", "\ud800x", "ok"]
    cells = xlsx_cells(spreadsheets.xlsx_bytes("Liste\x02", [row]))
    assert [cell.value for cell in cells] == [
        "Kita\ufffdRegenbogen",
        "\ufffd",
        "line\nbreak\ttab",
        "\ufffdx",
        "ok",
    ]
    text = spreadsheets.csv_text([row])
    assert "\x01" not in text
    assert "\x00" not in text
    assert "Kita\ufffdRegenbogen" in text


def test_an_over_long_text_is_cut_to_what_excel_allows_in_a_cell():
    cells = xlsx_cells(spreadsheets.xlsx_bytes("Liste", [["x" * 40000]]))
    assert len(cells[0].value) == spreadsheets.XLSX_MAX_CELL_LENGTH


def test_no_module_writes_csv_orxlsx_cells_except_the_safe_writer():
    """Guard: a new export cannot bypass ``kernel.spreadsheets`` unnoticed."""
    patterns = [
        re.compile(r"csv\.(writer|DictWriter)\("),
        re.compile(r"\.cell\([^)]*value="),
        re.compile(r"\[\s*[\"'][A-Z]{1,3}\d+[\"']\s*\]\s*="),
        # openpyxl's write-only workbook (not a serializer's write_only field)
        re.compile(r"WriteOnlyCell\(|Workbook\([^)]*write_only=True"),
    ]
    offenders = []
    for folder in ("core", "regional", "tenants", "api", "config"):
        for path in (ROOT / folder).rglob("*.py"):
            if path == ROOT / "core" / "spreadsheets.py":
                continue
            text = path.read_text(encoding="utf-8")
            offenders += [f"{path}: {p.pattern}" for p in patterns if p.search(text)]
    assert offenders == []
