"""The new-alliance pipeline on the state host: board, list, setups, stages, checklists."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from kernel.audit.models import AuditEntry
from regional.models import AllianceSetup, ProvisioningStatus, SetupStage, SetupTask
from regional.services.setups import DEFAULT_CHECKLIST, setup_create
from tenants.roles import Role
from tests.clock import AT_NOON, TODAY
from tests.conftest import (
    assert_same_queries_for_few_and_many,
    csv_rows,
    logged_in_client,
    person_with_role,
)
from tests.factories.tenants import account_with_role

# The clock stands at noon (Berlin) of a fixed day in every test here (tests/clock.py).
pytestmark = AT_NOON


@pytest.fixture
def mentor(db):
    return account_with_role(
        Role.STATE_COORDINATOR, email="mentorin@land.example", full_name="Martha Mentorin"
    )


@pytest.fixture
def client(mentor):
    return logged_in_client(mentor, "localhost", language="en")


@pytest.fixture
def make_setup(mentor):
    def make(**data) -> AllianceSetup:
        values = {"place": "Apolda", "district": "16071", "mentor": mentor}
        values.update(data)
        return setup_create(actor=mentor, **values)

    return make


def _valid_form(**overrides):
    data = {
        "place": "Sömmerda",
        "district": "16068",
        "initiators": "Landratsamt, Kita-Verbund",
        "mentor": "",
        "notes": "",
        "alliance_name": "Lokales Bündnis für Familie Sömmerda",
        "slug": "soemmerda",
        "host_organisation": "Landratsamt Sömmerda",
        "coordinator_name": "Sina Sommer",
        "coordinator_email": "Sina.Sommer@example.org",
    }
    data.update(overrides)
    return data


# ---------------------------------------------------------------- creating and editing


def test_a_new_setup_starts_as_interest_with_the_default_checklist(client, mentor):
    response = client.post("/setups/new/", _valid_form(mentor=str(mentor.pk)))

    setup = AllianceSetup.objects.get(place="Sömmerda")
    assert response.status_code == 302
    assert response["Location"] == f"/setups/{setup.pk}/"
    assert setup.stage == SetupStage.INTEREST
    assert setup.mentor == mentor
    assert setup.coordinator_email == "sina.sommer@example.org"
    tasks = list(setup.tasks.order_by("position"))
    assert len(tasks) == len(DEFAULT_CHECKLIST) >= 5
    assert [t.due_on for t in tasks] == [
        TODAY + datetime.timedelta(days=days) for _title, days in DEFAULT_CHECKLIST
    ]
    assert all(t.done_on is None for t in tasks)
    assert AuditEntry.objects.filter(
        action="regional.alliancesetup.created", object_id=str(setup.pk)
    ).exists()


def test_the_default_checklist_is_written_in_the_platform_language(make_setup):
    with translation.override("en"):
        setup = make_setup()
    with translation.override("de"):
        expected = [translation.gettext(title) for title, _days in DEFAULT_CHECKLIST]
    assert list(setup.tasks.order_by("position").values_list("title", flat=True)) == expected


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("place", "", "This field is required."),
        ("slug", "Jena Nord", "lower-case letters"),
        ("slug", "admin", "This short name is reserved."),
        ("slug", "jena", "Another alliance already uses this short name."),
        ("alliance_name", "lokales bündnis für familie jena", "An alliance with this name"),
        ("coordinator_email", "keine-adresse", "Enter a valid email address."),
    ],
)
def test_bad_input_answers_400_and_saves_nothing(client, jena, field, value, message):
    response = client.post("/setups/new/", _valid_form(**{field: value}))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not AllianceSetup.objects.exists()


def test_a_short_name_planned_for_another_setup_is_refused(client, make_setup):
    make_setup(slug="soemmerda")
    response = client.post("/setups/new/", _valid_form())
    assert response.status_code == 400
    assert "Another new alliance already uses this short name." in response.content.decode()


def test_only_state_coordinators_can_be_mentors(client, jena):
    local = person_with_role(Role.LOCAL_COORDINATOR, jena)
    response = client.post("/setups/new/", _valid_form(mentor=str(local.pk)))
    assert response.status_code == 400
    assert not AllianceSetup.objects.exists()


def test_editing_a_setup_records_the_changes(client, make_setup, mentor):
    setup = make_setup(notes="")
    form = _valid_form(place="Apolda", notes="Erstes Treffen im Rathaus", mentor=str(mentor.pk))

    response = client.post(f"/setups/{setup.pk}/edit/", form)

    assert response.status_code == 302
    setup.refresh_from_db()
    assert setup.notes == "Erstes Treffen im Rathaus"
    entry = AuditEntry.objects.get(action="regional.alliancesetup.updated", object_id=str(setup.pk))
    assert entry.changes["notes"] == ["", "Erstes Treffen im Rathaus"]


def test_the_web_address_of_a_provisioned_alliance_cannot_change(client, make_setup, jena):
    setup = make_setup(slug="jena", alliance_name=jena.name)
    AllianceSetup.objects.filter(pk=setup.pk).update(
        alliance=jena, stage=SetupStage.ACTIVE, provisioning_status=ProvisioningStatus.DONE
    )
    form = _valid_form(slug="anders", alliance_name=jena.name, notes="neu")

    response = client.post(f"/setups/{setup.pk}/edit/", form)

    assert response.status_code == 302
    setup.refresh_from_db()
    assert setup.slug == "jena"  # the disabled field keeps its value
    assert setup.notes == "neu"


def test_a_setup_without_alliance_can_be_deleted_one_with_cannot(client, make_setup, jena):
    gone = make_setup(place="Bürgel")
    kept = make_setup(place="Jena-Nord")
    AllianceSetup.objects.filter(pk=kept.pk).update(
        alliance=jena, stage=SetupStage.ACTIVE, provisioning_status=ProvisioningStatus.DONE
    )

    assert client.get(f"/setups/{gone.pk}/delete/").status_code == 200
    assert client.post(f"/setups/{gone.pk}/delete/").status_code == 302
    assert not AllianceSetup.objects.filter(pk=gone.pk).exists()
    assert not SetupTask.objects.filter(setup_id=gone.pk).exists()

    refused = client.post(f"/setups/{kept.pk}/delete/")
    assert refused.status_code == 400
    assert AllianceSetup.objects.filter(pk=kept.pk).exists()


# ---------------------------------------------------------------- board and stages


def test_the_board_shows_each_stage_with_its_setups_as_cards(client, make_setup, mentor):
    early = make_setup(place="Bürgel")
    late = make_setup(place="Kahla", district="16074")
    AllianceSetup.objects.filter(pk=late.pk).update(stage=SetupStage.FOUNDING_EVENT)
    late.tasks.update(due_on=TODAY - datetime.timedelta(days=3))
    late.tasks.filter(position=1).update(done_on=TODAY)

    response = client.get("/setups/")

    assert response.status_code == 200
    columns = {column.stage: column for column in response.context["columns"]}
    assert list(columns) == list(SetupStage.values)
    assert [s.pk for s in columns[SetupStage.INTEREST].setups] == [early.pk]
    assert [s.pk for s in columns[SetupStage.FOUNDING_EVENT].setups] == [late.pk]
    card = columns[SetupStage.FOUNDING_EVENT].setups[0]
    assert card.open_task_count == len(DEFAULT_CHECKLIST) - 1
    assert card.overdue_task_count == len(DEFAULT_CHECKLIST) - 1
    assert card.next_due_on == TODAY - datetime.timedelta(days=3)
    text = response.content.decode()
    for label in ("Interest", "First consultation", "Founding event", "Declaration signed"):
        assert label in text
    assert "Martha Mentorin" in text
    assert "Saale-Holzland-Kreis" in text
    assert 'class="setup-card is-overdue"' in text
    assert text.count('class="setup-card is-overdue"') == 1
    assert "4 overdue" in text


def test_the_board_reads_in_german_in_process_order_with_counts_and_empty_columns(
    make_setup, mentor
):
    import re

    make_setup(place="Bürgel")
    make_setup(place="Apolda")
    late = make_setup(place="Kahla", district="16074")
    AllianceSetup.objects.filter(pk=late.pk).update(stage=SetupStage.DECLARATION)
    late.tasks.update(due_on=datetime.date(2026, 9, 3))
    text = logged_in_client(mentor, "localhost", language="de").get("/setups/").content.decode()
    headings = re.findall(
        r'<h2 id="stage-[^"]+"><span>([^<]+)</span> <span class="count">(\d+)', text
    )
    assert headings == [
        ("Interesse", "2"),
        ("Erstberatung", "0"),
        ("Gründungsveranstaltung", "0"),
        ("Bündniserklärung unterzeichnet", "1"),
        ("Aktiv", "0"),
    ]
    assert text.count("Keine in dieser Phase.") == 3  # each empty column says so
    assert "03.09.2026" in text  # the next due date, German
    interest = text.split('id="stage-interest"')[1].split("</section>")[0]
    assert interest.index("Apolda") < interest.index("Bürgel")  # cards by place


def test_the_board_can_be_narrowed_to_a_district(client, make_setup):
    make_setup(place="Bürgel", district="16074")
    make_setup(place="Apolda")
    response = client.get("/setups/", {"district": "16074"})
    places = [s.place for c in response.context["columns"] for s in c.setups]
    assert places == ["Bürgel"]


def test_moving_a_setup_records_the_stage_change(client, make_setup, mentor):
    setup = make_setup()

    response = client.post(
        f"/setups/{setup.pk}/move/", {"stage": SetupStage.CONSULTATION, "next": "/setups/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/setups/"
    setup.refresh_from_db()
    assert setup.stage == SetupStage.CONSULTATION
    entry = AuditEntry.objects.get(
        action="regional.alliancesetup.stage_changed", object_id=str(setup.pk)
    )
    assert entry.changes["stage"] == [SetupStage.INTEREST, SetupStage.CONSULTATION]
    assert entry.actor_id == mentor.pk


def test_a_move_never_redirects_to_another_host(client, make_setup):
    setup = make_setup()
    response = client.post(
        f"/setups/{setup.pk}/move/",
        {"stage": SetupStage.CONSULTATION, "next": "https://evil.example/"},
    )
    assert response["Location"] == f"/setups/{setup.pk}/"


def test_the_move_page_offers_the_stages(client, make_setup):
    setup = make_setup()
    response = client.get(f"/setups/{setup.pk}/move/")
    assert response.status_code == 200
    assert "Declaration signed" in response.content.decode()


@pytest.mark.parametrize("stage", [SetupStage.INTEREST, "somewhere"])
def test_a_move_to_the_same_or_an_unknown_stage_is_refused(client, make_setup, stage):
    setup = make_setup()
    response = client.post(f"/setups/{setup.pk}/move/", {"stage": stage})
    assert response.status_code == 400
    assert not AuditEntry.objects.filter(action="regional.alliancesetup.stage_changed").exists()


def test_an_alliance_on_the_platform_stays_active(client, make_setup, jena):
    setup = make_setup()
    AllianceSetup.objects.filter(pk=setup.pk).update(
        alliance=jena, stage=SetupStage.ACTIVE, provisioning_status=ProvisioningStatus.DONE
    )
    response = client.post(f"/setups/{setup.pk}/move/", {"stage": SetupStage.DECLARATION})
    assert response.status_code == 400
    assert "stays active" in response.content.decode()
    setup.refresh_from_db()
    assert setup.stage == SetupStage.ACTIVE


def test_a_setup_being_provisioned_cannot_be_moved_or_edited(client, make_setup):
    setup = make_setup()
    AllianceSetup.objects.filter(pk=setup.pk).update(
        stage=SetupStage.ACTIVE, provisioning_status=ProvisioningStatus.RUNNING
    )
    moved = client.post(f"/setups/{setup.pk}/move/", {"stage": SetupStage.DECLARATION})
    assert moved.status_code == 400
    assert "Please wait" in moved.content.decode()
    edited = client.post(f"/setups/{setup.pk}/edit/", _valid_form(place="Anders"))
    assert edited.status_code == 400
    setup.refresh_from_db()
    assert (setup.stage, setup.place) == (SetupStage.ACTIVE, "Apolda")


def test_moving_back_from_a_failed_activation_resets_the_provisioning(client, make_setup):
    setup = make_setup()
    AllianceSetup.objects.filter(pk=setup.pk).update(
        stage=SetupStage.ACTIVE,
        provisioning_status=ProvisioningStatus.FAILED,
        provisioning_error="Kaputt",
    )
    response = client.post(f"/setups/{setup.pk}/move/", {"stage": SetupStage.DECLARATION})
    assert response.status_code == 302
    setup.refresh_from_db()
    assert setup.provisioning_status == ProvisioningStatus.NONE
    assert setup.provisioning_error == ""


def test_retry_is_only_for_a_failed_provisioning(client, make_setup):
    setup = make_setup()
    response = client.post(f"/setups/{setup.pk}/retry/")
    assert response.status_code == 400
    setup.refresh_from_db()
    assert setup.provisioning_status == ProvisioningStatus.NONE


# ---------------------------------------------------------------- checklist


def test_checklist_items_are_added_edited_ticked_and_removed(client, make_setup):
    setup = make_setup()

    added = client.post(
        f"/setups/{setup.pk}/checklist/new/",
        {"title": "Pressegespräch", "due_on": "2026-12-01", "done_on": "", "note": ""},
    )
    assert added.status_code == 302
    task = setup.tasks.get(title="Pressegespräch")
    assert task.position == len(DEFAULT_CHECKLIST) + 1

    edited = client.post(
        f"/setups/{setup.pk}/checklist/{task.pk}/edit/",
        {"title": "Pressegespräch", "due_on": "2026-12-08", "done_on": "", "note": "Lokalzeitung"},
    )
    assert edited.status_code == 302
    task.refresh_from_db()
    assert (task.due_on, task.note) == (datetime.date(2026, 12, 8), "Lokalzeitung")

    ticked = client.post(f"/setups/{setup.pk}/checklist/{task.pk}/tick/")
    assert ticked.status_code == 302
    task.refresh_from_db()
    assert task.done_on == TODAY
    client.post(f"/setups/{setup.pk}/checklist/{task.pk}/tick/", {"done": "0"})
    task.refresh_from_db()
    assert task.done_on is None

    removed = client.post(f"/setups/{setup.pk}/checklist/{task.pk}/delete/")
    assert removed.status_code == 302
    assert not setup.tasks.filter(pk=task.pk).exists()
    actions = set(
        AuditEntry.objects.filter(action__startswith="regional.setuptask.").values_list(
            "action", flat=True
        )
    )
    assert actions == {
        "regional.setuptask.created",
        "regional.setuptask.updated",
        "regional.setuptask.ticked",
        "regional.setuptask.reopened",
        "regional.setuptask.deleted",
    }


def test_a_checklist_item_without_title_is_refused(client, make_setup):
    setup = make_setup()
    response = client.post(
        f"/setups/{setup.pk}/checklist/new/", {"title": "", "due_on": "", "done_on": ""}
    )
    assert response.status_code == 400
    assert setup.tasks.count() == len(DEFAULT_CHECKLIST)


def test_an_item_of_another_setup_is_not_found(client, make_setup):
    one, other = make_setup(place="Eins"), make_setup(place="Zwei")
    foreign = other.tasks.first()
    assert client.get(f"/setups/{one.pk}/checklist/{foreign.pk}/edit/").status_code == 404
    assert client.post(f"/setups/{one.pk}/checklist/{foreign.pk}/tick/").status_code == 404
    foreign.refresh_from_db()
    assert foreign.done_on is None


def test_the_setup_page_highlights_overdue_items(client, make_setup):
    setup = make_setup()
    setup.tasks.filter(position=1).update(due_on=TODAY - datetime.timedelta(days=1))
    response = client.get(f"/setups/{setup.pk}/")
    text = response.content.decode()
    assert response.status_code == 200
    assert text.count('class="is-overdue"') == 1
    assert "(overdue)" in text
    assert 'http-equiv="refresh"' not in text


# ---------------------------------------------------------------- list and export


def test_the_list_filters_by_stage_and_district_and_searches(client, make_setup):
    make_setup(place="Bürgel", district="16074")
    apolda = make_setup(place="Apolda", initiators="Diakonie Apolda")
    AllianceSetup.objects.filter(pk=apolda.pk).update(stage=SetupStage.CONSULTATION)

    def places(params):
        response = client.get("/setups/list/", params)
        assert response.status_code == 200
        return [row[1][0] for row in response.context["rows"]]

    assert places({}) == ["Apolda", "Bürgel"]
    assert places({"stage": SetupStage.CONSULTATION}) == ["Apolda"]
    assert places({"district": "16074"}) == ["Bürgel"]
    assert places({"q": "diakonie"}) == ["Apolda"]


def test_the_list_exports_to_csv(client, make_setup):
    make_setup(place="Bürgel", coordinator_email="b@example.org")
    response = client.get("/setups/list/", {"format": "csv"})
    assert response.status_code == 200
    rows = csv_rows(response)
    assert rows[0][0] == "Place"
    assert rows[1][0] == "Bürgel"
    assert "b@example.org" in rows[1]


def _many_setups(mentor, count: int, offset: int = 0) -> None:
    mentors = [mentor] + [
        person_with_role(Role.STATE_COORDINATOR) for _ in range(2 if offset == 0 else 0)
    ]
    setups = AllianceSetup.objects.bulk_create(
        AllianceSetup(
            place=f"Ort {offset + n}",
            district="16067",
            mentor=mentors[n % len(mentors)],
            stage=SetupStage.values[n % len(SetupStage.values)],
        )
        for n in range(count)
    )
    SetupTask.objects.bulk_create(
        SetupTask(setup=setup, title=f"Aufgabe {i}", position=i, due_on=TODAY)
        for setup in setups
        for i in range(3)
    )


@pytest.mark.parametrize("path", ["/setups/", "/setups/list/"])
def test_board_and_list_cost_the_same_queries_for_5_and_200_setups(client, mentor, path):
    assert_same_queries_for_few_and_many(
        client,
        path,
        few=lambda: _many_setups(mentor, 5),
        many=lambda: _many_setups(mentor, 195, offset=5),
    )


# ---------------------------------------------------------------- permissions


@pytest.fixture
def outsiders(jena):
    return {
        "ministry": person_with_role(Role.MINISTRY),
        "local coordinator": person_with_role(Role.LOCAL_COORDINATOR, jena),
        "board member": person_with_role(Role.BOARD_MEMBER, jena),
    }


def _paths(setup) -> list[str]:
    task = setup.tasks.first()
    return [
        "/setups/",
        "/setups/list/",
        "/setups/list/?format=csv",
        "/setups/new/",
        f"/setups/{setup.pk}/",
        f"/setups/{setup.pk}/edit/",
        f"/setups/{setup.pk}/delete/",
        f"/setups/{setup.pk}/move/",
        f"/setups/{setup.pk}/retry/",
        f"/setups/{setup.pk}/checklist/new/",
        f"/setups/{setup.pk}/checklist/{task.pk}/edit/",
        f"/setups/{setup.pk}/checklist/{task.pk}/delete/",
    ]


@pytest.mark.slow
def test_people_without_the_state_coordinator_role_get_404(make_setup, outsiders):
    setup = make_setup()
    for label, user in outsiders.items():
        client = logged_in_client(user, "localhost")
        for path in _paths(setup):
            assert client.get(path).status_code == 404, (label, path)
        moved = client.post(f"/setups/{setup.pk}/move/", {"stage": SetupStage.CONSULTATION})
        assert moved.status_code == 404, label
    setup.refresh_from_db()
    assert setup.stage == SetupStage.INTEREST


def test_anonymous_visitors_are_sent_to_the_login_page(make_setup):
    setup = make_setup()
    client = logged_in_client(None, "localhost")
    for path in _paths(setup):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/login/"), path
    response = client.post(f"/setups/{setup.pk}/checklist/{setup.tasks.first().pk}/tick/")
    assert response["Location"].startswith("/accounts/login/")


def test_the_pipeline_is_not_served_on_alliance_hosts(mentor, jena):
    client = logged_in_client(mentor, "jena.localhost")
    assert client.get("/setups/").status_code == 404


def test_a_stalled_provisioning_can_be_started_again_a_running_one_cannot(client, make_setup):
    stalled = make_setup(
        place="Eins", alliance_name="Bündnis Eins", slug="eins", coordinator_email="k@eins.example"
    )
    running = make_setup(place="Zwei")
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    AllianceSetup.objects.filter(pk=stalled.pk).update(
        stage=SetupStage.ACTIVE, provisioning_status=ProvisioningStatus.RUNNING, updated_at=long_ago
    )
    AllianceSetup.objects.filter(pk=running.pk).update(
        stage=SetupStage.ACTIVE, provisioning_status=ProvisioningStatus.RUNNING
    )

    page = client.get(f"/setups/{stalled.pk}/")
    assert f'action="/setups/{stalled.pk}/retry/"' in page.content.decode()
    assert (
        f'action="/setups/{running.pk}/retry/"'
        not in client.get(f"/setups/{running.pk}/").content.decode()
    )

    assert client.post(f"/setups/{running.pk}/retry/").status_code == 400
    assert client.post(f"/setups/{stalled.pk}/retry/").status_code == 302
    stalled.refresh_from_db()
    assert stalled.provisioning_status == ProvisioningStatus.QUEUED
    assert AuditEntry.objects.filter(
        action="regional.alliancesetup.provisioning_retried", object_id=str(stalled.pk)
    ).exists()
