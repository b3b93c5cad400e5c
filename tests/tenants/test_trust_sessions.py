"""Accounts and sessions (issue 14): password resets are rate-limited, throttles hold
while Redis is down and count a person across every host, the hand-off between hosts
is bound to the browser that asked for it, and a login lands on the dashboard."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils.module_loading import import_string
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from kernel.mail.models import OutboxEmail
from tenants import throttling
from tenants.roles import Role
from tests.conftest import host_client, logged_in_client, person_with_role
from tests.factories.tenants import UserFactory

PASSWORD = "demo-passwort"
PASSWORD_RESET = "/accounts/password/reset/"
TOO_OFTEN = "Ein neues Passwort wurde zu oft angefordert."
# Nothing listens on port 1: every Redis call fails at once (connection refused).
DEAD_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings):
    """Redis unreachable for every cache (the default cache and the rate counters)."""
    settings.CACHES = {
        alias: {**config, "LOCATION": DEAD_REDIS} for alias, config in settings.CACHES.items()
    }
    throttling.reset_breaker()
    yield
    throttling.reset_breaker()


def _reset(host: str, email: str, client_address: str = "192.0.2.1"):
    return host_client(host, REMOTE_ADDR=client_address).post(PASSWORD_RESET, {"email": email})


def _mails_to(email: str) -> int:
    return OutboxEmail.objects.filter(to=[email]).count()


# ---------------------------------------------------------------- password reset


def _assert_limited_per_address():
    user = UserFactory()
    # Three requests for one address, from three clients and three hosts, are sent.
    for number, host in enumerate(("jena.localhost", "localhost", "badfrankenhausen.localhost")):
        response = _reset(host, user.email, f"192.0.2.{number + 1}")
        assert response.status_code == 302
    assert _mails_to(user.email) == 3
    # The fourth within the hour is refused, in German, and sends nothing.
    refused = _reset("jena.localhost", user.email.upper(), "198.51.100.7")
    assert refused.status_code == 429
    assert TOO_OFTEN in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    assert _mails_to(user.email) == 3


def test_password_reset_is_limited_per_address_across_hosts_and_clients(jena, badfrankenhausen):
    _assert_limited_per_address()


def test_password_reset_limit_holds_while_redis_is_down(jena, badfrankenhausen, redis_down):
    _assert_limited_per_address()
    from tenants.models import RateCounter

    assert RateCounter.objects.filter(key__startswith="password-reset-address:").exists()


def test_password_reset_is_limited_per_client(jena, settings):
    limit = throttling.Rate.parse(settings.PASSWORD_RESET_RATE_PER_CLIENT).limit
    for number in range(limit):
        assert _reset("jena.localhost", f"person{number}@example.org").status_code == 302
    refused = _reset("jena.localhost", "one-more@example.org")
    assert refused.status_code == 429
    assert TOO_OFTEN in refused.content.decode()
    # Another client is not affected.
    assert _reset("jena.localhost", "one-more@example.org", "192.0.2.99").status_code == 302


# ---------------------------------------------------------------- login throttle


def test_login_lockout_counts_across_hosts_and_holds_while_redis_is_down(
    jena, badfrankenhausen, redis_down
):
    user = person_with_role(Role.LOCAL_COORDINATOR, jena)
    hosts = ["jena.localhost"] * 3 + ["badfrankenhausen.localhost"] * 2
    for host in hosts:
        response = host_client(host).post(
            "/accounts/login/", {"username": user.email, "password": "falsch"}
        )
    assert response.status_code == 429
    # Locked everywhere, even with the right password.
    right = host_client("localhost").post(
        "/accounts/login/", {"username": user.email, "password": PASSWORD}
    )
    assert right.status_code == 429


# ---------------------------------------------------------------- API throttles


@pytest.fixture
def api_throttled(monkeypatch):
    """The API's configured throttles (the test settings switch them off), 3 a day."""
    from config.settings import base

    classes = [import_string(path) for path in base.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"]]
    monkeypatch.setattr(APIView, "throttle_classes", classes)
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/day", "user": "3/day"})


def _assert_one_count_across_alliances(jena, badfrankenhausen):
    person = person_with_role(Role.LOCAL_COORDINATOR, jena)
    person_with_role(Role.LOCAL_COORDINATOR, badfrankenhausen, user=person)
    in_jena = logged_in_client(person, "jena.localhost")
    in_bfh = logged_in_client(person, "badfrankenhausen.localhost")
    statuses = [
        in_jena.get("/api/v1/partners/").status_code,
        in_jena.get("/api/v1/partners/").status_code,
        in_bfh.get("/api/v1/partners/").status_code,
        in_bfh.get("/api/v1/partners/").status_code,
    ]
    assert statuses == [200, 200, 200, 429]
    # Anonymous callers: per client address, across hosts as well.
    anonymous = [
        host_client(host, REMOTE_ADDR="203.0.113.5").get("/api/v1/public/partners/").status_code
        for host in ("jena.localhost", "jena.localhost", "badfrankenhausen.localhost") * 2
    ]
    assert anonymous[:3] == [200, 200, 200]
    assert set(anonymous[3:]) == {429}


def test_api_throttle_counts_a_person_across_alliances(jena, badfrankenhausen, api_throttled):
    _assert_one_count_across_alliances(jena, badfrankenhausen)


def test_api_throttle_holds_while_redis_is_down(jena, badfrankenhausen, api_throttled, redis_down):
    _assert_one_count_across_alliances(jena, badfrankenhausen)


def test_rate_counter_counts_in_redis_and_in_the_database_while_redis_is_down(db, settings):
    from tenants.models import RateCounter

    verdicts = [throttling.hit("probe", "someone", "2/day") for _ in range(3)]
    assert [v.allowed for v in verdicts] == [True, True, False]
    # Redis counted (only this key: a test before it in the same process may have left
    # counters of its own in the database).
    assert not RateCounter.objects.filter(key__startswith="probe:someone:").exists()

    settings.CACHES = {
        alias: {**config, "LOCATION": DEAD_REDIS} for alias, config in settings.CACHES.items()
    }
    verdicts = [throttling.hit("probe", "other", "2/day") for _ in range(3)]
    assert [v.allowed for v in verdicts] == [True, True, False]
    assert RateCounter.objects.get(key__startswith="probe:other:").count == 3


# ---------------------------------------------------------------- the hand-off


def _follow_until_token(start, clients: dict) -> str:
    """Follow the hand-off's redirects, each in the browser of its host, until the
    address with a token comes up; returns that address (not opened)."""
    location = start["Location"]
    for _step in range(5):
        url = urlsplit(location)
        if "token" in parse_qs(url.query):
            return location
        response = clients[url.hostname].get(f"{url.path}?{url.query}")
        assert response.status_code == 302
        location = response["Location"]
    raise AssertionError("no token")


def test_an_attackers_hand_off_link_does_not_log_a_victim_into_the_attackers_account(
    jena, badfrankenhausen
):
    attacker = person_with_role(Role.LOCAL_COORDINATOR, jena)
    victim = person_with_role(Role.LOCAL_COORDINATOR, jena)
    # The attacker runs the switcher in their own browser and keeps the token's link.
    state = logged_in_client(attacker, "localhost")
    own_target = host_client("jena.localhost")
    start = state.get("/accounts/hop/", {"to": "jena.localhost"})
    link = _follow_until_token(start, {"localhost": state, "jena.localhost": own_target})
    url = urlsplit(link)

    # A victim's browser opens it: with no hand-off of its own, and in the middle of
    # one of its own (its own binding cookie).
    fresh = host_client("jena.localhost")
    mid_hand_off = host_client("jena.localhost")
    victim_state = logged_in_client(victim, "localhost")
    _follow_until_token(
        victim_state.get("/accounts/hop/", {"to": "jena.localhost"}),
        {"localhost": victim_state, "jena.localhost": mid_hand_off},
    )
    for browser in (fresh, mid_hand_off):
        response = browser.get(f"{url.path}?{url.query}")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
        assert browser.session.get("_auth_user_id") is None

    # The attacker's own browser, which asked for it, is let in.
    assert own_target.get(f"{url.path}?{url.query}").status_code == 302
    assert own_target.session.get("_auth_user_id") == str(attacker.pk)


def test_hand_off_start_goes_back_only_to_a_platform_host(jena):
    response = host_client("jena.localhost").get(
        "/accounts/enter/", {"from": "evil.example", "next": "/workspace/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_hop_refuses_a_malformed_binding(jena):
    client = logged_in_client(person_with_role(Role.LOCAL_COORDINATOR, jena), "localhost")
    response = client.get("/accounts/hop/", {"to": "jena.localhost", "binding": "x" * 64})
    assert response.status_code == 404


# ---------------------------------------------------------------- after the login


def _login(host: str, email: str, **extra):
    return host_client(host).post(
        "/accounts/login/", {"username": email, "password": PASSWORD, **extra}
    )


@pytest.mark.parametrize(
    ("role", "home"), [(Role.STATE_COORDINATOR, "/dashboard/"), (Role.MINISTRY, "/reports/")]
)
def test_state_people_land_on_their_home(db, role, home):
    """The state office on its overview, the ministry on the released reports."""
    user = person_with_role(role)
    response = _login("localhost", user.email)
    assert response.status_code == 302
    assert response["Location"] == home


@pytest.mark.parametrize("role", [Role.LOCAL_COORDINATOR, Role.BOARD_MEMBER])
def test_alliance_people_land_on_the_workspace(jena, role):
    user = person_with_role(role, jena)
    response = _login("jena.localhost", user.email)
    assert response["Location"] == "/workspace/"


def test_login_returns_to_the_page_asked_for_and_never_to_another_site(db):
    user = person_with_role(Role.STATE_COORDINATOR)
    assert _login("localhost", user.email, next="/meetings/")["Location"] == "/meetings/"
    evil = _login("localhost", user.email, next="https://evil.example/")
    assert evil["Location"] == "/dashboard/"


def test_people_without_a_role_here_land_on_their_account(jena):
    coordinator = person_with_role(Role.LOCAL_COORDINATOR, jena)
    assert _login("localhost", coordinator.email)["Location"] == "/accounts/"
    assert _login("jena.localhost", UserFactory().email)["Location"] == "/accounts/"
