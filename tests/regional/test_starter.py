"""The state office's starter templates: maintained on pages and through the API, copied
into a new alliance's workspace once (idempotent, audited), and the new alliance's
first-run checklist shown in the pipeline."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from core.models import (
    CertificationProgramme,
    ChecklistMark,
    Measure,
    MeasureCategory,
    MeetingTemplate,
    Project,
    ProjectStatus,
    SealCriterion,
    Topic,
    WorkingGroup,
)
from core.selectors.onboarding import public_page_has_content
from core.services.onboarding import checklist_mark
from kernel.audit.models import AuditEntry
from regional.models import AllianceSetup, ProvisioningStatus, SetupStage, StarterTemplate
from regional.services import certification as certification_services
from regional.services.starter import starter_prepare, starter_template_create
from tenants.roles import Role
from tests.api.calls import JSON, create_then_change
from tests.conftest import logged_in_client, person_with_role


@pytest.fixture
def templates(state_coordinator):
    def make(kind, name, category="", description="", **extra):
        return starter_template_create(
            actor=state_coordinator,
            kind=kind,
            name=name,
            category=category,
            description=description,
            **extra,
        )

    make("working_group", "AG Vereinbarkeit von Familie und Beruf", Topic.WORKING_WORLD)
    make("working_group", "AG Familienfreundliche Stadt", Topic.GENERATIONS, "Spielplätze")
    make("measure", "Eltern-Kind-Büro", MeasureCategory.CHILDCARE, "Ein Büro mit Spielecke.")
    make("measure", "Betriebliche Pflegelotsen", MeasureCategory.CARE)
    make("measure", "Alte Maßnahme", MeasureCategory.OTHER, is_active=False)
    make("board_agenda", "Kuratoriumssitzung", description="Begrüßung\nBericht\nAufnahmen")
    make("project", "Familienwandertag", Topic.HOLIDAYS, "Jedes Jahr im Mai, mit den Partnern.")
    return make


# ---------------------------------------------------------------- copying


def test_a_new_workspace_gets_the_active_templates_once(
    templates, state_coordinator, badfrankenhausen
):
    with schema_context(badfrankenhausen.schema_name):
        Measure.objects.create(name="BETRIEBLICHE PFLEGELOTSEN")  # there already

    copied = starter_prepare(actor=state_coordinator, alliance=badfrankenhausen)
    again = starter_prepare(actor=state_coordinator, alliance=badfrankenhausen)

    assert copied == {"working_group": 2, "measure": 1, "project": 1, "board_agenda": 1}
    assert again == {"working_group": 0, "measure": 0, "project": 0, "board_agenda": 0}
    with schema_context(badfrankenhausen.schema_name):
        group = WorkingGroup.objects.get(name="AG Familienfreundliche Stadt")
        assert (group.topic, group.description) == (Topic.GENERATIONS, "Spielplätze")
        assert sorted(Measure.objects.values_list("name", flat=True)) == [
            "BETRIEBLICHE PFLEGELOTSEN", "Eltern-Kind-Büro",
        ]  # fmt: skip
        # A project idea starts as a planned project, without dates or partners, and
        # not on the public page: the alliance has not taken it up yet.
        project = Project.objects.get(title="Familienwandertag")
        assert (project.topic, project.status, project.start_date, project.is_public) == (
            Topic.HOLIDAYS,
            ProjectStatus.PLANNED,
            None,
            False,
        )
        assert not public_page_has_content()  # the checklist's item stays open
        agenda = MeetingTemplate.objects.get()
        assert agenda.agenda_lines == ["Begrüßung", "Bericht", "Aufnahmen"]
        # Each copied record has its audit entry in the alliance's own trail ...
        assert AuditEntry.objects.filter(action="core.workinggroup.created").count() == 2
        # ... and the new alliance's coordinator is greeted by the checklist.
        assert ChecklistMark.objects.filter(status="open").count() == 5
    entries = AuditEntry.objects.filter(action="regional.alliancesetup.starter_copied")
    assert [e.changes["copied"]["working_group"] for e in entries] == [2]  # the rerun: none


def test_a_new_workspace_adopts_the_published_certification_programmes_once(
    state_coordinator, badfrankenhausen
):
    group = certification_services.group_create(
        actor=state_coordinator, key="vielfalt", name="Diversitätsindikator", weight=2
    )
    certification_services.criterion_create(
        actor=state_coordinator, group=group, text="Aufstiegschancen aller Geschlechter"
    )
    for key, name, published in (("vielfalt", "Vielfalt im Betrieb", True),
                                 ("entwurf", "Noch ein Entwurf", False)):  # fmt: skip
        certification_services.template_create(
            actor=state_coordinator, key=key, name=name, kind="diversity",
            is_published=published, groups=[group],
        )  # fmt: skip

    starter_prepare(actor=state_coordinator, alliance=badfrankenhausen)
    starter_prepare(actor=state_coordinator, alliance=badfrankenhausen)

    with schema_context(badfrankenhausen.schema_name):
        programme = CertificationProgramme.objects.get()  # the draft is not offered
        assert programme.name == "Vielfalt im Betrieb"
        assert [c.text for c in SealCriterion.objects.filter(programme=programme)] == [
            "Aufstiegschancen aller Geschlechter"
        ]
        adopted = AuditEntry.objects.filter(action="core.certificationprogramme.adopted")
        assert adopted.count() == 1


def test_another_alliance_gets_nothing_of_the_copy(templates, state_coordinator, jena):
    starter_prepare(actor=state_coordinator, alliance=jena)
    with schema_context("badfrankenhausen"):
        assert not WorkingGroup.objects.exists()
        assert not ChecklistMark.objects.exists()


# ---------------------------------------------------------------- pages and API


def test_the_state_coordinator_maintains_the_templates(state_client, templates):
    listing = state_client.get("/starter-templates/?kind=working_group")
    assert listing.status_code == 200
    assert "AG Vereinbarkeit von Familie und Beruf" in listing.content.decode()
    assert "Eltern-Kind-Büro" not in listing.content.decode()

    created = state_client.post(
        "/starter-templates/new/",
        {"kind": "measure", "name": "Homeoffice-Regelung", "category": "working_time",
         "description": "", "is_active": "on"},
    )  # fmt: skip
    assert created.status_code == 302
    template = StarterTemplate.objects.get(name="Homeoffice-Regelung")
    assert AuditEntry.objects.filter(
        action="regional.startertemplate.created", object_id=str(template.pk)
    ).exists()
    assert state_client.get(f"/starter-templates/{template.pk}/edit/").status_code == 200
    deleted = state_client.post(f"/starter-templates/{template.pk}/delete/")
    assert deleted.status_code == 302
    assert not StarterTemplate.objects.filter(pk=template.pk).exists()


EXPECTED = {
    "category": "Diese Kategorie passt nicht zur Art der Vorlage.",
    "kind": "ist keine gültige Auswahl",
    None: "Eine Vorlage dieser Art mit diesem Namen gibt es bereits.",
    "name": "Dieses Feld ist zwingend erforderlich.",
}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "measure", "name": "X", "category": Topic.GENERATIONS}, "category"),
        ({"kind": "nope", "name": "X"}, "kind"),
        ({"kind": "working_group", "name": "ag vereinbarkeit von familie und beruf"}, None),
        ({"kind": "measure", "name": ""}, "name"),
    ],
)
def test_a_bad_template_is_refused_in_german_and_nothing_is_saved(
    state_coordinator, templates, data, field
):
    client = logged_in_client(state_coordinator, "localhost")
    before = StarterTemplate.objects.count()
    response = client.post("/starter-templates/new/", {"description": "", **data})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Es wurde nichts gespeichert." in page
    assert EXPECTED[field] in page
    assert StarterTemplate.objects.count() == before


def test_the_api_offers_the_templates_to_the_state_office_only(state_client, templates, jena):
    client = state_client
    create_then_change(
        client,
        "/api/v1/starter-templates/",
        {"kind": "working_group", "name": "AG Pflege", "category": Topic.CARE},
        {"description": "Pflege und Beruf"},
    )
    refused = client.post(
        "/api/v1/starter-templates/",
        {"kind": "working_group", "name": "AG X", "category": MeasureCategory.HEALTH},
        content_type=JSON,
    )
    assert refused.status_code == 400
    assert "category" in refused.json()["errors"]
    for role in (Role.MINISTRY,):
        other = logged_in_client(person_with_role(role), "localhost")
        assert other.get("/api/v1/starter-templates/").status_code == 404
        assert other.get("/starter-templates/").status_code == 404
    coordinator = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), "localhost")
    assert coordinator.get("/starter-templates/").status_code == 404


# ---------------------------------------------------------------- the pipeline


def test_the_pipeline_shows_the_new_alliances_first_steps(
    state_client, state_coordinator, jena, coordinator
):
    setup = AllianceSetup.objects.create(
        place="Jena", district="16053", stage=SetupStage.ACTIVE, alliance=jena,
        provisioning_status=ProvisioningStatus.DONE, alliance_name=jena.name, slug="jena",
    )  # fmt: skip
    board = state_client.get("/setups/").content.decode()
    assert "First steps" in board
    assert "0 of 5 done" in board

    with schema_context("jena"):
        checklist_mark(actor=coordinator, key="identity", status="done")
        checklist_mark(actor=coordinator, key="legal", status="skipped")
    detail = state_client.get(f"/setups/{setup.pk}/").content.decode()
    assert "2 of 5 done" in detail
    assert "Identity of the alliance: Done" in detail
    assert "Legal pages: Skipped" in detail
    assert "First steps" in state_client.get("/setups/").content.decode()
