"""Every page of every demo role, in Chromium (tests/browser/crawl.py): axe without a
serious or critical finding, no page wider than the window at 1366 px and 390 px, no
untranslated English, no internal dotted code; every list photographed at both widths
into .data/screenshots/crawl/<role>/.

One page per kind of page and role (its URL pattern and query parameter names: sorted,
filtered and paged lists are kinds of their own), found by following the links each
person is offered from their start page; one browser and one login per role.

The state area's people here, the alliance's in test_crawl_alliance.py: two modules, so
that the two halves can run on two test workers at once, each with its own server."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.crawl import JENA, PUBLIC, STATE, TENANT, Role, crawl_role
from tests.browser.environment import skip_reason
from tests.translations import EnglishFinder, catalogue

SKIP_REASON = skip_reason()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.crawl,
    pytest.mark.skipif(SKIP_REASON is not None, reason=f"browser crawl: {SKIP_REASON}"),
]

ROLES = [
    Role("anonymous-state", None, STATE, PUBLIC, ("/", "/accounts/login/"), 3),
    Role("state-coordinator", "land@demo.example", STATE, PUBLIC, ("/", "/dashboard/"), 40),
    Role("state-coordinator-in-jena", "land@demo.example", JENA, TENANT, ("/workspace/",), 20),
    Role("ministry", "ministerium@demo.example", STATE, PUBLIC, ("/", "/reports/"), 5),
]


@pytest.fixture(scope="module")
def finder():
    return EnglishFinder(catalogue())


@pytest.mark.parametrize("role", ROLES, ids=[role.who for role in ROLES])
def test_every_page_of_the_role_passes_the_checks(role, browser_server, chromium, axe, finder):
    crawl_role(role, server=browser_server, browser=chromium, axe=axe, finder=finder,
               folder=SCREENSHOTS / "crawl")  # fmt: skip
