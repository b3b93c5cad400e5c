"""One German form for numbers, money, dates and times in every output (issue 17): the
helpers of ``kernel.formats`` and their template filters, and the same values through a
page, a CSV and an XLSX export, a PDF and an e-mail. Years, ids, form values and links
stay as they are."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from django_tenants.utils import schema_context
from openpyxl import load_workbook
from pypdf import PdfReader

from kernel import formats, spreadsheets
from kernel.crud.tables import Column, display, plain
from regional.models import AllianceSnapshot
from regional.services.meeting_mail import build_meeting_email
from tenants.roles import Role
from tests.conftest import csv_rows, logged_in_client, person_with_role
from tests.factories.holidays import HolidayOfferFactory
from tests.factories.partners import PartnerFactory
from tests.factories.projects import FundingEntryFactory
from tests.factories.regional import InvitationFactory, RegionalMeetingFactory

DAY = datetime.date(2026, 12, 3)
AT = datetime.time(14, 30)


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


# ---------------------------------------------------------------- the helpers


def test_numbers_money_dates_and_times_in_german():
    assert formats.number(1467) == "1.467"
    assert formats.number(-1234567) == "-1.234.567"
    assert formats.number(Decimal("48000.00")) == "48.000,00"  # a decimal keeps its places
    assert formats.number(Decimal("2.5")) == "2,5"
    assert formats.number(3.25) == "3,25"
    assert formats.number(Decimal("196770.49"), 0) == "196.770"
    assert formats.money(Decimal("196770"), 0) == "196.770 €"
    assert formats.money(Decimal("48000")) == "48.000,00 €"
    assert formats.money(0) == "0,00 €"
    assert formats.percent(Decimal("12.5")) == "12,5 %"
    assert formats.date(DAY) == "03.12.2026"
    assert formats.date(datetime.date(1900, 1, 1)) == "01.01.1900"
    # A moment in time shows the platform's wall clock (UTC 13:30 is 14:30 in Berlin).
    moment = datetime.datetime(2026, 12, 3, 13, 30, tzinfo=datetime.UTC)
    assert formats.date(datetime.datetime(2026, 12, 3, 23, 30, tzinfo=datetime.UTC)) == (
        "04.12.2026"
    )
    with translation.override("de"):
        assert formats.time(AT) == "14:30 Uhr"
        assert formats.time_range(AT, datetime.time(16)) == "14:30–16:00 Uhr"
        assert formats.time_range(AT, None) == "14:30 Uhr"
        assert formats.datetime_text(moment) == "03.12.2026, 14:30 Uhr"
    assert formats.clock(AT) == "14:30"


def test_years_and_numbers_that_name_something_get_no_thousands_dot():
    assert formats.number(formats.Digits(2026)) == "2026"
    assert formats.number(2026) == "2.026"  # why a year must be declared as one


def test_nothing_and_text_pass_through():
    for helper in (formats.number, formats.money, formats.date, formats.time):
        assert helper(None) == ""
        assert helper("") == ""
    assert formats.number("k. A.") == "k. A."
    assert formats.date("<3") == "<3"


def test_the_english_interface_keeps_the_figures_and_drops_the_german_word():
    with translation.override("en"):
        assert formats.number(1467) == "1.467"
        assert formats.date(DAY) == "03.12.2026"
        assert formats.time(AT) == "14:30"


def test_template_filters_are_built_in():
    source = (
        "{{ n|number }} {{ big|money:0 }} {{ amount|money }} {{ day|de_date }} "
        "{{ at|de_time }} {{ at|de_time_range:end }} {{ year|stringformat:'d' }} {{ pk }}"
    )
    with translation.override("de"):
        text = render(
            source,
            n=1467,
            big=Decimal("196770"),
            amount=Decimal("48000.00"),
            day=DAY,
            at=AT,
            end=datetime.time(16),
            year=2026,
            pk=1234,
        )
    assert text == ("1.467 196.770 € 48.000,00 € 03.12.2026 14:30 Uhr 14:30–16:00 Uhr 2026 1234")
    assert render("{{ missing|number }}|{{ missing|de_date }}|{{ missing|money }}") == "||"


def test_table_cells_for_pages_and_exports():
    money = Column("amount", "Betrag", lambda row: Decimal("48000"), money=True)
    year = Column("year", "Jahr", lambda row: 2026, digits=True)
    assert display(money.cell(None)) == "48.000,00"
    assert isinstance(money.cell(None), formats.Money)
    assert display(year.cell(None)) == "2026"
    assert display(1467) == "1.467"
    assert display(DAY) == "03.12.2026"
    assert plain(DAY) == DAY  # typed for the writers
    assert plain(1467) == 1467


def test_spreadsheet_cells_are_typed_with_german_formats():
    moment = datetime.datetime(2026, 12, 3, 13, 30, tzinfo=datetime.UTC)  # 14:30 in Berlin
    row = [
        1467,
        formats.Money(Decimal("48000.00")),
        Decimal("2.5"),
        DAY,
        moment,
        formats.Digits(2026),
        "Kita",
    ]
    text = spreadsheets.csv_text([row])
    assert text.startswith("\ufeff")
    assert text[1:].strip() == "1.467;48.000,00;2,5;03.12.2026;03.12.2026 14:30;2026;Kita"
    sheet = load_workbook(io.BytesIO(spreadsheets.xlsx_bytes("Liste", [row]))).active
    cells = next(sheet.iter_rows(min_row=1, max_row=1))
    assert [cell.data_type for cell in cells] == ["n", "n", "n", "d", "d", "n", "s"]
    assert [cell.number_format for cell in cells[:6]] == [
        "#,##0",
        '#,##0.00 "€"',
        "#,##0.0",
        "DD.MM.YYYY",
        "DD.MM.YYYY HH:MM",
        "0",
    ]
    assert cells[0].value == 1467
    assert cells[3].value.date() == DAY
    assert cells[4].value.timetuple()[:5] == (2026, 12, 3, 14, 30)  # Berlin's wall clock


# ---------------------------------------------------------------- every output


@pytest.fixture
def state_figures(jena):
    AllianceSnapshot.objects.create(
        alliance=jena,
        taken_on=DAY,
        year=2026,
        partners_total=1467,
        companies=12,
        families_reached=100,
        funding_total=Decimal("196770.00"),
        partners_by_kind={"company": 12},
        funding_by_kind={"donation": "196770.00"},
    )


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_state_dashboard_page_and_its_exports(state_figures, language):
    client = logged_in_client(person_with_role(Role.STATE_COORDINATOR), "localhost", language)
    body = client.get("/dashboard/", {"date": DAY.isoformat()}).content.decode()
    assert '<span class="value">1.467</span>' in body
    assert '<span class="value">196.770 €</span>' in body
    assert "03.12.2026" in body
    assert "2.026" not in body  # the year of the activity figures stays a year
    assert "?date=2026-12-03" in body  # links keep the machine form

    params = {"date": DAY.isoformat(), "format": "csv"}
    header, row = csv_rows(client.get("/dashboard/alliances/", params))
    assert len(header) == len(row)
    assert "03.12.2026" in row
    assert "1.467" in row
    assert "196.770,00" in row
    assert row[-1] == "2026"

    params["format"] = "xlsx"
    sheet = load_workbook(io.BytesIO(client.get("/dashboard/alliances/", params).content)).active
    types = {cell.value: cell for cell in sheet[2]}
    assert types[1467].data_type == "n"
    assert types[1467].number_format == "#,##0"
    assert types[Decimal("196770")].number_format == '#,##0.00 "€"'
    [day] = [cell for cell in sheet[2] if cell.is_date]
    assert day.value.date() == DAY
    assert day.number_format == "DD.MM.YYYY"
    assert types[2026].number_format == "0"
    assert not any(isinstance(cell.value, str) and cell.value[:1].isdigit() for cell in sheet[2])


def test_an_alliance_page_its_export_and_ids_in_links(jena):
    with schema_context("jena"):
        partner = PartnerFactory(pk=1234, name="Sparkasse Jena")
        entry = FundingEntryFactory(partner=partner, amount=Decimal("48000.00"), received_on=DAY)
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), language="de")
    body = client.get(f"/workspace/funding/{entry.pk}/").content.decode()
    assert "48.000,00 €" in body
    assert "03.12.2026" in body
    listing = client.get("/workspace/partners/").content.decode()
    assert 'href="/workspace/partners/1234/"' in listing
    _header, row = csv_rows(client.get("/workspace/funding/", {"format": "csv"}))
    assert row[0] == "03.12.2026"
    assert row[2] == "48.000,00"
    sheet = load_workbook(
        io.BytesIO(client.get("/workspace/funding/", {"format": "xlsx"}).content)
    ).active
    amount = sheet.cell(row=2, column=3)
    assert amount.value == 48000
    assert amount.number_format == '#,##0.00 "€"'
    assert sheet.cell(row=2, column=1).is_date


def test_the_holiday_plan_pdf(jena):
    with schema_context("jena"):
        HolidayOfferFactory(
            title="Töpfern",
            start_date=DAY,
            end_date=DAY,
            start_time=AT,
            end_time=None,
            price=Decimal("48000.00"),
        )
    response = logged_in_client(None).get("/holidays/plan.pdf", {"year": "2026"})
    assert response.status_code == 200
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "03.12.2026" in text
    assert "ab 14:30 Uhr" in text
    assert "48.000,00 €" in text
    assert "Ferienprogramm 2026" in text
    assert "2.026" not in text


def test_the_meeting_invitation_email(db):
    meeting = RegionalMeetingFactory(
        title="Landestreffen", date=DAY, start_time=AT, end_time=datetime.time(16)
    )
    message = build_meeting_email(InvitationFactory(meeting=meeting), "invitation")
    assert "03.12.2026" in message.subject
    assert "03.12.2026" in message.body
    assert "14:30 bis 16:00 Uhr" in message.body


def test_a_csv_file_reads_back_with_semicolons(tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes(spreadsheets.csv_text([["Name", "Betrag"], ["A; B", 1467]]).encode())
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle, delimiter=";")) == [["Name", "Betrag"], ["A; B", "1.467"]]
