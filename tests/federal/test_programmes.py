"""Cross-alliance programmes: pages and API for the federal office, the state office's
narrowed reading, bad input refused in German with nothing changed."""

from __future__ import annotations

import datetime

import pytest

from federal.models import Milestone, Participation, Programme, ProgrammeKind
from federal.services import programmes as services
from kernel.audit.models import AuditEntry
from tests.conftest import csv_rows
from tests.federal.conftest import SAXONY

START = datetime.date(2026, 1, 1)


def _programme(name="Kommunale Familienzeitpolitik", **values) -> Programme:
    values = {"kind": ProgrammeKind.DEVELOPMENT_PARTNERSHIP, "starts_on": START, **values}
    return services.programme_create(actor=None, name=name, **values)


def _join(programme, alliance) -> Participation:
    return services.participation_create(
        actor=None, programme=programme, alliance=alliance, joined_on=START
    )


FORM = {
    "name": "Kommunale Familienzeitpolitik",
    "kind": "development_partnership",
    "status": "running",
    "starts_on": "2026-01-01",
    "ends_on": "2027-06-30",
    "description": "Zeit für Familien",
}


def test_the_federal_office_creates_a_programme_through_the_form(federal_client, federal_user):
    response = federal_client.post("/bund/programmes/new/", FORM)
    programme = Programme.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/bund/programmes/{programme.pk}/"
    assert programme.ends_on == datetime.date(2027, 6, 30)
    entry = AuditEntry.objects.get(action="federal.programme.created")
    assert entry.actor_id == federal_user.pk


def test_an_end_before_the_start_is_refused_in_german_and_nothing_is_saved(federal_client):
    response = federal_client.post("/bund/programmes/new/", {**FORM, "ends_on": "2025-12-31"})
    assert response.status_code == 400
    assert "Das Ende darf nicht vor dem Beginn liegen." in response.content.decode()
    assert not Programme.objects.exists()


def test_a_second_programme_of_the_same_name_is_refused(federal_client):
    _programme()
    response = federal_client.post("/bund/programmes/new/", FORM)
    assert response.status_code == 400
    assert "Ein Programm mit diesem Namen gibt es bereits." in response.content.decode()
    assert Programme.objects.count() == 1


def test_participants_and_milestones_are_managed_on_the_programme_page(
    federal_client, jena, saxon_alliance
):
    programme = _programme()
    base = f"/bund/programmes/{programme.pk}"
    for alliance in (jena, saxon_alliance):
        response = federal_client.post(
            f"{base}/participants/new/", {"alliance": alliance.pk, "joined_on": "2026-02-01"}
        )
        assert response.status_code == 302
    again = federal_client.post(
        f"{base}/participants/new/", {"alliance": jena.pk, "joined_on": "2026-02-01"}
    )
    assert again.status_code == 400
    assert programme.participations.count() == 2
    response = federal_client.post(
        f"{base}/milestones/new/", {"title": "Auftakt", "due_on": "2026-03-01"}
    )
    assert response.status_code == 302
    milestone = Milestone.objects.get()
    page = federal_client.get(f"{base}/").content.decode()
    assert "Auftakt" in page
    assert jena.name in page
    assert "Sachsen" in page
    participation = programme.participations.get(alliance=saxon_alliance)
    assert federal_client.get(f"{base}/participants/{participation.pk}/delete/").status_code == 200
    federal_client.post(f"{base}/participants/{participation.pk}/delete/")
    federal_client.post(f"{base}/milestones/{milestone.pk}/delete/")
    assert list(programme.participations.values_list("alliance", flat=True)) == [jena.pk]
    assert not Milestone.objects.exists()


def test_deleting_asks_first_then_deletes(federal_client, jena):
    programme = _programme()
    _join(programme, jena)
    path = f"/bund/programmes/{programme.pk}/delete/"
    assert federal_client.get(path).status_code == 200
    assert Programme.objects.exists()
    assert federal_client.post(path).status_code == 302
    assert not Programme.objects.exists()
    assert not Participation.objects.exists()


def test_the_list_filters_pages_and_exports(federal_client, jena, saxon_alliance):
    saxon = _programme("Modellprojekt Pflege", kind=ProgrammeKind.PILOT_PROJECT)
    _join(saxon, saxon_alliance)
    _join(_programme(), jena)
    page = federal_client.get("/bund/programmes/", {"state": SAXONY})
    names = [obj.name for obj in page.context["objects"]]
    assert names == ["Modellprojekt Pflege"]
    rows = csv_rows(federal_client.get("/bund/programmes/", {"format": "csv"}))
    assert {row[0] for row in rows[1:]} == {"Modellprojekt Pflege", "Kommunale Familienzeitpolitik"}


def test_a_state_office_reads_only_programmes_of_its_own_states_alliances(
    state_client, jena, saxon_alliance
):
    ours, theirs = _programme(), _programme("Nur Sachsen")
    _join(ours, jena)
    _join(theirs, saxon_alliance)
    listed = [obj.name for obj in state_client.get("/bund/programmes/").context["objects"]]
    assert listed == [ours.name]
    assert state_client.get(f"/bund/programmes/{ours.pk}/").status_code == 200
    assert state_client.get(f"/bund/programmes/{theirs.pk}/").status_code == 404
    api = state_client.get("/api/v1/federal/programmes/").json()
    assert [row["name"] for row in api["results"]] == [ours.name]
    assert state_client.get(f"/api/v1/federal/programmes/{theirs.pk}/").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/bund/programmes/new/", "/bund/programmes/{pk}/edit/", "/bund/programmes/{pk}/delete/",
     "/bund/programmes/{pk}/milestones/new/", "/bund/programmes/{pk}/participants/new/",
     "/bund/documents/new/"],
)  # fmt: skip
def test_a_state_office_cannot_manage_programmes(path, state_client, jena):
    programme = _programme()
    _join(programme, jena)
    url = path.format(pk=programme.pk)
    assert state_client.get(url).status_code == 404
    assert state_client.post(url, FORM).status_code == 404
    assert Programme.objects.get().name == programme.name


def test_the_api_creates_and_refuses_in_german(federal_client, jena):
    response = federal_client.post(
        "/api/v1/federal/programmes/", FORM, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    programme_id = response.json()["id"]
    bad = federal_client.post(
        "/api/v1/federal/programmes/",
        {**FORM, "name": "Zweites", "ends_on": "2020-01-01"},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert "Das Ende darf nicht vor dem Beginn liegen." in bad.content.decode()
    assert Programme.objects.count() == 1
    joined = federal_client.post(
        "/api/v1/federal/participations/",
        {"programme": programme_id, "alliance": jena.pk, "joined_on": "2026-02-01"},
        content_type="application/json",
    )
    assert joined.status_code == 201, joined.content
    twice = federal_client.post(
        "/api/v1/federal/participations/",
        {"programme": programme_id, "alliance": jena.pk, "joined_on": "2026-02-01"},
        content_type="application/json",
    )
    assert twice.status_code == 400
    assert "nimmt bereits an dem Programm teil" in twice.content.decode()
    milestone = federal_client.post(
        "/api/v1/federal/milestones/",
        {"programme": programme_id, "title": "Auftakt", "due_on": "kein Datum"},
        content_type="application/json",
    )
    assert milestone.status_code == 400
    assert not Milestone.objects.exists()
    detail = federal_client.get(f"/api/v1/federal/programmes/{programme_id}/").json()
    assert detail["participant_count"] == 1


def test_a_state_office_cannot_write_through_the_api(state_client, jena):
    programme = _programme()
    _join(programme, jena)
    response = state_client.patch(
        f"/api/v1/federal/programmes/{programme.pk}/", {"name": "Neu"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 404
    assert (
        state_client.post(
            "/api/v1/federal/programmes/", FORM, content_type="application/json"
        ).status_code
        == 404
    )
    assert Programme.objects.get().name == programme.name


def test_a_shared_document_is_uploaded_and_read_by_the_participants_state(
    federal_client, state_client, jena, media_root
):
    from tests.library_files import pdf

    programme = _programme()
    _join(programme, jena)
    response = federal_client.post(
        "/bund/documents/new/",
        {"programme": programme.pk, "title": "Leitfaden", "file": pdf("leitfaden.pdf")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = programme.documents.get()
    assert state_client.get(f"/bund/documents/{document.pk}/").status_code == 200
    download = state_client.get(f"/bund/documents/{document.pk}/versions/1/")
    assert download.status_code == 200
    assert "Leitfaden" in state_client.get(f"/bund/programmes/{programme.pk}/").content.decode()


def test_the_list_and_a_programme_page_cost_the_same_queries_for_many_rows(
    federal_client, jena, saxon_alliance
):
    from tests.conftest import assert_same_queries_for_few_and_many, count_queries

    programme = _programme()

    def few():
        _join(programme, jena)
        services.milestone_create(actor=None, programme=programme, title="1", due_on=START)

    def many():
        _join(programme, saxon_alliance)
        for number in range(2, 12):
            services.milestone_create(
                actor=None, programme=programme, title=str(number), due_on=START
            )
            _join(_programme(f"Programm {number}"), jena)

    path = f"/bund/programmes/{programme.pk}/"
    assert_same_queries_for_few_and_many(federal_client, path, few, many)
    listed = count_queries(federal_client, "/bund/programmes/")
    _join(_programme("Noch eins"), saxon_alliance)
    assert count_queries(federal_client, "/bund/programmes/") == listed
