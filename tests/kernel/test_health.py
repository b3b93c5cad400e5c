"""/healthz and /readyz answer as JSON on every host, /readyz names what is down."""

import pytest

from tests.conftest import host_client

HOSTS = ["localhost", "jena.localhost", "badfrankenhausen.localhost", "unbekannt.localhost"]


@pytest.mark.parametrize("host", HOSTS)
def test_healthz_answers_on_every_host(db, host):
    response = host_client(host).get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("host", HOSTS)
def test_readyz_is_ok_when_database_and_broker_answer(db, host):
    response = host_client(host).get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}


def test_readyz_is_503_naming_the_broker_when_redis_is_unreachable(db, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = host_client("jena.localhost").get("/readyz")
    assert response.status_code == 503
    assert response.json()["down"] == ["broker"]
    assert response.json()["checks"] == {"database": "ok", "broker": "down"}


def test_readyz_is_503_naming_the_database_when_it_cannot_be_used():
    # Without the db fixture pytest-django refuses every database connection, as a
    # database that is down would.
    response = host_client("localhost").get("/readyz")
    assert response.status_code == 503
    assert response.json()["down"] == ["database"]


def test_healthz_needs_no_database():
    assert host_client("localhost").get("/healthz").status_code == 200


def test_probes_do_not_accept_writes(db):
    assert host_client("localhost").post("/readyz").status_code != 200
