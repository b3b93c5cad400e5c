"""REST API v1: tokens bound to memberships and hosts, the permission layer, services."""

from __future__ import annotations

import re

import pytest
from django_tenants.utils import schema_context

from core.models import Partner
from kernel.audit.models import AuditEntry
from tenants.roles import Role
from tests.api.calls import api_client as _api
from tests.api.calls import api_token as _token
from tests.conftest import assert_same_queries_for_few_and_many, person_with_role
from tests.factories.partners import ContactPersonFactory, PartnerFactory


@pytest.fixture
def coordinator_token(jena):
    user = person_with_role(Role.LOCAL_COORDINATOR, jena)
    return _token(user.email)


def test_token_for_right_credentials_and_a_clear_error_otherwise(jena):
    user = person_with_role(Role.LOCAL_COORDINATOR, jena)
    assert _token(user.email)
    wrong = _api("jena.localhost").post(
        "/api/v1/auth/token/", {"email": user.email, "password": "falsch"},
        content_type="application/json", HTTP_ACCEPT_LANGUAGE="de",
    )  # fmt: skip
    assert wrong.status_code == 401
    body = wrong.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert body["status"] == 401
    missing = _api("jena.localhost").post(
        "/api/v1/auth/token/", {"email": "kein-name"}, content_type="application/json"
    )
    assert missing.status_code == 400
    assert set(missing.json()["errors"]) == {"email", "password"}


def test_a_token_works_on_its_alliance_and_nowhere_else(jena, badfrankenhausen, coordinator_token):
    with schema_context("badfrankenhausen"):
        PartnerFactory(name="Kurbetrieb Bad Frankenhausen")
    assert _api("jena.localhost", coordinator_token).get("/api/v1/partners/").status_code == 200
    other = _api("badfrankenhausen.localhost", coordinator_token).get("/api/v1/partners/")
    assert other.status_code == 404
    assert "Kurbetrieb" not in other.content.decode()
    assert _api("localhost", coordinator_token).get("/api/v1/partners/").status_code == 404


def test_revoked_token_no_longer_works(coordinator_token):
    client = _api("jena.localhost", coordinator_token)
    assert client.delete("/api/v1/auth/token/").status_code == 204
    assert client.get("/api/v1/partners/").status_code == 401


def test_anonymous_callers_get_401(jena):
    response = _api("jena.localhost").get("/api/v1/partners/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_partner_list_filters_orders_pages_and_costs_the_same_queries(jena, coordinator_token):
    client = _api("jena.localhost", coordinator_token)

    def add(start, count):
        def create():
            with schema_context("jena"):
                for i in range(start, start + count):
                    ContactPersonFactory(partner=PartnerFactory(name=f"Betrieb {i:03d}"))

        return create

    assert_same_queries_for_few_and_many(client, "/api/v1/partners/", add(0, 5), add(5, 195))
    page = client.get("/api/v1/partners/", {"ordering": "-name", "page_size": 10}).json()
    assert page["count"] == 200
    assert page["results"][0]["name"] == "Betrieb 199"
    assert client.get("/api/v1/partners/", {"q": "Betrieb 042"}).json()["count"] == 1


def test_create_goes_through_the_service_with_audit_and_validation(jena, coordinator_token):
    client = _api("jena.localhost", coordinator_token)
    created = client.post(
        "/api/v1/partners/", {"name": "Stadtwerke Jena", "kind": "company"},
        content_type="application/json",
    )  # fmt: skip
    assert created.status_code == 201, created.content
    duplicate = client.post(
        "/api/v1/partners/", {"name": "STADTWERKE JENA", "kind": "company"},
        content_type="application/json",
    )  # fmt: skip
    assert duplicate.status_code == 400
    assert duplicate.json()["errors"]
    bad = client.post(
        "/api/v1/partners/", {"name": "X", "kind": "raumschiff", "care_guides_count": -1},
        content_type="application/json",
    )  # fmt: skip
    assert bad.status_code == 400
    assert {"kind", "care_guides_count"} <= set(bad.json()["errors"])
    with schema_context("jena"):
        assert Partner.objects.filter(name__iexact="stadtwerke jena").count() == 1
        assert AuditEntry.objects.filter(action="core.partner.created").count() == 1


def test_roles_from_the_permission_layer(jena):
    with schema_context("jena"):
        own = PartnerFactory(name="Eigene Firma")
        other = PartnerFactory(name="Fremde Firma")
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    assert board.get("/api/v1/partners/").status_code == 200
    assert board.post("/api/v1/partners/", {"name": "N", "kind": "company"},
                      content_type="application/json").status_code == 404  # fmt: skip
    contact_user = person_with_role(Role.PARTNER_CONTACT, jena, partner_id=own.pk)
    contact = _api("jena.localhost", _token(contact_user.email))
    assert contact.get("/api/v1/partners/").status_code == 404
    assert contact.get(f"/api/v1/partners/{own.pk}/").status_code == 200
    assert contact.get(f"/api/v1/partners/{other.pk}/").status_code == 404
    changed = contact.patch(
        f"/api/v1/partners/{own.pk}/", {"city": "Jena-Lobeda"}, content_type="application/json"
    )
    assert changed.status_code == 200
    ministry = _api("jena.localhost", _token(person_with_role(Role.MINISTRY).email))
    assert ministry.get("/api/v1/partners/").status_code == 404


def test_public_endpoints_need_no_login_and_show_only_public_data(jena):
    with schema_context("jena"):
        PartnerFactory(name="Gern Genannt", public_listing_consent=True)
        ContactPersonFactory(
            partner=PartnerFactory(name="Lieber Nicht", public_listing_consent=False),
            last_name="Geheimhaltung",
        )
    body = _api("jena.localhost").get("/api/v1/public/partners/").content.decode()
    assert "Gern Genannt" in body
    assert "Lieber Nicht" not in body
    assert "Geheimhaltung" not in body
    assert _api("jena.localhost").get("/api/v1/public/holiday-offers/").status_code == 200
    alliances = _api("localhost").get("/api/v1/alliances/").json()
    assert {a["slug"] for a in alliances["results"]} >= {"jena", "badfrankenhausen"}


@pytest.mark.parametrize("host", ["localhost", "jena.localhost"])
def test_openapi_schema_and_docs_are_served_without_other_hosts(jena, host):
    schema = _api(host).get("/api/schema/", {"format": "json"})
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    expected = "/api/v1/alliances/" if host == "localhost" else "/api/v1/partners/"
    assert expected in paths
    docs = _api(host).get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert not re.search(r"(src|href)=\"https?://", html)


def test_working_groups_through_the_api(jena, coordinator_token):
    client = _api("jena.localhost", coordinator_token)
    with schema_context("jena"):
        members = [PartnerFactory(name=f"Mitglied {i}") for i in range(2)]
    created = client.post(
        "/api/v1/working-groups/",
        {"name": "AG Pflege", "topic": "care", "members": [m.pk for m in members]},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["member_count"] == 2
    duplicate = client.post(
        "/api/v1/working-groups/", {"name": "AG Pflege", "topic": "care"},
        content_type="application/json",
    )  # fmt: skip
    assert duplicate.status_code == 400
    with schema_context("jena"):
        assert AuditEntry.objects.filter(action="core.workinggroup.created").count() == 1
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    assert board.get("/api/v1/working-groups/").status_code == 404


@pytest.mark.slow
@pytest.mark.parametrize(
    ("host", "path"),
    [
        ("jena.localhost", "/api/v1/public/partners/"),
        ("jena.localhost", "/api/v1/public/holiday-offers/"),
        ("jena.localhost", "/api/v1/working-groups/"),
    ],
)
def test_public_and_group_lists_cost_the_same_queries_for_5_and_200_rows(
    jena, coordinator_token, host, path
):
    import datetime

    from core.models import HolidayOffer, WorkingGroup

    client = _api(host, coordinator_token)

    def add(start, count):
        def create():
            with schema_context("jena"):
                for i in range(start, start + count):
                    partner = PartnerFactory(
                        name=f"Öffentlich {i:03d}", public_listing_consent=True
                    )
                    HolidayOffer.objects.create(
                        title=f"Angebot {i}",
                        organiser="Verein",
                        start_date=datetime.date(2099, 7, 1),
                        end_date=datetime.date(2099, 7, 5),
                    )
                    WorkingGroup.objects.create(name=f"AG {i:03d}", topic="care").members.add(
                        partner
                    )

        return create

    assert_same_queries_for_few_and_many(client, path, add(0, 5), add(5, 195))


def test_field_descriptions_come_in_german_and_english(jena):
    def description(lang):
        schema = _api("jena.localhost").get("/api/schema/", {"format": "json", "lang": lang})
        return schema.json()["components"]["schemas"]["WorkingGroup"]["properties"]["chair"][
            "description"
        ]

    assert description("de") == "Wer die Arbeitsgruppe leitet."
    assert description("en") == "Who chairs the working group."


def test_decisions_through_the_api_admit_like_the_boards_form(jena):
    import datetime

    from django.utils import timezone

    from core.models import Application, BoardMeeting, BoardMember

    with schema_context("jena"):
        meeting = BoardMeeting.objects.create(title="Kuratorium", date=timezone.localdate())
        BoardMember.objects.bulk_create(
            BoardMember(full_name=f"Mitglied {n}", term_start=datetime.date(2025, 1, 1))
            for n in range(9)
        )
        application = Application.objects.create(
            organisation_name="Bäckerei Korn", kind="company", contact_name="Anna Korn",
            contact_email="anna@korn.example", statement="Gleitzeit",
            received_on=datetime.date(2026, 1, 5),
        )  # fmt: skip
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    payload = {"application": application.pk, "meeting": meeting.pk, "outcome": "admit",
               "votes_yes": 6, "votes_no": 1, "votes_abstain": 1}  # fmt: skip
    created = board.post("/api/v1/decisions/", payload, content_type="application/json")
    assert created.status_code == 201, created.content
    with schema_context("jena"):
        assert Partner.objects.get(name="Bäckerei Korn").status == "active"
    again = board.post("/api/v1/decisions/", payload, content_type="application/json")
    assert again.status_code == 400
    assert board.get("/api/v1/decisions/").json()["count"] == 1
    contact = _api("jena.localhost", _token(person_with_role(Role.PARTNER_CONTACT, jena).email))
    assert contact.get("/api/v1/decisions/").status_code == 404
    assert (
        contact.post("/api/v1/decisions/", payload, content_type="application/json").status_code
        == 404
    )


def test_invitations_and_replies_for_the_organiser_only(jena):
    import datetime

    from regional.models import Invitation, RegionalMeeting

    meeting = RegionalMeeting.objects.create(
        title="Regionaltreffen Ost", date=datetime.date(2099, 5, 4),
        start_time=datetime.time(10), end_time=datetime.time(14), place="Gera",
    )  # fmt: skip
    Invitation.objects.create(
        meeting=meeting, alliance=jena, name="Koordination Jena", email="k@jena.example",
        response="attending",
    )  # fmt: skip
    organiser = _api(
        "localhost", _token(person_with_role(Role.STATE_COORDINATOR).email, host="localhost")
    )
    listing = organiser.get("/api/v1/invitations/", {"meeting": meeting.pk}).json()
    assert listing["count"] == 1
    row = listing["results"][0]
    assert row["response"] == "attending"
    assert row["alliance_name"] == jena.name
    assert "token" not in row
    ministry = _api("localhost", _token(person_with_role(Role.MINISTRY).email, host="localhost"))
    assert ministry.get("/api/v1/invitations/").status_code == 404
    assert _api("localhost").get("/api/v1/invitations/").status_code == 401


def test_decision_invitation_and_alliance_lists_cost_the_same_queries_for_5_and_200_rows(jena):
    import datetime

    from core.models import Application, BoardMeeting, Decision
    from regional.models import Invitation, RegionalMeeting
    from tenants.models import Alliance, Domain

    coordinator = _api(
        "jena.localhost", _token(person_with_role(Role.LOCAL_COORDINATOR, jena).email)
    )
    state = _api(
        "localhost", _token(person_with_role(Role.STATE_COORDINATOR).email, host="localhost")
    )
    meeting = RegionalMeeting.objects.create(
        title="Treffen", date=datetime.date(2099, 1, 1), start_time=datetime.time(9),
        end_time=datetime.time(12), place="Erfurt",
    )  # fmt: skip

    def decisions(start, count):
        def create():
            with schema_context("jena"):
                board = BoardMeeting.objects.create(title="K", date=datetime.date(2026, 1, 1))
                for i in range(start, start + count):
                    application = Application.objects.create(
                        organisation_name=f"Org {i}", kind="company", contact_name="A B",
                        contact_email="a@b.example", statement="x", status="rejected",
                        received_on=datetime.date(2026, 1, 1),
                    )  # fmt: skip
                    Decision.objects.create(
                        application=application, meeting=board, outcome="reject",
                        votes_yes=0, votes_no=5,
                    )  # fmt: skip

        return create

    def invitations(start, count):
        def create():
            Invitation.objects.bulk_create(
                Invitation(meeting=meeting, alliance=jena, name=f"P {i}", email=f"p{i}@x.example")
                for i in range(start, start + count)
            )

        return create

    def alliances(start, count):
        def create():
            # Rows only: the list reads no alliance schema, so none is made.
            made = Alliance.objects.bulk_create(
                Alliance(name=f"Bündnis {i:03d}", slug=f"listtest{i:03d}",
                         schema_name=f"listtest{i:03d}", district="16052")
                for i in range(start, start + count)
            )  # fmt: skip
            Domain.objects.bulk_create(
                Domain(domain=f"{a.slug}.localhost", tenant=a, is_primary=True) for a in made
            )

        return create

    assert_same_queries_for_few_and_many(
        coordinator, "/api/v1/decisions/", decisions(0, 5), decisions(5, 195)
    )
    assert_same_queries_for_few_and_many(
        state, "/api/v1/invitations/", invitations(0, 5), invitations(5, 195)
    )
    assert_same_queries_for_few_and_many(
        state, "/api/v1/alliances/", alliances(0, 5), alliances(5, 195)
    )
