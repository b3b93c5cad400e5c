"""The administration for support staff works on the state host and on alliance hosts."""

import pytest
from django_tenants.utils import schema_context, schema_exists

from kernel.audit.models import AuditEntry
from kernel.audit.services import audit_log
from tenants.models import Alliance
from tenants.selectors import home_state
from tests.conftest import host_client, logged_in_client
from tests.factories.tenants import UserFactory


@pytest.fixture
def support_user(db):
    return UserFactory(email="support@example.org", is_staff=True, is_superuser=True)


def test_admin_requires_login(jena):
    response = host_client("jena.localhost").get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_non_staff_account_cannot_use_the_admin(jena):
    person = UserFactory(email="person@example.org")
    response = logged_in_client(person, "localhost").get("/admin/")
    assert response.status_code == 302


def test_state_host_admin_lists_alliances(support_user, jena):
    response = logged_in_client(support_user, "localhost").get("/admin/tenants/alliance/")
    assert response.status_code == 200
    assert "Lokales Bündnis für Familie Jena" in response.content.decode()


def test_alliance_host_admin_shows_only_that_schemas_audit_trail(support_user, jena):
    with schema_context("jena"):
        audit_log(actor=None, action="core.partner.created", changes={"who": "nur-jena"})
    with schema_context("badfrankenhausen"):
        audit_log(actor=None, action="core.partner.created", changes={"who": "nur-bfh"})
    client = logged_in_client(support_user, "jena.localhost")
    response = client.get("/admin/audit/auditentry/", {"action": "core.partner.created"})
    assert response.status_code == 200
    shown = list(response.context["cl"].result_list)
    assert [entry.changes["who"] for entry in shown] == ["nur-jena"]
    # Support staff read each entry's sentence too (kernel.audit.presenter).
    assert "Das System hat den Partner angelegt." in response.content.decode()


@pytest.mark.slow
def test_creating_an_alliance_in_the_admin_goes_through_the_service(support_user):
    client = logged_in_client(support_user, "localhost")
    form = client.get("/admin/tenants/alliance/add/").content.decode()
    home = home_state()
    assert f'<option value="{home.pk}" selected>Thüringen</option>' in form  # the default
    response = client.post(
        "/admin/tenants/alliance/add/",
        {
            "name": "Lokales Bündnis für Familie Sömmerda",
            "slug": "soemmerda",
            "state": home.pk,
            "district": "16068",
            "host_organisation": "",
            "founded_on": "",
            "status": "setup",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    alliance = Alliance.objects.get(slug="soemmerda")
    assert alliance.state == home
    assert schema_exists("soemmerda")
    assert alliance.domains.get().domain == "soemmerda.localhost"
    assert AuditEntry.objects.filter(
        action="tenants.alliance.created", object_id=str(alliance.pk), actor_id=support_user.pk
    ).exists()


def test_the_admin_offers_germanys_districts_and_refuses_one_of_another_state(support_user):
    client = logged_in_client(support_user, "localhost")
    form = client.get("/admin/tenants/alliance/add/").content.decode()
    assert '<optgroup label="Thüringen">' in form
    assert '<option value="09162">München</option>' in form
    response = client.post(
        "/admin/tenants/alliance/add/",
        {"name": "Bündnis Irrtum", "slug": "irrtum", "state": "16", "district": "09162",
         "host_organisation": "", "founded_on": "", "status": "setup"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "München liegt nicht in Thüringen." in response.content.decode()
    assert not Alliance.objects.filter(slug="irrtum").exists()
    assert not schema_exists("irrtum")


def test_admin_edits_of_accounts_and_roles_are_audited_with_changes(support_user, jena):
    from tenants.models import Membership, User

    person = UserFactory(email="person@example.org", full_name="Alt Name")
    client = logged_in_client(support_user, "localhost")
    response = client.post(
        f"/admin/tenants/user/{person.pk}/change/",
        {
            "email": "person@example.org",
            "full_name": "Neu Name",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = AuditEntry.objects.get(action="tenants.user.updated", object_id=str(person.pk))
    assert entry.changes["full_name"] == ["Alt Name", "Neu Name"]
    assert "date_joined" in entry.changes  # the form sent another date: recorded too
    assert "password" not in entry.changes
    assert "email" not in entry.changes
    assert entry.actor_id == support_user.pk

    response = client.post(
        "/admin/tenants/membership/add/",
        {"user": person.pk, "role": "board_member", "alliance": jena.pk, "partner_id": ""},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    membership = Membership.objects.get(user=person)
    created = AuditEntry.objects.get(action="tenants.membership.created")
    assert created.object_id == str(membership.pk)
    assert created.changes["role"] == [None, "board_member"]

    response = client.post(f"/admin/tenants/membership/{membership.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="tenants.membership.deleted").exists()
    assert User.objects.filter(pk=person.pk).exists()


def test_admin_refuses_a_membership_that_breaks_the_role_rules(support_user, jena):
    from tenants.models import Membership

    person = UserFactory(email="person2@example.org")
    client = logged_in_client(support_user, "localhost")
    response = client.post(
        "/admin/tenants/membership/add/",
        {"user": person.pk, "role": "ministry", "alliance": jena.pk, "partner_id": ""},
    )
    assert response.status_code == 200
    assert "Landesrollen gelten für ein Land ohne Bündnis" in response.content.decode()
    assert not Membership.objects.filter(user=person).exists()


def test_alliances_cannot_be_deleted_in_the_admin(support_user, jena):
    client = logged_in_client(support_user, "localhost")
    response = client.post(f"/admin/tenants/alliance/{jena.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Alliance.objects.filter(pk=jena.pk).exists()


def test_each_host_administers_only_the_models_whose_tables_it_has(support_user, jena):
    state_client = logged_in_client(support_user, "localhost")
    public_index = state_client.get("/admin/").content.decode()
    assert "/admin/tenants/alliance/" in public_index
    assert "/admin/core/partner/" not in public_index
    jena_client = logged_in_client(support_user, "jena.localhost")
    jena_index = jena_client.get("/admin/").content.decode()
    assert "/admin/core/partner/" in jena_index
    assert "/admin/tenants/alliance/" not in jena_index
    assert jena_client.get("/admin/core/partner/").status_code == 200
    assert state_client.get("/admin/core/partner/").status_code == 403
