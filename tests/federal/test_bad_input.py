"""Bad input to the federal office's pages and API: a clear answer, never an error page,
nothing changed."""

from __future__ import annotations

import pytest

from federal.models import Award, Milestone, Participation, Programme


@pytest.mark.parametrize(
    ("path", "params"),
    [("/bund/", {"sort": "-nonsense"}), ("/bund/", {"format": "pdf"}),
     ("/bund/programmes/", {"state": "99"}), ("/bund/programmes/", {"kind": "x\x00"}),
     ("/bund/programmes/", {"page": "-3"}), ("/bund/awards/", {"published": "vielleicht"}),
     ("/bund/documents/", {"q": "x" * 500})],
)  # fmt: skip
def test_odd_queries_answer_a_page(path, params, federal_client):
    assert federal_client.get(path, params).status_code in (200, 400)


@pytest.mark.parametrize(
    ("path", "data"),
    [("/api/v1/federal/programmes/", {"name": "", "kind": "other", "starts_on": "gestern"}),
     ("/api/v1/federal/programmes/", {"name": "x" * 300, "kind": "pilot_project",
                                       "starts_on": "0001-01-01"}),
     ("/api/v1/federal/participations/", {"programme": 999999, "alliance": 999999,
                                           "joined_on": "2026-01-01"}),
     ("/api/v1/federal/milestones/", {"programme": "eins", "title": "", "due_on": None}),
     ("/api/v1/federal/awards/", {"month": "März", "alliance": None, "citation": ""}),
     ("/api/v1/federal/awards/", {"month": "9999-01-01", "alliance": 1, "citation": "x"})],
)  # fmt: skip
def test_bad_api_writes_are_refused_and_change_nothing(path, data, federal_client):
    response = federal_client.post(path, data, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"]
    assert not Programme.objects.exists()
    assert not Participation.objects.exists()
    assert not Milestone.objects.exists()
    assert not Award.objects.exists()


def test_a_form_with_nonsense_is_refused_in_german(federal_client):
    response = federal_client.post(
        "/bund/programmes/new/", {"name": "", "kind": "other", "starts_on": "gestern"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Dieses Feld ist zwingend erforderlich." in body
    assert not Programme.objects.exists()
