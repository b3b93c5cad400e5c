"""Fixtures of the federal service office's tests: its account, a state coordinator,
their clients on the state host, and Bad Frankenhausen moved to Saxony so that two
states have alliances."""

from __future__ import annotations

import pytest
from django.test import Client

from tenants.models import Alliance, User
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.files import media_root  # noqa: F401 (a fixture for these tests)

SAXONY, THURINGIA = "14", "16"


@pytest.fixture
def federal_user(db) -> User:
    return person_with_role(Role.FEDERAL_OFFICE)


@pytest.fixture
def federal_client(federal_user) -> Client:
    """The federal office on the state host, reading the pages in German."""
    return logged_in_client(federal_user, "localhost")


@pytest.fixture
def state_client(state_coordinator) -> Client:
    return logged_in_client(state_coordinator, "localhost")


@pytest.fixture
def saxon_alliance(badfrankenhausen) -> Alliance:
    """Bad Frankenhausen, in Saxony for this test (rolled back afterwards)."""
    Alliance.everywhere.filter(pk=badfrankenhausen.pk).update(state_id=SAXONY)
    return Alliance.everywhere.get(pk=badfrankenhausen.pk)
