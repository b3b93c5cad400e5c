"""The federal office sees aggregates only: no state-office page, no alliance workspace,
no personal data through the API; its header shows its own pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tenants.navigation import STATE_MENU
from tests.conftest import logged_in_client

FEDERAL_PAGES = {"federal-overview", "programme-list", "programme-document-list",
                 "federal-award-list", "state-home"}  # fmt: skip
STATE_OFFICE_PAGES = [name for _label, name, _perm in STATE_MENU if name not in FEDERAL_PAGES]


@pytest.mark.parametrize("url_name", STATE_OFFICE_PAGES)
def test_the_federal_office_opens_no_state_office_page(url_name, federal_client):
    path = reverse(url_name, urlconf="config.urls_public")
    assert federal_client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/api/v1/address-book/", "/api/v1/mailings/", "/api/v1/monitoring/",
     "/api/v1/snapshots/", "/api/v1/regional-meetings/", "/api/v1/invitations/",
     "/api/v1/setups/", "/api/v1/reports/", "/api/v1/documents/", "/api/v1/states/"],
)  # fmt: skip
def test_the_federal_office_reads_no_state_api_with_records_of_alliances(path, federal_client):
    assert federal_client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/workspace/", "/workspace/partners/", "/api/v1/partners/"])
def test_the_federal_office_opens_no_alliance_workspace(path, federal_user, jena):
    client = logged_in_client(federal_user, "jena.localhost")
    assert client.get(path).status_code == 404


def test_the_federal_apis_show_no_personal_data(federal_client, jena):
    from tests.federal.test_awards import _award
    from tests.federal.test_programmes import _join, _programme

    _join(_programme(), jena)
    _award(jena)
    for path in ["/api/v1/federal/states/", "/api/v1/federal/programmes/",
                 "/api/v1/federal/participations/", "/api/v1/federal/milestones/",
                 "/api/v1/federal/awards/"]:  # fmt: skip
        response = federal_client.get(path)
        assert response.status_code == 200, path
        assert "@" not in response.content.decode(), path


def test_the_federal_header_shows_the_federal_pages_only(federal_client):
    menu = federal_client.get("/bund/").context["area_menu"]
    labels = [str(label) for label, _url, _current in menu]
    assert labels == ["Übersicht", "Deutschland", "Programme", "Programmdokumente",
                      "Bündnis des Monats"]  # fmt: skip


def test_the_state_office_header_offers_the_programmes(state_client):
    menu = state_client.get("/").context["area_menu"]
    labels = [str(label) for label, _url, _current in menu]
    assert "Programme" in labels
    assert "Deutschland" not in labels
    assert "Bündnis des Monats" not in labels
