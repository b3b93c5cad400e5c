"""The first-run checklist of a new alliance: automatic checks, marks with audit entries,
the start page, the API, and who may see it."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from core.models import ChecklistMark, ChecklistStatus, LegalPage, SiteIdentity
from core.models.publicsite import IDENTITY_PK
from core.onboarding import CHECKLIST, ChecklistItem, register_checklist_item
from core.selectors.onboarding import checklist, checklist_progress
from core.services.onboarding import checklist_mark, checklist_start
from kernel.audit.models import AuditEntry
from kernel.legal.models import LegalKind
from tenants.roles import Role
from tests.api.calls import JSON
from tests.conftest import logged_in_client, person_with_role
from tests.factories.board import BoardMemberFactory
from tests.factories.partners import PartnerFactory


def _states() -> dict[str, tuple[str, bool]]:
    return {row.key: (row.status, row.automatic) for row in checklist()}


def test_items_tick_themselves_once_the_data_is_there(jena, coordinator):
    with schema_context("jena"):
        states = _states()
        assert list(states) == ["identity", "board", "partners", "legal", "public_page"]
        assert all(status == "open" for status, _auto in states.values())

        PartnerFactory(name="Jenaer Präzisionsoptik GmbH", public_listing_consent=True)
        BoardMemberFactory()
        # The public site: who the alliance is, but no contact e-mail yet; two of the
        # three legal pages in the alliance's own words.
        identity = SiteIdentity.objects.create(
            pk=IDENTITY_PK, description="Familie und Beruf in Jena.", street="Markt 1",
            postcode="07743", town="Jena", contact_name="Anna Beispiel",
        )  # fmt: skip
        for kind in (LegalKind.IMPRINT, LegalKind.PRIVACY):
            LegalPage.objects.create(kind=kind, text="Eigener Text.")
        states = _states()
    assert states["partners"] == ("done", True)
    assert states["board"] == ("done", True)
    assert states["public_page"] == ("done", True)  # an active partner named in public
    assert states["identity"] == ("open", False)  # not yet: no contact e-mail
    assert states["legal"] == ("open", False)  # not yet: one page still the default
    with schema_context("jena"):
        identity.contact_email = "kontakt@buendnis-jena.example"
        identity.save()
        LegalPage.objects.create(kind=LegalKind.ACCESSIBILITY, text="Eigener Text.")
        states = _states()
    assert states["identity"] == ("done", True)
    assert states["legal"] == ("done", True)


def test_marking_done_and_skipped_leaves_audit_entries(jena, coordinator):
    with schema_context("jena"):
        checklist_mark(actor=coordinator, key="identity", status=ChecklistStatus.DONE)
        checklist_mark(actor=coordinator, key="legal", status=ChecklistStatus.SKIPPED)
        checklist_mark(actor=coordinator, key="legal", status=ChecklistStatus.SKIPPED)  # again
        entries = list(AuditEntry.objects.filter(action="core.checklist.marked").order_by("id"))
        progress = checklist_progress()
    assert [e.changes["status"] for e in entries] == [["open", "done"], ["open", "skipped"]]
    assert all(e.actor_id == coordinator.pk for e in entries)
    assert (progress.done, progress.settled, progress.total) == (1, 2, 5)


def test_starting_twice_opens_each_item_once(jena, coordinator):
    with schema_context("jena"):
        assert checklist_start(actor=coordinator) == 5
        assert checklist_start(actor=coordinator) == 0
        assert ChecklistMark.objects.filter(status="open").count() == 5
        assert AuditEntry.objects.filter(action="core.checklist.started").count() == 1


def test_another_capability_adds_an_item_through_the_registry(jena, coordinator):
    item = ChecklistItem("funding", 60, "Funding", "Record the first grant.", "funding-list")
    register_checklist_item(item)
    try:
        with schema_context("jena"):
            assert [row.key for row in checklist()][-1] == "funding"
            assert checklist()[-1].url == "/workspace/funding/"
    finally:
        del CHECKLIST["funding"]


def test_the_start_page_guides_a_new_alliance_until_every_item_is_settled(jena, coordinator):
    client = logged_in_client(coordinator)
    # no checklist: the menu still has its entry, the start page no box
    assert 'id="onboarding-heading"' not in client.get("/workspace/").content.decode()
    with schema_context("jena"):
        checklist_start(actor=coordinator)
    page = client.get("/workspace/").content.decode()
    assert 'id="onboarding-heading">Erste Schritte' in page
    assert "0 von 5 erledigt" in page
    assert 'href="/workspace/import/"' in page  # first partners: by import

    response = client.post(
        "/workspace/onboarding/mark/", {"key": "identity", "status": "done", "back": "home"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/workspace/"
    assert "1 von 5 erledigt" in client.get("/workspace/").content.decode()

    with schema_context("jena"):
        for key in ("board", "partners", "legal", "public_page"):
            checklist_mark(actor=coordinator, key=key, status=ChecklistStatus.SKIPPED)
    assert 'id="onboarding-heading"' not in client.get("/workspace/").content.decode()
    page = client.get("/workspace/onboarding/").content.decode()
    assert "5 von 5 erledigt" in page
    assert "Übersprungen" in page


@pytest.mark.parametrize(
    "data",
    [
        {"key": "nope", "status": "done"},
        {"key": "identity", "status": "finished"},
        {"key": "identity\x00", "status": "done"},
        {},
    ],
)
def test_a_bad_mark_is_refused_in_german_and_changes_nothing(jena, coordinator, data):
    response = logged_in_client(coordinator).post("/workspace/onboarding/mark/", data)
    assert response.status_code == 400
    assert "Nichts wurde geändert." in response.content.decode()
    with schema_context("jena"):
        assert not ChecklistMark.objects.exists()
        assert not AuditEntry.objects.filter(action__startswith="core.checklist").exists()


def test_only_the_coordinator_sees_and_marks_the_checklist(jena, badfrankenhausen):
    board = person_with_role(Role.BOARD_MEMBER, jena)
    state = person_with_role(Role.STATE_COORDINATOR)
    foreign = person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen)
    for person in (board, state, foreign):
        client = logged_in_client(person)
        assert client.get("/workspace/onboarding/").status_code == 404
        mark = {"key": "identity", "status": "done"}
        assert client.post("/workspace/onboarding/mark/", mark).status_code == 404
        assert client.get("/api/v1/onboarding/").status_code == 404
    with schema_context("jena"):
        assert not ChecklistMark.objects.exists()


def test_the_api_lists_and_marks_items(jena, coordinator):
    client = logged_in_client(coordinator)
    items = client.get("/api/v1/onboarding/").json()["results"]
    assert [i["key"] for i in items][:2] == ["identity", "board"]
    assert items[0]["status"] == "open"
    assert items[0]["automatic"] is False

    answer = client.post(
        "/api/v1/onboarding/mark/", {"key": "legal", "status": "skipped"}, content_type=JSON
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["status"] == "skipped"
    assert answer.json()["marked_at"]

    refused = client.post(
        "/api/v1/onboarding/mark/", {"key": "nope", "status": "done"}, content_type=JSON
    )
    assert refused.status_code == 400
    assert "key" in refused.json()["errors"]


def test_one_alliance_never_sees_anothers_marks(jena, badfrankenhausen, coordinator):
    with schema_context("jena"):
        checklist_mark(actor=coordinator, key="identity", status=ChecklistStatus.DONE)
    with schema_context("badfrankenhausen"):
        assert _states()["identity"] == ("open", False)


def test_the_menu_leads_the_coordinator_to_the_checklist_and_nobody_else(jena, coordinator):
    """The checklist is in the menu for those who may work on it, also once every item is
    settled (the start page only points to it while something is open)."""
    page = logged_in_client(coordinator).get("/workspace/")
    assert ("Erste Schritte", "/workspace/onboarding/") in [
        (label, url) for label, url, _current in page.context["area_menu"]
    ]
    board = logged_in_client(person_with_role(Role.BOARD_MEMBER, jena)).get("/workspace/")
    assert "/workspace/onboarding/" not in [url for _l, url, _c in board.context["area_menu"]]
