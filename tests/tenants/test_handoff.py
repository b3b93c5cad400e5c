"""The alliance switcher carries a login from one host to another, and nothing else."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.core import signing

from tenants.handoff import BINDING_COOKIE, SALT, make_token, new_binding
from tenants.roles import Role
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.tenants import account_with_role


@pytest.fixture
def state_coordinator(db):
    return account_with_role(Role.STATE_COORDINATOR, email="land@example.org")


def _get(client, location: str):
    url = urlparse(location)
    return client.get(url.path, {k: v[0] for k, v in parse_qs(url.query).items()})


def _hop(client, host, browser=None):
    """The hand-off up to the token (tenants.handoff): ``client`` on the state host,
    ``browser`` the same person's browser on ``host`` (which gets the binding cookie).
    Returns the target browser, the token's address and the token."""
    browser = browser or host_client(host)  # the browser's cookie jar on the target host
    start = client.get("/accounts/hop/", {"to": host})
    assert start.status_code == 302
    assert urlparse(start["Location"]).netloc == host
    back = _get(browser, start["Location"])
    assert back.status_code == 302
    assert BINDING_COOKIE in browser.cookies
    assert urlparse(back["Location"]).netloc == "localhost"
    response = _get(client, back["Location"])
    assert response.status_code == 302
    target = urlparse(response["Location"])
    return browser, target, parse_qs(target.query)["token"][0]


def test_switching_to_an_alliance_logs_the_person_in_there(jena, state_coordinator):
    client = logged_in_client(state_coordinator, "localhost")
    browser, target, token = _hop(client, "jena.localhost")
    assert target.netloc == "jena.localhost"
    assert target.path == "/accounts/enter/"
    response = browser.get("/accounts/enter/", {"token": token, "next": "/workspace/"})
    assert response.status_code == 302
    assert response["Location"] == "/workspace/"
    assert browser.get("/workspace/").status_code == 200


def test_a_token_works_once(jena, state_coordinator):
    client = logged_in_client(state_coordinator, "localhost")
    browser, _target, token = _hop(client, "jena.localhost")
    nonce = browser.cookies[BINDING_COOKIE].value
    first = browser.get("/accounts/enter/", {"token": token})
    assert first["Location"] == "/"
    replay = host_client("jena.localhost")
    replay.cookies[BINDING_COOKIE] = nonce  # even with the same binding
    response = replay.get("/accounts/enter/", {"token": token})
    assert response["Location"].startswith("/accounts/login/")
    assert replay.get("/workspace/").status_code == 302  # not logged in


def _bound_client(host: str):
    """A browser on ``host`` holding a binding cookie, and the binding for its token."""
    nonce, binding = new_binding()
    client = host_client(host)
    client.cookies[BINDING_COOKIE] = nonce
    return client, binding


def test_a_token_for_one_host_does_not_open_another(jena, badfrankenhausen, state_coordinator):
    thief, binding = _bound_client("badfrankenhausen.localhost")
    token = make_token(state_coordinator, "jena.localhost", binding=binding)
    thief.get("/accounts/enter/", {"token": token})
    assert thief.get("/workspace/").status_code == 302


def test_tampered_or_expired_tokens_are_refused(jena, state_coordinator, monkeypatch):
    client, binding = _bound_client("jena.localhost")
    forged = signing.dumps(
        {"u": state_coordinator.pk, "h": "jena.localhost", "b": binding}, salt="other"
    )
    response = client.get("/accounts/enter/", {"token": forged}, follow=True)
    assert "Der Link ist abgelaufen" in response.content.decode()
    monkeypatch.setattr("tenants.handoff.MAX_AGE_SECONDS", -1)
    client, binding = _bound_client("jena.localhost")
    expired = make_token(state_coordinator, "jena.localhost", binding=binding)
    client.get("/accounts/enter/", {"token": expired})
    assert client.get("/workspace/").status_code == 302
    assert SALT  # the salt separates these tokens from every other signed value


def test_a_changed_password_invalidates_open_tokens(jena, state_coordinator):
    client, binding = _bound_client("jena.localhost")
    token = make_token(state_coordinator, "jena.localhost", binding=binding)
    state_coordinator.set_password("ein-ganz-neues-passwort")
    state_coordinator.save()
    client.get("/accounts/enter/", {"token": token})
    assert client.get("/workspace/").status_code == 302


def test_hop_refuses_hosts_outside_the_platform(jena, state_coordinator):
    client = logged_in_client(state_coordinator, "localhost")
    for host in ("evil.example", "jena.localhost.evil.example", ""):
        assert client.get("/accounts/hop/", {"to": host}).status_code == 404


def test_enter_never_redirects_to_another_site(jena, state_coordinator):
    client, binding = _bound_client("jena.localhost")
    token = make_token(state_coordinator, "jena.localhost", binding=binding)
    response = client.get("/accounts/enter/", {"token": token, "next": "https://evil.example/"})
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


def test_the_switcher_shows_a_few_alliances_own_first_and_links_to_all(
    jena, badfrankenhausen, state_coordinator, monkeypatch
):
    from tenants.selectors import switcher_for

    person_with_role(Role.BOARD_MEMBER, badfrankenhausen, user=state_coordinator)
    client = logged_in_client(state_coordinator, "localhost")
    request = client.get("/accounts/").wsgi_request
    switcher = switcher_for(request, limit=1)
    labels = [link.label for link in switcher.links]
    # The state area, then the own alliance although "Jena" would come first by name.
    assert labels[1:] == ["Lokales Bündnis für Familie Bad Frankenhausen"]
    assert switcher.more is True
    assert switcher.all_url == "/"  # the state area's list of every alliance
    everything = switcher_for(request, limit=1000)
    assert everything.more is False
    assert everything.all_url == ""

    # The header: at most SWITCHER_LIMIT alliances and the link to all of them.
    monkeypatch.setattr("tenants.selectors.SWITCHER_LIMIT", 1)
    body = client.get("/dashboard/").content.decode()
    header = body.split('<details class="switcher">')[1].split("</details>")[0]
    assert "to=badfrankenhausen.localhost" in header
    assert "to=jena.localhost" not in header
    assert 'class="switcher-all"' in header


def test_the_switcher_of_a_local_coordinator_has_no_link_to_all(jena, badfrankenhausen):
    from tenants.selectors import switcher_for

    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    request = logged_in_client(coordinator, "localhost").get("/accounts/").wsgi_request
    switcher = switcher_for(request, limit=1)
    assert [link.label for link in switcher.links] == ["Lokales Bündnis für Familie Jena"]
    assert switcher.more is False
