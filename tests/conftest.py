"""Shared fixtures. The two alliances are created once per test session.

Tests that touch the database run inside a transaction that is rolled back, so the
session's alliances (committed before the first test) stay as they are.
"""

from __future__ import annotations

import datetime
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import Client

from tenants import domain_cache
from tenants.districts import District
from tenants.models import Alliance
from tests.factories.tenants import AllianceFactory

SESSION_ALLIANCES = {
    "jena": {
        "name": "Lokales Bündnis für Familie Jena",
        "district": District.JENA,
        "host_organisation": "Stadt Jena",
        "founded_on": datetime.date(2004, 10, 1),
    },
    "badfrankenhausen": {
        "name": "Lokales Bündnis für Familie Bad Frankenhausen",
        "district": District.KYFFHAEUSERKREIS,
        "host_organisation": "Stadt Bad Frankenhausen/Kyffhäuser",
        "founded_on": datetime.date(2008, 5, 15),
    },
}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """After pytest-django built the test database, add the session's alliances."""
    with django_db_blocker.unblock():
        for slug, data in SESSION_ALLIANCES.items():
            if not Alliance.objects.filter(slug=slug).exists():
                AllianceFactory(slug=slug, **data)
        connection.set_schema_to_public()


@pytest.fixture
def jena(db) -> Alliance:
    return Alliance.objects.get(slug="jena")


@pytest.fixture
def badfrankenhausen(db) -> Alliance:
    return Alliance.objects.get(slug="badfrankenhausen")


@pytest.fixture(autouse=True)
def _fresh_routing_state():
    """Each test starts on the public schema with an empty host map."""
    domain_cache.clear()
    yield
    domain_cache.clear()
    connection.set_schema_to_public()


def host_client(host: str, **kwargs) -> Client:
    """A test client whose requests carry ``host`` in the Host header."""
    return Client(HTTP_HOST=host, **kwargs)


@pytest.fixture
def public_client() -> Client:
    return host_client("localhost")


@pytest.fixture
def jena_client(jena) -> Client:
    return host_client("jena.localhost")


@pytest.fixture
def badfrankenhausen_client(badfrankenhausen) -> Client:
    return host_client("badfrankenhausen.localhost")


def database_url_for(settings_dict: dict) -> str:
    """A DATABASE_URL for another process that must use this (test) database."""
    host = settings_dict.get("HOST") or ""
    port = settings_dict.get("PORT") or ""
    user = settings_dict.get("USER") or ""
    password = settings_dict.get("PASSWORD") or ""
    credentials = quote(user, safe="") + (f":{quote(password, safe='')}" if password else "")
    location = quote(host, safe="") + (f":{port}" if port else "")
    return f"postgres://{credentials}@{location}/{settings_dict['NAME']}"
