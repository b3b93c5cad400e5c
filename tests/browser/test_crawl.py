"""Every page of every demo role, in Chromium (tests/browser/crawl.py): axe without a
serious or critical finding, no page wider than the window at 1366 px and 390 px, no
untranslated English, no internal dotted code; with ``make crawl`` every list
photographed at both widths into .data/screenshots/crawl/<role>/.

One page per kind of page and role (its URL pattern and query parameter names: sorted,
filtered and paged lists are kinds of their own), found by following the links each
person is offered from their start page; one browser and one login per role.

The state area's people here, the alliance's in test_crawl_alliance.py (the state
coordinator in Jena's workspace too): two modules, so that the two halves can run on two
test workers at once, each with its own server."""

from __future__ import annotations

from tests.browser.crawl import PUBLIC, STATE, Role, crawl_module

ROLES = [
    Role("anonymous-state", None, STATE, PUBLIC, ("/", "/accounts/login/"), 3),
    Role("state-coordinator", "land@demo.example", STATE, PUBLIC, ("/", "/dashboard/"), 40),
    Role("ministry", "ministerium@demo.example", STATE, PUBLIC, ("/", "/reports/"), 5),
    # The second state's office (its own alliances only) and the federal service office.
    Role(
        "state-coordinator-saxony",
        "land.sachsen@demo.example",
        STATE,
        PUBLIC,
        ("/", "/dashboard/"),
        40,
    ),
    Role("federal-office", "bund@demo.example", STATE, PUBLIC, ("/", "/bund/"), 5),
]

pytestmark, test_every_page_of_the_role_passes_the_checks = crawl_module(ROLES)
