"""Exports are safe: formulas are neutralised and no stored character makes one fail.

Every CSV and XLSX file goes through ``kernel.spreadsheets`` (its own tests:
tests/kernel/test_spreadsheets.py); these tests walk every list route and the ministry
report files and check what a spreadsheet program would run.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import URLResolver, get_resolver
from django_tenants.utils import schema_context
from openpyxl import load_workbook

from core.models import Partner
from kernel import spreadsheets
from tenants.roles import Role
from tests.conftest import csv_rows, logged_in_client, person_with_role
from tests.factories.partners import PartnerFactory
from tests.kernel.test_spreadsheets import HYPERLINK, xlsx_cells
from tests.regional.conftest import state_client  # noqa: F401 (a fixture)
from tests.regional.test_reports import (  # noqa: F401 (fixtures)
    _bytes,
    _create,
    _generate,
    figures,
    state_coordinator,
)

# ---------------------------------------------------------------- every list route


def _list_paths(urlconf: str) -> list[str]:
    """Every argument-free page of ``core.views``/``regional.views`` (lists among them)."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern.callback

    return [
        "/" + path
        for path, callback in walk(get_resolver(urlconf).url_patterns)
        if "<" not in path
        and "^" not in path
        and callback.__module__.split(".")[0] in ("core", "regional")
        and ".views." in callback.__module__
        and not path.endswith(("new/", "refresh/", "export/", "template/", ".ics", ".pdf"))
    ]


NASTY = [HYPERLINK, "Kita\x01Regenbogen", "@SUM(A1)", -7]


@pytest.fixture
def nasty_rows(monkeypatch):
    """Every export gets, after its real rows, one row of formulas and control characters
    (as data stored before input refused them), as wide as the list: added where every
    list's download is written (kernel.spreadsheets), whichever list builds it."""

    def with_nasty_row(write):
        def written(*arguments):
            *before, table = arguments
            table = list(table)
            width = len(table[0])
            return write(*before, [*table, (NASTY * width)[:width]])

        return written

    monkeypatch.setattr(spreadsheets, "csv_text", with_nasty_row(spreadsheets.csv_text))
    monkeypatch.setattr(spreadsheets, "xlsx_bytes", with_nasty_row(spreadsheets.xlsx_bytes))


def _exports(client, paths: list[str]) -> dict[tuple[str, str], object]:
    answers = {}
    for path in paths:
        for fmt in ("csv", "xlsx"):
            response = client.get(path, {"format": fmt})
            assert response.status_code < 500, (path, fmt)
            if "attachment" in response.get("Content-Disposition", ""):
                answers[path, fmt] = response
    return answers


def _assert_neutralised(answers, expected_lists: int) -> None:
    assert len({path for path, _fmt in answers}) == expected_lists, sorted(answers)
    for (path, fmt), response in answers.items():
        if fmt == "csv":
            last = csv_rows(response)[-1]
            assert last[0] == "'" + HYPERLINK, path
            assert all("\x01" not in cell for cell in last), path
            if len(last) > 3:
                assert last[2:4] == ["'@SUM(A1)", "-7"], path
        else:
            assert response["Content-Type"] == spreadsheets.XLSX_CONTENT_TYPE
            sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
            last = list(sheet.iter_rows())[-1]
            assert (last[0].value, last[0].data_type) == (HYPERLINK, "s"), path
            assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
            if len(last) > 3:
                assert last[1].value == "Kita\ufffdRegenbogen", path
                assert (last[3].value, last[3].data_type) == (-7, "n"), path


@pytest.mark.slow
def test_every_workspace_list_export_neutralises_formulas_and_never_fails(jena, nasty_rows):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    answers = _exports(logged_in_client(coordinator), _list_paths("config.urls_tenant"))
    # partners, measures, applications, board meetings, members, templates, projects,
    # working groups, events, funding, seals, criteria, holiday offers, guide; carers,
    # placements, workshops, working group tasks, care guides, partners without a care
    # guide, agreements, awards, certification programmes and criterion groups; the
    # fundraising circle's members and donors, actions, grants and receipts; the
    # document library
    _assert_neutralised(answers, expected_lists=30)  # with the audit trail


def test_every_state_list_export_neutralises_formulas_and_never_fails(db, nasty_rows):
    state = person_with_role(Role.STATE_COORDINATOR)
    answers = _exports(logged_in_client(state, "localhost"), _list_paths("config.urls_public"))
    # alliance figures, upcoming and past regional meetings, setups, reports, starter
    # templates, certification templates and their criterion groups, the monitoring
    # list, the address book, the mailings' sent log, the document library and the
    # start page's list of alliances
    _assert_neutralised(answers, expected_lists=13)


# ---------------------------------------------------------------- real data


def test_a_partner_named_like_a_formula_is_text_in_both_exports(coordinator_client):
    with schema_context("jena"):
        PartnerFactory(name=HYPERLINK)
    rows = csv_rows(coordinator_client.get("/workspace/partners/", {"format": "csv"}))
    assert rows[1][0] == "'" + HYPERLINK
    response = coordinator_client.get("/workspace/partners/", {"format": "xlsx"})
    cell = load_workbook(io.BytesIO(response.content)).worksheets[0]["A2"]
    assert cell.value == HYPERLINK
    assert cell.data_type == "s"


def test_a_partner_stored_with_a_control_character_still_exports(coordinator_client):
    """Data from before the input check: the exports answer, with the character replaced."""
    with schema_context("jena"):
        partner = PartnerFactory(name="Kita Regenbogen")
        Partner.objects.filter(pk=partner.pk).update(name="Kita\x01Regenbogen")
    response = coordinator_client.get("/workspace/partners/", {"format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet["A2"].value == "Kita\ufffdRegenbogen"
    rows = csv_rows(coordinator_client.get("/workspace/partners/", {"format": "csv"}))
    assert rows[1][0] == "Kita\ufffdRegenbogen"


@pytest.mark.slow
@pytest.mark.usefixtures("figures", "media_root")
def test_a_report_titled_like_a_formula_is_text_in_its_files_and_its_list(request):
    coordinator = request.getfixturevalue("state_coordinator")
    manager = request.getfixturevalue("state_client")
    report = _generate(_create(coordinator, title=HYPERLINK), coordinator)
    cells = xlsx_cells(_bytes(report.xlsx_file))
    titled = [cell for cell in cells if isinstance(cell.value, str) and "HYPERLINK" in cell.value]
    assert titled
    assert all(cell.data_type == "s" for cell in titled)
    assert titled[0].value == HYPERLINK
    assert all(cell.data_type != "f" for cell in cells)
    # numbers stay numbers, negative changes too
    assert any(isinstance(c.value, int | float) and c.value < 0 for c in cells)
    text = _bytes(report.csv_file).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert any(row[5].startswith("-") and row[5][1:].isdigit() for row in rows[1:])
    listed = csv_rows(manager.get("/reports/", {"format": "csv"}))
    assert any(cell == "'" + HYPERLINK for row in listed for cell in row)
    response = manager.get("/reports/", {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert any(
        c.value == HYPERLINK and c.data_type == "s" for row in sheet.iter_rows() for c in row
    )
