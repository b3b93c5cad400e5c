"""Districts as official keys (issue 18): the migration's frozen mapping, the check that a
key is known and lies in the right state (service, form and API, in German, nothing
saved), and the API's compatibility with Thuringia's old slugs."""

from __future__ import annotations

import importlib

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import translation
from django_tenants.utils import schema_exists

from kernel import geo
from regional.models import AllianceSetup
from tenants import districts
from tenants.models import Alliance, State
from tenants.roles import Role
from tenants.services.alliances import alliance_create, alliance_update
from tests.api.calls import api_client, api_token
from tests.conftest import logged_in_client, person_with_role
from tests.factories.tenants import account_with_role

MIGRATION = importlib.import_module("tenants.migrations.0002_squashed_0007_district_keys")
MUNICH = "09162"  # Munich, a district of Bavaria
UNKNOWN = "16099"  # five digits, but no district
OTHER_STATE = "München liegt nicht in Thüringen."
NOT_A_KEY = "ist nicht der amtliche Schlüssel eines deutschen Landkreises"

# ---------------------------------------------------------------- the migration's mapping


def test_every_old_slug_maps_to_one_of_thuringias_23_keys_and_back():
    thuringia = {row.ags for row in geo.districts(districts.THURINGIA)}
    assert len(MIGRATION.SLUG_TO_AGS) == 23
    assert set(MIGRATION.SLUG_TO_AGS.values()) == thuringia
    assert {ags: slug for slug, ags in MIGRATION.SLUG_TO_AGS.items()} == MIGRATION.AGS_TO_SLUG
    # The API's compatibility uses the same mapping as the migration froze.
    assert districts.LEGACY_SLUGS == MIGRATION.SLUG_TO_AGS
    assert geo.district(MIGRATION.SLUG_TO_AGS["saale-orla-kreis"]).label == "Saale-Orla-Kreis"


def test_the_conversion_turns_slugs_into_keys_and_back(db):
    # The district columns are five characters wide now; a wide text column of the same
    # table holds the slugs as the district column did before the migration.
    AllianceSetup.objects.bulk_create(
        [
            AllianceSetup(place="weimarer-land", district="16071"),
            AllianceSetup(place="", district="16071"),
        ]
    )
    rows = AllianceSetup.objects.order_by("pk")
    MIGRATION.convert(rows, MIGRATION.SLUG_TO_AGS, field="place")
    assert list(rows.values_list("place", flat=True)) == ["16071", ""]
    MIGRATION.convert(rows, MIGRATION.AGS_TO_SLUG, field="place")
    assert list(rows.values_list("place", flat=True)) == ["weimarer-land", ""]


def test_a_value_without_mapping_stops_the_conversion_and_changes_nothing(db):
    AllianceSetup.objects.bulk_create(
        [
            AllianceSetup(place="weimarer-land", district="16071"),
            AllianceSetup(place="atlantis", district="16071"),
        ]
    )
    with pytest.raises(RuntimeError, match="atlantis"):
        MIGRATION.convert(AllianceSetup.objects.all(), MIGRATION.SLUG_TO_AGS, field="place")
    kept = set(AllianceSetup.objects.values_list("place", flat=True))
    assert kept == {"weimarer-land", "atlantis"}


def test_the_database_refuses_a_district_that_is_no_key(jena):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Alliance.objects.filter(pk=jena.pk).update(district="jena")


# ---------------------------------------------------------------- the service


@pytest.mark.parametrize(("key", "message"), [(MUNICH, OTHER_STATE), (UNKNOWN, NOT_A_KEY)])
def test_an_alliance_in_a_district_of_another_state_or_none_is_refused(db, key, message):
    with translation.override("de"), pytest.raises(ValidationError) as error:
        alliance_create(actor=None, name="Bündnis X", slug="buendnis-x", district=key)
    assert message in error.value.message_dict["district"][0]
    assert not Alliance.objects.filter(slug="buendnis-x").exists()
    assert not schema_exists("buendnis_x")


def test_a_district_is_checked_against_the_alliances_own_state(jena):
    bavaria = State.objects.get(key="09")
    with pytest.raises(ValidationError):
        alliance_update(actor=None, alliance=jena, state=bavaria)  # Jena is not in Bavaria
    jena.refresh_from_db()
    assert (jena.state_id, jena.district) == ("16", "16053")
    alliance_update(actor=None, alliance=jena, state=bavaria, district=MUNICH)
    jena.refresh_from_db()
    assert (jena.district_name, jena.get_district_display()) == ("München", "München")
    alliance_update(actor=None, alliance=jena, state=State.objects.get(key="16"), district="16053")


# ---------------------------------------------------------------- the form


@pytest.fixture
def office(db):
    mentor = account_with_role(Role.STATE_COORDINATOR, email="mentorin@land.example")
    return logged_in_client(mentor, "localhost")


@pytest.mark.parametrize(("key", "message"), [(MUNICH, OTHER_STATE), (UNKNOWN, NOT_A_KEY)])
def test_the_setup_form_refuses_a_district_of_another_state_or_none(office, key, message):
    response = office.post("/setups/new/", {"place": "Apolda", "district": key})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not AllianceSetup.objects.exists()


def test_the_setup_form_offers_the_home_states_districts_by_name(office):
    page = office.get("/setups/new/").content.decode()
    offered = [key for key, _label in districts.choices()]
    assert len(offered) == 23
    assert all(f'value="{key}"' in page for key in offered)
    assert f'value="{MUNICH}"' not in page
    labels = [label for _key, label in districts.choices()]
    assert labels.index("Landkreis Eichsfeld") < labels.index("Erfurt") < labels.index("Gera")


# ---------------------------------------------------------------- the API


@pytest.fixture
def api(db):
    person = person_with_role(Role.STATE_COORDINATOR)
    return api_client("localhost", api_token(person.email, host="localhost"))


@pytest.mark.parametrize(("key", "message"), [(MUNICH, OTHER_STATE), (UNKNOWN, NOT_A_KEY)])
def test_the_api_refuses_a_district_of_another_state_or_none(api, key, message):
    response = api.post(
        "/api/v1/setups/", {"place": "Apolda", "district": key}, content_type="application/json"
    )
    assert response.status_code == 400
    assert message in str(response.json()["errors"]["district"])
    assert not AllianceSetup.objects.exists()


def test_the_api_takes_an_old_slug_as_its_key_and_names_the_district(api):
    response = api.post(
        "/api/v1/setups/",
        {"place": "Apolda", "district": "weimarer-land"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["district"], body["district_name"]) == ("16071", "Landkreis Weimarer Land")
    assert AllianceSetup.objects.get().district == "16071"


def test_the_api_shows_alliances_with_key_and_name_and_filters_by_either(api, jena):
    listed = api.get("/api/v1/alliances/").json()["results"]
    assert ("jena", "16053", "Jena") in [
        (a["slug"], a["district"], a["district_name"]) for a in listed
    ]
    assert all(a["district_name"] == geo.district(a["district"]).label for a in listed)
    for value in ("16053", "jena"):
        found = api.get("/api/v1/alliances/", {"district": value}).json()["results"]
        assert [a["slug"] for a in found] == ["jena"]
    others = api.get("/api/v1/alliances/", {"district": "16051"}).json()["results"]
    assert "jena" not in [a["slug"] for a in others]
    assert connection.schema_name == "public"
