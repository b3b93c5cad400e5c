"""Projects, working groups and events of an alliance's workspace."""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context
from openpyxl import load_workbook

from core.models import Event, Partner, Project, WorkingGroup
from core.selectors.projects import event_summary_by_year
from core.services import projects as services
from kernel.audit.models import AuditEntry
from tests.conftest import csv_rows, logged_in_client, person_with_role, refusal
from tests.factories.partners import PartnerFactory
from tests.factories.projects import EventFactory, ProjectFactory, WorkingGroupFactory
from tests.isolation import SENTINEL_SEEDS, audit, discover, outsiders_on, seed_sentinel_records
from tests.isolation_seeds_projects import SEEDS
from tests.pages import (
    assert_list_scales,
    assert_not_found,
    assert_page_shows,
    assert_readable,
    assert_sent_to_login,
    record_pages,
)

# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture
def partners(jena):
    with schema_context("jena"):
        return [
            PartnerFactory(name="Carl Zeiss AG"),
            PartnerFactory(name="Stadtwerke Jena"),
            PartnerFactory(name="Universitätsklinikum Jena"),
        ]


# What the project form sends; a test changes single fields.
PROJECT_FORM = {
    "title": "Kinderbetreuung im Schichtdienst",
    "topic": "childcare",
    "status": "running",
    "start_date": "2025-01-01",
    "end_date": "2025-12-31",
    "lead_partner": "",
    "partners": [],
    "target_groups": ["families", "shift_workers"],
    "families_reached": "40",
    "funding_amount": "5000.00",
    "funding_source": "Land Thüringen",
    "description": "Flexible Betreuung am Abend",
    "is_public": "on",
}


# What the event form sends; a test changes single fields.
EVENT_FORM = {
    "title": "Familienwandertag",
    "kind": "hiking_day",
    "date": "2025-09-20",
    "start_time": "10:00",
    "place": "Jenzig",
    "participant_count": "120",
    "project": "",
    "description": "",
    "is_public": "on",
}


def count_in_jena(model) -> int:
    with schema_context("jena"):
        return model.objects.count()


def xlsx_rows(response) -> list[tuple]:
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return list(workbook.active.iter_rows(values_only=True))


# ---------------------------------------------------------------- projects: writing


def test_coordinator_creates_a_project_with_partners_and_target_groups(client, partners):
    lead, other, third = partners
    response = client.post(
        "/workspace/projects/new/",
        PROJECT_FORM | {"lead_partner": lead.pk, "partners": [other.pk, third.pk]},
    )
    assert response.status_code == 302
    with schema_context("jena"):
        project = Project.objects.get()
        assert response["Location"] == f"/workspace/projects/{project.pk}/"
        assert project.lead_partner == lead
        assert set(project.partners.all()) == {other, third}
        assert project.target_groups == ["families", "shift_workers"]
        assert project.families_reached == 40
        assert project.funding_amount == Decimal("5000.00")
        entry = AuditEntry.objects.get(action="core.project.created")
        assert entry.object_id == str(project.pk)
        assert sorted(entry.changes["partners"][1]) == sorted([str(other.pk), str(third.pk)])


def test_project_form_offers_target_groups_as_checkboxes_and_partners_as_multi_select(
    client, partners
):
    response = client.get("/workspace/projects/new/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'type="checkbox" name="target_groups" value="single_parents"' in body
    assert '<select name="partners"' in body
    assert "multiple" in body.split('<select name="partners"')[1].split(">")[0]
    assert "Carl Zeiss AG" in body


def test_coordinator_edits_a_project_and_its_partners(client, partners):
    lead, other, third = partners
    with schema_context("jena"):
        project = ProjectFactory(lead_partner=lead, partners=[other])
    response = client.get(f"/workspace/projects/{project.pk}/edit/")
    assert response.status_code == 200
    assert response.context["form"]["target_groups"].value() == ["families"]
    assert 'value="families" id="id_target_groups_0" checked' in response.content.decode()
    response = client.post(
        f"/workspace/projects/{project.pk}/edit/",
        PROJECT_FORM
        | {
            "title": "Neuer Titel",
            "lead_partner": third.pk,
            "partners": [lead.pk],
            "target_groups": ["carers"],
        },
    )
    assert response.status_code == 302
    with schema_context("jena"):
        project.refresh_from_db()
        assert project.title == "Neuer Titel"
        assert project.lead_partner == third
        assert list(project.partners.all()) == [lead]
        assert project.target_groups == ["carers"]
        assert AuditEntry.objects.filter(action="core.project.updated").count() == 1


def test_project_ending_before_it_starts_is_refused(client):
    response = client.post(
        "/workspace/projects/new/",
        PROJECT_FORM | {"start_date": "2025-06-01", "end_date": "2025-05-31"},
    )
    assert response.status_code == 400
    assert "The end cannot be before the start." in response.content.decode()
    assert count_in_jena(Project) == 0


@pytest.mark.parametrize("field", ["families_reached", "funding_amount"])
def test_project_with_a_negative_number_is_refused_by_the_form(client, field):
    response = client.post("/workspace/projects/new/", PROJECT_FORM | {field: "-1"})
    assert response.status_code == 400
    assert "Ensure this value is greater than or equal to 0." in response.content.decode()
    assert response.context["form"].errors[field]
    assert count_in_jena(Project) == 0


def test_project_with_an_unknown_target_group_is_refused(client):
    response = client.post(
        "/workspace/projects/new/", PROJECT_FORM | {"target_groups": ["families", "astronauts"]}
    )
    assert response.status_code == 400
    assert "Select a valid choice. astronauts is not one of the available choices." in (
        response.content.decode()
    )
    assert count_in_jena(Project) == 0


def test_a_failed_edit_changes_nothing(client):
    with schema_context("jena"):
        project = ProjectFactory(title="Unverändert")
    response = client.post(
        f"/workspace/projects/{project.pk}/edit/",
        PROJECT_FORM | {"title": "Geändert", "start_date": "2025-06-01", "end_date": "2025-01-01"},
    )
    assert response.status_code == 400
    with schema_context("jena"):
        project.refresh_from_db()
        assert project.title == "Unverändert"
        assert not AuditEntry.objects.filter(action="core.project.updated").exists()


def test_project_service_refuses_unknown_target_group_codes(jena):
    with schema_context("jena"):
        refused = refusal(
            services.project_create, title="X", topic="care", target_groups=["families", "pilots"]
        )
        assert refused.message_dict["target_groups"] == ["Unknown target group: pilots"]
        project = ProjectFactory()
        with pytest.raises(ValidationError):
            services.project_update(actor=None, project=project, target_groups="x")
        assert Project.objects.get().target_groups == ["families"]


def test_project_service_refuses_negative_funding_and_families(jena):
    with schema_context("jena"):
        refused = refusal(
            services.project_create, title="X", topic="care", funding_amount=Decimal("-5")
        )
        assert refused.message_dict["funding_amount"] == ["The funding cannot be negative."]
        refused = refusal(services.project_create, title="X", topic="care", families_reached=-3)
        assert "families_reached" in refused.message_dict
        assert not Project.objects.exists()


def test_project_service_stores_each_target_group_once(jena):
    with schema_context("jena"):
        project = services.project_create(
            actor=None,
            title="X",
            topic="care",
            target_groups=["carers", "carers", "seniors"],
        )
        assert project.target_groups == ["carers", "seniors"]


# ---------------------------------------------------------------- projects: reading


def test_project_detail_shows_partners_target_groups_and_events(client, partners):
    lead, other, _third = partners
    with schema_context("jena"):
        project = ProjectFactory(
            title="Pflegelotsen", lead_partner=lead, partners=[other], target_groups=["carers"]
        )
        EventFactory(title="Auftakt der Pflegelotsen", project=project)
        EventFactory(title="Fremde Veranstaltung")
    shown = ["Pflegelotsen", "Carl Zeiss AG", "Stadtwerke Jena", "Employees caring for relatives",
             "Auftakt der Pflegelotsen", f"/workspace/projects/{project.pk}/edit/"]  # fmt: skip
    response = client.get(f"/workspace/projects/{project.pk}/")
    assert_page_shows(response, shown, ["Fremde Veranstaltung"])


def test_unknown_project_is_not_found(client):
    for suffix in ("", "edit/", "delete/"):
        assert client.get(f"/workspace/projects/424242/{suffix}").status_code == 404


def test_deleting_a_project_asks_first_and_keeps_its_events(client):
    with schema_context("jena"):
        project = ProjectFactory(title="Altes Projekt")
        event = EventFactory(project=project)
    response = client.get(f"/workspace/projects/{project.pk}/delete/")
    assert response.status_code == 200
    assert "Altes Projekt" in response.content.decode()
    assert count_in_jena(Project) == 1
    response = client.post(f"/workspace/projects/{project.pk}/delete/")
    assert response.status_code == 302
    assert response["Location"] == "/workspace/projects/"
    with schema_context("jena"):
        assert not Project.objects.exists()
        event.refresh_from_db()
        assert event.project is None
        assert AuditEntry.objects.filter(action="core.project.deleted").exists()


@pytest.fixture
def project_set(jena, partners):
    lead, other, third = partners
    # Three projects to search and filter: key, title, topic, status, start, end, and more.
    with schema_context("jena"):
        made = {
            key: ProjectFactory(
                title=title, topic=topic, status=status, start_date=start, end_date=end, **more
            )
            for key, title, topic, status, start, end, more in [
                ("childcare", "Kita-Notfallbetreuung", "childcare", "running",
                 datetime.date(2023, 4, 1), datetime.date(2025, 3, 31), {"lead_partner": lead}),
                ("care", "Pflegelotsen", "care", "finished", datetime.date(2021, 1, 1),
                 datetime.date(2022, 6, 30),
                 {"partners": [other, lead], "description": "Betriebliche Pflegelotsen"}),
                ("planned", "Familienpass", "information", "planned", None, None,
                 {"partners": [third]}),
            ]
        }  # fmt: skip
    return made | {"partners": partners}


def _titles(response) -> set[str]:
    return {p.title for p in response.context["page"].object_list}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Kita-Notfallbetreuung", "Pflegelotsen", "Familienpass"}),
        ({"q": "pflegelotsen"}, {"Pflegelotsen"}),
        ({"q": "Carl Zeiss"}, {"Kita-Notfallbetreuung"}),
        ({"topic": "care"}, {"Pflegelotsen"}),
        ({"status": "planned"}, {"Familienpass"}),
        ({"year": "2024"}, {"Kita-Notfallbetreuung"}),
        ({"year": "2022"}, {"Pflegelotsen"}),
        ({"year": "2019"}, set()),
    ],
)
def test_project_list_searches_and_filters(client, project_set, params, expected):
    response = client.get("/workspace/projects/", params)
    assert response.status_code == 200
    assert _titles(response) == expected


def test_project_list_filters_by_partner_involved_as_lead_or_participant(client, project_set):
    lead, _other, third = project_set["partners"]
    assert _titles(client.get("/workspace/projects/", {"partner": lead.pk})) == {
        "Kita-Notfallbetreuung",
        "Pflegelotsen",
    }
    assert _titles(client.get("/workspace/projects/", {"partner": third.pk})) == {"Familienpass"}


def test_project_list_sorts_by_a_column(client, project_set):
    response = client.get("/workspace/projects/", {"sort": "title"})
    titles = [p.title for p in response.context["page"].object_list]
    assert titles == ["Familienpass", "Kita-Notfallbetreuung", "Pflegelotsen"]
    response = client.get("/workspace/projects/", {"sort": "-title"})
    assert [p.title for p in response.context["page"].object_list] == titles[::-1]


def test_the_sorted_column_says_so_on_its_header_cell(client, project_set):
    """aria-sort belongs on the <th> (WCAG: aria-allowed-attr), not on the sort link;
    the arrow is decoration for screen readers."""
    up = client.get("/workspace/projects/", {"sort": "title"}).content.decode()
    assert re.search(r'<th scope="col" aria-sort="ascending"><a href="[^"]*sort=-title">', up)
    assert '<span aria-hidden="true"> ▲</span>' in up
    down = client.get("/workspace/projects/", {"sort": "-title"}).content.decode()
    assert re.search(r'<th scope="col" aria-sort="descending"><a href="[^"]*sort=title">', down)
    for page in (up, down):
        assert not re.search(r"<a [^>]*aria-sort", page)
        assert page.count("aria-sort=") == 1


def test_project_list_is_paginated(client, jena):
    with schema_context("jena"):
        ProjectFactory.create_batch(30)
    first = client.get("/workspace/projects/")
    assert len(first.context["page"].object_list) == 25
    second = client.get("/workspace/projects/", {"page": 2})
    assert len(second.context["page"].object_list) == 5


def test_project_csv_export_has_every_field(client, project_set):
    with schema_context("jena"):
        Project.objects.filter(pk=project_set["care"].pk).update(
            target_groups=["families", "carers"],
            families_reached=77,
            funding_amount=Decimal("1234.50"),
            funding_source="ESF",
        )
    response = client.get("/workspace/projects/", {"format": "csv", "sort": "title"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = csv_rows(response)
    assert header == [
        "Title", "Topic", "Status", "Start", "End", "Lead partner", "Participating partners",
        "Target groups", "Families reached", "Funding (EUR)", "Funded by", "Events",
        "On the public page", "Description",
    ]  # fmt: skip
    care = next(row for row in rows if row[0] == "Pflegelotsen")
    assert care == [
        "Pflegelotsen", "Care for relatives", "Finished", "01.01.2021", "30.06.2022", "",
        "Carl Zeiss AG, Stadtwerke Jena", "Families, Employees caring for relatives", "77",
        "1.234,50", "ESF", "0", "ja", "Betriebliche Pflegelotsen",
    ]  # fmt: skip
    kita = next(row for row in rows if row[0] == "Kita-Notfallbetreuung")
    assert kita[5] == "Carl Zeiss AG"
    assert len(rows) == 3


def test_project_xlsx_export_has_every_field_and_follows_the_filters(client, project_set):
    response = client.get("/workspace/projects/", {"format": "xlsx", "topic": "care"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    header, *rows = xlsx_rows(response)
    assert header[6] == "Participating partners"
    assert len(rows) == 1
    assert rows[0][0] == "Pflegelotsen"
    assert rows[0][6] == "Carl Zeiss AG, Stadtwerke Jena"
    assert rows[0][7] == "Families"


def _seed_projects(total: int) -> None:
    """``total`` projects, each with a lead partner, two participants and an event."""
    with schema_context("jena"):
        start = Project.objects.count()
        pool = list(Partner.objects.all()) or [PartnerFactory(), PartnerFactory()]
        while len(pool) < 3:
            pool.append(PartnerFactory())
        projects = Project.objects.bulk_create(
            Project(
                title=f"Massenprojekt {start + i}",
                topic="childcare",
                start_date=datetime.date(2025, 1, 1),
                lead_partner=pool[i % len(pool)],
                target_groups=["families", "seniors"],
            )
            for i in range(total - start)
        )
        through = Project.partners.through
        through.objects.bulk_create(
            through(project_id=p.pk, partner_id=partner.pk)
            for p in projects
            for partner in pool[:2]
        )
        Event.objects.bulk_create(
            Event(title=f"Termin {p.pk}", kind="other", date=datetime.date(2025, 2, 1), project=p)
            for p in projects
        )


# ---------------------------------------------------------------- working groups


def test_coordinator_creates_a_working_group_with_members(client, partners):
    response = client.post(
        "/workspace/working-groups/new/",
        {
            "name": "AG Pflege",
            "topic": "care",
            "chair": "Frau Beispiel",
            "members": [partners[0].pk, partners[1].pk],
            "is_active": "on",
            "description": "",
        },
    )
    assert response.status_code == 302
    with schema_context("jena"):
        group = WorkingGroup.objects.get()
        assert response["Location"] == f"/workspace/working-groups/{group.pk}/"
        assert group.is_active
        assert set(group.members.all()) == {partners[0], partners[1]}
        assert AuditEntry.objects.filter(action="core.workinggroup.created").exists()


def test_working_group_edit_changes_members_and_deactivates(client, partners):
    with schema_context("jena"):
        group = WorkingGroupFactory(name="AG Zeit", members=[partners[0]])
    response = client.post(
        f"/workspace/working-groups/{group.pk}/edit/",
        {"name": "AG Zeit", "topic": "working_world", "members": [partners[2].pk]},
    )
    assert response.status_code == 302
    with schema_context("jena"):
        group.refresh_from_db()
        assert not group.is_active
        assert group.topic == "working_world"
        assert list(group.members.all()) == [partners[2]]


def test_working_group_with_a_duplicate_name_is_refused(client):
    with schema_context("jena"):
        WorkingGroupFactory(name="AG Pflege")
    response = client.post("/workspace/working-groups/new/", {"name": "AG Pflege", "topic": "care"})
    assert response.status_code == 400
    assert "Working group with this Name already exists." in response.content.decode()
    assert count_in_jena(WorkingGroup) == 1


def test_working_group_without_a_topic_is_refused(client):
    response = client.post("/workspace/working-groups/new/", {"name": "AG ohne Thema"})
    assert response.status_code == 400
    assert count_in_jena(WorkingGroup) == 0


def test_working_group_detail_shows_its_members(client, partners):
    with schema_context("jena"):
        group = WorkingGroupFactory(name="AG Familie", members=[partners[1]], chair="Herr Muster")
    response = client.get(f"/workspace/working-groups/{group.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "AG Familie" in body
    assert "Stadtwerke Jena" in body
    assert "Carl Zeiss AG" not in body
    assert "Herr Muster" in body


def test_working_group_list_filters_by_active_and_member(client, partners):
    with schema_context("jena"):
        WorkingGroupFactory(name="AG Aktiv", members=[partners[0]])
        WorkingGroupFactory(name="AG Ruht", is_active=False, members=[partners[1]])

    def names(params):
        response = client.get("/workspace/working-groups/", params)
        assert response.status_code == 200
        return {g.name for g in response.context["page"].object_list}

    assert names({}) == {"AG Aktiv", "AG Ruht"}
    assert names({"is_active": "true"}) == {"AG Aktiv"}
    assert names({"is_active": "false"}) == {"AG Ruht"}
    assert names({"member": partners[1].pk}) == {"AG Ruht"}
    _header, row = csv_rows(
        client.get("/workspace/working-groups/", {"format": "csv", "q": "Ruht"})
    )
    assert row[:4] == ["AG Ruht", "Care for relatives", "", "Stadtwerke Jena"]


# ---------------------------------------------------------------- events


def test_coordinator_creates_an_event_of_a_project(client):
    with schema_context("jena"):
        project = ProjectFactory(title="Wandern mit Familie")
    form = client.get("/workspace/events/new/", {"project": project.pk})
    assert form.context["form"].initial["project"] == project.pk
    response = client.post("/workspace/events/new/", EVENT_FORM | {"project": project.pk})
    assert response.status_code == 302
    with schema_context("jena"):
        event = Event.objects.get()
        assert response["Location"] == f"/workspace/events/{event.pk}/"
        assert event.project == project
        assert event.participant_count == 120
        assert event.start_time == datetime.time(10, 0)
        assert AuditEntry.objects.filter(action="core.event.created").exists()


def test_event_without_participant_count_is_allowed(client):
    response = client.post("/workspace/events/new/", EVENT_FORM | {"participant_count": ""})
    assert response.status_code == 302
    with schema_context("jena"):
        assert Event.objects.get().participant_count is None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param({"participant_count": "-4"},
                     "Ensure this value is greater than or equal to 0.",
                     id="event_with_negative_participants"),
        pytest.param({"date": ""}, "This field is required.", id="event_without_a_date"),
    ],
)  # fmt: skip
def test_event_is_refused(client, overrides, message):
    response = client.post("/workspace/events/new/", EVENT_FORM | overrides)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert count_in_jena(Event) == 0


def test_event_edit_and_detail(client):
    with schema_context("jena"):
        event = EventFactory(title="Familientag", participant_count=10)
    response = client.post(
        f"/workspace/events/{event.pk}/edit/",
        EVENT_FORM | {"title": "Großer Familientag", "participant_count": "300"},
    )
    assert response.status_code == 302
    detail = client.get(f"/workspace/events/{event.pk}/")
    assert detail.status_code == 200
    assert "Großer Familientag" in detail.content.decode()
    assert "300" in detail.content.decode()
    with schema_context("jena"):
        event.refresh_from_db()
        assert event.participant_count == 300
        assert event.kind == "hiking_day"


@pytest.mark.parametrize(
    ("factory", "model", "base"),
    [
        pytest.param(WorkingGroupFactory, WorkingGroup, "/workspace/working-groups/",
                     id="working_group"),
        pytest.param(EventFactory, Event, "/workspace/events/", id="event"),
    ],
)  # fmt: skip
def test_delete_asks_first(client, factory, model, base):
    with schema_context("jena"):
        record = factory()
    assert client.get(f"{base}{record.pk}/delete/").status_code == 200
    assert count_in_jena(model) == 1
    response = client.post(f"{base}{record.pk}/delete/")
    assert response.status_code == 302
    assert response["Location"] == base
    assert count_in_jena(model) == 0


@pytest.fixture
def event_set(jena):
    with schema_context("jena"):
        project = ProjectFactory(title="Wanderprojekt")
        for title, kind, date, participants, of_project in (
            ("Wandertag 2024", "hiking_day", datetime.date(2024, 9, 1), 100, True),
            ("Familientag 2024", "family_day", datetime.date(2024, 6, 1), 250, False),
            ("Netzwerktreffen 2024", "network", datetime.date(2024, 2, 1), None, False),
            ("Wandertag 2025", "hiking_day", datetime.date(2025, 9, 7), 140, True),
        ):
            EventFactory(
                title=title,
                kind=kind,
                date=date,
                participant_count=participants,
                project=project if of_project else None,
            )
    return {"project": project}


def _event_titles(response) -> set[str]:
    return {e.title for e in response.context["page"].object_list}


def test_event_list_filters_by_kind_year_and_project(client, event_set):
    url = "/workspace/events/"
    assert _event_titles(client.get(url, {"kind": "hiking_day"})) == {
        "Wandertag 2024",
        "Wandertag 2025",
    }
    assert _event_titles(client.get(url, {"year": "2025"})) == {"Wandertag 2025"}
    assert _event_titles(client.get(url, {"project": event_set["project"].pk, "year": 2024})) == {
        "Wandertag 2024"
    }
    assert len(_event_titles(client.get(url))) == 4


def test_event_list_shows_events_and_participants_per_year(client, event_set):
    response = client.get("/workspace/events/")
    assert response.status_code == 200
    assert response.context["summary"] == [
        {"year": 2025, "events": 1, "participants": 140},
        {"year": 2024, "events": 3, "participants": 350},
    ]
    body = response.content.decode()
    assert "Events and participants per year" in body
    assert "<td>2024</td><td>3</td><td>350</td>" in body
    filtered = client.get("/workspace/events/", {"kind": "hiking_day"})
    assert filtered.context["summary"] == [
        {"year": 2025, "events": 1, "participants": 140},
        {"year": 2024, "events": 1, "participants": 100},
    ]


def test_event_summary_by_year_is_one_query(event_set):
    with schema_context("jena"):
        with CaptureQueriesContext(connection) as queries:
            summary = event_summary_by_year()
        selects = [q for q in queries.captured_queries if not q["sql"].startswith("SET ")]
        assert len(selects) == 1
    assert summary[1] == {"year": 2024, "events": 3, "participants": 350}


def test_event_exports_follow_the_filters(client, event_set):
    header, *rows = csv_rows(client.get("/workspace/events/", {"format": "csv", "year": 2024}))
    assert header == [
        "Title", "Kind", "Date", "Begins at", "Place", "Participants", "Project",
        "On the public page",
    ]  # fmt: skip
    assert [row[0] for row in rows] == [
        "Wandertag 2024",
        "Familientag 2024",
        "Netzwerktreffen 2024",
    ]
    assert rows[0][5:7] == ["100", "Wanderprojekt"]
    assert rows[2][5] == ""
    header, *rows = xlsx_rows(client.get("/workspace/events/", {"format": "xlsx", "year": 2025}))
    [row] = rows
    assert row[2].date() == datetime.date(2025, 9, 7)  # a date cell, not text
    assert row[:2] + row[3:] == (
        "Wandertag 2025", "Family hiking day", None, None, 140, "Wanderprojekt", "ja",
    )  # fmt: skip


def _seed_events(total: int) -> None:
    with schema_context("jena"):
        start = Event.objects.count()
        project = Project.objects.first() or ProjectFactory()
        Event.objects.bulk_create(
            Event(
                title=f"Termin {start + i}",
                kind="family_day",
                date=datetime.date(2020 + (start + i) % 6, 5, 1),
                participant_count=i,
                project=project if i % 2 else None,
            )
            for i in range(total - start)
        )


@pytest.mark.parametrize("fmt", ["", "csv", "xlsx"])
@pytest.mark.parametrize(
    ("path", "seed", "model"),
    [
        pytest.param("/workspace/projects/", _seed_projects, Project, id="project_list"),
        pytest.param("/workspace/events/", _seed_events, Event, id="event_list"),
    ],
)
def test_list_and_exports_cost_the_same_queries_for_5_and_200_rows(
    client, jena, path, seed, model, fmt
):
    assert_list_scales(client, path, seed, fmt)
    assert count_in_jena(model) == 200


# ---------------------------------------------------------------- permissions


@pytest.fixture
def records(jena):
    with schema_context("jena"):
        partner = PartnerFactory(name="Eigener Partner")
        project = ProjectFactory(title="Geheimes Projekt", lead_partner=partner)
        group = WorkingGroupFactory(name="AG Geheim")
        event = EventFactory(title="Geheime Veranstaltung", project=project)
    return {"partner": partner, "project": project, "group": group, "event": event}


def _pages(r) -> list[tuple[list[str], list[str]]]:
    areas = {"project": "/workspace/projects/", "group": "/workspace/working-groups/",
             "event": "/workspace/events/"}  # fmt: skip
    return [record_pages(base, r[key].pk) for key, base in areas.items()]


def _read_urls(r) -> list[str]:
    exports = ["/workspace/projects/?format=csv", "/workspace/events/?format=xlsx"]
    return [url for read, _write in _pages(r) for url in read] + exports


def _write_urls(r) -> list[str]:
    return [url for _read, write in _pages(r) for url in write]


@pytest.mark.parametrize("role", ["board_member", "partner_contact"])
def test_board_members_and_partner_contacts_find_no_work_pages(jena, records, role):
    partner_id = records["partner"].pk if role == "partner_contact" else None
    client = logged_in_client(person_with_role(role, jena, partner_id=partner_id), language="en")
    assert_not_found(client, _read_urls(records) + _write_urls(records), post_data={})
    assert count_in_jena(Project) == 1


def test_state_coordinator_may_read_but_not_change(jena, records):
    client = logged_in_client(person_with_role("state_coordinator"), language="en")
    assert_readable(client, _read_urls(records))
    detail = client.get(f"/workspace/projects/{records['project'].pk}/").content.decode()
    assert "/edit/" not in detail
    assert "/workspace/projects/new/" not in client.get("/workspace/projects/").content.decode()
    assert_not_found(client, _write_urls(records), post_data=PROJECT_FORM)
    with schema_context("jena"):
        assert Project.objects.count() == 1
        assert Event.objects.count() == 1
        assert WorkingGroup.objects.count() == 1


def test_coordinator_of_another_alliance_finds_nothing_here(jena, badfrankenhausen, records):
    stranger = person_with_role("local_coordinator", badfrankenhausen)
    client = logged_in_client(stranger, language="en")
    assert_not_found(client, _read_urls(records) + _write_urls(records))
    assert client.post("/workspace/projects/new/", PROJECT_FORM).status_code == 404
    assert count_in_jena(Project) == 1


def test_ids_of_another_alliance_are_not_found(client, badfrankenhausen):
    with schema_context("badfrankenhausen"):
        project = ProjectFactory(pk=770001, title="Projekt in Bad Frankenhausen")
        group = WorkingGroupFactory(pk=770001)
        event = EventFactory(pk=770001)
    for url in (
        f"/workspace/projects/{project.pk}/",
        f"/workspace/projects/{project.pk}/edit/",
        f"/workspace/working-groups/{group.pk}/",
        f"/workspace/events/{event.pk}/delete/",
    ):
        assert client.get(url).status_code == 404, url
    response = client.get("/workspace/projects/", {"q": "Bad Frankenhausen"})
    assert list(response.context["page"].object_list) == []


def test_anonymous_visitors_are_sent_to_the_login_page(jena, records):
    client = logged_in_client(None, language="en")
    assert_sent_to_login(client, _read_urls(records) + _write_urls(records))


@pytest.mark.slow
def test_sentinel_seeds_build_records_the_audit_can_find(jena, badfrankenhausen, monkeypatch):
    """The seeds of this area give each <int:pk> route a record of the other alliance,
    which its coordinator sees and outsiders do not."""
    sentinel = "WORK-SENTINEL-BFH"
    for name, builder in SEEDS.items():
        monkeypatch.setitem(SENTINEL_SEEDS, name, builder)
    with schema_context("badfrankenhausen"):
        record_id = seed_sentinel_records(sentinel)["id"]
        assert Project.objects.get(pk=record_id).partners.count() == 1
    own = logged_in_client(
        person_with_role("local_coordinator", badfrankenhausen),
        "badfrankenhausen.localhost",
        language="en",
    )
    for prefix in ("projects", "working-groups", "events", "funding"):
        response = own.get(f"/workspace/{prefix}/{record_id}/")
        assert sentinel in response.content.decode(), prefix
    jena_coordinator = person_with_role("local_coordinator", jena)
    outsiders = outsiders_on(
        "badfrankenhausen.localhost", {"Jena's coordinator": jena_coordinator}, language="en"
    )
    routes = [
        route
        for route in discover("config.urls_tenant", {"int": str(record_id)})
        if route.view_name.startswith(("core.views.projects.", "core.views.funding."))
    ]
    assert len(routes) == 21
    problems = audit(
        routes,
        host="badfrankenhausen.localhost",
        tenant=badfrankenhausen,
        outsiders=outsiders,
        sentinels=[sentinel],
    )
    assert problems == [], "\n".join(problems)
