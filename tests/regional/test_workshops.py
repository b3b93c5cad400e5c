"""The state's workshops at regional meetings (the strategy meeting's world café): the
same kernel base as the alliances' workshops, run by the coordination office, with the
invitees registering through their invitation's link."""

from __future__ import annotations

import datetime

from django.utils import timezone

from kernel.mail.models import OutboxEmail
from kernel.workshops.rules import cancel_token, form_started_token
from regional.models import RegionalRegistration, RegionalWorkshop
from regional.services import workshops as services
from regional.tasks.workshops import purge_workshop_registrations
from tenants.roles import Role
from tests.conftest import host_client, logged_in_client, pdf_text, person_with_role
from tests.factories.regional import InvitationFactory, RegionalMeetingFactory


def _form(**values):
    started = form_started_token(timezone.now() - datetime.timedelta(seconds=20))
    return {"privacy": "on", "website": "", "started": started, **values}


def test_coordination_office_runs_a_world_cafe_and_invitees_register(state_client, jena):
    meeting = RegionalMeetingFactory(title="Strategietreffen 2027")
    response = state_client.post(
        "/meetings/workshops/new/",
        {"meeting": meeting.pk, "format": "world_cafe", "capacity": 1, "rounds": 3,
         "registration_open": "on", "waiting_list": "on"},
    )  # fmt: skip
    assert response.status_code == 302, response.content[:3000]
    workshop = RegionalWorkshop.objects.get(meeting=meeting)
    table = services.table_create(actor=None, workshop=workshop, title="Familienzeit")
    invitation = InvitationFactory(meeting=meeting, alliance=jena, name="Ina Jena")
    client = host_client("localhost")
    url = f"/meetings/workshop/{invitation.token}/"
    assert "Ina Jena" in client.get(url).content.decode()
    posted = client.post(url, _form(name="Ina Jena", email=invitation.email, wishes=[table.pk]))
    assert posted.status_code == 200, posted.content[:3000]
    ina = RegionalRegistration.objects.get(email=invitation.email)
    assert (ina.alliance, ina.status) == (jena, "confirmed")
    second = client.post(url, _form(name="Zweite Person", email="zweite@example.org"))
    assert second.status_code == 200
    assert RegionalRegistration.objects.get(email="zweite@example.org").status == "waiting"
    mail = OutboxEmail.objects.get(to__contains=[invitation.email])
    cancel = f"/meetings/workshops/cancel/{cancel_token(ina)}/"
    assert cancel in mail.body
    assert client.post(cancel).status_code == 200
    assert RegionalRegistration.objects.get(email="zweite@example.org").status == "confirmed"
    assert state_client.post(f"/meetings/workshops/{workshop.pk}/assign/").status_code == 302
    pdf = state_client.get(f"/meetings/workshops/{workshop.pk}/attendance.pdf")
    assert b"Zweite Person" in pdf_text(pdf.content)
    # A link that is not an invitation's leads nowhere.
    assert client.get("/meetings/workshop/not-a-token/").status_code == 404


def test_only_the_state_coordinator_manages_regional_workshops(jena):
    meeting = RegionalMeetingFactory()
    workshop = services.workshop_create(actor=None, meeting=meeting, capacity=10)
    for role, alliance in ((Role.MINISTRY, None), (Role.LOCAL_COORDINATOR, jena)):
        client = logged_in_client(person_with_role(role, alliance), "localhost")
        assert client.get(f"/meetings/workshops/{workshop.pk}/").status_code == 404


def test_retention_deletes_old_regional_registrations(db):
    meeting = RegionalMeetingFactory(date=timezone.localdate() - datetime.timedelta(days=400))
    workshop = RegionalWorkshop.objects.create(meeting=meeting, capacity=5)
    RegionalRegistration.objects.create(workshop=workshop, name="Alt", email="alt@example.org")
    assert purge_workshop_registrations() == 1
    assert purge_workshop_registrations() == 0
