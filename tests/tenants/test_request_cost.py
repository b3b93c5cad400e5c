"""What every page and API call costs besides its own data: the permission layer and
the header's navigation share one query of the person's memberships."""

from __future__ import annotations

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tenants.models import Alliance
from tenants.permissions import access_for
from tenants.roles import Role
from tests.api.calls import api_client, api_token
from tests.conftest import logged_in_client, person_with_role

TENANCY_TABLES = ('"tenants_membership"', '"tenants_alliance"', '"tenants_domain"')


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


def test_a_page_reads_the_memberships_once_for_access_and_navigation(jena, badfrankenhausen):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    person_with_role(Role.BOARD_MEMBER, badfrankenhausen, user=coordinator)
    count, body = tenancy_queries(logged_in_client(coordinator), "/workspace/partners/")
    assert count == 1
    assert "to=badfrankenhausen.localhost" in switcher(body)
    assert "Lokales Bündnis für Familie Jena" in switcher(body)


def test_the_state_coordinators_switcher_adds_one_query_for_the_other_alliances(
    jena, badfrankenhausen
):
    client = logged_in_client(person_with_role(Role.STATE_COORDINATOR), "localhost")
    count, body = tenancy_queries(client, "/dashboard/")
    assert count == 2
    assert "to=jena.localhost" in switcher(body)
    assert "to=badfrankenhausen.localhost" in switcher(body)


def test_an_api_call_reads_the_memberships_once(jena):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    client = api_client("jena.localhost", api_token(coordinator.email))
    assert tenancy_queries(client, "/api/v1/partners/")[0] == 1


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
