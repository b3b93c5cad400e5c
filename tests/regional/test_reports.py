"""Reports to the ministry: figures from the snapshots, generated files (PDF, XLSX, CSV),
small-number suppression everywhere the ministry looks, release and freezing, and who
may see what."""

from __future__ import annotations

import copy
import csv
import datetime
import hashlib
import io
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django_tenants.utils import schema_context
from openpyxl import load_workbook
from pypdf import PdfReader

from config.sentry import EMAIL_RE, PHONE_RE
from kernel.audit.models import AuditEntry
from kernel.pdf import latin1
from regional import report_pdf
from regional.models import AllianceSnapshot, Report, ReportStatus
from regional.reports import SECTIONS, figure_label
from regional.services import reports as services
from regional.tasks.reports import generate_report
from tenants.roles import Role
from tenants.services.alliances import alliance_update
from tests.conftest import (
    assert_same_queries_for_few_and_many,
    logged_in_client,
    pdf_text,
)
from tests.factories.board import BoardMemberFactory
from tests.factories.partners import ContactPersonFactory, PartnerFactory
from tests.factories.tenants import account_with_role
from tests.pages import submit

PERIOD_DAY = datetime.date(2025, 12, 15)
PREVIOUS_DAY = datetime.date(2024, 12, 31)

CONTACT_NAMES = ["Ingeborg Vertraulich", "Bartholomäus Geheimnis"]
BOARD_NAMES = ["Kunigunde Kuratorin", "Eberhard Beiratsmann"]
ACCOUNT_NAMES = ["Waltraud Koordinatorin", "Friedhelm Ortsleiter", "Rosamunde Freigabe"]
SECRET_EMAILS = [
    "vertraulich@firma-jena.example",
    "geheimnis@firma-bfh.example",
    "kuratorin@jena.example",
    "beiratsmann@bfh.example",
    "koordination@jena.example",
    "koordination@badfrankenhausen.example",
    "land.koordination@buendnisnetz.example",
]
SECRET_PHONES = ["+49 3641 7654321", "034671 98765", "0361 5551234", "+49 3632 112233"]


def german(text) -> str:
    """What the (German) report files say for ``text``."""
    with translation.override("de"):
        return str(text() if callable(text) else text)


# ---------------------------------------------------------------- fixtures


def _snapshot(alliance, day, **values) -> AllianceSnapshot:
    return AllianceSnapshot.objects.create(alliance=alliance, taken_on=day, year=day.year, **values)


@pytest.fixture
def figures(jena, badfrankenhausen):
    """Snapshots of both session alliances: Jena (district Jena) with 25 partners,
    Bad Frankenhausen (Kyffhäuserkreis) with TWO, and their previous year's figures."""
    _snapshot(
        jena, PERIOD_DAY, partners_total=25, companies=12, partners_with_care_guides=6,
        care_guides_total=9, valid_seals=4, projects_total=7, families_reached=340, events=11,
        event_participants=820, funding_total=Decimal("15250.50"), board_meetings_held=4,
        partners_by_kind={"company": 12, "municipality": 3, "social_agency": 5, "science": 2,
                          "association": 3},
        projects_by_topic={"childcare": 3, "care": 2, "working_world": 2},
        projects_by_status={"running": 5, "finished": 2},
        funding_by_kind={"donation": "5250.50", "grant": "10000.00"},
    )  # fmt: skip
    _snapshot(
        jena, PREVIOUS_DAY, partners_total=20, companies=10, partners_with_care_guides=5,
        care_guides_total=7, valid_seals=3, projects_total=6, families_reached=300, events=9,
        event_participants=700, funding_total=Decimal("12000"), board_meetings_held=4,
        partners_by_kind={"company": 10, "municipality": 3, "social_agency": 4, "association": 3},
        projects_by_topic={"childcare": 3, "care": 3},
        projects_by_status={"running": 4, "finished": 2},
        funding_by_kind={"grant": "12000.00"},
    )  # fmt: skip
    _snapshot(
        badfrankenhausen, PERIOD_DAY, partners_total=2, companies=1, partners_with_care_guides=1,
        care_guides_total=1, valid_seals=0, projects_total=2, families_reached=40, events=3,
        event_participants=75, funding_total=Decimal("1200"), board_meetings_held=2,
        partners_by_kind={"company": 1, "municipality": 1},
        projects_by_topic={"holidays": 2}, projects_by_status={"running": 2},
        funding_by_kind={"donation": "1200.00"},
    )  # fmt: skip
    _snapshot(
        badfrankenhausen, PREVIOUS_DAY, partners_total=4, companies=2,
        partners_with_care_guides=1, care_guides_total=2, valid_seals=1, projects_total=1,
        families_reached=30, events=2, event_participants=50, funding_total=Decimal("900"),
        board_meetings_held=3, partners_by_kind={"company": 2, "municipality": 2},
        projects_by_topic={"holidays": 1}, projects_by_status={"planned": 1},
        funding_by_kind={"donation": "900.00"},
    )  # fmt: skip


@pytest.fixture
def personal_data(jena, badfrankenhausen):
    """Contact persons, board members and accounts with distinctive names, e-mail
    addresses and phone numbers in both alliances."""
    seeds = [
        ("jena", CONTACT_NAMES[0], SECRET_EMAILS[0], SECRET_PHONES[0], BOARD_NAMES[0],
         SECRET_EMAILS[2], SECRET_PHONES[2]),
        ("badfrankenhausen", CONTACT_NAMES[1], SECRET_EMAILS[1], SECRET_PHONES[1],
         BOARD_NAMES[1], SECRET_EMAILS[3], SECRET_PHONES[3]),
    ]  # fmt: skip
    for schema, contact, email, phone, board, board_email, board_phone in seeds:
        first, last = contact.split()
        with schema_context(schema):
            partner = PartnerFactory(name=f"Musterbetrieb {schema}")
            ContactPersonFactory(
                partner=partner, first_name=first, last_name=last, email=email, phone=phone
            )
            BoardMemberFactory(full_name=board, email=board_email, phone=board_phone)
    for alliance, n in ((jena, 0), (badfrankenhausen, 1)):
        account_with_role(
            Role.LOCAL_COORDINATOR, alliance, email=SECRET_EMAILS[4 + n], full_name=ACCOUNT_NAMES[n]
        )


@pytest.fixture
def state_coordinator(db):
    return account_with_role(
        Role.STATE_COORDINATOR, email=SECRET_EMAILS[6], full_name=ACCOUNT_NAMES[2]
    )


@pytest.fixture
def ministry(db):
    return account_with_role(
        Role.MINISTRY, email="referat42@ministerium.example", full_name="Referat"
    )


def _create(actor, **data) -> Report:
    values = {
        "title": "Jahresbericht 2025",
        "period_kind": "year",
        "year": 2025,
        "quarter": None,
        "summary": "Ein gutes Jahr für die Familien in Thüringen.",
        "highlights": "- Neue Partner in Jena\n- Ferienprogramm am Kyffhäuser",
        "problems": "Fehlende Kinderbetreuung in Randzeiten.",
        "plans": "Mehr Pflegelotsen ausbilden.",
        **data,
    }
    return services.report_create(actor=actor, **values)


def _generate(report: Report, actor) -> Report:
    """What the button and the worker do together: queue, then run the task."""
    services.report_generate(actor=actor, report=report)
    generate_report.run(report.pk)
    report.refresh_from_db()
    return report


@pytest.fixture
def report(state_coordinator) -> Report:
    return _create(state_coordinator)


@pytest.fixture
def ready_report(report, figures, media_root, state_coordinator) -> Report:
    return _generate(report, state_coordinator)


@pytest.fixture
def released_report(ready_report, state_coordinator) -> Report:
    services.report_release(actor=state_coordinator, report=ready_report)
    ready_report.refresh_from_db()
    return ready_report


# ---------------------------------------------------------------- reading the files back


def _bytes(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def _pdf_pages(report: Report) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(_bytes(report.pdf_file))).pages]


def _csv_rows(report: Report) -> list[list[str]]:
    text = _bytes(report.csv_file).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def _xlsx(report: Report):
    return load_workbook(io.BytesIO(_bytes(report.xlsx_file)))


def _as_csv(value, *, share: bool = False, percent: bool = False, money: bool = False) -> str:
    """An XLSX cell written the way the CSV writes it (German: 1.467 and 16.450,50)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    german = str.maketrans(",.", ".,")
    if percent or share:
        return f"{value * 100:,.1f}".translate(german)
    if money:
        return f"{value:,.2f}".translate(german)
    return f"{int(value):,}".translate(german)


def _line(pages: list[str], startswith: str) -> str:
    for page in pages:
        for line in page.splitlines():
            if line.startswith(startswith):
                return line
    raise AssertionError(f"no line starts with {startswith!r}")


# ---------------------------------------------------------------- generating


def test_generating_stores_the_figures_and_three_files(ready_report, media_root):
    report = ready_report
    assert report.status == ReportStatus.READY
    assert report.generated_at is not None
    assert report.generation_error == ""
    assert report.snapshot_date == PERIOD_DAY
    assert report.data["totals"]["partners_total"] == [27, 24]
    assert report.data["previous_snapshot_date"] == PREVIOUS_DAY.isoformat()
    for field, name in (
        (report.pdf_file, "bericht-2025.pdf"),
        (report.xlsx_file, "bericht-2025.xlsx"),
        (report.csv_file, "bericht-2025.csv"),
    ):
        assert field.name == f"reports/{report.pk}/{name}"
        assert (media_root / "public" / "reports" / str(report.pk) / name).is_file()
    assert _bytes(report.pdf_file).startswith(b"%PDF-")
    assert AuditEntry.objects.filter(
        action="regional.report.generated", object_id=str(report.pk)
    ).exists()


def test_the_pdf_has_title_contents_totals_a_chart_and_page_numbers(ready_report):
    reader = PdfReader(io.BytesIO(_bytes(ready_report.pdf_file)))
    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)
    assert total >= 8
    for number, text in enumerate(pages, start=1):
        assert f"Seite {number} von {total}" in text  # "Seite x von y" on every page
    assert "Jahresbericht 2025" in pages[0]
    assert "Landeskoordinierungsstelle Lokale Bündnisse für Familie Thüringen" in pages[0]
    assert "31.12.2025" in pages[0]
    assert "15.12.2025" in pages[0]
    assert german(lambda: translation.gettext("Contents")) in pages[1]
    assert german(lambda: translation.gettext("Summary")) in pages[1]  # an entry of it
    assert "Ein gutes Jahr für die Familien in Thüringen." in "\n".join(pages)
    # Thuringia's totals with the change against the previous year.
    partners = german(lambda: figure_label("partners_total"))
    assert _line(pages, f"{partners} 27 24 ") == f"{partners} 27 24 +3 +12,5 %"
    funding = german(lambda: figure_label("funding_total"))
    assert "16.450,50 € 12.900,00 € +3.550,50 €" in _line(pages, funding)
    # Charts drawn with fpdf2's primitives: bars are filled rectangles ("re f"), axes lines.
    comparison = german(
        lambda: (
            translation.gettext("Figures of Thuringia in %(period)s and %(previous)s")
            % {"period": "2025", "previous": "2024"}
        )
    )
    by_district = german(
        lambda: translation.gettext("Active partners by district, %(period)s") % {"period": "2025"}
    )
    for caption, bars in ((comparison, 12), (by_district, 0)):  # the districts': suppressed
        index = next(i for i, text in enumerate(pages) if caption in text)
        operators = reader.pages[index].get_contents().get_data()
        assert len(re.findall(rb"\bre\s+f\b", operators)) >= bars, caption
        assert len(re.findall(rb"\bl\s+S\b", operators)) >= 2, caption  # the two axes
    comparison_page = next(text for text in pages if comparison in text)
    assert german(lambda: translation.gettext("Share of the larger of the two values")) in (
        comparison_page
    )
    assert "16.450,50 €" in comparison_page
    assert "12.900,00 €" in comparison_page
    district_page = next(text for text in pages if by_district in text)
    assert german(lambda: translation.gettext("Active partners (number)")) in district_page
    assert german(lambda: translation.gettext("District or independent city")) in district_page
    # Both districts' partner counts are suppressed (2, and Jena's 25 that would reveal
    # it): no bar gives them away, the markers stand instead.
    assert "Kyffhäuserkreis <3" in district_page
    assert "Jena x" in district_page


def test_a_district_with_two_partners_shows_below_three_in_every_file(ready_report):
    partners = german(lambda: figure_label("partners_total"))
    district = german(lambda: translation.gettext("District"))
    thuringia = german(lambda: translation.gettext("Thuringia"))
    # PDF: the annex page of the Kyffhäuserkreis, and the district overview.
    pages = _pdf_pages(ready_report)
    kyff_page = next(p for p in pages if re.search(r"^7\.\d+ Kyffhäuserkreis$", p, re.M))
    # Last year's 4 is hidden as well: its two kinds of partner (2 and 2, both "<3")
    # would otherwise be pinned down as 4 - 2.
    assert _line([kyff_page], f"{partners} ") == f"{partners} <3 x x x"
    jena_page = next(p for p in pages if re.search(r"^7\.\d+ Jena$", p, re.M))
    # Jena's 25 would reveal the 2 as 27 - 25: hidden too (secondary suppression).
    assert _line([jena_page], f"{partners} ") == f"{partners} x x x x"
    # The 2 partners are one company and one municipality: shown as "<3" each, they
    # would pin the partners down to 2 (two parts of at least 1), so they show ".".
    assert _line(pages, "Kyffhäuserkreis 1 <3 . <3 x <3 0")
    # CSV.
    rows = _csv_rows(ready_report)
    assert rows[0][:3] == [
        german(lambda: translation.gettext("Section")),
        german(lambda: translation.gettext("Figure")),
        district,
    ]
    by_cell = {(row[2], row[1]): row[3:] for row in rows[1:]}
    assert by_cell[("Kyffhäuserkreis", partners)] == ["<3", "x", "x", "x"]
    assert by_cell[("Jena", partners)] == ["x", "x", "x", "x"]
    assert by_cell[(thuringia, partners)] == ["27", "24", "3", "12,5"]
    # XLSX.
    workbook = _xlsx(ready_report)
    assert workbook.sheetnames == [
        german(lambda: translation.gettext("Overview of the report")),
        german(lambda: translation.gettext("Districts of the report")),
        german(lambda: translation.gettext("Notes of the report")),
    ]
    districts = workbook.worksheets[1]
    cells = {
        (row[0], row[2]): row[3:]
        for row in districts.iter_rows(min_row=5, values_only=True)
        if row[0]
    }
    assert cells[("Kyffhäuserkreis", partners)] == ("<3", "x", "x", "x")
    overview = {
        row[1]: row[2:] for row in workbook.worksheets[0].iter_rows(min_row=5, values_only=True)
    }
    assert overview[partners] == (27, 24, 3, pytest.approx(0.125))
    notes = [c.value for c in workbook.worksheets[2]["A"] if c.value]
    assert any("<3" in note for note in notes)


def test_pdf_xlsx_and_csv_show_the_same_figures(ready_report):
    rows = _csv_rows(ready_report)[1:]
    from_csv = {(row[2], row[0], row[1]): tuple(row[3:]) for row in rows}
    thuringia = german(lambda: translation.gettext("Thuringia"))
    workbook = _xlsx(ready_report)
    share = german(lambda: figure_label("care_guides_share")) + " (%)"
    funding = german(lambda: SECTIONS["funding"])
    # fundraising: the circle's members are people, though in the funding section
    members = german(lambda: figure_label("circle_members"))

    def as_csv(section, label, value, previous, change, percent):
        is_share, money = label == share, section == funding and label != members
        if is_share and isinstance(change, float):
            change /= 100  # percentage points in the XLSX, a ratio in the CSV's terms
        shown = [_as_csv(v, share=is_share, money=money) for v in (value, previous, change)]
        return (*shown, _as_csv(percent, percent=True))

    from_xlsx = {}
    for section, label, *values in workbook.worksheets[0].iter_rows(min_row=5, values_only=True):
        from_xlsx[(thuringia, section, label)] = as_csv(section, label, *values)
    for row in workbook.worksheets[1].iter_rows(min_row=5, values_only=True):
        district, section, label, *values = row
        from_xlsx[(district, section, label)] = as_csv(section, label, *values)
    assert from_xlsx == from_csv
    assert len(from_csv) == 3 * len(ready_report.data["rows"])
    # Every figure of Thuringia and of each district is in the PDF with the same value.
    pages = _pdf_pages(ready_report)
    text = "\n".join(pages)
    with translation.override("de"):
        from regional.report_tables import report_tables

        tables = report_tables(ready_report)
        lines = [
            f"{row.label} {row.value_text} {row.previous_text}"
            for row in [*tables.totals, *(r for d in tables.districts for r in d.rows)]
        ]
    for line in lines:
        assert latin1(line) in text, line


@pytest.mark.slow
def test_no_personal_data_reaches_the_files_or_the_ministrys_pages(
    personal_data, released_report, ministry, ministry_client
):
    raw_pdf = pdf_text(_bytes(released_report.pdf_file)).decode("latin-1")
    for secret in [*CONTACT_NAMES, *BOARD_NAMES, *ACCOUNT_NAMES, *SECRET_EMAILS]:
        assert latin1(secret) not in raw_pdf, secret
    texts = {
        "pdf": "\n".join(_pdf_pages(released_report)),
        "csv": _bytes(released_report.csv_file).decode("utf-8"),
        "xlsx": "\n".join(
            str(value)
            for sheet in _xlsx(released_report).worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ),
    }
    for path in ("/reports/", f"/reports/{released_report.pk}/"):
        response = ministry_client.get(path)
        assert response.status_code == 200
        texts[path] = response.content.decode()
    csv_response = ministry_client.get("/reports/?format=csv")
    texts["list-csv"] = csv_response.content.decode()
    assert "Kyffhäuserkreis" in texts["pdf"]  # the outputs are there to be checked
    for where, text in texts.items():
        emails = [m for m in EMAIL_RE.findall(text) if m != ministry.email]
        assert emails == [], where
        phones = [m for m in PHONE_RE.findall(text) if sum(c.isdigit() for c in m) >= 7]
        assert phones == [], where
        for secret in [*CONTACT_NAMES, *BOARD_NAMES, *ACCOUNT_NAMES, *SECRET_EMAILS]:
            assert secret not in text, (where, secret)
            assert secret.split()[-1] not in text, (where, secret)
        for phone in SECRET_PHONES:
            assert phone not in text, (where, phone)
            assert phone.replace(" ", "") not in text, (where, phone)


def test_the_ministrys_page_shows_the_suppressed_figures(released_report, ministry_client):
    response = ministry_client.get(f"/reports/{released_report.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    # District overview: Kyffhäuserkreis has 1 alliance and "<3" partners.
    assert (
        '<th scope="row">Kyffhäuserkreis</th><td style="text-align:right">1</td>'
        '<td style="text-align:right">&lt;3</td>'
    ) in body
    assert '<th scope="row">Jena</th><td style="text-align:right">1</td>' in body
    assert '<td style="text-align:right">x</td>' in body
    assert '<td style="text-align:right"><strong>27</strong></td>' in body  # Thuringia
    assert "Ein gutes Jahr für die Familien in Thüringen." in body
    assert f"/reports/{released_report.pk}/files/pdf/" in body
    assert "Rosamunde" not in body  # who released it is not the ministry's business
    assert "Generate" not in body
    assert "/edit/" not in body


def test_generating_twice_changes_nothing(ready_report, media_root):
    before = (ready_report.generated_at, _bytes(ready_report.pdf_file))
    assert generate_report.run(ready_report.pk) == {
        "report": ready_report.pk,
        "status": ReportStatus.READY,
    }
    ready_report.refresh_from_db()
    assert (ready_report.generated_at, _bytes(ready_report.pdf_file)) == before


def test_generating_again_replaces_the_files_under_the_same_names(ready_report, media_root):
    names = [ready_report.pdf_file.name, ready_report.xlsx_file.name, ready_report.csv_file.name]
    report = _generate(ready_report, None)
    assert [report.pdf_file.name, report.xlsx_file.name, report.csv_file.name] == names
    assert len(list((media_root / "public" / "reports" / str(report.pk)).iterdir())) == 3


def test_generate_button_queues_the_task_and_the_page_refreshes_itself(
    report, state_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = state_client.post(f"/reports/{report.pk}/generate/")
    assert response.status_code == 302
    assert response["Location"] == f"/reports/{report.pk}/"
    assert len(callbacks) == 1  # generate_report, sent after the commit
    report.refresh_from_db()
    assert report.status == ReportStatus.GENERATING
    assert report.task_id
    page = state_client.get(f"/reports/{report.pk}/")
    assert page.status_code == 200
    assert '<meta http-equiv="refresh" content="2">' in page.content.decode()
    assert page["Refresh"] == "2"
    assert "This page updates itself" in page.content.decode()
    # Asking again while it runs queues nothing more.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        state_client.post(f"/reports/{report.pk}/generate/")
    assert callbacks == []


def test_failed_generation_shows_the_error_and_retry_works(
    report, figures, media_root, state_client, monkeypatch
):
    real_build_pdf = report_pdf.build_pdf
    calls = []

    def build_pdf_failing_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("Schriftdatei nicht lesbar")
        return real_build_pdf(*args, **kwargs)

    monkeypatch.setattr(report_pdf, "build_pdf", build_pdf_failing_once)
    assert state_client.post(f"/reports/{report.pk}/generate/").status_code == 302
    generate_report.run(report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert "Schriftdatei nicht lesbar" in report.generation_error
    assert not report.pdf_file
    page = state_client.get(f"/reports/{report.pk}/").content.decode()
    assert "Generating the report failed." in page
    assert "Schriftdatei nicht lesbar" in page
    assert "Try again" in page
    assert "files/pdf" not in page

    assert state_client.post(f"/reports/{report.pk}/generate/").status_code == 302
    generate_report.run(report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.READY
    assert report.generation_error == ""
    assert _bytes(report.pdf_file).startswith(b"%PDF-")
    assert "files/pdf" in state_client.get(f"/reports/{report.pk}/").content.decode()


def test_without_statistics_in_the_period_generation_fails_with_a_clear_message(
    state_coordinator, figures, media_root
):
    report = _generate(_create(state_coordinator, year=2030, title="Bericht 2030"), None)
    assert report.status == ReportStatus.FAILED
    assert "01.01.2030" in report.generation_error
    assert "31.12.2030" in report.generation_error


# ---------------------------------------------------------------- release and freezing


def test_a_released_report_does_not_change_with_the_data(
    released_report, state_client, ministry_client, jena, badfrankenhausen, state_coordinator
):
    report = released_report
    assert report.status == ReportStatus.RELEASED
    assert report.released_by == state_coordinator
    assert report.released_at is not None
    data = copy.deepcopy(report.data)
    hashes = {
        name: hashlib.sha256(_bytes(getattr(report, name))).hexdigest()
        for name in ("pdf_file", "xlsx_file", "csv_file")
    }
    generated_at = report.generated_at

    # The alliances' figures and data change afterwards.
    AllianceSnapshot.objects.filter(alliance=jena).update(partners_total=99)
    _snapshot(jena, datetime.date(2025, 12, 31), partners_total=500, companies=300)
    _snapshot(badfrankenhausen, datetime.date(2025, 12, 31), partners_total=450)
    alliance_update(actor=None, alliance=jena, name="Umbenanntes Bündnis", district="16052")

    response = state_client.post(f"/reports/{report.pk}/generate/")
    assert response.status_code == 400
    assert "frozen" in response.content.decode()
    with pytest.raises(ValidationError):
        services.report_generate(actor=state_coordinator, report=report)
    generate_report.run(report.pk)  # a stray task changes nothing either
    for path, form in (
        (f"/reports/{report.pk}/edit/", {"title": "Neu", "summary": "Neu"}),
        (f"/reports/{report.pk}/delete/", {}),
        (f"/reports/{report.pk}/release/", {}),
    ):
        response = state_client.post(path, form)
        assert response.status_code == 400, path
    assert "frozen" in state_client.get(f"/reports/{report.pk}/edit/").content.decode()

    report.refresh_from_db()
    assert report.status == ReportStatus.RELEASED
    assert report.title == "Jahresbericht 2025"
    assert report.data == data
    assert report.generated_at == generated_at
    assert {
        name: hashlib.sha256(_bytes(getattr(report, name))).hexdigest() for name in hashes
    } == hashes
    body = ministry_client.get(f"/reports/{report.pk}/").content.decode()
    assert "<strong>27</strong>" in body
    assert "Gera" not in body
    assert "Umbenanntes" not in body


def test_only_a_generated_report_can_be_released(report, state_client):
    response = state_client.post(f"/reports/{report.pk}/release/")
    assert response.status_code == 400
    assert "Only a generated report can be released" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert report.released_at is None


def test_releasing_a_ready_report_freezes_it(ready_report, state_client, state_coordinator):
    response = state_client.post(f"/reports/{ready_report.pk}/release/")
    assert response.status_code == 302
    ready_report.refresh_from_db()
    assert ready_report.status == ReportStatus.RELEASED
    assert ready_report.released_by == state_coordinator
    assert AuditEntry.objects.filter(
        action="regional.report.released", object_id=str(ready_report.pk)
    ).exists()


def test_editing_the_texts_of_a_generated_report_sends_it_back_to_draft(ready_report, state_client):
    response = state_client.post(
        f"/reports/{ready_report.pk}/edit/",
        {"title": "Jahresbericht 2025", "summary": "Überarbeitet.", "highlights": "",
         "problems": "", "plans": ""},
    )  # fmt: skip
    assert response.status_code == 302
    ready_report.refresh_from_db()
    assert ready_report.summary == "Überarbeitet."
    assert ready_report.status == ReportStatus.DRAFT
    assert state_client.post(f"/reports/{ready_report.pk}/release/").status_code == 400


@pytest.mark.parametrize(
    "summary",
    ["Fragen an info@buendnis-jena.example", "Telefon 03641 123456", "Ruf an: +49 361 555 1234"],
)
def test_texts_with_e_mail_addresses_or_phone_numbers_are_refused(report, state_client, summary):
    response = state_client.post(
        f"/reports/{report.pk}/edit/",
        {"title": "Jahresbericht 2025", "summary": summary, "highlights": "", "problems": "",
         "plans": ""},
    )  # fmt: skip
    assert response.status_code == 400
    assert "no e-mail addresses or phone numbers" in response.content.decode()
    report.refresh_from_db()
    assert report.summary == "Ein gutes Jahr für die Familien in Thüringen."


def test_a_draft_can_be_deleted(report, state_client):
    assert state_client.get(f"/reports/{report.pk}/delete/").status_code == 200
    response = state_client.post(f"/reports/{report.pk}/delete/")
    assert response.status_code == 302
    assert response["Location"] == "/reports/"
    assert not Report.objects.filter(pk=report.pk).exists()
    assert AuditEntry.objects.filter(
        action="regional.report.deleted", object_id=str(report.pk)
    ).exists()


# ---------------------------------------------------------------- creating


def test_create_a_quarterly_report(state_client, settings):
    assert state_client.get("/reports/new/").status_code == 200
    quarter = {"title": "Quartalsbericht Q2 2026", "period_kind": "quarter", "year": "2026",
               "quarter": "2"}  # fmt: skip
    response = submit(state_client, "/reports/new/", quarter)
    report = Report.objects.get(title="Quartalsbericht Q2 2026")
    assert response["Location"] == f"/reports/{report.pk}/"
    assert (report.status, report.period_label) == (ReportStatus.DRAFT, "Q2 2026")
    assert report.suppression_threshold == settings.BUENDNISNETZ_SUPPRESSION_THRESHOLD
    assert AuditEntry.objects.filter(
        action="regional.report.created", object_id=str(report.pk)
    ).exists()


@pytest.mark.parametrize(
    "form",
    [
        {"title": "Q ohne Quartal", "period_kind": "quarter", "year": "2026", "quarter": ""},
        {"title": "Jahr mit Quartal", "period_kind": "year", "year": "2026", "quarter": "2"},
        {"title": "Quartal 5", "period_kind": "quarter", "year": "2026", "quarter": "5"},
        {"title": "Zu früh", "period_kind": "year", "year": "1999", "quarter": ""},
        {"title": "", "period_kind": "year", "year": "2026", "quarter": ""},
    ],
)
def test_create_refuses_an_impossible_period(state_client, form):
    response = state_client.post("/reports/new/", form)
    assert response.status_code == 400
    assert "Nothing has been saved" in response.content.decode()
    assert not Report.objects.exists()


# ---------------------------------------------------------------- permissions


def test_the_ministry_sees_released_reports_only(
    released_report, state_coordinator, ministry_client, state_client
):
    draft = _create(state_coordinator, title="Entwurf Quartal", period_kind="quarter",
                    quarter=3)  # fmt: skip
    listing = ministry_client.get("/reports/").content.decode()
    assert "Jahresbericht 2025" in listing
    assert "Entwurf Quartal" not in listing
    assert "Entwurf Quartal" not in ministry_client.get("/reports/?format=csv").content.decode()
    assert "Entwurf Quartal" in state_client.get("/reports/").content.decode()

    assert ministry_client.get(f"/reports/{released_report.pk}/").status_code == 200
    for fmt, content_type in (
        ("pdf", "application/pdf"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("csv", "text/csv; charset=utf-8"),
    ):
        response = ministry_client.get(f"/reports/{released_report.pk}/files/{fmt}/")
        assert response.status_code == 200
        assert response["Content-Type"] == content_type
    assert ministry_client.get(f"/reports/{released_report.pk}/files/doc/").status_code == 404

    assert ministry_client.get(f"/reports/{draft.pk}/").status_code == 404
    assert ministry_client.get(f"/reports/{draft.pk}/files/pdf/").status_code == 404
    for path in (
        "/reports/new/",
        f"/reports/{draft.pk}/edit/",
        f"/reports/{draft.pk}/generate/",
        f"/reports/{draft.pk}/release/",
        f"/reports/{draft.pk}/delete/",
        f"/reports/{released_report.pk}/edit/",
        f"/reports/{released_report.pk}/delete/",
    ):
        assert ministry_client.get(path).status_code == 404, path
        assert ministry_client.post(path, {"title": "x"}).status_code == 404, path
    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT


def test_downloads_serve_the_stored_files(ready_report, state_client):
    response = state_client.get(f"/reports/{ready_report.pk}/files/pdf/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == _bytes(ready_report.pdf_file)
    assert 'filename="bericht-2025.pdf"' in response["Content-Disposition"]


def test_alliance_people_get_404_and_anonymous_visitors_the_login(
    released_report, jena, coordinator, board_member
):
    paths = [
        "/reports/",
        "/reports/new/",
        f"/reports/{released_report.pk}/",
        f"/reports/{released_report.pk}/files/pdf/",
        f"/reports/{released_report.pk}/generate/",
        f"/reports/{released_report.pk}/release/",
    ]
    for user in (coordinator, board_member):
        client = logged_in_client(user, "localhost")
        for path in paths:
            assert client.get(path).status_code == 404, path
    anonymous = logged_in_client(None, "localhost")
    for path in paths:
        response = anonymous.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/login/"), path
    # On an alliance's host the state pages do not exist.
    assert logged_in_client(coordinator).get("/reports/").status_code == 404


def test_report_lists_cost_the_same_queries_for_few_and_many(state_client, ministry_client):
    def add(count: int):
        def create():
            Report.objects.bulk_create(
                Report(title=f"Bericht {n}", period_kind="year", year=2000 + n % 100,
                       status=ReportStatus.RELEASED if n % 2 else ReportStatus.DRAFT)
                for n in range(count)
            )  # fmt: skip

        return create

    assert_same_queries_for_few_and_many(state_client, "/reports/", add(5), add(195))
    assert_same_queries_for_few_and_many(ministry_client, "/reports/", add(5), add(195))


def test_a_report_names_its_own_states_office_as_publisher(ready_report, settings):
    # A second state's report named Thuringia's office on every page and file (a fixed
    # constant); it names the report's own state's office, by its own name if it has one.
    from regional.report_files import build_xlsx
    from regional.report_tables import report_tables
    from tenants.models import State

    ready_report.state = State.objects.get(key="14")
    ready_report.state.office_name = ""
    tables = report_tables(ready_report)
    assert tables.publisher == "Landeskoordinierungsstelle Lokale Bündnisse für Familie Sachsen"
    pdf = report_pdf.build_pdf(ready_report, tables, generated_on=PERIOD_DAY)
    cover = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Familie Sachsen" in cover
    assert "Familie Thüringen" not in cover  # (the platform keeps its name)
    workbook = load_workbook(io.BytesIO(build_xlsx(ready_report, tables)))
    assert workbook.active.cell(2, 1).value.startswith(tables.publisher)
    ready_report.state.office_name = "Servicestelle Familienbündnisse Sachsen"
    assert report_tables(ready_report).publisher == "Servicestelle Familienbündnisse Sachsen"
    # The platform's name on the cover is the installation's.
    settings.BUENDNISNETZ_PLATFORM_NAME = "Bündnisnetz"
    cover = PdfReader(
        io.BytesIO(report_pdf.build_pdf(ready_report, tables, generated_on=PERIOD_DAY))
    )
    assert "Bündnisnetz Thüringen" not in cover.pages[0].extract_text()
    assert cover.metadata.creator == "Bündnisnetz"
