"""The crawl (tests/browser/crawl.py, explained in test_crawl.py) for the people of an
alliance: its visitors, coordinator, board member, partner contact and pool staff, and the
state coordination office in the alliance's workspace."""

from __future__ import annotations

from tests.browser.crawl import JENA, TENANT, Role, crawl_module

ROLES = [
    Role("anonymous-jena", None, JENA, TENANT, ("/", "/accounts/login/"), 4),
    Role("coordinator", "jena@demo.example", JENA, TENANT, ("/workspace/",), 60),
    Role("board-member", "kuratorium.jena@demo.example", JENA, TENANT, ("/workspace/",), 15),
    Role("partner-contact", "partner.jena@demo.example", JENA, TENANT, ("/workspace/",), 4),
    Role("pool-staff", "pool@demo.example", JENA, TENANT, ("/workspace/",), 4),
    # The state office in the workspace sees the coordinator's pages: here axe reads only
    # the page structures the coordinator's crawl did not show (tests/browser/checks.py).
    Role("state-coordinator-in-jena", "land@demo.example", JENA, TENANT, ("/workspace/",), 20),
]

pytestmark, test_every_page_of_the_role_passes_the_checks = crawl_module(ROLES)
