"""The crawl (tests/browser/crawl.py, explained in test_crawl.py) for the people of an
alliance: its visitors, coordinator, board member, partner contact and pool staff."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.crawl import JENA, TENANT, Role, crawl_role
from tests.browser.environment import skip_reason
from tests.translations import EnglishFinder, catalogue

SKIP_REASON = skip_reason()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.crawl,
    pytest.mark.skipif(SKIP_REASON is not None, reason=f"browser crawl: {SKIP_REASON}"),
]

ROLES = [
    Role("anonymous-jena", None, JENA, TENANT, ("/", "/accounts/login/"), 4),
    Role("coordinator", "jena@demo.example", JENA, TENANT, ("/workspace/",), 60),
    Role("board-member", "kuratorium.jena@demo.example", JENA, TENANT, ("/workspace/",), 15),
    Role("partner-contact", "partner.jena@demo.example", JENA, TENANT, ("/workspace/",), 4),
    Role("pool-staff", "pool@demo.example", JENA, TENANT, ("/workspace/",), 4),
]


@pytest.fixture(scope="module")
def finder():
    return EnglishFinder(catalogue())


@pytest.mark.parametrize("role", ROLES, ids=[role.who for role in ROLES])
def test_every_page_of_the_role_passes_the_checks(role, browser_server, chromium, axe, finder):
    crawl_role(role, server=browser_server, browser=chromium, axe=axe, finder=finder,
               folder=SCREENSHOTS / "crawl")  # fmt: skip
