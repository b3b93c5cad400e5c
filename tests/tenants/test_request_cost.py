"""What every page and API call costs besides its own data: the permission layer and
the header's navigation share one query of the person's memberships, and each process
keeps them (tenants.access_cache) until they change: a change takes effect at the next
request."""

from __future__ import annotations

from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context

from tenants.models import Alliance, Membership
from tenants.permissions import access_for
from tenants.roles import Role
from tests.api.calls import api_client, api_token
from tests.conftest import logged_in_client, person_with_role

# Statements reading these tables themselves (a figure's query that joins the alliances
# to narrow them to the office's state is not a tenancy lookup).
TENANCY_TABLES = ('FROM "tenants_membership"', 'FROM "tenants_alliance"', 'FROM "tenants_domain"')


def tenancy_queries(client, path: str) -> tuple[int, str]:
    """(statements that read memberships, alliances or domains, the body) of a second
    GET of ``path``: the first one has looked the host up."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    count = sum(
        any(table in q["sql"] for table in TENANCY_TABLES) for q in queries.captured_queries
    )
    return count, response.content.decode()


def switcher(body: str) -> str:
    return body.split('<details class="switcher">')[1].split("</details>")[0]


def measured(client, path: str) -> tuple[int, str]:
    """(statements that read memberships, alliances or domains, the body) of one GET."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    count = sum(
        any(table in q["sql"] for table in TENANCY_TABLES) for q in queries.captured_queries
    )
    return count, response.content.decode() if response.status_code == 200 else ""


def test_a_page_reads_the_memberships_once_for_access_and_navigation(jena, badfrankenhausen):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    person_with_role(Role.BOARD_MEMBER, badfrankenhausen, user=coordinator)
    client = logged_in_client(coordinator)
    client.get("/workspace/")  # looks the host up, reads the memberships
    count, body = tenancy_queries(client, "/workspace/partners/")
    assert count == 0  # kept by the process until they change
    assert "to=badfrankenhausen.localhost" in switcher(body)
    assert "Lokales Bündnis für Familie Jena" in switcher(body)


def test_a_changed_membership_takes_effect_at_the_next_request(jena, badfrankenhausen):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    client = logged_in_client(coordinator)
    client.get("/workspace/")  # looks the host up, reads the memberships
    assert measured(client, "/workspace/partners/")[0] == 0
    # A new role elsewhere: read again once, and shown at once.
    person_with_role(Role.BOARD_MEMBER, badfrankenhausen, user=coordinator)
    count, body = measured(client, "/workspace/partners/")
    assert count == 1
    assert "to=badfrankenhausen.localhost" in switcher(body)
    assert measured(client, "/workspace/partners/")[0] == 0
    # The alliance renamed: its members see the new name at their next request.
    with schema_context("public"):
        badfrankenhausen.refresh_from_db()
        badfrankenhausen.name = "Bündnis Kyffhäuser"
        badfrankenhausen.save()
    count, body = measured(client, "/workspace/partners/")
    assert "Bündnis Kyffhäuser" in switcher(body)
    # The role taken away: refused at the very next request.
    Membership.objects.filter(user=coordinator, alliance=jena).delete()
    assert client.get("/workspace/partners/").status_code == 404


def test_a_rolled_back_change_leaves_the_kept_memberships_right(jena):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    client = logged_in_client(coordinator)
    assert client.get("/workspace/partners/").status_code == 200
    with transaction.atomic():
        Membership.objects.filter(user=coordinator).delete()
        assert client.get("/workspace/partners/").status_code == 404
        transaction.set_rollback(True)
    assert client.get("/workspace/partners/").status_code == 200
    Membership.objects.filter(user=coordinator).delete()
    assert client.get("/workspace/partners/").status_code == 404


def test_the_state_coordinators_switcher_adds_one_query_for_the_other_alliances(
    jena, badfrankenhausen
):
    client = logged_in_client(person_with_role(Role.STATE_COORDINATOR), "localhost")
    count, body = tenancy_queries(client, "/dashboard/")
    assert count == 1  # the memberships are kept: only the other alliances are read
    assert "to=jena.localhost" in switcher(body)
    assert "to=badfrankenhausen.localhost" in switcher(body)


def test_an_api_call_reads_the_memberships_once(jena):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    client = api_client("jena.localhost", api_token(coordinator.email))
    assert tenancy_queries(client, "/api/v1/partners/")[0] == 0  # kept from the first
    Membership.objects.filter(user=coordinator).delete()
    assert client.get("/api/v1/partners/").status_code == 404  # at once


def test_the_access_of_a_request_follows_its_person(jena):
    """The API's token holder replaces the session's person on the request: an access
    worked out before is not reused for the other person."""
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    contact = person_with_role(Role.PARTNER_CONTACT, jena, partner_id=7)
    request = RequestFactory().get("/")
    request.tenant = Alliance.objects.get(pk=jena.pk)
    request.user = coordinator
    assert access_for(request).roles == {Role.LOCAL_COORDINATOR}
    assert access_for(request) is access_for(request)  # once per request
    request.user = contact
    assert access_for(request).roles == {Role.PARTNER_CONTACT}
    assert access_for(request).partner_ids == {7}
