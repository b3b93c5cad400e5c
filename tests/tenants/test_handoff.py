"""The alliance switcher carries a login from one host to another, and nothing else."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.core import signing

from tenants.handoff import SALT, make_token
from tenants.roles import Role
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.tenants import UserFactory


@pytest.fixture
def state_coordinator(db):
    return person_with_role(Role.STATE_COORDINATOR, user=UserFactory(email="land@example.org"))


def _hop(client, host):
    response = client.get("/accounts/hop/", {"to": host})
    assert response.status_code == 302
    target = urlparse(response["Location"])
    return target, parse_qs(target.query)["token"][0]


def test_switching_to_an_alliance_logs_the_person_in_there(jena, state_coordinator):
    client = logged_in_client(state_coordinator, "localhost")
    target, token = _hop(client, "jena.localhost")
    assert target.netloc == "jena.localhost"
    assert target.path == "/accounts/enter/"
    other = host_client("jena.localhost")  # a fresh browser profile on the target host
    response = other.get("/accounts/enter/", {"token": token, "next": "/workspace/"})
    assert response.status_code == 302
    assert response["Location"] == "/workspace/"
    assert other.get("/workspace/").status_code == 200


def test_a_token_works_once(jena, state_coordinator):
    client = logged_in_client(state_coordinator, "localhost")
    _target, token = _hop(client, "jena.localhost")
    first = host_client("jena.localhost").get("/accounts/enter/", {"token": token})
    assert first["Location"] == "/"
    replay = host_client("jena.localhost")
    response = replay.get("/accounts/enter/", {"token": token})
    assert response["Location"].startswith("/accounts/login/")
    assert replay.get("/workspace/").status_code == 302  # not logged in


def test_a_token_for_one_host_does_not_open_another(jena, badfrankenhausen, state_coordinator):
    token = make_token(state_coordinator, "jena.localhost")
    thief = host_client("badfrankenhausen.localhost")
    thief.get("/accounts/enter/", {"token": token})
    assert thief.get("/workspace/").status_code == 302


def test_tampered_or_expired_tokens_are_refused(jena, state_coordinator, monkeypatch):
    forged = signing.dumps({"u": state_coordinator.pk, "h": "jena.localhost"}, salt="other")
    client = host_client("jena.localhost")
    response = client.get("/accounts/enter/", {"token": forged}, follow=True)
    assert "Der Link ist abgelaufen" in response.content.decode()
    monkeypatch.setattr("tenants.handoff.MAX_AGE_SECONDS", -1)
    expired = make_token(state_coordinator, "jena.localhost")
    client.get("/accounts/enter/", {"token": expired})
    assert client.get("/workspace/").status_code == 302
    assert SALT  # the salt separates these tokens from every other signed value


def test_a_changed_password_invalidates_open_tokens(jena, state_coordinator):
    token = make_token(state_coordinator, "jena.localhost")
    state_coordinator.set_password("ein-ganz-neues-passwort")
    state_coordinator.save()
    client = host_client("jena.localhost")
    client.get("/accounts/enter/", {"token": token})
    assert client.get("/workspace/").status_code == 302


def test_hop_refuses_hosts_outside_the_platform(jena, state_coordinator):
    client = logged_in_client(state_coordinator, "localhost")
    for host in ("evil.example", "jena.localhost.evil.example", ""):
        assert client.get("/accounts/hop/", {"to": host}).status_code == 404


def test_enter_never_redirects_to_another_site(jena, state_coordinator):
    token = make_token(state_coordinator, "jena.localhost")
    response = host_client("jena.localhost").get(
        "/accounts/enter/", {"token": token, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_hop_needs_a_login(jena):
    response = host_client("localhost").get("/accounts/hop/", {"to": "jena.localhost"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_navigation_offers_every_alliance_to_the_state_coordinator_only(
    jena, badfrankenhausen, state_coordinator
):
    client = logged_in_client(state_coordinator, "localhost")
    body = client.get("/accounts/").content.decode()
    assert "to=jena.localhost" in body
    assert "to=badfrankenhausen.localhost" in body

    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    client = logged_in_client(coordinator, "localhost")
    body = client.get("/accounts/").content.decode()
    assert "to=jena.localhost" in body
    assert "badfrankenhausen" not in body
