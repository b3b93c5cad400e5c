"""The childcare pool: carers and their checks, placements, matching, reminders, access,
GDPR and import (issue 16, "Flexible childcare pool")."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tenants.utils import schema_context

from core.models import Carer, Placement
from core.selectors.carers import matching_carers
from core.selectors.personal_data import person_records
from core.services import carers as services
from core.services.personal_data import apply_retention, record_anonymise
from core.tasks_carers import send_carer_check_reminders
from kernel.audit.models import AuditEntry
from tenants.roles import Role
from tests.clock import in_days
from tests.conftest import csv_rows, logged_in_client, person_with_role
from tests.factories.carers import CarerFactory, PlacementFactory
from tests.pages import assert_page_shows

POOL_PAGES = [
    "/workspace/carers/",
    "/workspace/carers/{carer}/",
    "/workspace/carers/{carer}/edit/",
    "/workspace/carers/new/",
    "/workspace/carers/match/",
    "/workspace/placements/",
    "/workspace/placements/{placement}/",
    "/workspace/placements/new/",
]


@pytest.fixture
def pool(jena):
    with schema_context("jena"):
        carer = CarerFactory(first_name="Mara", last_name="Lindner", availability=["evenings"])
        placement = PlacementFactory(carer=carer, family_name="Familie K.")
    return {"carer": carer.pk, "placement": placement.pk}


# What the carer form sends for Jonas Weber; a test changes single fields.
CARER_FORM = {
    "first_name": "Jonas",
    "last_name": "Weber",
    "email": "jonas.weber@example.org",
    "phone": "0176 1234567",
    "address": "Löbdergraben 3, 07743 Jena",
    "status": "vetted",
    "availability": ["evenings", "weekends"],
    "languages": "Deutsch, Arabisch",
    "qualifications": "Lehramtsstudium",
}
# His checks, days ago (dates from today as the code sees it).
CARER_CHECKS = {"police_clearance_on": 20, "first_aid_on": 10, "training_on": 5}


def _carer_form(**overrides):
    checks = {field: in_days(-days).isoformat() for field, days in CARER_CHECKS.items()}
    return CARER_FORM | checks | overrides


# ---------------------------------------------------------------- rules


def test_validity_is_derived_from_the_check_dates(jena):
    with schema_context("jena"):
        carer = services.carer_create(
            actor=None, first_name="A", last_name="B",
            police_clearance_on=datetime.date(2024, 2, 29),
            first_aid_on=datetime.date(2025, 3, 1), availability=["nights", "weekdays", "nights"],
        )  # fmt: skip
        assert carer.police_clearance_until == datetime.date(2029, 2, 28)
        assert carer.first_aid_until == datetime.date(2027, 3, 1)
        assert carer.availability == ["weekdays", "nights"]
        assert carer.status == "applicant"
        assert AuditEntry.objects.filter(action="core.carer.created").count() == 1


def test_a_carer_without_every_check_cannot_be_vetted(jena):
    with schema_context("jena"), pytest.raises(ValidationError) as error:
        services.carer_create(
            actor=None, first_name="A", last_name="B", status="vetted", first_aid_on=in_days(-1)
        )
    assert "erweitertes Führungszeugnis, Pool-Schulung" in str(error.value)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"police_clearance_on": in_days(-5 * 366)}, "nicht gültig: erweitertes Führungszeugnis"),
        ({"first_aid_on": in_days(-800)}, "nicht gültig: Erste-Hilfe-Kurs"),
        ({"training_on": in_days(10)}, "nicht gültig: Pool-Schulung"),
        ({"status": "paused"}, "nur geprüfte oder aktive"),
    ],
)
def test_assignment_is_refused_unless_every_check_is_valid_on_the_start(jena, changes, problem):
    with schema_context("jena"):
        carer = CarerFactory(**changes)
        with pytest.raises(ValidationError) as error:
            services.placement_create(
                actor=None, family_name="Familie S.", carer=carer, kind="evening",
                start_date=in_days(0),
            )  # fmt: skip
        assert problem in " ".join(error.value.message_dict["carer"])
        assert not Placement.objects.exists()


def test_a_running_placement_makes_a_vetted_carer_active(jena):
    with schema_context("jena"):
        carer = CarerFactory(status="vetted")
        services.placement_create(
            actor=None, family_name="Familie S.", carer=carer, kind="pick_up",
            start_date=in_days(0), status="running", hours_per_month=20,
        )  # fmt: skip
        carer.refresh_from_db()
        assert carer.status == "active"


def test_a_carer_with_placements_is_not_deleted(jena, pool):
    with schema_context("jena"), pytest.raises(ValidationError):
        services.carer_delete(actor=None, carer=Carer.objects.get(pk=pool["carer"]))


# ---------------------------------------------------------------- pages


def test_coordinator_registers_a_carer_and_sees_the_list_and_export(jena, client):
    response = client.post("/workspace/carers/new/", _carer_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context("jena"):
        carer = Carer.objects.get(last_name="Weber")
    assert carer.availability == ["evenings", "weekends"]
    page = client.get(f"/workspace/carers/{carer.pk}/").content.decode()
    assert "Weber" in page
    assert carer.police_clearance_until.strftime("%d/%m/%Y")[:2] in page
    assert "Weber" in client.get("/workspace/carers/").content.decode()
    rows = csv_rows(client.get("/workspace/carers/", {"format": "csv"}))
    assert any("jonas.weber@example.org" in row for row in rows)


def test_form_refuses_a_vetted_carer_without_checks_and_saves_nothing(jena, coordinator_client):
    response = coordinator_client.post(
        "/workspace/carers/new/", _carer_form(training_on="", police_clearance_on="")
    )
    assert_page_shows(response, ["Führungszeugnis"], status=400)
    with schema_context("jena"):
        assert not Carer.objects.exists()


def test_matching_lists_only_assignable_available_carers_and_links_a_placement(jena, client):
    with schema_context("jena"):
        fits = CarerFactory(last_name="Passt", availability=["evenings", "nights"])
        CarerFactory(last_name="Tagsueber", availability=["weekdays"])
        CarerFactory(last_name="Abgelaufen", availability=["evenings"], first_aid_on=in_days(-900))
        CarerFactory(last_name="Bewerberin", availability=["evenings"], status="applicant")
        assert list(matching_carers(on=in_days(3), slots=["evenings"])) == [fits]
    start = in_days(3).isoformat()
    page = client.get(
        "/workspace/carers/match/", {"kind": "night", "start_date": start, "slots": ["evenings"]}
    ).content.decode()
    assert "Passt" in page
    for left_out in ("Tagsueber", "Abgelaufen", "Bewerberin"):
        assert left_out not in page
    link = f"/workspace/placements/new/?carer={fits.pk}&amp;kind=night&amp;start_date={start}"
    assert link in page
    form = client.get(link.replace("&amp;", "&")).content.decode()
    assert f'<option value="{fits.pk}" selected>' in form
    response = client.post(
        "/workspace/placements/new/",
        {"family_name": "Familie R.", "children_count": 2, "carer": fits.pk, "kind": "night",
         "recurrence": "weekly", "hours_per_month": "16", "start_date": start,
         "status": "planned"},
    )  # fmt: skip
    assert response.status_code == 302
    assert client.get("/workspace/carers/match/", {"start_date": "kaputt"}).status_code == 400


def test_placement_form_refuses_an_expired_clearance_in_german(jena, coordinator_client):
    with schema_context("jena"):
        carer = CarerFactory(police_clearance_on=in_days(-5 * 366))
    response = coordinator_client.post(
        "/workspace/placements/new/",
        {"family_name": "Familie R.", "children_count": 1, "carer": carer.pk, "kind": "evening",
         "recurrence": "weekly", "hours_per_month": "8", "start_date": in_days(0).isoformat(),
         "status": "planned"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "erweitertes Führungszeugnis" in response.content.decode()


def test_home_shows_expiring_checks_to_coordinator_and_pool_staff_only(jena, pool):
    with schema_context("jena"):
        CarerFactory(last_name="Baldablauf", first_aid_on=in_days(-700))
        CarerFactory(last_name="Nochlange")
    staff = logged_in_client(person_with_role(Role.POOL_STAFF, jena))
    for client in (staff, logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena))):
        page = client.get("/workspace/").content.decode()
        assert "Baldablauf" in page
        assert "Nochlange" not in page
    board = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena)).get("/workspace/")
    assert "Baldablauf" not in board.content.decode()


# ---------------------------------------------------------------- access


def test_pool_staff_see_the_workspace_start_and_the_pool_and_nothing_else(jena, pool):
    staff = logged_in_client(person_with_role(Role.POOL_STAFF, jena), language="en")
    for page in POOL_PAGES:
        assert staff.get(page.format(**pool)).status_code == 200, page
    start = staff.get("/workspace/").content.decode()
    assert "/workspace/carers/" in start
    assert "/workspace/partners/" not in start
    for page in ("/workspace/partners/", "/workspace/projects/", "/workspace/board/",
                 "/workspace/personal-data/", "/workspace/audit/"):  # fmt: skip
        assert staff.get(page).status_code == 404, page
    assert staff.get("/workspace/carers/", {"format": "xlsx"}).status_code == 200


@pytest.mark.parametrize("role", [Role.BOARD_MEMBER, Role.PARTNER_CONTACT, Role.STATE_COORDINATOR])
def test_board_partner_contact_and_state_coordinator_never_see_the_pool(jena, pool, role):
    if role == Role.STATE_COORDINATOR:
        user = person_with_role(role)
    else:
        partner_id = pool["placement"] if role == Role.PARTNER_CONTACT else None
        user = person_with_role(role, jena, partner_id=partner_id)
    client = logged_in_client(user)
    for page in POOL_PAGES:
        assert client.get(page.format(**pool)).status_code == 404, page
    assert client.get("/api/v1/carers/").status_code in (401, 404)


def test_other_alliances_pool_staff_see_nothing_here(jena, badfrankenhausen, pool):
    outsider = logged_in_client(person_with_role(Role.POOL_STAFF, badfrankenhausen))
    for page in POOL_PAGES:
        assert outsider.get(page.format(**pool)).status_code == 404, page


# ---------------------------------------------------------------- reminders


@pytest.fixture
def queued_mails(monkeypatch):
    from kernel.mail import services as mail_services

    queued = []
    monkeypatch.setattr(mail_services, "email_queue", lambda **kwargs: queued.append(kwargs))
    return queued


def test_expiry_reminder_goes_once_to_coordinators_and_pool_staff(jena, queued_mails):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena).email
    staff = person_with_role(Role.POOL_STAFF, jena).email
    person_with_role(Role.BOARD_MEMBER, jena)
    with schema_context("jena"):
        soon = CarerFactory(last_name="Erinnerung", first_aid_on=in_days(-700))
        CarerFactory(last_name="Nochlange")
        CarerFactory(last_name="Gegangen", status="left", first_aid_on=in_days(-700))
    assert send_carer_check_reminders()["jena"] == 1
    [mail] = queued_mails
    assert set(mail["to"]) == {coordinator, staff}
    assert "Erinnerung" in mail["subject"]
    assert f"/workspace/carers/{soon.pk}/" in mail["body"]
    assert send_carer_check_reminders()["jena"] == 0  # not twice
    assert len(queued_mails) == 1
    with schema_context("jena"):  # the course is renewed, later the clearance is due
        carer = Carer.objects.get(pk=soon.pk)
        services.carer_update(actor=None, carer=carer, first_aid_on=in_days(0),
                              police_clearance_on=in_days(-5 * 365 + 30))  # fmt: skip
    assert send_carer_check_reminders()["jena"] == 1
    assert len(queued_mails) == 2


# ---------------------------------------------------------------- GDPR


def test_gdpr_search_export_and_erasure_cover_carers_and_families(jena, pool, settings):
    with schema_context("jena"):
        found = {(r.kind, r.pk) for r in person_records(query="Lindner")}
        assert found == {("carer", pool["carer"])}
        [family] = person_records(query="Familie K.")
        assert family.kind == "placement"
        record_anonymise(actor=None, kind="carer", pk=pool["carer"])
        record_anonymise(actor=None, kind="placement", pk=pool["placement"])
        carer = Carer.objects.get(pk=pool["carer"])
        assert (carer.last_name, carer.email, carer.phone) == ("Anonymisiert", "", "")
        placement = Placement.objects.get(pk=pool["placement"])
        assert (placement.family_name, placement.hours_per_month) == ("Anonymisiert", 12)
        assert person_records(query="Lindner") == []


def test_retention_anonymises_ended_placements_and_carers_who_left(jena, settings):
    settings.BUENDNISNETZ_RETENTION_MONTHS = 24
    with schema_context("jena"):
        gone = CarerFactory(last_name="Fortgezogen", status="left")
        Carer.objects.filter(pk=gone.pk).update(
            updated_at=timezone.now() - datetime.timedelta(days=800)
        )
        busy = CarerFactory(last_name="Nochda", status="left")
        Carer.objects.filter(pk=busy.pk).update(
            updated_at=timezone.now() - datetime.timedelta(days=800)
        )
        PlacementFactory(carer=busy, family_name="Familie Laufend")
        old = PlacementFactory(family_name="Familie Alt", status="ended",
                               start_date=in_days(-1000), end_date=in_days(-900))  # fmt: skip
        PlacementFactory(family_name="Familie Neu", status="ended",
                         start_date=in_days(-100), end_date=in_days(-10))  # fmt: skip
        result = apply_retention()
        assert (result["carers"], result["placements"]) == (1, 1)
        assert Carer.objects.get(pk=gone.pk).anonymised_at is not None
        assert Carer.objects.get(pk=busy.pk).anonymised_at is None
        assert Placement.objects.get(pk=old.pk).family_name == "Anonymisiert"
        assert Placement.objects.filter(family_name="Familie Neu").exists()
        assert apply_retention()["placements"] == 0


# ---------------------------------------------------------------- import


CSV_HEADER = (
    "Vorname;Nachname;E-Mail;Status;Verfügbarkeit;Führungszeugnis vom;Erste-Hilfe-Kurs am;"
    "Schulung am\n"
)


def _import(client, text: str):
    upload = io.BytesIO(text.encode("utf-8"))
    upload.name = "betreuung.csv"
    return client.post("/workspace/import/", {"kind": "carers", "file": upload})


def test_pool_staff_import_carers_and_vetted_rows_need_every_check(jena):
    staff = logged_in_client(person_with_role(Role.POOL_STAFF, jena), language="en")
    page = staff.get("/workspace/import/").content.decode()
    assert "Carers" in page
    assert "Partners" not in page
    bad = CSV_HEADER + "Ida;Ohnecheck;ida@example.org;geprüft;Abende;;;\n"
    preview = staff.get(_import(staff, bad).url).content.decode()
    assert "all three check dates" in preview
    good = CSV_HEADER + (
        "Ida;Mit;ida@example.org;geprüft;Abende, Wochenenden;01.02.2025;03.03.2025;04.04.2025\n"
        "Karl;Rentner;;Bewerber;Werktage;;;\n"
    )
    response = staff.post(_import(staff, good).url)
    assert response.status_code == 302
    with schema_context("jena"):
        ida = Carer.objects.get(last_name="Mit")
        assert (ida.status, ida.availability) == ("vetted", ["evenings", "weekends"])
        assert ida.police_clearance_until == datetime.date(2030, 2, 1)
        assert Carer.objects.count() == 2


# ---------------------------------------------------------------- API


def _api(user):
    from rest_framework.test import APIClient

    client = APIClient(HTTP_HOST="jena.localhost")
    client.force_authenticate(user)
    return client


def test_api_creates_carers_and_refuses_an_invalid_assignment(jena):
    api = _api(person_with_role(Role.POOL_STAFF, jena))
    response = api.post(
        "/api/v1/carers/",
        {"first_name": "Eva", "last_name": "Api", "status": "vetted",
         "availability": ["weekends"], "police_clearance_on": in_days(-3).isoformat(),
         "first_aid_on": in_days(-3).isoformat(), "training_on": in_days(-3).isoformat()},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    carer = response.json()
    assert (
        carer["police_clearance_until"]
        == in_days(-3).replace(year=in_days(-3).year + 5).isoformat()
    )
    matched = api.get(
        "/api/v1/carers/", {"available_on": in_days(1).isoformat(), "slots": "weekends"}
    )
    assert [c["id"] for c in matched.json()["results"]] == [carer["id"]]
    too_early = api.post(
        "/api/v1/placements/",
        {"family_name": "Familie A.", "carer": carer["id"], "kind": "weekend",
         "start_date": in_days(-10).isoformat()},
        format="json",
    )  # fmt: skip
    assert too_early.status_code == 400
    assert "Führungszeugnis" in too_early.content.decode()
    ok = api.post(
        "/api/v1/placements/",
        {"family_name": "Familie A.", "carer": carer["id"], "kind": "weekend",
         "start_date": in_days(1).isoformat(), "hours_per_month": "10.5"},
        format="json",
    )  # fmt: skip
    assert ok.status_code == 201, ok.content
    board = _api(person_with_role(Role.BOARD_MEMBER, jena))
    assert board.get("/api/v1/placements/").status_code == 404
