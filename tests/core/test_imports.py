"""Import of partners and projects from CSV and XLSX files: parser, preview, confirmation."""

from __future__ import annotations

import csv
import datetime
import io
import os
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_tenants.utils import schema_context
from openpyxl import Workbook

from core.imports import KINDS, Lookups, parse_amount, parse_date, parse_import
from core.models import Measure, Partner, Project
from core.services import imports as import_services
from core.services.partners import partner_create
from kernel.audit.models import AuditEntry
from tests.conftest import logged_in_client, person_with_role
from tests.pages import assert_page_shows

UPLOAD = "/workspace/import/"
UNREADABLE = (
    "The file could not be read. Please save it as CSV (UTF-8) or as an Excel workbook (.xlsx)."
)
WRONG_TYPE = "Only CSV files (.csv) and Excel workbooks (.xlsx) can be imported."
ENCODING = "The file's text encoding is not supported. Please save it as CSV (UTF-8)."
NOT_A_DATE = "is not a date (use DD.MM.YYYY or YYYY-MM-DD)."

PARTNER_HEADER = [
    "Name", "Art", "Größe", "Straße", "PLZ", "Ort", "Website", "Beigetreten am",
    "Ausgetreten am", "Status", "Öffentlich", "Pflegelotsen", "Maßnahmen", "Beschreibung",
]  # fmt: skip
PROJECT_HEADER = [
    "Titel", "Thema", "Status", "Beginn", "Ende", "Federführung", "Partner", "Zielgruppen",
    "Erreichte Familien", "Förderung", "Förderer", "Beschreibung",
]  # fmt: skip


def _row(header: list[str], clean: dict, values: dict) -> list:
    """The cells of one row in ``header``'s order: ``clean`` changed by ``values`` (German
    header -> value), empty where neither names a column."""
    row = {**dict.fromkeys(header, ""), **clean, **values}
    return [row[column] for column in header]


def partner_row(**values) -> list:
    """A clean partner row; keyword arguments (German header -> value) spoil it."""
    clean = {
        "Name": "Kita Regenbogen", "Art": "social_agency", "Größe": "small",
        "Straße": "Lindenweg 3", "PLZ": "07743", "Ort": "Jena", "Website": "www.kita.example",
        "Beigetreten am": "01.03.2019", "Ausgetreten am": "", "Status": "active",
        "Öffentlich": "ja", "Pflegelotsen": "2", "Maßnahmen": "Flexible Arbeitszeit",
        "Beschreibung": "Betreuung in Randzeiten",
    }  # fmt: skip
    return _row(PARTNER_HEADER, clean, values)


# Ten rows, each with one different defect (row numbers as a spreadsheet shows them).
TEN_DEFECTS = [
    (2, "Name", partner_row(Name="")),
    (3, "Art", partner_row(Name="Raumfahrt AG", Art="Raumschiff")),
    (4, "Status", partner_row(Name="Ruhender Verein", Status="verschollen")),
    (5, "Beigetreten am", partner_row(Name="Datum GmbH", **{"Beigetreten am": "31.02.2020"})),
    (
        6,
        "Ausgetreten am",
        partner_row(
            Name="Zeitreise e. V.",
            **{"Beigetreten am": "01.05.2020", "Ausgetreten am": "2020-01-01"},
        ),
    ),
    (7, "Pflegelotsen", partner_row(Name="Minus GmbH", Pflegelotsen="-2")),
    (8, "Website", partner_row(Name="Netzlos GmbH", Website="keine adresse")),
    (9, "Maßnahmen", partner_row(Name="Eis GmbH", Maßnahmen="Flexible Arbeitszeit; Gratis Eis")),
    (10, "Name", partner_row(Name="stadtwerke JENA")),
    # row 11 is clean; row 12 repeats its name
    (12, "Name", partner_row(Name="kita pusteblume")),
]
CLEAN_ROW_11 = partner_row(Name="Kita Pusteblume")


def ten_defect_rows() -> list[list]:
    rows = [row for _n, _c, row in TEN_DEFECTS]
    rows.insert(9, CLEAN_ROW_11)
    return [PARTNER_HEADER, *rows]


def csv_bytes(rows: list[list], *, delimiter=";", encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


LOOKUPS = Lookups(
    partners={"stadtwerke jena": 1, "kita sonnenschein": 2},
    projects=frozenset({"familienwandertag"}),
    measures={"flexible arbeitszeit": 10, "betriebliche kinderbetreuung": 11},
)


def parse(kind: str, content: bytes, ext: str = "csv", lookups: Lookups = LOOKUPS):
    with translation.override("en"):
        return parse_import(kind, content, ext, lookups)


# ---------------------------------------------------------------- fixtures


def _files_in_jenas_import_folder() -> set[str]:
    with schema_context("jena"):
        return set(default_storage.listdir("imports")[1])


FILES_BEFORE: set[str] = set()


# Uploads wait in the alliance's media folder: each test gets a folder of its own, so a
# test in another xdist process that uploads at the same time is never counted here.
pytestmark = pytest.mark.usefixtures("media_root")


@pytest.fixture(autouse=True)
def _no_files_left_behind():
    """Files a test leaves in Jena's import folder are removed afterwards."""
    FILES_BEFORE.clear()
    FILES_BEFORE.update(_files_in_jenas_import_folder())
    yield
    with schema_context("jena"):
        for name in _files_in_jenas_import_folder() - FILES_BEFORE:
            default_storage.delete(f"imports/{name}")


def stored_imports() -> set[str]:
    """The files this test left waiting in Jena's import folder."""
    return _files_in_jenas_import_folder() - FILES_BEFORE


@pytest.fixture
def catalogue(jena):
    """Jena's measures catalogue and one existing partner, Stadtwerke Jena."""
    with schema_context("jena"):
        Measure.objects.create(name="Flexible Arbeitszeit", category="working_time")
        Measure.objects.create(name="Betriebliche Kinderbetreuung", category="childcare")
        Measure.objects.create(name="Alte Maßnahme", is_active=False)
        return Partner.objects.create(name="Stadtwerke Jena", kind="company")


def upload(client, kind: str, name: str, content: bytes, **extra):
    return client.post(UPLOAD, {"kind": kind, "file": SimpleUploadedFile(name, content)}, **extra)


def counts() -> tuple[int, int, int]:
    with schema_context("jena"):
        return Partner.objects.count(), Project.objects.count(), AuditEntry.objects.count()


def confirm_import(client, preview_path: str, message: str, kind: str, before, added: int):
    """Confirms the import previewed at ``preview_path``: the page says ``message``, and
    ``added`` records of ``kind`` ("partners" or "projects") came in, each audited."""
    done = client.post(preview_path, follow=True)
    assert message in done.content.decode()
    column = ["partners", "projects"].index(kind)
    after = counts()
    assert after[column] == before[column] + added
    assert after[2] == before[2] + added
    return done


def preview_path_of(response) -> str:
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


# ---------------------------------------------------------------- the pure parser


def test_parser_reports_exactly_the_ten_defects_of_a_partners_csv():
    preview = parse("partners", csv_bytes(ten_defect_rows()))
    assert preview.errors == []
    problems = preview.row_problems
    assert len(problems) == 10
    assert [(p.row, p.column) for p in problems] == [(n, c) for n, c, _r in TEN_DEFECTS]
    assert len({p.message.split(":")[-1] for p in problems}) == 10  # ten different messages
    assert not preview.can_import
    assert [row.number for row in preview.rows if row.ok] == [11]


def test_parser_reports_the_same_ten_defects_in_an_xlsx_file():
    rows = ten_defect_rows()
    rows[1 + 9][7] = datetime.date(2019, 3, 1)  # a real date cell in the clean row 11
    rows[1 + 5][11] = -2  # a number cell in row 7
    preview = parse("partners", xlsx_bytes(rows), "xlsx")
    assert preview.errors == []
    assert [(p.row, p.column) for p in preview.row_problems] == [(n, c) for n, c, _r in TEN_DEFECTS]
    clean = next(row for row in preview.rows if row.number == 11)
    assert clean.data["joined_on"] == datetime.date(2019, 3, 1)


def test_parser_names_each_defect_in_english_messages():
    preview = parse("partners", csv_bytes(ten_defect_rows()))
    messages = [p.message for p in preview.row_problems]
    assert messages == [
        "“Name” is empty, but a value is required.",
        "“Art”: “Raumschiff” is not a known kind of partner.",
        "“Status”: “verschollen” is not a known status.",
        f"“Beigetreten am”: “31.02.2020” {NOT_A_DATE}",
        "“Ausgetreten am”: the leaving date is before the joining date.",
        "“Pflegelotsen”: “-2” is negative; use 0 or more.",
        "“Website”: “keine adresse” is not a valid web address.",
        "“Maßnahmen”: “Gratis Eis” is not in the measures catalogue.",
        "“Name”: a partner named “stadtwerke JENA” already exists.",
        "“Name”: “kita pusteblume” already appears in row 11 of this file.",
    ]


@pytest.mark.parametrize(
    ("values", "column", "message"),
    [
        ({"Größe": "riesig"}, "Größe", "“Größe”: “riesig” is not a known size."),
        ({"Pflegelotsen": "zwei"}, "Pflegelotsen", "“Pflegelotsen”: “zwei” is not a whole number."),
        ({"Pflegelotsen": "1,5"}, "Pflegelotsen", "“Pflegelotsen”: “1,5” is not a whole number."),
        (
            {"Öffentlich": "vielleicht"},
            "Öffentlich",
            "“Öffentlich”: “vielleicht” is neither “ja” nor “nein”.",
        ),
        ({"Art": ""}, "Art", "“Art” is empty, but a value is required."),
        (
            {"Beigetreten am": "2020/01/01"},
            "Beigetreten am",
            f"“Beigetreten am”: “2020/01/01” {NOT_A_DATE}",
        ),
        (
            {"Maßnahmen": "Alte Maßnahme"},
            "Maßnahmen",
            "“Maßnahmen”: “Alte Maßnahme” is not in the measures catalogue.",
        ),
        ({"PLZ": "077430000000"}, "PLZ", "“PLZ”: at most 10 characters are allowed, not 12."),
    ],
)  # fmt: skip
def test_parser_reports_each_further_partner_defect(values, column, message):
    preview = parse("partners", csv_bytes([PARTNER_HEADER, partner_row(**values)]))
    assert [(p.row, p.column, p.message) for p in preview.row_problems] == [(2, column, message)]


def test_parser_cleans_a_good_partner_row_into_model_data():
    row = partner_row(
        Art="Company", PLZ="7743", Maßnahmen="flexible arbeitszeit, Betriebliche Kinderbetreuung"
    )
    preview = parse("partners", csv_bytes([PARTNER_HEADER, row]))
    assert preview.can_import
    parsed = preview.rows[0]
    assert parsed.data == {
        "name": "Kita Regenbogen",
        "kind": "company",
        "size_class": "small",
        "street": "Lindenweg 3",
        "postcode": "07743",
        "city": "Jena",
        "website": "https://www.kita.example",
        "joined_on": datetime.date(2019, 3, 1),
        "status": "active",
        "public_listing_consent": True,
        "care_guides_count": 2,
        "description": "Betreuung in Randzeiten",
    }
    assert parsed.many == {"measures": [10, 11]}


def test_parser_reads_windows_1252_with_commas_and_english_headers_in_any_case():
    rows = [
        ["NAME", " kind ", "Town", "joined on", "Measures", "Listed publicly"],
        ["Bäckerei Müller", "company", "Kahla", "2021-06-30", "Flexible Arbeitszeit", "no"],
    ]
    preview = parse("partners", csv_bytes(rows, delimiter=",", encoding="cp1252"))
    assert preview.errors == []
    assert preview.warnings == []
    assert preview.can_import
    assert preview.rows[0].data["name"] == "Bäckerei Müller"
    assert preview.rows[0].data["joined_on"] == datetime.date(2021, 6, 30)
    assert preview.rows[0].data["public_listing_consent"] is False


def test_parser_reads_utf8_without_byte_order_mark_and_skips_empty_rows():
    rows = [PARTNER_HEADER, partner_row(), [""] * 14, partner_row(Name="Zweite GmbH")]
    preview = parse("partners", csv_bytes(rows, encoding="utf-8"))
    assert preview.can_import
    assert [row.number for row in preview.rows] == [2, 4]


def test_parser_warns_about_unknown_columns_but_imports_the_rest():
    rows = [[*PARTNER_HEADER, "Lieblingsfarbe"], [*partner_row(), "blau"]]
    preview = parse("partners", csv_bytes(rows))
    assert [w.message for w in preview.warnings] == [
        "The column “Lieblingsfarbe” is not known; its values are ignored."
    ]
    assert preview.errors == []
    assert preview.can_import


@pytest.mark.parametrize(
    ("content", "ext", "message"),
    [
        (b"", "csv", "The file is empty."),
        (b"\n\n;;\n", "csv", "The file is empty."),
        (b"Name;Art\n", "csv", "The file has a header row but no data rows."),
        ("Name;Größe\nA;small\n".encode(), "csv", "The required column “Art” is missing."),
        (b"Name;Art\n\x81\x8d;x\n", "csv", ENCODING),
        (b"PK\x03\x04 not really a workbook", "xlsx", UNREADABLE),
        (b"Name;Art\x00\n", "csv", UNREADABLE),
        (b"Name;Art;Name\nA;company;B\n", "csv", "The column “Name” appears more than once."),
        (b"Name;Art\nA;company\n", "xls", WRONG_TYPE),
    ],
)  # fmt: skip
def test_parser_refuses_a_broken_file_as_a_whole(content, ext, message):
    preview = parse("partners", content, ext)
    assert [p.message for p in preview.errors] == [message]
    assert preview.rows == []
    assert not preview.can_import


def test_parser_refuses_more_than_5000_rows():
    rows = [["Name", "Art"]] + [[f"Partner {n}", "company"] for n in range(5001)]
    preview = parse("partners", csv_bytes(rows))
    assert [p.message for p in preview.errors] == [
        "The file has more than 5000 rows. Please split it into smaller files."
    ]
    exactly = parse("partners", csv_bytes(rows[:5001]))
    assert exactly.errors == []
    assert len(exactly.rows) == 5000


def test_parser_reads_projects_with_german_amounts_and_lists():
    rows = [
        PROJECT_HEADER,
        [
            "Ferienbetreuung", "Childcare", "running", "01.06.2024", "31.08.2024",
            "Stadtwerke Jena", "Stadtwerke Jena; kita Sonnenschein", "families; Single parents",
            "1.200", "12.500,50 €", "Land Thüringen", "Sommerferien",
        ],
    ]  # fmt: skip
    preview = parse("projects", csv_bytes(rows))
    assert preview.can_import, preview.row_problems
    assert preview.rows[0].data == {
        "title": "Ferienbetreuung",
        "topic": "childcare",
        "status": "running",
        "start_date": datetime.date(2024, 6, 1),
        "end_date": datetime.date(2024, 8, 31),
        "lead_partner_id": 1,
        "target_groups": ["families", "single_parents"],
        "families_reached": 1200,
        "funding_amount": Decimal("12500.50"),
        "funding_source": "Land Thüringen",
        "description": "Sommerferien",
    }
    assert preview.rows[0].many == {"partners": [1, 2]}


def project_row(**values) -> list:
    """A clean project row (title and topic only); ``values`` change or spoil it."""
    return _row(PROJECT_HEADER, {"Titel": "Projekt", "Thema": "care"}, values)


PROJECT_DEFECTS = [
    (2, "Titel", project_row(Titel="")),
    (3, "Thema", project_row(Titel="A", Thema="Raumfahrt")),
    (4, "Status", project_row(Titel="B", Status="pausiert")),
    (5, "Beginn", project_row(Titel="C", Beginn="32.01.2024")),
    (6, "Ende", project_row(Titel="D", Beginn="01.06.2024", Ende="01.05.2024")),
    (7, "Federführung", project_row(Titel="E", Federführung="Unbekannt e. V.")),
    (8, "Partner", project_row(Titel="F", Partner="Stadtwerke Jena; Niemand GmbH")),
    (9, "Zielgruppen", project_row(Titel="G", Zielgruppen="families; Aliens")),
    (10, "Erreichte Familien", project_row(Titel="H", **{"Erreichte Familien": "viele"})),
    (11, "Förderung", project_row(Titel="I", Förderung="-5,00")),
    (12, "Förderung", project_row(Titel="J", Förderung="12,345,67.8.9")),
    (13, "Titel", project_row(Titel="Familienwandertag")),
    (14, "Titel", project_row(Titel="a")),
]


def test_parser_reports_each_project_defect():
    preview = parse("projects", csv_bytes([PROJECT_HEADER, *(r for _n, _c, r in PROJECT_DEFECTS)]))
    assert [(p.row, p.column) for p in preview.row_problems] == [
        (n, c) for n, c, _r in PROJECT_DEFECTS
    ]
    assert [p.message for p in preview.row_problems][5:9] == [
        "“Federführung”: there is no partner named “Unbekannt e. V.”.",
        "“Partner”: there is no partner named “Niemand GmbH”.",
        "“Zielgruppen”: “Aliens” is not a known target group.",
        "“Erreichte Familien”: “viele” is not a whole number.",
    ]
    assert preview.row_problems[-2].message == (
        "“Titel”: a project titled “Familienwandertag” already exists."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1500", Decimal("1500.00")),
        ("1.500", Decimal("1500.00")),
        ("1.500,5", Decimal("1500.50")),
        ("1500,50", Decimal("1500.50")),
        ("1,500.50", Decimal("1500.50")),
        ("1500.5", Decimal("1500.50")),
        ("2.000.000", Decimal("2000000.00")),
        ("1500 EUR", Decimal("1500.00")),
        (1500.25, Decimal("1500.25")),
        ("1,555", None),  # three decimals: not a cent amount
        ("12,345", None),
        ("abc", None),
        ("1,2,3.4.5", None),
    ],
)
def test_amounts_in_german_and_english_notation(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("01.02.2024", datetime.date(2024, 2, 1)),
        ("1.2.2024", datetime.date(2024, 2, 1)),
        ("2024-02-01", datetime.date(2024, 2, 1)),
        (datetime.datetime(2024, 2, 1), datetime.date(2024, 2, 1)),  # noqa: DTZ001 (as openpyxl)
        ("30.02.2024", None),
        ("01.02.24", None),
        ("morgen", None),
        (45000, None),
    ],
)
def test_dates_in_german_and_iso_notation_or_as_date_cells(value, expected):
    assert parse_date(value) == expected


def test_every_kind_has_a_german_template_header_per_column():
    assert KINDS["partners"].template_headers == PARTNER_HEADER
    assert KINDS["projects"].template_headers == PROJECT_HEADER


# ---------------------------------------------------------------- upload and preview over HTTP


def test_ten_defects_over_http_show_ten_messages_and_write_nothing(client, catalogue):
    before = counts()
    response = upload(client, "partners", "partner.csv", csv_bytes(ten_defect_rows()))
    preview_path = preview_path_of(response)
    page = client.get(preview_path)
    assert page.status_code == 200
    preview = page.context["preview"]
    assert [(p.row, p.column) for p in preview.row_problems] == [(n, c) for n, c, _r in TEN_DEFECTS]
    body = page.content.decode()
    assert "Import all rows" not in body
    assert "is not a known kind of partner." in body
    confirm = client.post(preview_path)
    assert confirm.status_code == 400
    assert counts() == before


def test_ten_defects_in_an_xlsx_upload_show_ten_messages_and_write_nothing(client, catalogue):
    before = counts()
    response = upload(client, "partners", "Partner.XLSX", xlsx_bytes(ten_defect_rows()))
    page = client.get(preview_path_of(response))
    assert page.status_code == 200
    assert len(page.context["preview"].row_problems) == 10
    assert client.post(preview_path_of(response)).status_code == 400
    assert counts() == before


def test_a_clean_partners_file_is_imported_in_one_go_with_an_audit_entry_each(client, catalogue):
    before = counts()
    rows = [
        PARTNER_HEADER,
        partner_row(Name="Kita Regenbogen", Maßnahmen="Flexible Arbeitszeit"),
        partner_row(Name="Bäckerei Müller", Art="company", Maßnahmen=""),
        partner_row(
            Name="Diakonie Jena",
            Art="church",
            Maßnahmen="Flexible Arbeitszeit; Betriebliche Kinderbetreuung",
        ),
    ]
    preview_path = preview_path_of(upload(client, "partners", "neu.csv", csv_bytes(rows)))
    assert len(stored_imports()) == 1
    page = client.get(preview_path)
    assert page.context["preview"].can_import
    assert "Import all rows" in page.content.decode()

    message = "All rows have been imported: 3 partners."
    done = confirm_import(client, preview_path, message, "partners", before, 3)
    assert done.redirect_chain[-1][0] == "/workspace/partners/"
    with schema_context("jena"):
        diakonie = Partner.objects.get(name="Diakonie Jena")
        assert diakonie.kind == "church"
        assert sorted(diakonie.measures.values_list("name", flat=True)) == [
            "Betriebliche Kinderbetreuung",
            "Flexible Arbeitszeit",
        ]
        entry = AuditEntry.objects.get(object_type="core.partner", object_id=str(diakonie.pk))
        assert entry.action == "core.partner.created"
        assert entry.actor_id is not None
    assert stored_imports() == set()  # the file is deleted
    assert client.post(preview_path).status_code == 404  # and its token is gone


def test_a_duplicate_created_between_preview_and_confirm_stops_the_whole_import(
    client, catalogue, coordinator
):
    rows = [PARTNER_HEADER, partner_row(Name="Erste GmbH"), partner_row(Name="Zweite GmbH")]
    preview_path = preview_path_of(upload(client, "partners", "neu.csv", csv_bytes(rows)))
    assert client.get(preview_path).context["preview"].can_import
    with schema_context("jena"):
        partner_create(actor=coordinator, name="ZWEITE GmbH", kind="company")
    before = counts()

    response = client.post(preview_path)
    assert response.status_code == 400
    assert counts() == before
    with schema_context("jena"):
        assert not Partner.objects.filter(name="Erste GmbH").exists()
    body = response.content.decode()
    assert "Nothing has been imported. The file has problems now" in body
    assert "a partner named “Zweite GmbH” already exists." in body
    again = client.get(preview_path)  # the file waits for a corrected upload or a cancel
    assert [p.row for p in again.context["preview"].row_problems] == [3]


def test_a_write_failing_midway_rolls_back_every_row(client, catalogue, monkeypatch):
    calls = []

    def failing_on_the_third(**kwargs):
        calls.append(kwargs["name"])
        if len(calls) == 3:
            raise ValidationError("Der Server hat den Datensatz abgelehnt.")
        return partner_create(**kwargs)

    monkeypatch.setattr(import_services, "partner_create", failing_on_the_third)
    rows = [PARTNER_HEADER, *(partner_row(Name=f"Partner {n}") for n in range(1, 5))]
    preview_path = preview_path_of(upload(client, "partners", "neu.csv", csv_bytes(rows)))
    before = counts()

    response = client.post(preview_path)
    assert response.status_code == 400
    assert calls == ["Partner 1", "Partner 2", "Partner 3"]  # two were really written...
    assert counts() == before  # ...and rolled back with everything else
    assert "Row 4 could not be saved: Der Server hat den Datensatz abgelehnt." in (
        response.content.decode()
    )


def test_the_service_refuses_a_file_with_problems_and_writes_nothing(jena, catalogue):
    before = counts()
    with schema_context("jena"), pytest.raises(import_services.ImportRefused) as refused:
        import_services.import_run(
            actor=None, kind="partners", content=csv_bytes(ten_defect_rows()), ext="csv"
        )
    assert len(refused.value.preview.row_problems) == 10
    assert counts() == before


def test_preview_costs_the_same_queries_for_5_and_200_rows(jena, catalogue):
    def queries(n: int) -> int:
        rows = [PARTNER_HEADER, *(partner_row(Name=f"Partner {i}") for i in range(n))]
        with schema_context("jena"), CaptureQueriesContext(connection) as captured:
            preview = import_services.import_preview(
                kind="partners", content=csv_bytes(rows), ext="csv"
            )
        assert preview.can_import
        return len(captured)

    assert queries(5) == queries(200)


def test_unknown_columns_are_a_warning_on_the_preview(client, catalogue):
    rows = [[*PARTNER_HEADER, "Lieblingsfarbe"], [*partner_row(), "blau"]]
    page = client.get(preview_path_of(upload(client, "partners", "a.csv", csv_bytes(rows))))
    assert page.status_code == 200
    assert "The column “Lieblingsfarbe” is not known; its values are ignored." in (
        page.content.decode()
    )
    assert page.context["preview"].can_import


# ---------------------------------------------------------------- projects


@pytest.fixture
def project_partners(jena, catalogue):
    with schema_context("jena"):
        kita = Partner.objects.create(name="Kita Sonnenschein", kind="social_agency")
        Project.objects.create(title="Familienwandertag", topic="generations")
    return catalogue, kita


def test_a_clean_projects_file_is_imported_with_partners_and_audit_entries(
    client, project_partners
):
    stadtwerke, kita = project_partners
    before = counts()
    rows = [
        PROJECT_HEADER,
        project_row(
            Titel="Ferienbetreuung", Thema="childcare", Status="running", Beginn="01.06.2024",
            Ende="31.08.2024", Federführung="Stadtwerke Jena",
            Partner="Stadtwerke Jena; Kita Sonnenschein", Zielgruppen="families; shift_workers",
            **{"Erreichte Familien": "120"}, Förderung="12.500,50", Förderer="Land Thüringen",
        ),
        project_row(Titel="Pflegestammtisch", Thema="care"),
    ]  # fmt: skip
    preview_path = preview_path_of(upload(client, "projects", "projekte.csv", csv_bytes(rows)))
    assert preview_path.startswith("/workspace/import/projects/")
    assert client.get(preview_path).context["preview"].can_import

    message = "All rows have been imported: 2 projects."
    confirm_import(client, preview_path, message, "projects", before, 2)
    with schema_context("jena"):
        project = Project.objects.get(title="Ferienbetreuung")
        assert project.lead_partner_id == stadtwerke.pk
        assert set(project.partners.values_list("pk", flat=True)) == {stadtwerke.pk, kita.pk}
        assert project.target_groups == ["families", "shift_workers"]
        assert project.funding_amount == Decimal("12500.50")
        assert project.families_reached == 120
        assert Project.objects.get(title="Pflegestammtisch").status == "planned"
        assert AuditEntry.objects.filter(action="core.project.created").count() == 2
    assert stored_imports() == set()


def test_a_projects_file_with_defects_shows_them_all_and_writes_nothing(client, project_partners):
    before = counts()
    rows = [PROJECT_HEADER, *(r for _n, _c, r in PROJECT_DEFECTS)]
    preview_path = preview_path_of(upload(client, "projects", "p.xlsx", xlsx_bytes(rows)))
    page = client.get(preview_path)
    assert [(p.row, p.column) for p in page.context["preview"].row_problems] == [
        (n, c) for n, c, _r in PROJECT_DEFECTS
    ]
    assert client.post(preview_path).status_code == 400
    assert counts() == before


# ---------------------------------------------------------------- file-level problems


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("partner.xls", b"Name;Art\nA;company\n", WRONG_TYPE),
        ("partner.txt", b"Name;Art\nA;company\n", WRONG_TYPE),
        ("partner.csv", b"", "The file is empty."),
        ("partner.csv", b"Name;Art\n", "The file has a header row but no data rows."),
        ("partner.csv", b"Name;Ort\nA;Jena\n", "The required column “Art” is missing."),
        ("partner.xlsx", b"this is no workbook", UNREADABLE),
    ],
)  # fmt: skip
def test_a_file_that_cannot_be_imported_is_refused_on_the_upload_page(
    client, catalogue, name, content, message
):
    before = counts()
    response = upload(client, "partners", name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert stored_imports() == set()
    assert counts() == before


def test_a_file_larger_than_5_mb_is_refused(client, catalogue):
    content = b"Name;Art\n" + b"A" * (5 * 1024 * 1024)
    response = upload(client, "partners", "gross.csv", content)
    assert response.status_code == 400
    assert "The file is larger than 5 MB." in response.content.decode()
    assert stored_imports() == set()


def test_the_upload_page_offers_both_kinds_and_their_columns(client):
    shown = ['value="partners"', 'value="projects"', "Beigetreten am", "Federführung"]
    assert_page_shows(client.get(UPLOAD), shown)


def test_the_csv_templates_carry_the_german_headers(client):
    for kind, header in (("partners", PARTNER_HEADER), ("projects", PROJECT_HEADER)):
        response = client.get(f"/workspace/import/{kind}/template/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        text = response.content.decode("utf-8")
        assert text.startswith("\ufeff")
        assert text.strip("\ufeff\r\n").split(";") == header
        # The template itself is read back as an (empty) import file.
        preview = parse(kind, response.content + b"\n")
        assert [p.message for p in preview.errors] == [
            "The file has a header row but no data rows."
        ]


def test_cancelling_deletes_the_waiting_file(client, catalogue):
    preview_path = preview_path_of(
        upload(client, "partners", "a.csv", csv_bytes([PARTNER_HEADER, partner_row()]))
    )
    assert len(stored_imports()) == 1
    assert client.get(preview_path + "cancel/").status_code == 302  # GET only goes back
    assert len(stored_imports()) == 1
    response = client.post(preview_path + "cancel/")
    assert response.status_code == 302
    assert response["Location"] == UPLOAD
    assert stored_imports() == set()
    assert client.get(preview_path).status_code == 404


# ---------------------------------------------------------------- who may import


@pytest.mark.parametrize("role", ["board_member", "state_coordinator", "partner_contact"])
def test_other_roles_get_404_everywhere(jena, catalogue, client, role):
    preview_path = preview_path_of(
        upload(client, "partners", "a.csv", csv_bytes([PARTNER_HEADER, partner_row()]))
    )
    user = person_with_role(
        role,
        None if role == "state_coordinator" else jena,
        partner_id=catalogue.pk if role == "partner_contact" else None,
    )
    other = logged_in_client(user, language="en")
    paths = [
        UPLOAD,
        "/workspace/import/partners/template/",
        "/workspace/import/projects/template/",
        preview_path,
        preview_path + "cancel/",
    ]
    for path in paths:
        assert other.get(path).status_code == 404, path
        assert other.post(path).status_code == 404, path
    csv_file = SimpleUploadedFile("a.csv", csv_bytes([PARTNER_HEADER, partner_row()]))
    assert other.post(UPLOAD, {"kind": "partners", "file": csv_file}).status_code == 404
    assert counts()[0] == 1


def test_anonymous_visitors_are_sent_to_the_login_page(jena):
    anonymous = logged_in_client(None, language="en")
    for path in (
        UPLOAD,
        "/workspace/import/partners/template/",
        f"{UPLOAD}partners/{uuid.uuid4()}/",
    ):
        response = anonymous.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_another_sessions_token_is_not_found(client, catalogue, jena):
    preview_path = preview_path_of(
        upload(client, "partners", "a.csv", csv_bytes([PARTNER_HEADER, partner_row()]))
    )
    colleague = person_with_role("local_coordinator", jena)
    other = logged_in_client(colleague, language="en")
    before = counts()
    assert other.get(preview_path).status_code == 404
    assert other.post(preview_path).status_code == 404
    assert other.post(preview_path + "cancel/").status_code == 404
    assert counts() == before
    assert len(stored_imports()) == 1  # still waiting for its owner
    assert client.get(preview_path).status_code == 200


def test_a_token_of_another_alliance_is_not_found(jena, badfrankenhausen, catalogue):
    both = person_with_role("local_coordinator", jena)
    person_with_role("local_coordinator", badfrankenhausen, user=both)
    client = logged_in_client(both, language="en")
    preview_path = preview_path_of(
        upload(client, "partners", "a.csv", csv_bytes([PARTNER_HEADER, partner_row()]))
    )
    elsewhere = "badfrankenhausen.localhost"
    assert client.get(preview_path, HTTP_HOST=elsewhere).status_code == 404
    assert client.post(preview_path, HTTP_HOST=elsewhere).status_code == 404
    with schema_context("badfrankenhausen"):
        assert Partner.objects.filter(name="Kita Regenbogen").count() == 0
    assert client.get(preview_path).status_code == 200


def test_a_partners_token_does_not_open_the_projects_preview(client, catalogue):
    preview_path = preview_path_of(
        upload(client, "partners", "a.csv", csv_bytes([PARTNER_HEADER, partner_row()]))
    )
    token = preview_path.rstrip("/").rsplit("/", 1)[-1]
    assert client.get(f"{UPLOAD}projects/{token}/").status_code == 404
    assert client.get(f"{UPLOAD}partners/{uuid.uuid4()}/").status_code == 404


def test_only_the_five_newest_uploads_of_a_person_wait_for_confirmation(client, catalogue):
    content = csv_bytes([PARTNER_HEADER, partner_row()])
    paths = [preview_path_of(upload(client, "partners", "a.csv", content)) for _n in range(6)]
    assert len(stored_imports()) == 5
    assert client.get(paths[0]).status_code == 404  # the oldest gave way
    assert all(client.get(path).status_code == 200 for path in paths[1:])


def test_files_of_abandoned_imports_are_purged_after_a_day(client, catalogue):
    content = csv_bytes([PARTNER_HEADER, partner_row()])
    old_path = preview_path_of(upload(client, "partners", "old.csv", content))
    preview_path_of(upload(client, "partners", "new.csv", content))
    old_token = old_path.rstrip("/").rsplit("/", 1)[-1]
    two_days_ago = (datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(days=2)).timestamp()
    with schema_context("jena"):
        os.utime(default_storage.path(f"imports/{old_token}.csv"), (two_days_ago, two_days_ago))
        assert import_services.import_files_purge() == 1
    assert len(stored_imports()) == 1
    assert client.get(old_path).status_code == 404
