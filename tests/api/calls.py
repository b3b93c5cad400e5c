"""Calls of the REST API shared by its tests: a client with a token, the token itself,
and a resource created and then changed through its endpoints."""

from __future__ import annotations

from django.test import Client

JSON = "application/json"


def api_client(host: str, token: str | None = None) -> Client:
    """A test client on ``host``, authenticated by ``token`` (anonymous without one)."""
    headers = {"HTTP_HOST": host}
    if token:
        headers["HTTP_AUTHORIZATION"] = f"Token {token}"
    return Client(**headers)


def api_token(email: str, password: str = "demo-passwort", host: str = "jena.localhost") -> str:
    """The API token of the account ``email``, issued on ``host``."""
    response = api_client(host).post(
        "/api/v1/auth/token/", {"email": email, "password": password}, content_type=JSON
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


def create_then_change(client, path: str, payload: dict, change: dict):
    """POSTs ``payload`` to the list ``path`` (201), then PATCHes ``change`` onto the new
    record (200); returns both responses."""
    created = client.post(path, payload, content_type=JSON)
    assert created.status_code == 201, created.content
    changed = client.patch(f"{path}{created.json()['id']}/", change, content_type=JSON)
    assert changed.status_code == 200, changed.content
    return created, changed
