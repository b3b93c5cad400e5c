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
from tests.hostile import BAD_VALUES

SHAPE = {"status", "code", "detail", "errors"}


def _client(user, host: str):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=user).key
    return host_client(
        host, walk=True, HTTP_AUTHORIZATION=f"Token {token}", raise_request_exception=False
    )


# Each host's OpenAPI document as its /api/schema/ answered (the view is public, so the
# same for every caller): asked once per test process, read by every test below.
_SCHEMAS: dict[str, dict] = {}


def _schema_of(client) -> dict:
    host = client.defaults["HTTP_HOST"]
    if host not in _SCHEMAS:
        response = client.get("/api/schema/", {"format": "json"})
        assert response.status_code == 200
        _SCHEMAS[host] = response.json()
    return _SCHEMAS[host]


def _list_operations(client) -> dict[str, list[str]]:
    """path -> its documented query parameters, for every GET without path parameters."""
    schema = _schema_of(client)
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


@pytest.mark.slow
def test_no_alliance_api_list_answers_500_to_hostile_query_values(jena):
    with schema_context("jena"):
        PartnerFactory(name="Vorhandener Partner", public_listing_consent=True)
    client = _client(person_with_role(Role.LOCAL_COORDINATOR, jena), "jena.localhost")
    failures, lists = _fuzz(client)
    assert lists >= 8
    assert failures == [], "\n".join(failures)


@pytest.mark.slow
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
    schema = _schema_of(client)

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


def test_times_of_day_are_documented_as_sent(jena):
    """DRF sends "18:00:00"; OpenAPI's ``format: time`` would demand a UTC offset."""
    import re

    client = _client(person_with_role(Role.LOCAL_COORDINATOR, jena), "jena.localhost")
    schema = _schema_of(client)

    text = str(schema)
    assert "'format': 'time'" not in text
    meeting = schema["components"]["schemas"]["BoardMeeting"]["properties"]["start_time"]
    assert meeting["format"] == "partial-time"
    assert re.fullmatch(meeting["pattern"], "18:00:00")
    assert not re.fullmatch(meeting["pattern"], "18:00:00+01:00")


# ---------------------------------------------------------------- nulls as documented


def _nullable(schema: dict, prop: dict) -> bool:
    if prop.get("nullable"):
        return True
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return name == "NullEnum" or _nullable(schema, schema["components"]["schemas"][name])
    return any(
        _nullable(schema, p) for key in ("oneOf", "anyOf", "allOf") for p in prop.get(key, [])
    )


def _undeclared_nulls(client) -> list[str]:
    """Every null in a list's rows whose field the schema does not declare nullable."""
    schema = _schema_of(client)
    problems = []
    for path, item in schema["paths"].items():
        if "get" not in item or "{" in path:
            continue
        answer = item["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        page = schema["components"]["schemas"].get(answer.get("$ref", "").rsplit("/", 1)[-1], {})
        if "results" not in page.get("properties", {}):
            continue  # one object (the state's median), not a list of rows
        row_ref = page["properties"]["results"]["items"]["$ref"]
        row_schema = schema["components"]["schemas"][row_ref.rsplit("/", 1)[-1]]
        response = client.get(path)
        assert response.status_code == 200, path
        for row in response.json()["results"]:
            for key, value in row.items():
                if value is None and not _nullable(schema, row_schema["properties"][key]):
                    problems.append(f"{path} {key}")
    return sorted(set(problems))


def test_every_null_an_alliance_list_sends_is_declared_nullable(jena):
    from tests.factories.board import BoardMeetingFactory
    from tests.factories.projects import EventFactory, FundingEntryFactory

    with schema_context("jena"):
        EventFactory(project=None)
        FundingEntryFactory(partner=None)
        BoardMeetingFactory(template=None)
    client = _client(person_with_role(Role.LOCAL_COORDINATOR, jena), "jena.localhost")

    assert _undeclared_nulls(client) == []


def test_every_null_a_state_list_sends_is_declared_nullable(jena):
    from federal import models as federal
    from tests.factories.regional import InvitationFactory, RegionalMeetingFactory
    from tests.samples_state import seed_federal_records

    InvitationFactory(meeting=RegionalMeetingFactory(host_alliance=None), alliance=None)
    # federal: a programme without an end and an open milestone (nulls), and a person
    # who also holds the federal office's role, so that its lists are read too.
    seed_federal_records(jena, title="Programm")
    federal.Programme.objects.update(ends_on=None)
    user = person_with_role(Role.STATE_COORDINATOR)
    person_with_role(Role.FEDERAL_OFFICE, user=user)
    client = _client(user, "localhost")

    assert _undeclared_nulls(client) == []
