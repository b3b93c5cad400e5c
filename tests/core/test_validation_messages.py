"""The validations the workspace issue names, as a coordinator sees them: a clear German
message on the form, status 400, and nothing saved."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from core.models import (
    Application,
    BoardMeeting,
    BoardMember,
    Decision,
    Partner,
    Project,
    SealApplication,
    SealCheck,
    SealCriterion,
)
from kernel.audit.models import AuditEntry
from tenants.roles import Role
from tenants.services.memberships import membership_create
from tests.conftest import host_client
from tests.factories.partners import partner_form
from tests.factories.tenants import UserFactory
from tests.pages import submit


@pytest.fixture
def german_coordinator(jena):
    user = UserFactory()
    membership_create(actor=None, user=user, role=Role.LOCAL_COORDINATOR, alliance=jena)
    client = host_client("jena.localhost")  # no language cookie: German, as for everyone
    client.force_login(user)
    return client


def _audit_count() -> int:
    with schema_context("jena"):
        return AuditEntry.objects.count()


def _assert_refused(response, message: str) -> None:
    assert response.status_code == 400
    assert response["Content-Language"] == "de"
    assert message in response.content.decode()


def test_project_ending_before_it_starts(german_coordinator):
    before = _audit_count()
    response = german_coordinator.post(
        "/workspace/projects/new/",
        {"title": "Kinderbetreuungspool", "topic": "childcare", "status": "planned",
         "start_date": "2026-05-01", "end_date": "2026-04-01", "families_reached": 0,
         "funding_amount": "0"},
    )  # fmt: skip
    _assert_refused(response, "Das Ende darf nicht vor dem Beginn liegen.")
    with schema_context("jena"):
        assert not Project.objects.filter(title="Kinderbetreuungspool").exists()
    assert _audit_count() == before


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/workspace/projects/new/", {"title": "Pool", "topic": "childcare", "status": "planned",
                                       "families_reached": -3, "funding_amount": "0"}),
    ],
)  # fmt: skip
def test_negative_counts(german_coordinator, path, data):
    before = _audit_count()
    response = german_coordinator.post(path, data)
    _assert_refused(response, "größer oder gleich 0")
    assert _audit_count() == before


def test_duplicate_partner_name_within_the_alliance(german_coordinator, badfrankenhausen):
    with schema_context("jena"):
        Partner.objects.create(name="Stadtwerke Jena", kind="company")
    with schema_context("badfrankenhausen"):
        # The same name in another alliance is no conflict: alliances are separate.
        Partner.objects.create(name="Kurbetrieb", kind="company")
    response = german_coordinator.post("/workspace/partners/new/", partner_form("STADTWERKE JENA"))
    _assert_refused(response, "Ein Partner mit diesem Namen existiert bereits.")
    submit(german_coordinator, "/workspace/partners/new/", partner_form("Kurbetrieb"))
    with schema_context("jena"):
        assert Partner.objects.filter(name__iexact="stadtwerke jena").count() == 1


def test_seal_valid_until_before_its_award_date(german_coordinator):
    with schema_context("jena"):
        partner = Partner.objects.create(name="Familienfreundlich GmbH", kind="company")
        criterion = SealCriterion.objects.create(text="Flexible Arbeitszeiten", position=1)
        seal = SealApplication.objects.create(
            partner=partner, submitted_on=datetime.date(2026, 1, 5), status="in_review"
        )
        SealCheck.objects.create(application=seal, criterion=criterion, fulfilled=True)
    before = _audit_count()
    response = german_coordinator.post(
        f"/workspace/seal/{seal.pk}/award/",
        {"awarded_on": "2026-03-01", "valid_until": "2026-02-01"},
    )
    _assert_refused(response, "Das Siegel muss über das Verleihungsdatum hinaus gültig sein.")
    with schema_context("jena"):
        seal.refresh_from_db()
        assert seal.awarded_on is None
    assert _audit_count() == before


def test_board_decision_on_an_application_that_is_not_pending(german_coordinator):
    with schema_context("jena"):
        meeting = BoardMeeting.objects.create(title="Kuratorium Q3", date=timezone.localdate())
        application = Application.objects.create(
            organisation_name="Bäckerei Korn", kind="company", contact_name="Anna Korn",
            contact_email="anna@korn.example", statement="Gleitzeit", status="rejected",
            received_on=datetime.date(2026, 1, 1),
        )  # fmt: skip
    before = _audit_count()
    response = german_coordinator.post(
        f"/workspace/applications/{application.pk}/decide/",
        {"meeting": meeting.pk, "outcome": "admit", "votes_yes": 6, "votes_no": 1,
         "votes_abstain": 1, "members_present": 8},
    )  # fmt: skip
    _assert_refused(response, "Dieser Antrag ist nicht mehr offen")
    with schema_context("jena"):
        assert not Decision.objects.exists()
        assert not Partner.objects.filter(name="Bäckerei Korn").exists()
    assert _audit_count() == before


def test_board_term_ending_before_it_begins(german_coordinator):
    response = german_coordinator.post(
        "/workspace/board/members/new/",
        {"full_name": "Dr. Eva Kurator", "position": "member", "term_start": "2026-06-01",
         "term_end": "2026-01-01"},
    )  # fmt: skip
    _assert_refused(response, "Die Amtszeit kann nicht enden, bevor sie beginnt.")
    with schema_context("jena"):
        assert not BoardMember.objects.exists()
