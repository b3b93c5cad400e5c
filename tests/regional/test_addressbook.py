"""The state office's address book: who is in it (accounts and public contacts, one
row per person and alliance), its filters, exports and API, and who may read it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context

from core.models import SiteIdentity
from core.models.publicsite import IDENTITY_PK
from regional.selectors.addressbook import Group, address_book
from tenants.models import AllianceStatus
from tenants.roles import Role
from tests.conftest import csv_rows, logged_in_client, person_with_role
from tests.factories.tenants import UserFactory

URL = "/address-book/"
API = "/api/v1/address-book/"


def public_contact(alliance, *, name: str, email: str, phone: str = "") -> None:
    with schema_context(alliance.schema_name):
        SiteIdentity.objects.update_or_create(
            pk=IDENTITY_PK,
            defaults={"contact_name": name, "contact_email": email, "contact_phone": phone},
        )


@pytest.fixture
def people(jena, badfrankenhausen):
    """Jena: a coordinator who is also the public contact, a board member, a partner
    contact, a closed account; Bad Frankenhausen: a coordinator and a public contact
    without an account."""
    anna = UserFactory(email="anna.koordination@jena.example", full_name="Anna Adler")
    person_with_role(Role.LOCAL_COORDINATOR, jena, user=anna)
    person_with_role(Role.BOARD_MEMBER, jena, user=UserFactory(full_name="Bernd Vorstand"))
    person_with_role(Role.PARTNER_CONTACT, jena, user=UserFactory(full_name="Paula Partner"))
    closed = UserFactory(full_name="Gesperrt Geschlossen", is_active=False)
    person_with_role(Role.LOCAL_COORDINATOR, jena, user=closed)
    person_with_role(Role.POOL_STAFF, jena, user=UserFactory(full_name="Pia Pool"))
    public_contact(jena, name="Anna Adler", email="Anna.Koordination@jena.example",
                   phone="03641 123456")  # fmt: skip
    kyff = UserFactory(email="kurt@kyff.example", full_name="Kurt Kyffhäuser")
    person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen, user=kyff)
    public_contact(badfrankenhausen, name="Büro Bad Frankenhausen", email="buero@kyff.example")
    return {"anna": anna, "kurt": kyff}


def rows_by_name(rows) -> dict:
    return {row.name: row for row in rows}


def test_accounts_and_public_contacts_are_one_row_per_person_and_alliance(people, jena):
    rows = rows_by_name(address_book())
    anna = rows["Anna Adler"]
    assert anna.groups == [Group.COORDINATORS, Group.PUBLIC_CONTACTS]
    assert anna.phone == "03641 123456"  # the public site shows it
    assert anna.alliance_id == jena.pk
    assert rows["Bernd Vorstand"].groups == [Group.BOARD_MEMBERS]
    assert rows["Paula Partner"].groups == [Group.PARTNER_CONTACTS]
    assert rows["Büro Bad Frankenhausen"].groups == [Group.PUBLIC_CONTACTS]
    assert rows["Kurt Kyffhäuser"].phone == ""  # no phone unless public
    # Closed accounts and roles that are no contacts of the state office are not listed.
    assert "Gesperrt Geschlossen" not in rows
    assert "Pia Pool" not in rows


def test_dissolved_alliances_are_left_out(people, badfrankenhausen):
    badfrankenhausen.status = AllianceStatus.DISSOLVED
    badfrankenhausen.save(update_fields=["status"])
    names = {row.name for row in address_book()}
    assert "Kurt Kyffhäuser" not in names
    assert "Büro Bad Frankenhausen" not in names


def test_reading_costs_a_fixed_number_of_queries(people):
    with CaptureQueriesContext(connection) as queries:
        address_book()
    # Alliances, memberships, existing schemas, one batch of public contacts.
    assert len([q for q in queries if not q["sql"].startswith("SET search_path")]) == 4


def test_page_lists_filters_and_sorts_in_german(people, state_coordinator, jena):
    client = logged_in_client(state_coordinator, "localhost")
    page = client.get(URL).content.decode()
    assert "Adressbuch" in page
    assert "Anna Adler" in page
    assert "03641 123456" in page
    assert "Kurt Kyffhäuser" in page
    assert "Öffentliche Kontakte der Bündnisse" in page
    only_jena = client.get(URL, {"alliance": jena.pk}).content.decode()
    assert "Anna Adler" in only_jena
    assert "Kurt Kyffhäuser" not in only_jena
    board = client.get(URL, {"group": "board_members"}).content.decode()
    assert "Bernd Vorstand" in board
    assert "Anna Adler" not in board
    found = client.get(URL, {"q": "kyff büro"}).content.decode()
    assert "Büro Bad Frankenhausen" in found
    assert "Kurt Kyffhäuser" not in found
    district = client.get(URL, {"district": jena.district}).content.decode()
    assert "Anna Adler" in district
    assert "Büro Bad Frankenhausen" not in district
    ordered = client.get(URL, {"sort": "-name", "alliance": jena.pk}).content.decode()
    assert ordered.index("Paula Partner") < ordered.index("Bernd Vorstand")


def test_a_bad_filter_value_is_a_german_message_not_an_error(people, state_coordinator):
    client = logged_in_client(state_coordinator, "localhost")
    response = client.get(URL, {"group": "nobody", "alliance": "x"})
    assert response.status_code == 200
    assert "gültige Auswahl" in response.content.decode()


def test_csv_and_xlsx_exports(people, state_coordinator, jena):
    client = logged_in_client(state_coordinator, "localhost")
    rows = csv_rows(client.get(URL, {"format": "csv", "alliance": jena.pk}))
    assert rows[0] == ["Name", "E-Mail-Adresse", "Telefon", "Rolle", "Bündnis", "Landkreis/Stadt"]
    anna = next(row for row in rows if row[0] == "Anna Adler")
    assert anna[1] == "anna.koordination@jena.example"
    assert anna[2] == "03641 123456"
    assert anna[3] == "Bündniskoordination, Öffentlicher Kontakt"
    xlsx = client.get(URL, {"format": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx.content[:2] == b"PK"


def test_api_lists_and_filters(people, state_coordinator, badfrankenhausen):
    client = logged_in_client(state_coordinator, "localhost")
    data = client.get(API, {"alliance": badfrankenhausen.pk}).json()
    names = {row["name"] for row in data["results"]}
    assert names >= {"Kurt Kyffhäuser", "Büro Bad Frankenhausen"}
    assert all(row["alliance"] == badfrankenhausen.pk for row in data["results"])
    public = client.get(API, {"group": "public_contacts"}).json()["results"]
    assert {row["email"] for row in public} >= {
        "anna.koordination@jena.example",
        "buero@kyff.example",
    }
    assert client.get(API, {"group": "nobody"}).status_code == 400


@pytest.mark.parametrize("role", [Role.MINISTRY, Role.LOCAL_COORDINATOR])
def test_ministry_and_coordinators_are_refused(people, jena, role):
    user = person_with_role(role, jena if role == Role.LOCAL_COORDINATOR else None)
    client = logged_in_client(user, "localhost")
    assert client.get(URL).status_code == 404
    assert client.get(URL, {"format": "csv"}).status_code == 404
    assert client.get(API).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(people):
    client = logged_in_client(None, "localhost")
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client.get(API).status_code == 401
