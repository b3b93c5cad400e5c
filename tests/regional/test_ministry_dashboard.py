"""The ministry's dashboard: aggregated figures, small numbers suppressed as in the
reports, no figures of single alliances."""

from __future__ import annotations

import datetime

import pytest

from regional.models import AllianceSnapshot, RunStatus, StatisticsRun
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role


@pytest.fixture
def snapshots(jena, badfrankenhausen):
    day = datetime.date(2026, 6, 30)
    run = StatisticsRun.objects.create(taken_on=day, status=RunStatus.DONE)
    common = {"taken_on": day, "run": run, "year": 2026}
    AllianceSnapshot.objects.create(
        alliance=jena, partners_total=71, companies=53, partners_with_care_guides=14,
        care_guides_total=20, valid_seals=9, families_reached=350, **common,
    )  # fmt: skip
    AllianceSnapshot.objects.create(
        alliance=badfrankenhausen, partners_total=2, companies=1, partners_with_care_guides=1,
        care_guides_total=1, valid_seals=0, families_reached=40, **common,
    )  # fmt: skip
    return day


def _ministry_client():
    return logged_in_client(person_with_role(Role.MINISTRY), host="localhost")


def test_a_district_with_two_partners_shows_less_than_three(snapshots):
    response = _ministry_client().get("/dashboard/")
    assert response.status_code == 200
    body = response.content.decode()
    tables = response.context["tables"]
    kyffhaeuser = next(d for d in tables.districts if d.code == "16065")
    assert kyffhaeuser.row("partners_total").value_text == "<3"
    assert "&lt;3" in body
    jena_row = next(d for d in tables.districts if d.code == "16053")
    # Secondary suppression: Jena's count would give Kyffhäuser's away from the total.
    assert jena_row.row("partners_total").value_text in {"x", "71"}
    assert tables.total("partners_total").value_text == "73"


def test_the_ministry_sees_no_single_alliance(snapshots):
    body = _ministry_client().get("/dashboard/").content.decode()
    assert "chart-alliances" not in body
    assert "/dashboard/alliances/" not in body
    assert "Lokales Bündnis für Familie Bad Frankenhausen" not in body


def test_the_state_coordinator_still_sees_everything(snapshots):
    client = logged_in_client(person_with_role(Role.STATE_COORDINATOR), host="localhost")
    body = client.get("/dashboard/").content.decode()
    assert "chart-alliances" in body
    assert "/dashboard/alliances/" in body
