"""Every page of every demo role, in Chromium (tests/browser/crawl.py): axe without a
serious or critical finding, no page wider than the window at 1366 px and 390 px, no
untranslated English, no internal dotted code; every list photographed at both widths
into .data/screenshots/crawl/.

One page per kind of page and role (its URL pattern and query parameter names: sorted,
filtered and paged lists are kinds of their own), found by following the links each
person is offered from their start page; one browser and one login per role.
"""

from __future__ import annotations

import shutil

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.crawl import Crawl
from tests.browser.environment import skip_reason
from tests.translations import EnglishFinder, catalogue

SKIP_REASON = skip_reason()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.crawl,
    pytest.mark.skipif(SKIP_REASON is not None, reason=f"browser crawl: {SKIP_REASON}"),
]

STATE, JENA = "localhost", "jena.localhost"
PUBLIC, TENANT = "config.urls_public", "config.urls_tenant"
# (who, login, host, URL conf, start pages, at least this many kinds of page)
ROLES = [
    ("anonymous-state", None, STATE, PUBLIC, ["/", "/accounts/login/"], 3),
    ("anonymous-jena", None, JENA, TENANT, ["/", "/accounts/login/"], 4),
    ("state-coordinator", "land@demo.example", STATE, PUBLIC, ["/", "/dashboard/"], 40),
    ("state-coordinator-in-jena", "land@demo.example", JENA, TENANT, ["/workspace/"], 20),
    ("ministry", "ministerium@demo.example", STATE, PUBLIC, ["/", "/reports/"], 5),
    ("coordinator", "jena@demo.example", JENA, TENANT, ["/workspace/"], 60),
    ("board-member", "kuratorium.jena@demo.example", JENA, TENANT, ["/workspace/"], 15),
    ("partner-contact", "partner.jena@demo.example", JENA, TENANT, ["/workspace/"], 4),
    ("pool-staff", "pool@demo.example", JENA, TENANT, ["/workspace/"], 4),
]


@pytest.fixture(scope="module")
def finder():
    return EnglishFinder(catalogue())


@pytest.fixture(scope="module")
def shots():
    folder = SCREENSHOTS / "crawl"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@pytest.mark.parametrize(
    ("who", "login", "host", "urlconf", "start", "minimum"), ROLES, ids=[r[0] for r in ROLES]
)
def test_every_page_of_the_role_passes_the_checks(
    who, login, host, urlconf, start, minimum, browser_server, chromium, axe, finder, shots
):
    crawl = Crawl(who=who, host=host, urlconf=urlconf, server=browser_server, browser=chromium,
                  axe=axe, finder=finder, folder=shots)  # fmt: skip
    crawl.run(login, start)
    spent = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in crawl.seconds.items())
    print(f"\nbrowser crawl {who}: {crawl.pages} pages of {len(crawl.kinds)} kinds ({spent})")
    assert crawl.pages >= minimum, f"{who} reached only {sorted(crawl.kinds.values())}"
    assert crawl.pages < crawl.limit, f"{who}: the crawl stopped at its limit"
    assert crawl.problems == [], "\n".join(crawl.problems)
