"""Fixtures shared by the tests of an alliance's own work (core)."""

from __future__ import annotations

import pytest

from tests.conftest import logged_in_client
from tests.factories.files import media_root  # noqa: F401 (a fixture for these tests)


@pytest.fixture
def client(coordinator):
    """Jena's coordinator, reading the pages in English (the tests here check English
    texts; ``coordinator_client`` reads the German ones)."""
    return logged_in_client(coordinator, language="en")
