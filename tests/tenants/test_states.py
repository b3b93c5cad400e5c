"""The states as records (tenants.State): what the migration leaves, the home state as
every new alliance's default, the database's rules and the state area's name."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.utils import translation

from kernel.geo import states as geo_states
from tenants.models import Alliance, State
from tenants.public import StateArea
from tenants.selectors import home_state, state_list
from tests.factories.tenants import AllianceFactory

MIGRATION = importlib.import_module("tenants.migrations.0002_squashed_0007_district_keys")


def test_the_migration_made_the_16_states_of_the_shipped_data(db):
    assert State.objects.count() == 16
    assert dict(State.objects.values_list("key", "name")) == {s.key: s.name for s in geo_states()}
    assert State.objects.get(key="16").name == "Thüringen"


def test_every_alliance_lies_in_thuringia(jena, badfrankenhausen):
    assert set(Alliance.objects.values_list("state__key", flat=True)) == {"16"}
    assert state_list().get(key="16").alliance_count == Alliance.objects.count()
    assert state_list().get(key="14").alliance_count == 0


def test_the_migration_keeps_the_configured_office_as_thuringias(db, settings):
    settings.BUENDNISNETZ_STATE_OFFICE = {
        "host_organisation": "Träger der Landeskoordinierung e. V.",
        "address_lines": ["Anger 7", "99084 Erfurt"],
        "contact_name": "Frau Beispiel",
        "email": "land@example.org",
        "phone": "0361 123456",
    }
    with connection.schema_editor(atomic=False) as editor:
        MIGRATION.create_states(apps, editor)
    office = State.objects.get(key="16")
    assert office.host_organisation == "Träger der Landeskoordinierung e. V."
    assert office.address_lines == ["Anger 7", "99084 Erfurt"]
    assert (office.contact_name, office.email, office.phone) == (
        "Frau Beispiel",
        "land@example.org",
        "0361 123456",
    )
    assert State.objects.count() == 16  # run again: nothing doubled
    assert not State.objects.exclude(key="16").exclude(host_organisation="").exists()


def test_a_new_alliance_lies_in_the_home_state(db, settings):
    alliance = Alliance(name="Nur im Speicher", slug="nurimspeicher", district="16053")
    assert alliance.state == home_state()
    assert home_state().key == settings.BUENDNISNETZ_HOME_STATE == "16"


@pytest.mark.slow
def test_an_alliance_is_created_in_the_home_state_or_the_one_named(db):
    saxony = State.objects.get(key="14")
    assert AllianceFactory(slug="instate", copy_template=True).state.key == "16"
    assert AllianceFactory(slug="insaxony", state=saxony, copy_template=True).state == saxony


def test_a_state_with_alliances_cannot_be_deleted(jena):
    with pytest.raises(ProtectedError):
        State.objects.get(key="16").delete()


@pytest.mark.parametrize(
    "values",
    [{"key": "1"}, {"key": "ab"}, {"name": "thüringen"}],
    ids=["short-key", "letters", "same-name"],
)
def test_the_database_refuses_a_bad_key_or_a_second_name(db, values):
    row = {"key": "99", "name": "Testland", **values}
    with pytest.raises(IntegrityError), transaction.atomic():
        State.objects.create(**row)


def test_the_office_is_named_after_its_state_unless_it_has_a_name(db):
    state = State.objects.get(key="14")
    with translation.override("de"):
        assert state.office_title == "Landeskoordination Sachsen"
    state.office_name = "Landeskoordinierungsstelle Sachsen"
    assert state.office_title == "Landeskoordinierungsstelle Sachsen"


def test_the_state_area_is_named_after_the_home_states_office(db):
    State.objects.filter(key="16").update(office_name="Servicestelle Thüringen")
    assert StateArea("localhost").name == "Servicestelle Thüringen"
    State.objects.filter(key="16").update(office_name="")
    with translation.override("de"):
        assert StateArea("localhost").name == "Landeskoordination Thüringen"
