"""Participatory workshops of an alliance (kernel.workshops, core): registration with
places and waiting list, spam checks, the cancel link, seats, results as tasks, the
attendance list, and who may see and do what."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tenants.utils import schema_context
from pypdf import PdfReader

from core.models import WorkingGroupTask, Workshop, WorkshopAssignment, WorkshopRegistration
from core.services import workshops as services
from kernel.mail.models import OutboxEmail
from kernel.workshops.rules import balanced_assignment, cancel_token, form_started_token
from tenants.roles import Role
from tests.conftest import host_client, logged_in_client, pdf_text, person_with_role
from tests.factories.projects import EventFactory, WorkingGroupFactory


def _workshop(capacity=2, **fields) -> Workshop:
    event = EventFactory(
        title="Offener Raum Familie", date=timezone.localdate() + datetime.timedelta(days=14)
    )
    return services.workshop_create(actor=None, event=event, capacity=capacity, rounds=2, **fields)


def _register(workshop, name, **kwargs):
    email = kwargs.pop("email", f"{name.lower()}@example.org")
    return services.registration_create(workshop=workshop, name=name, email=email, **kwargs)


@pytest.fixture
def workshop(jena):
    with schema_context("jena"):
        yield _workshop()


def test_places_fill_then_waiting_list_moves_up_on_cancel(workshop):
    with schema_context("jena"):
        anna, ben, clara = (_register(workshop, n) for n in ("Anna", "Ben", "Clara"))
        assert [anna.status, ben.status, clara.status] == ["confirmed", "confirmed", "waiting"]
        mails = OutboxEmail.objects.filter(to__contains=["clara@example.org"])
        assert "Warteliste" in mails.get().subject
        services.WRITES.cancel(registration=ben)
        clara.refresh_from_db()
        assert clara.status == "confirmed"
        assert mails.count() == 2  # "you have a place"
        # Cancelling twice changes nothing.
        services.WRITES.cancel(registration=ben)
        assert WorkshopRegistration.objects.filter(status="confirmed").count() == 2


def test_full_workshop_without_waiting_list_refuses_with_german_message(jena):
    with schema_context("jena"):
        workshop = _workshop(capacity=1, waiting_list=False)
        _register(workshop, "Anna")
        with pytest.raises(ValidationError) as error:
            _register(workshop, "Ben")
        assert "ausgebucht" in " ".join(error.value.messages)
        with pytest.raises(ValidationError):
            _register(workshop, "Anna2", email="anna@example.org")
        assert WorkshopRegistration.objects.count() == 1


def _form(**overrides):
    return {
        "name": "Dora Beispiel",
        "email": "dora@example.org",
        "organisation": "Stadtwerke",
        "privacy": "on",
        "website": "",
        "started": form_started_token(timezone.now() - datetime.timedelta(seconds=30)),
        **overrides,
    }


def test_public_form_registers_and_queues_confirmation_with_cancel_link(workshop):
    client = host_client("jena.localhost")
    url = f"/workshops/{workshop.pk}/register/"
    assert client.get(url).status_code == 200
    response = client.post(url, _form())
    assert response.status_code == 200, response.content[:2000]
    with schema_context("jena"):
        registration = WorkshopRegistration.objects.get(email="dora@example.org")
        mail = OutboxEmail.objects.get(to__contains=["dora@example.org"])
    assert "bestätigt" in mail.subject
    link = f"/workshops/cancel/{cancel_token(registration)}/"
    assert link in mail.body
    assert "Stornieren" in client.get(link).content.decode() or client.get(link).status_code == 200
    assert client.post(link).status_code == 200
    with schema_context("jena"):
        registration.refresh_from_db()
        assert registration.status == "cancelled"
    forged = client.get("/workshops/cancel/forged-token/")
    assert forged.status_code == 404
    assert "nicht gültig" in forged.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website": "http://spam.example"}, "konnte nicht angenommen werden"),
        ({"started": "now"}, "sehr schnell"),
        ({"started": "forged"}, "abgelaufen"),
    ],
)
def test_public_form_refuses_robots_with_german_message(workshop, overrides, message):
    if overrides.get("started") == "now":
        overrides = {"started": form_started_token()}
    with schema_context("jena"):
        # Other tests of this process may have left mail in the session's alliance.
        mails_before = OutboxEmail.objects.count()
    response = host_client("jena.localhost").post(
        f"/workshops/{workshop.pk}/register/", _form(**overrides)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    with schema_context("jena"):
        assert not WorkshopRegistration.objects.exists()
        assert OutboxEmail.objects.count() == mails_before


def test_private_or_past_event_has_no_public_form(jena):
    with schema_context("jena"):
        workshop = _workshop()
        workshop.event.is_public = False
        workshop.event.save()
    assert (
        host_client("jena.localhost").get(f"/workshops/{workshop.pk}/register/").status_code == 404
    )


def test_balanced_assignment_follows_wishes_and_balances():
    plan = balanced_assignment({1: [10], 2: [10], 3: [10], 4: []}, [10, 20], rounds=2)
    first = [plan[(p, 1)] for p in (1, 2, 3, 4)]
    assert first.count(10) == 2
    assert first.count(20) == 2
    # Nobody sits at the same topic twice.
    assert all(plan[(p, 1)] != plan[(p, 2)] for p in (1, 2, 3, 4))


def test_assign_by_wishes_and_by_hand(workshop, coordinator):
    with schema_context("jena"):
        a = services.topic_create(actor=coordinator, workshop=workshop, title="Pflege")
        b = services.topic_create(actor=coordinator, workshop=workshop, title="Kita")
        anna = _register(workshop, "Anna", wishes=[a])
        _register(workshop, "Ben", wishes=[a])
        assert services.seats_by_wishes(actor=coordinator, workshop=workshop) == 4
        rounds = WorkshopAssignment.objects.filter(round=1)
        assert {s.topic_id for s in rounds} == {a.pk, b.pk}
        services.WRITES.assign(actor=coordinator, registration=anna, round=2, topic=a)
        assert WorkshopAssignment.objects.get(registration=anna, round=2).topic == a
        with pytest.raises(ValidationError):
            services.WRITES.assign(actor=coordinator, registration=anna, round=3, topic=a)


def test_result_becomes_working_group_task(workshop, coordinator):
    client = logged_in_client(coordinator)
    with schema_context("jena"):
        group = WorkingGroupFactory(name="AG Pflege")
        topic = services.topic_create(actor=coordinator, workshop=workshop, title="Pflege")
    url = f"/workspace/workshops/{workshop.pk}/topics/{topic.pk}/task/"
    refused = client.post(url, {"working_group": group.pk})
    assert refused.status_code == 400
    assert "noch kein Ergebnis" in refused.content.decode()
    with schema_context("jena"):
        services.WRITES.topic_update(actor=coordinator, topic=topic, result="Pflegelotsen schulen")
    response = client.post(url, {"working_group": group.pk, "title": "Schulung", "due": ""})
    assert response.status_code == 302
    with schema_context("jena"):
        task = WorkingGroupTask.objects.get()
        assert (task.working_group, task.origin_topic, task.description) == (
            group,
            topic,
            "Pflegelotsen schulen",
        )


def test_attendance_list_page_and_pdf(workshop, coordinator):
    with schema_context("jena"):
        _register(workshop, "Anna", organisation="Jenoptik")
    client = logged_in_client(coordinator)
    page = client.get(f"/workspace/workshops/{workshop.pk}/attendance/")
    assert "Jenoptik" in page.content.decode()
    assert "Unterschrift" in page.content.decode()
    pdf = client.get(f"/workspace/workshops/{workshop.pk}/attendance.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert b"Jenoptik" in pdf_text(pdf.content)
    # Under the alliance's letterhead, numbered of the total.
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Lokales Bündnis für Familie Jena" in text
    assert "Seite 1 von 1" in text


def test_board_member_sees_but_does_not_manage(workshop, jena):
    board = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena))
    assert board.get(f"/workspace/workshops/{workshop.pk}/").status_code == 200
    assert board.get(f"/workspace/workshops/{workshop.pk}/assign/").status_code == 404
    partner = logged_in_client(person_with_role(Role.PARTNER_CONTACT, jena))
    assert partner.get(f"/workspace/workshops/{workshop.pk}/").status_code == 404


def test_another_alliance_never_sees_the_workshop(workshop, badfrankenhausen):
    other = logged_in_client(
        person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen), "badfrankenhausen.localhost"
    )
    assert other.get(f"/workspace/workshops/{workshop.pk}/").status_code == 404
    public = host_client("badfrankenhausen.localhost")
    assert public.get(f"/workshops/{workshop.pk}/register/").status_code == 404


def test_registrants_are_in_gdpr_search_export_and_erasure(workshop, coordinator_client):
    with schema_context("jena"):
        anna = _register(workshop, "Helga Teststein", email="helga@example.org")
        _register(workshop, "Ben")
    found = coordinator_client.get("/workspace/personal-data/", {"q": "teststein"})
    assert [r.kind for r in found.context["records"]] == ["workshop_registration"]
    export = coordinator_client.post("/workspace/personal-data/export/", {"q": "Teststein"})
    assert "helga@example.org" in export.content.decode()
    url = f"/workspace/personal-data/workshop_registration/{anna.pk}/anonymise/"
    assert coordinator_client.post(url, {"q": "Teststein"}).status_code == 302
    with schema_context("jena"):
        anna.refresh_from_db()
        assert (anna.name, anna.status) == ("Anonymisiert", "cancelled")
        assert "helga" not in anna.email
        assert anna.anonymised_at is not None


def test_retention_deletes_registrations_a_year_after_the_workshop(jena):
    from core.services.personal_data import apply_retention

    with schema_context("jena"):
        workshop = _workshop()
        _register(workshop, "Anna")
        today = workshop.date + datetime.timedelta(days=370)
        assert (
            apply_retention(today=workshop.date + datetime.timedelta(days=300))[
                "workshop_registrations"
            ]
            == 0
        )
        assert apply_retention(today=today)["workshop_registrations"] == 1
        assert not WorkshopRegistration.objects.exists()
        assert apply_retention(today=today)["workshop_registrations"] == 0


def test_more_places_move_the_waiting_list_up(workshop):
    with schema_context("jena"):
        for name in ("Anna", "Ben", "Clara"):
            _register(workshop, name)
        with pytest.raises(ValidationError):
            services.WRITES.workshop_update(actor=None, workshop=workshop, capacity=1)
        services.WRITES.workshop_update(actor=None, workshop=workshop, capacity=3)
        assert not WorkshopRegistration.objects.filter(status="waiting").exists()


def test_cancel_link_of_one_alliance_cancels_nothing_in_another(workshop, badfrankenhausen):
    with schema_context("jena"):
        token = cancel_token(_register(workshop, "Anna"))
    with schema_context("badfrankenhausen"):
        other = _workshop()
        _register(other, "Berta")
    response = host_client("badfrankenhausen.localhost").post(f"/workshops/cancel/{token}/")
    assert response.status_code == 404
    with schema_context("badfrankenhausen"):
        assert not WorkshopRegistration.objects.filter(status="cancelled").exists()
