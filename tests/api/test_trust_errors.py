"""Every API error is JSON in the one documented shape: lock-out (429), a body over the
size limit (413), the database or the broker down (503), unknown paths (404), bad
``page_size`` (400). None of them an HTML page."""

from __future__ import annotations

import json

import pytest
from django.db import OperationalError

from tenants.roles import Role
from tests.conftest import host_client, person_with_role
from tests.factories.tenants import UserFactory

HOST = "jena.localhost"
SHAPE = {"status", "code", "detail", "errors"}


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == SHAPE
    assert body["status"] == status
    assert body["detail"]
    return body


@pytest.fixture
def api(jena):
    """A client with the token of Jena's coordinator."""
    from rest_framework.authtoken.models import Token

    user = person_with_role(Role.LOCAL_COORDINATOR, jena)
    token = Token.objects.create(user=user).key
    return host_client(HOST, HTTP_AUTHORIZATION=f"Token {token}", raise_request_exception=False)


# ---------------------------------------------------------------- 429 lock-out


def test_a_locked_out_token_login_answers_429_json(jena):
    user = UserFactory()
    client = host_client(HOST)
    wrong = {"email": user.email, "password": "falsch"}
    for _attempt in range(5):
        client.post("/api/v1/auth/token/", wrong, content_type="application/json")

    right = client.post(
        "/api/v1/auth/token/",
        {"email": user.email, "password": "right-does-not-matter"},
        content_type="application/json",
    )

    body = _error(right, 429)
    assert body["code"] == "locked_out"
    assert "Minuten" in body["detail"]
    assert int(right["Retry-After"]) > 0


# ---------------------------------------------------------------- 413 too large


@pytest.mark.parametrize("content_type", ["application/json", "application/x-www-form-urlencoded"])
def test_a_body_over_the_size_limit_answers_413_json(api, settings, content_type):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    name = "x" * 20_000
    body = (
        json.dumps({"name": name, "kind": "company"})
        if content_type == "application/json"
        else f"name={name}&kind=company"
    )

    response = api.post("/api/v1/partners/", body, content_type=content_type)

    assert _error(response, 413)["code"] == "too_large"


def test_request_data_too_big_raised_inside_a_view_answers_413_json(api, settings):
    """Without a Content-Length the check in front cannot see the size; Django's parser
    raises RequestDataTooBig when it reads the form, and that is a 413 too."""
    from django.core.exceptions import RequestDataTooBig

    from api.exceptions import handle

    response = handle(RequestDataTooBig("too big"), {})
    assert response.status_code == 413
    assert set(response.data) == SHAPE


# ---------------------------------------------------------------- 503 database or broker down


def test_database_down_while_the_alliance_is_looked_up_answers_503_json(api, monkeypatch):
    def unreachable(hostname):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr("tenants.domain_cache.lookup", unreachable)

    response = api.get("/api/v1/partners/")

    body = _error(response, 503)
    assert body["code"] == "database_unavailable"
    assert "Datenbank" in body["detail"]
    assert response["Retry-After"]


def _assert_list_failing_with(api, monkeypatch, error: Exception, code: str) -> None:
    """The partner list, whose read raises ``error``, answers 503 JSON with ``code``."""

    def unreachable(*args, **kwargs):
        raise error

    # The viewset reads through its declared selector.
    monkeypatch.setattr("api.views.workspace.PartnerViewSet.selector", unreachable)

    body = _error(api.get("/api/v1/partners/"), 503)
    assert body["code"] == code


def test_database_down_inside_a_view_answers_503_json(api, monkeypatch):
    error = OperationalError("server closed the connection unexpectedly")
    _assert_list_failing_with(api, monkeypatch, error, "database_unavailable")


def test_broker_down_inside_a_view_answers_503_json(api, monkeypatch):
    from kombu.exceptions import OperationalError as BrokerDown

    error = BrokerDown("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    _assert_list_failing_with(api, monkeypatch, error, "queue_unavailable")


def test_a_service_that_could_not_queue_its_work_answers_503_json(api, monkeypatch):
    from kernel.broker import QUEUE_UNAVAILABLE_MESSAGE, TaskQueueUnavailable

    def refused(**kwargs):
        raise TaskQueueUnavailable

    monkeypatch.setattr("api.views.workspace.PartnerViewSet.create_service", refused)

    response = api.post(
        "/api/v1/partners/", {"name": "Neu", "kind": "company"}, content_type="application/json"
    )

    body = _error(response, 503)
    assert body["code"] == "queue_unavailable"
    assert body["detail"] == str(QUEUE_UNAVAILABLE_MESSAGE)


# ---------------------------------------------------------------- outside DRF


def test_an_unknown_api_path_answers_404_json(api):
    body = _error(api.get("/api/v1/no-such-thing/"), 404)
    assert body["code"] == "not_found"


def test_an_unknown_api_path_on_an_unknown_host_answers_404_json(db):
    client = host_client("nowhere.localhost", raise_request_exception=False)
    _error(client.get("/api/v1/partners/"), 404)


def test_pages_outside_the_api_keep_their_html_errors(jena):
    response = host_client(HOST).get("/no-such-page/")
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/json")
