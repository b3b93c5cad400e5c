"""REST API v1: workshops, their topics and registrations, and working group tasks on an
alliance's host; the state's workshops on the state host."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django_tenants.utils import schema_context

from core.models import WorkshopRegistration
from regional.models import RegionalRegistration
from tenants.roles import Role
from tests.api.calls import JSON, create_then_change
from tests.api.calls import api_client as _api
from tests.api.calls import api_token as _token
from tests.conftest import person_with_role
from tests.factories.projects import EventFactory, WorkingGroupFactory
from tests.factories.regional import RegionalMeetingFactory


def test_workshop_topic_registration_and_task_through_the_services(jena):
    client = _api("jena.localhost", _token(person_with_role(Role.LOCAL_COORDINATOR, jena).email))
    with schema_context("jena"):
        event = EventFactory(date=timezone.localdate() + datetime.timedelta(days=9))
        group = WorkingGroupFactory()
    created, changed = create_then_change(
        client, "/api/v1/workshops/", {"event": event.pk, "capacity": 1}, {"rounds": 2}
    )
    workshop = created.json()["id"]
    assert changed.json()["rounds"] == 2
    topic, _ = create_then_change(
        client, "/api/v1/workshop-topics/", {"workshop": workshop, "title": "Pflege"},
        {"result": "Lotsen schulen"},
    )  # fmt: skip
    people = [
        client.post(
            "/api/v1/workshop-registrations/",
            {"workshop": workshop, "name": name, "email": f"{name}@example.org",
             "wishes": [topic.json()["id"]]},
            content_type=JSON,
        )
        for name in ("anna", "ben")
    ]  # fmt: skip
    assert [p.json()["status"] for p in people] == ["confirmed", "waiting"]
    twice = client.post(
        "/api/v1/workshop-registrations/",
        {"workshop": workshop, "name": "Anna", "email": "anna@example.org"},
        content_type=JSON,
    )
    assert twice.status_code == 400
    assert "bereits angemeldet" in str(twice.json())
    first = people[0].json()["id"]
    assert client.delete(f"/api/v1/workshop-registrations/{first}/").status_code == 204
    with schema_context("jena"):
        assert WorkshopRegistration.objects.get().status == "confirmed"  # moved up
    task = client.post(
        "/api/v1/working-group-tasks/",
        {"working_group": group.pk, "title": "Schulung", "origin_topic": topic.json()["id"]},
        content_type=JSON,
    )
    assert task.status_code == 201, task.content
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    assert board.get("/api/v1/workshops/").status_code == 200
    assert board.post("/api/v1/workshops/", {}, content_type=JSON).status_code in (403, 404)


def test_state_workshop_registrations_on_the_state_host(db):
    state = person_with_role(Role.STATE_COORDINATOR)
    client = _api("localhost", _token(state.email, host="localhost"))
    meeting = RegionalMeetingFactory()
    created = client.post(
        "/api/v1/regional-workshops/",
        {"meeting": meeting.pk, "capacity": 40, "format": "world_cafe"},
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    registration = client.post(
        "/api/v1/regional-workshop-registrations/",
        {"workshop": created.json()["id"], "name": "Ina", "email": "ina@example.org"},
        content_type=JSON,
    )
    assert registration.status_code == 201, registration.content
    assert RegionalRegistration.objects.get().status == "confirmed"
