"""Hostile query values on every API list: never a 500, always the JSON error shape;
``page_size`` out of range is refused, not ignored.

The lists and their parameters come from each host's OpenAPI schema (every GET
operation without path parameters, every query parameter it documents), so a new list
or filter is fuzzed the day it is added.
"""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from tenants.roles import Role
from tests.conftest import host_client, person_with_role
from tests.factories.partners import PartnerFactory

BAD_VALUES = (
    "\x00",
    "a\x00b",
    "x" * 10_000,
    "2024-13-45",
    "0000-00-00",
    "99999-01-01",
    "-1",
    "-99999999999999999999",
    "99999999999999999999",
    "abc",
)
SHAPE = {"status", "code", "detail", "errors"}


def _client(user, host: str):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=user).key
    return host_client(host, HTTP_AUTHORIZATION=f"Token {token}", raise_request_exception=False)


def _list_operations(client) -> dict[str, list[str]]:
    """path -> its documented query parameters, for every GET without path parameters."""
    schema = client.get("/api/schema/", {"format": "json"}).json()
    return {
        path: [p["name"] for p in item["get"].get("parameters", []) if p["in"] == "query"]
        for path, item in schema["paths"].items()
        if "get" in item and "{" not in path
    }


def _fuzz(client) -> tuple[list[str], int]:
    failures: list[str] = []
    operations = _list_operations(client)
    for path, parameters in operations.items():
        for name in parameters:
            for value in BAD_VALUES:
                response = client.get(path, {name: value})
                problem = None
                if response.status_code >= 500:
                    problem = "server error"
                elif not response["Content-Type"].startswith("application/json"):
                    problem = f"not JSON ({response['Content-Type']})"
                elif response.status_code >= 400 and set(response.json()) != SHAPE:
                    problem = f"not the error shape: {response.json()}"
                if problem:
                    failures.append(
                        f"{path}?{name}={value[:20]!r}: {response.status_code} {problem}"
                    )
    return failures, len(operations)


def test_no_alliance_api_list_answers_500_to_hostile_query_values(jena):
    with schema_context("jena"):
        PartnerFactory(name="Vorhandener Partner", public_listing_consent=True)
    client = _client(person_with_role(Role.LOCAL_COORDINATOR, jena), "jena.localhost")
    failures, lists = _fuzz(client)
    assert lists >= 8
    assert failures == [], "\n".join(failures)


def test_no_state_api_list_answers_500_to_hostile_query_values(jena):
    client = _client(person_with_role(Role.STATE_COORDINATOR), "localhost")
    failures, lists = _fuzz(client)
    assert lists >= 4
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("value", ["abc", "0", "-1", "501", "1.5", " 5", "99999999999999999999"])
def test_an_invalid_page_size_is_refused_with_a_german_message(jena, value):
    client = _client(person_with_role(Role.LOCAL_COORDINATOR, jena), "jena.localhost")

    response = client.get("/api/v1/partners/", {"page_size": value})

    assert response.status_code == 400
    body = response.json()
    assert set(body) == SHAPE
    assert body["errors"]["page_size"] == ["Bitte geben Sie eine ganze Zahl von 1 bis 500 ein."]


@pytest.mark.parametrize("value", ["1", "500"])
def test_a_page_size_in_range_is_used(jena, value):
    with schema_context("jena"):
        PartnerFactory.create_batch(2)
    client = _client(person_with_role(Role.LOCAL_COORDINATOR, jena), "jena.localhost")

    response = client.get("/api/v1/partners/", {"page_size": value})

    assert response.status_code == 200
    assert len(response.json()["results"]) == min(int(value), 2)


def test_the_schema_documents_page_size_bounds_and_the_error_answers(jena):
    client = _client(person_with_role(Role.LOCAL_COORDINATOR, jena), "jena.localhost")
    schema = client.get("/api/schema/", {"format": "json"}).json()

    listing = schema["paths"]["/api/v1/partners/"]["get"]
    page_size = next(p for p in listing["parameters"] if p["name"] == "page_size")
    assert page_size["schema"]["minimum"] == 1
    assert page_size["schema"]["maximum"] == 500
    for code in ("400", "401", "403", "404", "429", "503"):
        assert listing["responses"][code]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"
        }
    create = schema["paths"]["/api/v1/partners/"]["post"]
    assert {"400", "413", "415"} <= set(create["responses"])
    assert schema["components"]["schemas"]["Error"]["required"] == [
        "status",
        "code",
        "detail",
        "errors",
    ]


def test_a_created_partner_is_answered_with_its_contact_count(jena):
    client = _client(person_with_role(Role.LOCAL_COORDINATOR, jena), "jena.localhost")

    response = client.post(
        "/api/v1/partners/", {"name": "Neu", "kind": "company"}, content_type="application/json"
    )

    assert response.status_code == 201, response.content
    assert response.json()["contact_count"] == 0
