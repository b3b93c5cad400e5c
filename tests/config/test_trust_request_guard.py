"""A NUL character in the query string is a 400 on every page and in the API, before
any view hands it to PostgreSQL."""

from __future__ import annotations

import pytest

from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/accounts/hop/", {"to": "\x00"}),  # read straight from request.GET: was a 500
        ("/accounts/hop/", {"to": "jena.localhost\x00"}),
        ("/workspace/audit/", {"q": "a\x00b"}),
        ("/workspace/partners/", {"q\x00": "x"}),
    ],
)
def test_a_nul_in_the_query_string_is_a_german_400_page(jena, path, query):
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena))
    client.raise_request_exception = False

    response = client.get(path, query)

    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()


def test_a_nul_in_an_api_query_is_a_400_in_the_error_shape(jena):
    from rest_framework.authtoken.models import Token

    from tests.conftest import host_client

    token = Token.objects.create(user=person_with_role(Role.LOCAL_COORDINATOR, jena)).key
    client = host_client("jena.localhost", HTTP_AUTHORIZATION=f"Token {token}")

    response = client.get("/api/v1/partners/", {"q": "\x00"})

    assert response.status_code == 400
    assert set(response.json()) == {"status", "code", "detail", "errors"}


def test_a_query_without_nul_passes(jena):
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena))

    assert client.get("/workspace/audit/", {"q": "100%00 sicher"}).status_code == 200
