"""The plausible-date rule (1900-01-01..2100-12-31) covers the tenants' own dates too:
an alliance's founding date, an account's dates. Model, service and the admin form
refuse year 1 and 9999 with the German message; the system check watches the fields."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django_tenants.utils import schema_exists

from kernel import dates
from tenants.models import Alliance, User
from tenants.services.alliances import alliance_create, alliance_update
from tests.conftest import logged_in_client
from tests.factories.tenants import UserFactory

YEAR_1 = datetime.date(1, 1, 1)
YEAR_9999 = datetime.date(9999, 12, 31)
GERMAN = "zwischen dem 01.01.1900 und dem 31.12.2100"


def test_every_date_field_of_tenants_carries_the_validator():
    names = {f"{m._meta.label}.{f.name}" for m, f in dates.date_fields()}
    assert {
        "tenants.Alliance.founded_on",
        "tenants.User.date_joined",
        "tenants.User.last_login",
    } <= names
    assert dates.check_date_fields_are_plausible() == []


def test_the_system_check_names_a_tenants_date_field_without_the_validator(monkeypatch):
    field = Alliance._meta.get_field("founded_on")
    monkeypatch.setattr(field, "validators", [])
    errors = dates.check_date_fields_are_plausible()
    assert [error.id for error in errors] == ["core.E101"]
    assert "tenants.Alliance.founded_on" in errors[0].msg


@pytest.mark.parametrize("bad", [YEAR_1, YEAR_9999])
def test_alliance_create_refuses_an_implausible_founding_date_and_makes_no_schema(db, bad):
    with pytest.raises(ValidationError) as error:
        alliance_create(
            actor=None, name="Bündnis Zeitreise", slug="zeitreise", district="16068",
            founded_on=bad,
        )  # fmt: skip
    assert "founded_on" in error.value.message_dict
    assert not Alliance.objects.filter(slug="zeitreise").exists()
    assert not schema_exists("zeitreise")


def test_alliance_update_refuses_year_9999_and_keeps_the_date(jena):
    before = jena.founded_on
    with pytest.raises(ValidationError) as error:
        alliance_update(actor=None, alliance=jena, founded_on=YEAR_9999)
    assert "founded_on" in error.value.message_dict
    jena.refresh_from_db()
    assert jena.founded_on == before


def test_account_dates_are_checked(db):
    user = User(
        email="zeit@example.org", date_joined=datetime.datetime(9999, 12, 31, tzinfo=datetime.UTC)
    )
    with pytest.raises(ValidationError) as error:
        user.full_clean(exclude=["password"])
    assert "date_joined" in error.value.message_dict
    user.date_joined = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    user.last_login = datetime.datetime(1, 1, 1, 12, tzinfo=datetime.UTC)
    with pytest.raises(ValidationError) as error:
        user.full_clean(exclude=["password"])
    assert "last_login" in error.value.message_dict


@pytest.mark.parametrize("bad", ["0001-01-01", "9999-12-31"])
def test_admin_alliance_form_refuses_year_1_and_9999_in_german(jena, bad):
    support = UserFactory(email="support@example.org", is_staff=True, is_superuser=True)
    client = logged_in_client(support, "localhost", language="de")
    before = jena.founded_on
    answer = client.post(
        f"/admin/tenants/alliance/{jena.pk}/change/",
        {
            "name": jena.name, "district": jena.district,
            "host_organisation": jena.host_organisation, "founded_on": bad,
            "status": jena.status,
            "domains-TOTAL_FORMS": "0", "domains-INITIAL_FORMS": "0",
            "domains-MIN_NUM_FORMS": "0", "domains-MAX_NUM_FORMS": "1000",
        },
    )  # fmt: skip
    assert answer.status_code == 200  # the form again, with the message
    assert GERMAN in answer.content.decode()
    jena.refresh_from_db()
    assert jena.founded_on == before


@pytest.mark.parametrize(
    "drill",
    [
        {"created_at__year": "9999"},
        {"created_at__year": "9999", "created_at__month": "12"},
        {"created_at__year": "9999", "created_at__month": "12", "created_at__day": "31"},
        {"created_at__year": "0"},
    ],
)
def test_admin_date_drill_down_to_an_impossible_day_is_a_bad_lookup_not_a_500(db, drill):
    support = UserFactory(email="support@example.org", is_staff=True, is_superuser=True)
    client = logged_in_client(support, "localhost")
    client.raise_request_exception = False
    answer = client.get("/admin/mail/outboxemail/", drill)
    assert answer.status_code == 302
    assert answer["Location"].endswith("?e=1")
    assert client.get("/admin/mail/outboxemail/", {"created_at__year": "2026"}).status_code == 200
