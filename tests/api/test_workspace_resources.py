"""REST API v1: the workspace resources of an alliance (contacts to seals)."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from core.models import (
    Application,
    ApplicationStatus,
    ContactPerson,
    Event,
    FundingEntry,
    HolidayOffer,
    Project,
)
from kernel.audit.models import AuditEntry
from tenants.roles import Role
from tests.api.calls import JSON, create_then_change
from tests.api.calls import api_client as _api
from tests.api.calls import api_token as _token
from tests.conftest import assert_same_queries_for_few_and_many, person_with_role
from tests.factories.admissions import ApplicationFactory, DecisionFactory
from tests.factories.board import AgendaItemFactory, BoardMeetingFactory
from tests.factories.holidays import HolidayOfferFactory
from tests.factories.partners import ContactPersonFactory, PartnerFactory
from tests.factories.projects import EventFactory, FundingEntryFactory, ProjectFactory
from tests.factories.seal import SealApplicationFactory, SealCheckFactory
from tests.pages import assert_list_scales


@pytest.fixture
def coordinator(jena):
    return _api("jena.localhost", _token(person_with_role(Role.LOCAL_COORDINATOR, jena).email))


@pytest.fixture
def stranger(jena, badfrankenhausen):
    """The coordinator of another alliance, calling this alliance's host with its own token."""
    user = person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen)
    return _api("jena.localhost", _token(user.email, host="badfrankenhausen.localhost"))


@pytest.fixture
def partner(jena):
    """A partner of Jena."""
    with schema_context("jena"):
        return PartnerFactory()


def _assert_error_shape(response, *fields):
    assert response.status_code == 400, response.content
    body = response.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert body["status"] == 400
    assert set(fields) <= set(body["errors"]), body


def _creating(factory, **kwargs):
    """A seed that calls ``factory`` (or any function making records) ``count`` times in
    Jena's schema."""

    def create(count):
        with schema_context("jena"):
            for _ in range(count):
                factory(**kwargs)

    return create


def _assert_scales(client, path: str, five, many) -> None:
    """``path`` costs as many queries after the seed ``many`` added 195 records as after
    the seed ``five`` added 5."""
    assert_same_queries_for_few_and_many(client, path, lambda: five(5), lambda: many(195))


RESOURCES = [
    "contacts", "projects", "events", "funding-entries", "holiday-offers", "applications",
    "board-meetings", "seals",
]  # fmt: skip


@pytest.mark.parametrize("resource", RESOURCES)
def test_anonymous_401_and_other_alliance_404(jena, stranger, resource):
    anonymous = _api("jena.localhost").get(f"/api/v1/{resource}/")
    assert anonymous.status_code == 401
    assert set(anonymous.json()) == {"status", "code", "detail", "errors"}
    assert stranger.get(f"/api/v1/{resource}/").status_code == 404
    assert stranger.post(f"/api/v1/{resource}/", {}, content_type=JSON).status_code == 404


@pytest.mark.parametrize("resource", RESOURCES)
def test_ministry_and_partner_contact_get_404(jena, resource, partner):
    contact_user = person_with_role(Role.PARTNER_CONTACT, jena, partner_id=partner.pk)
    for user in (contact_user, person_with_role(Role.MINISTRY)):
        assert _api("jena.localhost", _token(user.email)).get(
            f"/api/v1/{resource}/"
        ).status_code == 404  # fmt: skip


# ---------------------------------------------------------------- contacts


def test_contacts_list_filter_by_partner_and_constant_queries(jena, coordinator):
    with schema_context("jena"):
        partner = PartnerFactory(name="Stadtwerke Jena")
        ContactPersonFactory(partner=partner, last_name="Zeiss")
    assert_list_scales(coordinator, "/api/v1/contacts/", _creating(ContactPersonFactory), then=195)
    assert coordinator.get("/api/v1/contacts/").json()["count"] == 201
    own = coordinator.get("/api/v1/contacts/", {"partner": partner.pk}).json()
    assert own["count"] == 1
    assert own["results"][0]["last_name"] == "Zeiss"
    assert own["results"][0]["partner_name"] == "Stadtwerke Jena"


def test_board_reads_contacts_but_cannot_change_them(jena, partner):
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    assert board.get("/api/v1/contacts/").status_code == 200
    created = board.post(
        "/api/v1/contacts/",
        {"partner": partner.pk, "first_name": "A", "last_name": "B"},
        content_type=JSON,
    )
    assert created.status_code == 404


def test_contact_create_update_delete_through_the_services(jena, coordinator, partner):
    created, changed = create_then_change(
        coordinator,
        "/api/v1/contacts/",
        {"partner": partner.pk, "first_name": "Erika", "last_name": "Muster"},
        {"position": "Personal"},
    )
    pk = created.json()["id"]
    assert changed.json()["position"] == "Personal"
    _assert_error_shape(
        coordinator.post(
            "/api/v1/contacts/", {"partner": partner.pk, "email": "kein-name"}, content_type=JSON
        ),
        "first_name",
        "last_name",
        "email",
    )
    assert coordinator.delete(f"/api/v1/contacts/{pk}/").status_code == 204
    with schema_context("jena"):
        assert not ContactPerson.objects.filter(pk=pk).exists()
        actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"core.contactperson.created", "core.contactperson.updated"} <= actions


# ---------------------------------------------------------------- projects


@pytest.mark.slow
def test_projects_list_filters_and_constant_queries(jena, coordinator):
    with schema_context("jena"):
        lead = PartnerFactory(name="Klinikum")

    def led_project_with_event():
        EventFactory(project=ProjectFactory(lead_partner=lead, partners=[PartnerFactory()]))

    def other_project():
        ProjectFactory(lead_partner=PartnerFactory(), partners=[PartnerFactory()])

    _assert_scales(
        coordinator,
        "/api/v1/projects/",
        _creating(led_project_with_event),
        _creating(other_project),
    )
    led = coordinator.get("/api/v1/projects/", {"partner": lead.pk}).json()
    assert led["count"] == 5
    assert led["results"][0]["event_count"] == 1
    assert coordinator.get("/api/v1/projects/", {"status": "finished"}).json()["count"] == 0


def test_project_create_and_update_through_the_service(jena, coordinator, partner):
    created, _ = create_then_change(
        coordinator,
        "/api/v1/projects/",
        {"title": "Kita-Pool", "topic": "childcare", "partners": [partner.pk],
         "target_groups": ["families"]},
        {"status": "finished"},
    )  # fmt: skip
    pk = created.json()["id"]
    assert created.json()["partners"] == [partner.pk]
    _assert_error_shape(
        coordinator.post(
            "/api/v1/projects/",
            {"title": "X", "topic": "childcare", "target_groups": ["aliens"]},
            content_type=JSON,
        ),
        "target_groups",
    )
    _assert_error_shape(
        coordinator.post("/api/v1/projects/", {"topic": "mond"}, content_type=JSON),
        "title",
        "topic",
    )
    with schema_context("jena"):
        assert Project.objects.get(pk=pk).status == "finished"
        assert Project.objects.count() == 1
        actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"core.project.created", "core.project.updated"} <= actions


def test_state_coordinator_reads_projects_but_board_does_not(jena):
    state = _api("jena.localhost", _token(person_with_role(Role.STATE_COORDINATOR).email))
    assert state.get("/api/v1/projects/").status_code == 200
    assert state.post("/api/v1/projects/", {}, content_type=JSON).status_code == 404
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    assert board.get("/api/v1/projects/").status_code == 404


# ---------------------------------------------------------------- events


def test_events_list_and_constant_queries(jena, coordinator):
    with schema_context("jena"):
        project = ProjectFactory()
    assert_list_scales(
        coordinator, "/api/v1/events/", _creating(EventFactory, project=project), then=195
    )
    body = coordinator.get("/api/v1/events/", {"project": project.pk, "year": 2025}).json()
    assert body["count"] == 200
    assert body["results"][0]["project_title"] == project.title


def test_event_create_and_update_through_the_service(jena, coordinator):
    created, _ = create_then_change(
        coordinator,
        "/api/v1/events/",
        {"title": "Wandertag", "kind": "hiking_day", "date": "2026-05-01"},
        {"participant_count": 120},
    )
    pk = created.json()["id"]
    _assert_error_shape(
        coordinator.post(
            "/api/v1/events/", {"title": "X", "kind": "party", "date": "gestern"},
            content_type=JSON,
        ),
        "kind",
        "date",
    )  # fmt: skip
    with schema_context("jena"):
        assert Event.objects.get(pk=pk).participant_count == 120
        actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"core.event.created", "core.event.updated"} <= actions


# ---------------------------------------------------------------- funding entries


def test_funding_entries_list_and_constant_queries(jena, coordinator, partner):
    assert_list_scales(
        coordinator,
        "/api/v1/funding-entries/",
        _creating(FundingEntryFactory, partner=partner),
        then=195,
    )
    body = coordinator.get("/api/v1/funding-entries/", {"partner": partner.pk}).json()
    assert body["count"] == 200
    assert body["results"][0]["partner_name"] == partner.name


def test_funding_entry_create_update_and_the_service_rules(jena, coordinator):
    create_then_change(
        coordinator,
        "/api/v1/funding-entries/",
        {"kind": "donation", "amount": "150.00", "received_on": "2026-03-01", "donor": "Anonym"},
        {"purpose": "Familientag"},
    )
    # The model refuses amounts of zero or less; the service reports it as a 400.
    zero = coordinator.post(
        "/api/v1/funding-entries/",
        {"kind": "grant", "amount": "0", "received_on": "2026-03-01"},
        content_type=JSON,
    )
    assert zero.status_code == 400, zero.content
    assert set(zero.json()) == {"status", "code", "detail", "errors"}
    _assert_error_shape(
        coordinator.post("/api/v1/funding-entries/", {"kind": "gold"}, content_type=JSON),
        "kind",
        "amount",
        "received_on",
    )
    with schema_context("jena"):
        assert FundingEntry.objects.count() == 1
        actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"core.fundingentry.created", "core.fundingentry.updated"} <= actions


# ---------------------------------------------------------------- holiday offers


def test_holiday_offers_list_includes_unpublished_and_constant_queries(jena, coordinator):
    with schema_context("jena"):
        partner = PartnerFactory()
        HolidayOfferFactory(title="Noch geheim", is_published=False)
    assert_list_scales(
        coordinator,
        "/api/v1/holiday-offers/",
        _creating(HolidayOfferFactory, partner=partner),
        then=195,
    )
    hidden = coordinator.get("/api/v1/holiday-offers/", {"is_published": "false"}).json()
    assert [offer["title"] for offer in hidden["results"]] == ["Noch geheim"]
    assert coordinator.get("/api/v1/holiday-offers/", {"age": 13}).json()["count"] == 0
    public = _api("jena.localhost").get("/api/v1/public/holiday-offers/").content.decode()
    assert "Noch geheim" not in public


def test_holiday_offer_crud_through_the_services(jena, coordinator):
    created, published = create_then_change(
        coordinator,
        "/api/v1/holiday-offers/",
        {"title": "Zirkuswoche", "organiser": "Zirkus Jena", "start_date": "2026-07-06",
         "end_date": "2026-07-10", "is_published": False},
        {"is_published": True, "place": "Zelt"},
    )  # fmt: skip
    pk = created.json()["id"]
    assert published.json()["is_published"] is True
    assert published.json()["place"] == "Zelt"
    _assert_error_shape(
        coordinator.patch(
            f"/api/v1/holiday-offers/{pk}/", {"start_time": "10:00", "end_time": "09:00"},
            content_type=JSON,
        ),
        "end_time",
    )  # fmt: skip
    reversed_dates = coordinator.post(
        "/api/v1/holiday-offers/",
        {"title": "X", "organiser": "Y", "start_date": "2026-07-10", "end_date": "2026-07-01"},
        content_type=JSON,
    )
    assert reversed_dates.status_code == 400
    assert reversed_dates.json()["detail"]
    _assert_error_shape(
        coordinator.post("/api/v1/holiday-offers/", {"age_min": -1}, content_type=JSON),
        "title",
        "organiser",
        "start_date",
        "age_min",
    )
    with schema_context("jena"):
        offer = HolidayOffer.objects.get(pk=pk)
        assert offer.is_published
        assert offer.place == "Zelt"
        assert offer.end_time is None
        actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"core.holidayoffer.created", "core.holidayoffer.updated",
            "core.holidayoffer.published"} <= actions  # fmt: skip
    assert coordinator.delete(f"/api/v1/holiday-offers/{pk}/").status_code == 204
    with schema_context("jena"):
        assert not HolidayOffer.objects.exists()


# ---------------------------------------------------------------- applications


def test_applications_list_filters_and_constant_queries(jena, coordinator):
    _assert_scales(
        coordinator,
        "/api/v1/applications/",
        _creating(DecisionFactory),
        _creating(ApplicationFactory),
    )
    decided = coordinator.get("/api/v1/applications/", {"ordering": "-organisation_name"})
    assert decided.json()["count"] == 200
    with schema_context("jena"):
        ApplicationFactory(organisation_name="Zurueckgezogen", status=ApplicationStatus.WITHDRAWN)
    withdrawn = coordinator.get("/api/v1/applications/", {"status": "withdrawn"}).json()
    assert [a["organisation_name"] for a in withdrawn["results"]] == ["Zurueckgezogen"]
    counts = {a["decision_count"] for a in decided.json()["results"]}
    assert counts <= {0, 1}


def test_board_reads_applications_but_only_the_coordinator_records_them(jena):
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    assert board.get("/api/v1/applications/").status_code == 200
    refused = board.post("/api/v1/applications/", {"organisation_name": "X"}, content_type=JSON)
    assert refused.status_code == 404


def test_application_create_update_through_the_service(jena, coordinator):
    created, _ = create_then_change(
        coordinator,
        "/api/v1/applications/",
        {"organisation_name": "Kita Sonnenschein", "kind": "company",
         "contact_name": "Erika Muster", "contact_email": "erika@example.org",
         "statement": "Betriebskita", "received_on": "2026-02-01", "status": "admitted"},
        {"city": "Jena"},
    )  # fmt: skip
    body = created.json()
    assert body["status"] == "pending"
    assert body["decision_count"] == 0
    pk = body["id"]
    _assert_error_shape(
        coordinator.post(
            "/api/v1/applications/", {"kind": "ufo", "contact_email": "nein"}, content_type=JSON
        ),
        "organisation_name",
        "kind",
        "contact_email",
        "statement",
    )
    with schema_context("jena"):
        Application.objects.filter(pk=pk).update(status=ApplicationStatus.ADMITTED)
    no_longer = coordinator.patch(
        f"/api/v1/applications/{pk}/", {"city": "Weimar"}, content_type=JSON
    )
    assert no_longer.status_code == 400
    assert no_longer.json()["detail"]
    # Nobody deletes an application through the API: the action is not offered.
    assert coordinator.delete(f"/api/v1/applications/{pk}/").status_code == 404
    with schema_context("jena"):
        assert Application.objects.get(pk=pk).city == "Jena"
        actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"core.application.created", "core.application.updated"} <= actions


# ---------------------------------------------------------------- board meetings, seals (read)


def test_board_meetings_read_only_for_the_board_and_constant_queries(jena, coordinator):
    _assert_scales(
        coordinator,
        "/api/v1/board-meetings/",
        _creating(lambda: AgendaItemFactory(meeting=BoardMeetingFactory())),
        _creating(BoardMeetingFactory),
    )
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    body = board.get("/api/v1/board-meetings/", {"status": "planned"}).json()
    assert body["count"] == 200
    assert {m["agenda_count"] for m in body["results"]} <= {0, 1}
    pk = body["results"][0]["id"]
    assert board.get(f"/api/v1/board-meetings/{pk}/").status_code == 200
    assert coordinator.post("/api/v1/board-meetings/", {}, content_type=JSON).status_code == 404
    assert coordinator.delete(f"/api/v1/board-meetings/{pk}/").status_code == 404
    assert coordinator.get("/api/v1/board-meetings/", {"status": "mond"}).status_code == 400


def test_seals_read_only_with_checklist_counts_and_constant_queries(jena, coordinator):
    with schema_context("jena"):
        partner = PartnerFactory(name="Glasmanufaktur")

    _assert_scales(
        coordinator,
        "/api/v1/seals/",
        _creating(lambda: SealCheckFactory(application=SealApplicationFactory(partner=partner))),
        _creating(SealApplicationFactory),
    )
    state = _api("jena.localhost", _token(person_with_role(Role.STATE_COORDINATOR).email))
    own = state.get("/api/v1/seals/", {"partner": partner.pk}).json()
    assert own["count"] == 5
    assert own["results"][0]["partner_name"] == "Glasmanufaktur"
    assert own["results"][0]["check_count"] == 1
    pk = own["results"][0]["id"]
    assert state.get(f"/api/v1/seals/{pk}/").status_code == 200
    changed = coordinator.patch(f"/api/v1/seals/{pk}/", {"reviewer": "X"}, content_type=JSON)
    assert changed.status_code == 404
    board = _api("jena.localhost", _token(person_with_role(Role.BOARD_MEMBER, jena).email))
    assert board.get("/api/v1/seals/").status_code == 404
