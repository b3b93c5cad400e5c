"""Import of the fundraising circle's members and donors, of the money received, and of
company care guides: the same upload, preview and confirmation as partners and projects."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django_tenants.utils import schema_context

from core.models import CareGuide, FundingEntry, Partner, Supporter
from kernel.audit.models import AuditEntry
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.core.test_imports import csv_bytes, preview_path_of, upload, xlsx_bytes

pytestmark = pytest.mark.usefixtures("media_root")

SUPPORTER_HEADER = [
    "Name", "Art", "Partner", "Straße", "PLZ", "Ort", "E-Mail", "Beigetreten am",
    "Ausgetreten am", "Jahresbeitrag", "Notizen",
]  # fmt: skip
FUNDING_HEADER = ["Art", "Betrag", "Eingegangen am", "Mitglied oder Spender", "Partner", "Zweck"]
GUIDE_HEADER = ["Partner", "Name", "E-Mail", "Schulung", "Geschult am", "Auffrischung fällig"]


@pytest.fixture
def circle(jena):
    """Jena's partner Stadtwerke Jena and one member of the circle, Ilse Treu."""
    with schema_context("jena"):
        partner = Partner.objects.create(name="Stadtwerke Jena", kind="company")
        Supporter.objects.create(name="Ilse Treu", joined_on=datetime.date(2015, 1, 1))
        return partner


# Per kind: what the confirmation counts and the list it leads to.
IMPORTED = {
    "supporters": ("members and donors", "/workspace/fundraising/supporters/"),
    "funding": ("funding entries", "/workspace/funding/"),
    "care-guides": ("care guides", "/workspace/partners/care-guides/"),
}


def _imported(client, kind: str, name: str, content: bytes, count: int):
    """Uploads and confirms the file: all ``count`` rows are imported, then the kind's list
    is shown."""
    done = client.post(preview_path_of(upload(client, kind, name, content)), follow=True)
    things, list_url = IMPORTED[kind]
    assert f"All rows have been imported: {count} {things}." in done.content.decode()
    assert done.redirect_chain[-1][0] == list_url


def _problems(client, kind: str, rows: list[list]) -> list[str]:
    page = client.get(preview_path_of(upload(client, kind, "liste.csv", csv_bytes(rows))))
    preview = page.context["preview"]
    assert not preview.can_import
    return [f"{p.row}: {p.message}" for p in preview.row_problems]


# Each kind's defective rows, as the file has them (";" between the columns, below the
# header), and the problems named for them: every defect with its row and column. Nothing
# is written: the circle fixture's one member, no money and no care guides stay.
DEFECTS = [
    pytest.param("supporters", Supporter, 1, """
ilse  treu;;;;;;;;;;
Otto Neu;Verein;;;;;otto(at)neu;;;;
Otto Neu;;Gibt es nicht;;;;;;01.01.2020;-5;
Paula Alt;;;;;;;01.01.2020;01.01.2019;;
""", """
2: “Name”: a member or donor named “ilse treu” already exists.
3: “Art”: “Verein” is not a known kind.
3: “E-Mail”: “otto(at)neu” is not an e-mail address.
4: “Name”: “Otto Neu” already appears in row 3 of this file.
4: “Partner”: there is no partner named “Gibt es nicht”.
4: “Ausgetreten am”: only a member who joined can leave the circle.
4: “Jahresbeitrag”: “-5” is negative; use 0 or more.
5: “Ausgetreten am”: the leaving date is before the joining date.
""", id="members"),
    pytest.param("funding", FundingEntry, 0, """
donation;0;03.04.2026;Ilse Treu;;
Spende;;;Ilse Treu;;
Lotterie;12;31.02.2026;;;
""", """
2: “Betrag”: the amount must be greater than zero.
3: “Betrag” is empty, but a value is required.
3: “Eingegangen am” is empty, but a value is required.
4: “Art”: “Lotterie” is not a known kind.
4: “Eingegangen am”: “31.02.2026” is not a date (use DD.MM.YYYY or YYYY-MM-DD).
""", id="money"),
    pytest.param("care-guides", CareGuide, 0, """
;Ohne Partner;;;;
Unbekannt AG;;;;10.03.2025;10.03.2025
""", """
2: “Partner” is empty, but a value is required.
3: “Partner”: there is no partner named “Unbekannt AG”.
3: “Name” is empty, but a value is required.
3: “Auffrischung fällig”: the refresher must be due after the training date.
""", id="care-guides"),
]  # fmt: skip
HEADERS = {"supporters": SUPPORTER_HEADER, "funding": FUNDING_HEADER, "care-guides": GUIDE_HEADER}


@pytest.mark.parametrize(("kind", "model", "kept", "rows", "problems"), DEFECTS)
def test_rows_with_defects_are_each_named_and_nothing_is_written(
    client, circle, kind, model, kept, rows, problems
):
    rows = [HEADERS[kind], *(line.split(";") for line in rows.strip("\n").splitlines())]
    assert _problems(client, kind, rows) == problems.strip().splitlines()
    with schema_context("jena"):
        assert model.objects.count() == kept


# ---------------------------------------------------------------- members and donors


def test_members_and_donors_are_imported_with_an_audit_entry_each(client, circle):
    rows = [
        SUPPORTER_HEADER,
        ["Anna Berg", "Person", "", "Lindenweg 3", "7743", "Jena", "anna@berg.example",
         "01.03.2019", "", "60,00", ""],
        ["Stadtwerke Jena (Spenden)", "organisation", "Stadtwerke Jena", "", "", "", "", "",
         "", "", "spendet jährlich"],
    ]  # fmt: skip
    _imported(client, "supporters", "mitglieder.csv", csv_bytes(rows), 2)
    with schema_context("jena"):
        anna = Supporter.objects.get(name="Anna Berg")
        assert (anna.postcode, anna.yearly_fee, anna.joined_on) == (
            "07743",
            Decimal("60.00"),
            datetime.date(2019, 3, 1),
        )
        company = Supporter.objects.get(name="Stadtwerke Jena (Spenden)")
        assert (company.kind, company.partner) == ("organisation", circle)
        assert AuditEntry.objects.filter(action="core.supporter.created").count() == 2


def test_member_defects_are_reported_in_german(coordinator_client, circle):
    rows = [SUPPORTER_HEADER, ["Ilse Treu", "", "", "", "", "", "", "", "", "", ""]]
    assert _problems(coordinator_client, "supporters", rows) == [
        "2: „Name“: Ein Mitglied oder Spender namens „Ilse Treu“ ist bereits vorhanden."
    ]


# ---------------------------------------------------------------- money received


def test_donations_and_fees_naming_members_are_imported(client, circle):
    rows = [
        FUNDING_HEADER,
        ["Spende", "1.500,00", "03.04.2026", "Ilse Treu", "", "Ferienprogramm"],
        ["membership_fee", "60", "2026-01-15", "ilse treu", "", ""],
        ["donation", "250,50", "01.05.2026", "", "Stadtwerke Jena", ""],
    ]
    _imported(client, "funding", "geld.xlsx", xlsx_bytes(rows), 3)
    with schema_context("jena"):
        ilse = Supporter.objects.get(name="Ilse Treu")
        assert sorted(ilse.funding_entries.values_list("kind", "amount")) == [
            ("donation", Decimal("1500.00")),
            ("membership_fee", Decimal("60.00")),
        ]
        assert FundingEntry.objects.get(partner=circle).amount == Decimal("250.50")
        assert AuditEntry.objects.filter(action="core.fundingentry.created").count() == 3


def test_money_cannot_name_another_alliances_or_an_anonymised_donor(
    client, circle, badfrankenhausen
):
    with schema_context("badfrankenhausen"):
        Supporter.objects.create(name="Bernd Bad")
    with schema_context("jena"):
        Supporter.objects.create(
            name="Anonymisiert", anonymised_at=datetime.datetime.now(datetime.UTC)
        )
    rows = [
        FUNDING_HEADER,
        ["donation", "10", "03.04.2026", "Bernd Bad", "", ""],
        ["donation", "10", "03.04.2026", "Anonymisiert", "", ""],
    ]
    assert _problems(client, "funding", rows) == [
        "2: “Mitglied oder Spender”: there is no member or donor named “Bernd Bad”.",
        "3: “Mitglied oder Spender”: there is no member or donor named “Anonymisiert”.",
    ]


# ---------------------------------------------------------------- care guides


def test_care_guides_are_imported_and_counted_at_their_partner(client, circle):
    rows = [
        GUIDE_HEADER,
        ["Stadtwerke Jena", "Maria Lotse", "maria@sw.example", "Pflegelotsen Thüringen",
         "10.03.2025", ""],
        ["stadtwerke jena", "Karl Helfer", "", "", "", ""],
    ]  # fmt: skip
    _imported(client, "care-guides", "lotsen.csv", csv_bytes(rows), 2)
    with schema_context("jena"):
        maria = CareGuide.objects.get(name="Maria Lotse")
        assert (maria.partner, maria.training_course, maria.trained_on) == (
            circle,
            "Pflegelotsen Thüringen",
            datetime.date(2025, 3, 10),
        )
        assert maria.refresher_due == datetime.date(2027, 3, 10)  # two years later
        circle.refresh_from_db()
        assert circle.care_guides_count == 2
        assert AuditEntry.objects.filter(action="core.careguide.created").count() == 2


# ---------------------------------------------------------------- who may import what


def test_the_coordinator_is_offered_every_kind_with_its_template(client):
    page = client.get("/workspace/import/")
    kinds = [code for code, _label in page.context["form"].fields["kind"].choices]
    assert kinds == ["partners", "projects", "carers", "care-guides", "supporters", "funding"]
    template = client.get("/workspace/import/supporters/template/")
    assert template.content.decode("utf-8-sig").splitlines()[0].startswith("Name;Art;Partner")


@pytest.mark.parametrize(
    ("role", "offered"),
    [(Role.POOL_STAFF, ["carers"]), (Role.BOARD_MEMBER, None), (Role.PARTNER_CONTACT, None)],
)
def test_other_roles_are_offered_none_of_these_kinds(jena, circle, role, offered):
    person = person_with_role(
        role, jena, partner_id=circle.pk if role == "partner_contact" else None
    )
    other = logged_in_client(person, language="en")
    page = other.get("/workspace/import/")
    if offered is None:
        assert page.status_code == 404
    else:
        assert [code for code, _ in page.context["form"].fields["kind"].choices] == offered
    for kind in ("supporters", "funding", "care-guides"):
        assert other.get(f"/workspace/import/{kind}/template/").status_code == 404
        rows = [SUPPORTER_HEADER, ["Anna Berg"] + [""] * 10]
        assert upload(other, kind, "a.csv", csv_bytes(rows)).status_code in (400, 404)
    with schema_context("jena"):
        assert Supporter.objects.count() == 1
