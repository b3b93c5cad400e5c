"""Dates that are not model fields follow the one plausible-date rule too: the date
filters of lists and of the API, the report year of the report lists, the day of a
statistics run. An implausible value is refused with the German message (or, where the
input is a choice of existing days, ignored); never a 500, never a query on year 1."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from regional.models import AllianceSnapshot, StatisticsRun
from regional.services.statistics import statistics_refresh, statistics_run_request
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role

pytestmark = pytest.mark.django_db

GERMAN = "zwischen dem 01.01.1900 und dem 31.12.2100"
BAD_DATES = ["0001-01-01", "9999-12-31", "1899-12-31"]


def _api(host: str, user) -> Client:
    answer = Client(HTTP_HOST=host).post(
        "/api/v1/auth/token/",
        {"email": user.email, "password": "demo-passwort"},
        content_type="application/json",
    )
    assert answer.status_code == 200, answer.content
    return Client(
        HTTP_HOST=host,
        HTTP_AUTHORIZATION="Token " + answer.json()["token"],
        HTTP_ACCEPT_LANGUAGE="de",
    )


# ---------------------------------------------------------------- list and API filters


@pytest.mark.parametrize("bad", BAD_DATES)
def test_application_list_refuses_an_implausible_date_filter_in_german(jena, bad):
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), language="de")
    for name in ("received_from", "received_until"):
        answer = client.get("/workspace/applications/", {name: bad})
        assert answer.status_code == 200
        assert GERMAN in answer.content.decode()
        answer = client.get("/workspace/applications/", {name: bad, "format": "csv"})
        assert answer.status_code == 200
    page = client.get("/workspace/applications/", {"received_from": "2026-01-01"})
    assert GERMAN not in page.content.decode()
    assert 'min="1900-01-01"' in page.content.decode()


@pytest.mark.parametrize("bad", BAD_DATES)
def test_api_date_filters_refuse_an_implausible_date_with_400(jena, bad):
    coordinator = _api("jena.localhost", person_with_role(Role.LOCAL_COORDINATOR, jena))
    answer = coordinator.get("/api/v1/applications/", {"received_until": bad})
    assert answer.status_code == 400, answer.content
    assert GERMAN in str(answer.json())
    ok = coordinator.get("/api/v1/applications/", {"received_until": "2026-01-01"})
    assert ok.status_code == 200
    state = _api("localhost", person_with_role(Role.STATE_COORDINATOR))
    for name in ("taken_on", "taken_on_from", "taken_on_until"):
        answer = state.get("/api/v1/snapshots/", {name: bad})
        assert answer.status_code == 400, (name, answer.content)
        assert GERMAN in str(answer.json())
    assert state.get("/api/v1/snapshots/", {"taken_on_from": "2026-01-01"}).status_code == 200


# ---------------------------------------------------------------- report periods


@pytest.mark.parametrize("bad", ["0", "1", "1999", "2101", "99999", "-5"])
def test_report_lists_refuse_a_year_outside_the_report_range(bad):
    user = person_with_role(Role.STATE_COORDINATOR)
    page = logged_in_client(user, "localhost", language="de").get("/reports/", {"year": bad})
    assert page.status_code == 200
    body = page.content.decode()
    assert "größer oder gleich 2000" in body or "kleiner oder gleich 2100" in body
    state = _api("localhost", user)
    answer = state.get("/api/v1/reports/", {"year": bad})
    assert answer.status_code == 400, answer.content
    assert "year" in str(answer.json())
    assert state.get("/api/v1/reports/", {"year": "2026"}).status_code == 200


# ---------------------------------------------------------------- statistics days


@pytest.mark.parametrize("bad", [datetime.date(1, 1, 1), datetime.date(9999, 12, 31)])
def test_statistics_run_for_an_implausible_day_is_refused_and_stores_nothing(jena, bad):
    with translation.override("de"):
        with pytest.raises(ValidationError) as error:
            statistics_run_request(actor=None, taken_on=bad)
        assert "taken_on" in error.value.message_dict
        assert GERMAN in " ".join(error.value.message_dict["taken_on"])
        with pytest.raises(ValidationError):
            statistics_refresh(actor=None, taken_on=bad)
    assert not StatisticsRun.objects.exists()
    assert not AllianceSnapshot.objects.exists()


@pytest.mark.parametrize("bad", [*BAD_DATES, "99999-01-01", "2026-02-30"])
def test_dashboard_days_outside_the_snapshots_never_fail(jena, bad):
    AllianceSnapshot.objects.create(
        alliance=jena, taken_on=datetime.date(2026, 3, 31), year=2026, partners_total=3
    )
    client = logged_in_client(person_with_role(Role.STATE_COORDINATOR), "localhost")
    assert client.get("/dashboard/", {"date": bad}).status_code == 400  # not a snapshot day
    figures = client.get("/dashboard/alliances/", {"date": bad})
    assert figures.status_code == 200  # the latest day instead
    assert figures.context["page"].object_list[0].taken_on == datetime.date(2026, 3, 31)
