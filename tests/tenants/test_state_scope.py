"""Three levels: a state office sees and works with its own state's alliances only.

Saxony's office and Thuringia's share the state area (the public schema); the scope
(``tenants.scope``) that the permission layer activates keeps them apart on every page,
API endpoint and form. The walk over every route as Saxony's office and as the federal
service office is in ``tests/test_isolation.py``; these tests name the cases.
"""

from __future__ import annotations

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from regional.models import RegionalMeeting, Report
from regional.services.meetings import meeting_create
from tenants.models import Alliance, Membership, State
from tenants.roles import Role
from tenants.scope import current_state_key, state_scope
from tenants.services.memberships import membership_create
from tests.conftest import logged_in_client, person_with_role
from tests.factories.tenants import AllianceFactory, UserFactory
from tests.regional.test_dashboard import snapshot

SAXONY, THURINGIA = "14", "16"
# A district of Saxony (official key): Dresden.
SAXON_DISTRICT = "14612"


@pytest.fixture
def saxony(db) -> State:
    return State.objects.get(key=SAXONY)


@pytest.fixture
def leipzig(saxony) -> Alliance:
    """An alliance in Saxony (its schema copied from the template)."""
    return AllianceFactory(
        name="Lokales Bündnis für Familie Leipzig-Test",
        slug="leipzigtest",
        state=saxony,
        district=SAXON_DISTRICT,
        copy_template=True,
    )


@pytest.fixture
def saxony_office(saxony):
    return person_with_role(Role.STATE_COORDINATOR, state=saxony)


@pytest.fixture
def saxony_client(saxony_office):
    return logged_in_client(saxony_office, "localhost", language="en")


@pytest.fixture
def thuringia_client(db):
    return logged_in_client(person_with_role(Role.STATE_COORDINATOR), "localhost", language="en")


def _names(response) -> str:
    return response.content.decode()


def test_each_office_lists_its_own_states_alliances_only(
    jena, leipzig, saxony_client, thuringia_client
):
    path = reverse("dashboard-alliances", urlconf="config.urls_public")
    saxon_page, thuringian_page = (
        _names(saxony_client.get(path)),
        _names(thuringia_client.get(path)),
    )
    assert leipzig.name in saxon_page
    assert jena.name not in saxon_page
    assert jena.name in thuringian_page
    assert leipzig.name not in thuringian_page


def test_another_states_alliance_is_not_found(jena, leipzig, saxony_client, thuringia_client):
    def page(alliance):
        return reverse("dashboard-alliance", args=[alliance.pk], urlconf="config.urls_public")

    assert saxony_client.get(page(jena)).status_code == 404
    assert thuringia_client.get(page(leipzig)).status_code == 404
    assert saxony_client.get(page(leipzig)).status_code == 200


def test_the_api_gives_an_office_its_own_states_people_and_figures_only(
    jena, leipzig, saxony_office
):
    person_with_role(Role.LOCAL_COORDINATOR, jena, user=UserFactory(email="koord@jena.example"))
    person_with_role(
        Role.LOCAL_COORDINATOR, leipzig, user=UserFactory(email="koord@leipzig.example")
    )
    jena_snapshot = snapshot(jena, datetime.date(2026, 11, 30))
    snapshot(leipzig, datetime.date(2026, 11, 30))
    client = logged_in_client(saxony_office, "localhost")
    emails = {row["email"] for row in client.get("/api/v1/address-book/").json()["results"]}
    assert "koord@leipzig.example" in emails
    assert "koord@jena.example" not in emails
    rows = client.get("/api/v1/snapshots/").json()["results"]
    assert {row["alliance"] for row in rows} == {leipzig.pk}
    assert client.get(f"/api/v1/snapshots/{jena_snapshot.pk}/").status_code == 404
    # The public directory of alliances stays public: it lists every state's.
    public = {row["slug"] for row in client.get("/api/v1/alliances/").json()["results"]}
    assert {"jena", "leipzigtest"} <= public


def test_a_mailing_to_another_states_alliance_is_refused(jena, leipzig, saxony_office):
    client = logged_in_client(saxony_office, "localhost")
    response = client.post(
        "/api/v1/mailings/",
        {"subject": "Hallo", "body": "Text", "groups": ["coordinators"], "alliances": [jena.pk]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["alliances"]


def test_a_state_office_opens_only_its_own_states_workspaces(jena, leipzig, saxony_office):
    # In Thuringia's alliance the Saxon office is a stranger; in its own it is at home.
    jena_home = logged_in_client(saxony_office, "jena.localhost").get("/workspace/")
    leipzig_home = logged_in_client(saxony_office, "leipzigtest.localhost").get("/workspace/")
    assert jena_home.status_code == 404
    assert leipzig_home.status_code == 200


def test_the_federal_office_opens_no_workspace_and_no_state_office_page(jena):
    federal = person_with_role(Role.FEDERAL_OFFICE)
    assert logged_in_client(federal, "jena.localhost").get("/workspace/").status_code == 404
    state = logged_in_client(federal, "localhost")
    for name in ("dashboard", "dashboard-alliances", "state-address-book", "setup-board"):
        assert state.get(reverse(name, urlconf="config.urls_public")).status_code == 404, name


def test_records_made_by_an_office_belong_to_its_state(saxony_office, saxony_client):
    with state_scope(SAXONY):
        meeting = meeting_create(
            actor=saxony_office,
            title="Regionaltreffen Sachsen",
            date=datetime.date(2027, 3, 4),
            start_time=datetime.time(10),
            end_time=datetime.time(12),
            place="Dresden",
        )
    assert meeting.state_id == SAXONY
    # Thuringia's office does not see it, in the list or by its address.
    thuringia = person_with_role(Role.STATE_COORDINATOR)
    client = logged_in_client(thuringia, "localhost", language="en")
    listed = client.get(reverse("regional-meeting-list", urlconf="config.urls_public"))
    assert "Regionaltreffen Sachsen" not in _names(listed)
    assert client.get(f"/api/v1/regional-meetings/{meeting.pk}/").status_code == 404
    assert RegionalMeeting.everywhere.filter(pk=meeting.pk).exists()


def test_a_ministry_reads_its_own_states_reports_only(saxony):
    with state_scope(SAXONY):
        saxon = Report.objects.create(title="Bericht Sachsen", year=2026)
    thuringian = Report.objects.create(title="Bericht Thüringen", year=2026)
    assert (saxon.state_id, thuringian.state_id) == (SAXONY, THURINGIA)
    with state_scope(THURINGIA):
        assert list(Report.objects.all()) == [thuringian]


def test_a_person_holds_state_roles_in_one_state_only(saxony):
    user = UserFactory()
    membership_create(actor=None, user=user, role=Role.STATE_COORDINATOR, state=saxony)
    with pytest.raises(ValidationError) as refused:
        membership_create(actor=None, user=user, role=Role.MINISTRY)
    assert "anderes Land" in str(refused.value) or "another state" in str(refused.value)
    assert Membership.objects.filter(user=user).count() == 1


def test_a_state_role_without_a_state_is_the_home_states(db):
    user = person_with_role(Role.MINISTRY)
    assert Membership.objects.get(user=user).state_id == THURINGIA


def test_the_scope_ends_with_the_request(saxony_client, leipzig):
    # Each request starts unscoped, whatever an earlier one in this thread activated.
    seen = []

    def after():
        seen.append(current_state_key())

    saxony_client.get(reverse("dashboard", urlconf="config.urls_public"))
    after()
    worker = threading.Thread(target=after)
    worker.start()
    worker.join()
    assert seen == [None, None]


def test_each_level_is_headed_by_its_own_office(saxony_office):
    def heading(user, path):
        body = logged_in_client(user, "localhost").get(path).content.decode()
        return body.split('<span class="area-name">')[1].split("</span>")[0]

    assert heading(saxony_office, "/dashboard/") == "Landeskoordination Sachsen"
    assert heading(person_with_role(Role.STATE_COORDINATOR), "/dashboard/") == (
        "Landeskoordination Thüringen"
    )
    assert heading(person_with_role(Role.FEDERAL_OFFICE), "/bund/") == "Bundesservicestelle"


def test_the_dashboard_names_the_offices_own_state(saxony_office, leipzig):
    snapshot(leipzig, datetime.date(2026, 11, 30))
    body = logged_in_client(saxony_office, "localhost").get("/dashboard/").content.decode()
    main = body.split("<main", 1)[-1].split("</main>", 1)[0]
    assert "Sachsen am" in main
    assert "Thüringen" not in main


def test_a_reports_files_name_the_reports_own_state(saxony):
    # A report is built in its state's scope (regional.tasks.reports): its total rows
    # carry that state's name, not the home state's.
    from types import SimpleNamespace

    from regional.report_files import _all_rows

    tables = SimpleNamespace(totals=["row"], districts=[])
    with state_scope(SAXONY):
        assert list(_all_rows(tables)) == [("Sachsen", "row")]
    assert list(_all_rows(tables)) == [("Thüringen", "row")]


def test_an_office_changes_its_own_states_data_only(saxony, saxony_office):
    """Every office reads the 16 states; the API once let Saxony's office change
    Thuringia's office data (the permission key was checked, not the state)."""
    from django.core.exceptions import PermissionDenied

    from tenants.services.states import state_office_update

    client = logged_in_client(saxony_office, "localhost")
    assert client.get("/api/v1/states/16/").status_code == 200
    refused = client.patch(
        "/api/v1/states/16/", {"office_name": "Übernommen"}, content_type="application/json"
    )
    assert refused.status_code == 404
    assert State.objects.get(key="16").office_name != "Übernommen"
    own = client.patch(
        "/api/v1/states/14/",
        {"office_name": "Landesstelle Sachsen"},
        content_type="application/json",
    )
    assert own.status_code == 200, own.content
    assert State.objects.get(key="14").office_name == "Landesstelle Sachsen"
    # The service refuses it for every caller within a state's scope.
    with state_scope("14"), pytest.raises(PermissionDenied):
        state_office_update(actor=saxony_office, state=State.objects.get(key="16"), phone="1")


def test_the_start_page_speaks_of_the_offices_own_state(saxony_office):
    """The public start page names the installation's home state, and to a logged-in
    state office its own state (its dashboard's figures are its state's)."""
    anonymous = logged_in_client(None, "localhost").get("/").content.decode()
    assert "Lokale Bündnisse für Familie in Thüringen" in anonymous
    page = logged_in_client(saxony_office, "localhost").get("/").content.decode()
    assert "Lokale Bündnisse für Familie in Sachsen" in page
    assert "Zahlen für Sachsen" in page
    assert "Thüringen</h1>" not in page


def test_a_ministry_reads_its_own_states_figures_named(jena, leipzig, saxony):
    day = datetime.date(2026, 11, 30)
    snapshot(jena, day)
    snapshot(leipzig, day)
    saxon_ministry = person_with_role(Role.MINISTRY, state=saxony)
    page = logged_in_client(saxon_ministry, "localhost").get("/dashboard/").content.decode()
    assert "Die zusammengefassten Zahlen der Lokalen Bündnisse für Familie in Sachsen." in page
    thuringian = logged_in_client(person_with_role(Role.MINISTRY), "localhost")
    assert "Familie in Thüringen." in thuringian.get("/dashboard/").content.decode()


def test_every_page_speaks_of_its_own_state_and_the_installations_name(
    jena, leipzig, saxony_client, thuringia_client, settings
):
    # The footer said "in Thuringia" and the header "Bündnisnetz Thüringen" on every page,
    # a Saxon alliance's and Saxony's office's included.
    from tests.conftest import host_client

    def page(client, path="/accounts/login/") -> str:
        response = client.get(path)
        assert response.status_code == 200
        return response.content.decode()

    saxon_alliance = page(host_client("leipzigtest.localhost"))
    assert "families in Sachsen." in saxon_alliance or "Familie in Sachsen." in saxon_alliance
    assert "Thüringen." not in saxon_alliance.split("<footer", 1)[-1]
    thuringian_alliance = page(host_client("jena.localhost"))
    assert "Familie in Thüringen." in thuringian_alliance
    assert "Bündnisnetz Thüringen</a>" in thuringian_alliance  # the default name
    assert "families in Sachsen." in page(saxony_client, "/")  # the office's own state
    assert "families in Thüringen." in page(thuringia_client, "/")

    settings.BUENDNISNETZ_PLATFORM_NAME = "Bündnisnetz"  # one installation for Germany
    renamed = page(host_client("jena.localhost"))
    assert '<a class="brand" href="/">Bündnisnetz</a>' in renamed
    assert "Bündnisnetz Thüringen" not in renamed


def test_the_default_legal_texts_cite_thuringias_authority_and_laws_only_in_thuringia(
    jena, leipzig
):
    # Every alliance's default privacy and accessibility statements named Thuringia's data
    # protection commissioner and Thuringia's laws, a Saxon alliance's included.
    from django.db import connection
    from django.utils import translation
    from django_tenants.utils import tenant_context

    from core.selectors.publicsite import alliance_legal_text

    texts = {}
    for alliance in (jena, leipzig):
        with translation.override("de"), tenant_context(alliance):
            texts[alliance.slug] = {
                kind: alliance_legal_text(kind).text for kind in ("datenschutz", "barrierefreiheit")
            }
    connection.set_schema_to_public()
    assert "TLfDI" in texts["jena"]["datenschutz"]
    assert "ThürBarrWebG" in texts["jena"]["barrierefreiheit"]
    saxon = texts[leipzig.slug]
    assert "Thüringen" not in saxon["datenschutz"] + saxon["barrierefreiheit"]
    assert "Thüringer" not in saxon["datenschutz"] + saxon["barrierefreiheit"]
    assert "Datenschutz-Aufsichtsbehörde des Landes" in saxon["datenschutz"]
    assert (
        "Durchsetzungsstelle für digitale Barrierefreiheit des Landes"
        in (saxon["barrierefreiheit"])
    )


def test_a_saxon_alliances_invitation_speaks_of_saxony_and_the_installation(leipzig, settings):
    # The invitation to a new alliance's coordinator said "in Thuringia" whatever the
    # alliance's state, and the platform's name was fixed.
    from django.template.loader import render_to_string
    from django.utils import translation

    context = {"name": "Frau Weber", "alliance": leipzig, "link": "https://x/", "hours": 72}
    settings.BUENDNISNETZ_PLATFORM_NAME = "Bündnisnetz"
    with translation.override("de"):
        subject = render_to_string("regional/emails/setup_invitation_subject.txt", context)
        body = render_to_string("regional/emails/setup_invitation.txt", context)
    assert subject.strip() == f"Ihr Zugang zu Bündnisnetz: {leipzig.name}"
    assert "der Plattform der Lokalen Bündnisse für Familie in Sachsen" in body
    assert "Thüringen" not in subject + body
