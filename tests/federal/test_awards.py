"""The "Bündnis des Monats": one per month, managed by the federal office only, and once
published shown on the state area's start page, the alliance's public page and its
workspace."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from federal.models import Award
from federal.services import awards as services
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role

MARCH = datetime.date(2026, 3, 1)


def _award(alliance, month=MARCH, published=True, **values) -> Award:
    return services.award_create(
        actor=None, month=month, alliance=alliance, citation="Für gute Familienzeit",
        published=published, **values,
    )  # fmt: skip


def test_any_day_names_its_month(jena):
    award = _award(jena, month=datetime.date(2026, 3, 17))
    assert award.month == MARCH


def test_a_month_has_one_award(jena, badfrankenhausen):
    _award(jena)
    with pytest.raises(ValidationError):
        _award(badfrankenhausen, month=datetime.date(2026, 3, 31))
    assert Award.objects.count() == 1


def test_the_form_refuses_a_second_award_of_a_month_in_german(
    federal_client, jena, badfrankenhausen
):
    _award(jena)
    response = federal_client.post(
        "/bund/awards/new/",
        {"month": "2026-03", "alliance": badfrankenhausen.pk, "citation": "Zweite"},
    )
    assert response.status_code == 400
    assert "Für diesen Monat gibt es bereits ein Bündnis des Monats." in response.content.decode()
    assert Award.objects.count() == 1


def test_the_form_refuses_a_month_that_is_none(federal_client, jena):
    response = federal_client.post(
        "/bund/awards/new/", {"month": "März", "alliance": jena.pk, "citation": "x"}
    )
    assert response.status_code == 400
    assert "Bitte geben Sie einen Monat an" in response.content.decode()
    assert not Award.objects.exists()


def test_the_federal_office_creates_lists_and_exports_awards(federal_client, jena):
    response = federal_client.post(
        "/bund/awards/new/",
        {"month": "03.2026", "alliance": jena.pk, "citation": "Vorbildlich", "published": "on"},
    )
    assert response.status_code == 302
    award = Award.objects.get()
    assert (award.month, award.published) == (MARCH, True)
    page = federal_client.get("/bund/awards/").content.decode()
    assert "März 2026" in page
    assert federal_client.get("/bund/awards/", {"format": "csv"}).status_code == 200


def test_the_api_writes_for_the_federal_office_and_refuses_a_second_of_the_month(
    federal_client, jena, badfrankenhausen
):
    created = federal_client.post(
        "/api/v1/federal/awards/",
        {"month": "2026-03-09", "alliance": jena.pk, "citation": "x", "published": True},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["month"] == "2026-03-01"
    again = federal_client.post(
        "/api/v1/federal/awards/",
        {"month": "2026-03-20", "alliance": badfrankenhausen.pk, "citation": "y"},
        content_type="application/json",
    )
    assert again.status_code == 400
    assert "Für diesen Monat gibt es bereits" in again.content.decode()


def test_published_awards_are_public_in_the_api(jena, badfrankenhausen):
    _award(jena)
    _award(badfrankenhausen, month=datetime.date(2026, 4, 1), published=False)
    response = logged_in_client(None, "localhost").get("/api/v1/federal/public/awards/")
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["alliance_name"] for row in rows] == [jena.name]
    assert "@" not in response.content.decode()


def test_a_published_award_shows_on_the_start_page_and_the_alliances_pages(jena):
    _award(jena)
    state_home = logged_in_client(None, "localhost").get("/").content.decode()
    assert "Bündnis des Monats: März 2026" in state_home
    public_page = logged_in_client(None, "jena.localhost").get("/").content.decode()
    assert "Bündnis des Monats: März 2026" in public_page
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    workspace = logged_in_client(coordinator, "jena.localhost").get("/workspace/")
    assert "Bündnis des Monats: März 2026" in workspace.content.decode()


def test_an_unpublished_award_or_one_of_another_alliance_is_not_shown(jena, badfrankenhausen):
    _award(jena, published=False)
    _award(badfrankenhausen, month=datetime.date(2026, 2, 1))
    public_page = logged_in_client(None, "jena.localhost").get("/").content.decode()
    assert "Bündnis des Monats" not in public_page
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    workspace = logged_in_client(coordinator, "jena.localhost").get("/workspace/")
    assert "Bündnis des Monats" not in workspace.content.decode()


@pytest.mark.parametrize("path", ["/bund/awards/", "/bund/awards/new/", "/bund/awards/{pk}/edit/",
                                  "/bund/awards/{pk}/delete/"])  # fmt: skip
def test_a_state_office_cannot_manage_awards(path, state_client, jena):
    award = _award(jena)
    url = path.format(pk=award.pk)
    assert state_client.get(url).status_code == 404
    assert state_client.post(url, {"citation": "geändert"}).status_code == 404
    assert Award.objects.get().citation == award.citation
    api = state_client.get("/api/v1/federal/awards/")
    assert api.status_code == 404
