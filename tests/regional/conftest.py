"""Fixtures shared by the tests of the state layer (regional): its people, their clients on
the state host, and (imported) a temporary media root."""

from __future__ import annotations

import pytest
from django.test import Client

from tenants.models import User
from tenants.roles import Role
from tests.conftest import logged_in_client, person_with_role
from tests.factories.files import media_root  # noqa: F401 (a fixture for these tests)


@pytest.fixture
def ministry(db) -> User:
    """An account of the ministry (a module may declare a named one)."""
    return person_with_role(Role.MINISTRY)


@pytest.fixture
def state_client(state_coordinator) -> Client:
    """The state coordinator on the state host, reading the pages in English."""
    return logged_in_client(state_coordinator, "localhost", language="en")


@pytest.fixture
def ministry_client(ministry) -> Client:
    """The ministry's account on the state host, reading the pages in English."""
    return logged_in_client(ministry, "localhost", language="en")
