"""The federal office's demo content (``demo.federal``): its login, two programmes with
every state's demo alliances, milestones, a shared document, a published award."""

from __future__ import annotations

import pytest

from demo.alliances import DEMO_PASSWORD
from demo.federal import FEDERAL_LOGIN, PROGRAMMES
from federal.models import Award, Programme
from tenants.models import Alliance, User
from tests.conftest import host_client


@pytest.mark.slow
def test_the_federal_office_logs_in_and_finds_its_programmes_and_award(prepared_demo):
    email, _name = FEDERAL_LOGIN
    assert f"login {email}: created" in prepared_demo.seed_output
    assert "federal programmes and award: 2 programmes created" in prepared_demo.seed_output
    user = User.objects.get(email=email)
    assert [m.role for m in user.memberships.all()] == ["federal_office"]
    client = host_client("localhost")
    answer = client.post("/accounts/login/", {"username": email, "password": DEMO_PASSWORD})
    assert answer.status_code == 302
    assert client.get("/bund/").status_code == 200

    programmes = {p.name: p for p in Programme.objects.all()}
    assert set(programmes) == {data["name"] for data in PROGRAMMES}
    first = programmes[PROGRAMMES[0]["name"]]
    # Every state's active demo alliances take part in the first programme.
    demo_alliances = Alliance.everywhere.filter(is_demo=True, status="active").count()
    assert first.participations.count() == demo_alliances
    assert first.milestones.filter(done_on__isnull=False).exists()
    assert first.documents.get().versions.count() == 1
    assert Award.objects.filter(published=True).count() == 1
    page = client.get(f"/bund/programmes/{first.pk}/").content.decode()
    assert "Lokales Bündnis für Familie Jena" in page
