"""Browser journeys: Debian's Chromium, driven by Playwright, against a real web server.

Every page a journey visits is checked with axe-core (WCAG 2.1 A/AA; serious and
critical violations fail; each page structure once per module, tests/browser/checks.py),
measured for reflow (no page wider than the window at 1366 px
and at 390 px), and watched for requests to other hosts and for console errors (CSP
violations among them). A page with a finding, and every open page of a journey that
broke off, is photographed into .data/screenshots/<journey>/; ``make journeys``
(``BUENDNISNETZ_SCREENSHOTS=1``) photographs every page checked.
Without Chromium or Playwright the journeys skip, and the run says so at its end.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import environment
from tests.browser.checks import CHROME, EXTRA_WIDTH_JS, LATER_ROWS, AxeOnce, is_local_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SCREENSHOTS = BASE_DIR / ".data" / "screenshots"
PASSWORD = "demo-passwort"  # the documented demo password (demo/alliances.py)
FAILING_IMPACTS = {"serious", "critical"}
VIEWPORT = {"width": 1366, "height": 900}  # a laptop
PHONE_WIDTH = 390  # a phone, for the reflow check
# Each request and navigation may take this long before a journey fails (milliseconds).
TIMEOUT_MS = 15_000
# Every checked page photographed (for people to look at: ``make journeys``); otherwise
# only the pages that show a finding and those open when a journey broke off (a tenth
# of the journeys' time went into photographs nobody looked at).
PHOTOGRAPH_ALL = os.environ.get("BUENDNISNETZ_SCREENSHOTS", "") == "1"

_TIMINGS: dict[str, float] = {}


# ---------------------------------------------------------------- reporting

# The timings travel with each journey's report (user_properties), so that the run's
# end can list them also when an xdist worker ran the journeys (tests/conftest.py).
TIMINGS_PROPERTY = "browser_timings"


# ---------------------------------------------------------------- server and browser


@pytest.fixture(scope="module")
def browser_server(django_db_setup):
    """The platform on its own scratch database, served by ``runserver`` (see server.py);
    prepared from the migrated copy that building the test database keeps, if current."""
    from django.conf import settings
    from django.db import connection

    from tests import databases
    from tests.browser.server import running_server

    started = time.monotonic()
    migrated = databases.current_migrated(
        connection.settings_dict, connection.settings_dict["NAME"]
    )
    with running_server(
        database_url=settings.DATABASE_URL,
        redis_url=settings.REDIS_URL,
        log_dir=SCREENSHOTS,
        migrated=migrated,
    ) as server:
        _TIMINGS.update(server.timings)
        print(f"\nbrowser journeys: server on port {server.port}, log {server.log_path}")
        yield server
    _TIMINGS["server, all in all"] = time.monotonic() - started


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=environment.chromium_path(),
            headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def axe():
    """axe-core for the module's pages, each page structure read once (checks.AxeOnce)."""
    from axe_playwright_python.sync_playwright import Axe

    return AxeOnce(Axe().axe_script)


# ---------------------------------------------------------------- a journey


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


@dataclass
class Journey:
    """One journey: its people (a browser context each), its checks and its pictures."""

    name: str
    server: object
    browser: object
    axe: object
    folder: Path
    step: int = 0
    contexts: list = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    overflowing: list[str] = field(default_factory=list)
    navigated: list[tuple[str, str]] = field(default_factory=list)
    checked: set[str] = field(default_factory=set)
    # (person's page, host, signed in): the header, menu and footer axe has read.
    chrome_read: set[tuple] = field(default_factory=set)
    pages_checked: int = 0
    finished: bool = False
    lesser: dict[str, int] = field(default_factory=dict)
    # (page address, status) that a step expects as the answer: see ``submit_with_errors``.
    refusals: set[tuple[str, int]] = field(default_factory=set)

    def url(self, host: str, path: str = "/") -> str:
        return self.server.url(host, path)

    def person(self, who: str):
        """A new browser (context) for ``who``: own cookies, German, watched."""
        context = self.browser.new_context(locale="de-DE", viewport=VIEWPORT, accept_downloads=True)
        context.set_default_timeout(TIMEOUT_MS)
        self.axe.prepare(context)
        context.on("request", lambda request: self._request(who, request.url))
        self.contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: self._console(who, page, message))
        page.on("pageerror", lambda error: self.console_errors.append(f"{who}: {error}"))
        page.on(
            "framenavigated",
            lambda frame: (
                frame == page.main_frame
                and self.navigated.append((who, _without_fragment(frame.url)))
            ),
        )
        return page

    def _request(self, who: str, url: str) -> None:
        if not is_local_url(url):
            self.outside_requests.append(f"{who}: {url}")

    def _console(self, who: str, page, message) -> None:
        if message.type != "error":
            return
        location = _without_fragment(message.location.get("url", ""))
        if any(
            location == url and f"status of {status} " in message.text
            for url, status in self.refusals
        ):
            return  # the answer a step asked for (``submit_with_errors``)
        self.console_errors.append(f"{who} on {page.url}: {message.text}")

    def check(self, page, step: str) -> None:
        """The page as it is now: axe (unless the module's journeys already read a page
        of this structure), a screenshot, and remembered as checked."""
        page.wait_for_load_state("load")
        self.step += 1
        path = self.folder / f"{self.step:02d}-{step}.png"
        findings = len(self.violations) + len(self.overflowing)
        # As in the crawl: the layout around the content once per person, host and
        # signed in or not; a table's first three rows.
        layout = (id(page), urlsplit(page.url).hostname, page.locator(CHROME[1]).count() > 0)
        exclude = (CHROME if layout in self.chrome_read else ()) + LATER_ROWS
        self.chrome_read.add(layout)
        for violation in self.axe.violations(page, exclude=exclude):
            if violation.get("impact") not in FAILING_IMPACTS:
                # Moderate and minor findings do not fail; they are counted for the record.
                key = f"{violation['id']} ({violation.get('impact')})"
                self.lesser[key] = self.lesser.get(key, 0) + len(violation["nodes"])
                continue
            nodes = "\n".join(
                f"      {', '.join(map(str, node['target']))}: {node['html'][:200]}"
                for node in violation["nodes"]
            )
            self.violations.append(
                f"{page.url} ({path.name}): {violation['id']} [{violation['impact']}] "
                f"{violation['help']}\n{nodes}"
            )
        self._check_reflow(page, path.name)
        if PHOTOGRAPH_ALL or len(self.violations) + len(self.overflowing) > findings:
            page.screenshot(path=str(path), full_page=True)
        self.checked.add(_without_fragment(page.url))
        self.pages_checked += 1

    def _check_reflow(self, page, shot: str) -> None:
        """WCAG 1.4.10: the page fits its width on a laptop and on a phone (PHONE_WIDTH),
        nothing pushes it sideways (a wide table scrolls inside its own box)."""
        size = page.viewport_size
        for width in (size["width"], PHONE_WIDTH):
            page.set_viewport_size({"width": width, "height": size["height"]})
            extra = page.evaluate(EXTRA_WIDTH_JS)
            if extra > 0:
                self.overflowing.append(f"{page.url} ({shot}) at {width} px: {extra} px too wide")
        page.set_viewport_size(size)

    def visit(self, page, host: str, path: str, step: str) -> None:
        """Open ``path`` on ``host`` and check the page as ``step``."""
        page.goto(self.url(host, path))
        self.check(page, step)

    def login(
        self,
        page,
        host: str,
        email: str,
        next_path: str = "",
        *,
        password: str = PASSWORD,
        step: str = "",
    ) -> None:
        """Through the login form on ``host`` (cookies are per host on localhost)."""
        query = f"?next={next_path}" if next_path else ""
        step = step or f"login-{host.split('.')[0]}"
        self.visit(page, host, f"/accounts/login/{query}", step)
        page.locator("input[name=username]").fill(email)
        page.locator("input[name=password]").fill(password)
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        assert "/accounts/login/" not in page.url, f"{email} could not log in on {host}"

    def submit(self, page, form: str = "main form.form") -> None:
        """Press the form's main button and wait for the answer."""
        with page.expect_navigation():
            page.locator(f"{form} button[type=submit].primary").first.click()

    def submit_with_errors(self, page, form: str = "main form.form", status: int = 400) -> None:
        """Press the form's main button expecting the form back with its errors, answered
        with ``status`` (400) as it should be. The browser notes that answer in its
        console ("Failed to load resource"); for this page and status that is no fault."""
        url = _without_fragment(page.url)
        self.refusals.add((url, status))
        with page.expect_navigation() as navigation:
            page.locator(f"{form} button[type=submit].primary").first.click()
        answer = navigation.value
        assert answer is not None, url
        assert answer.status == status, (url, answer.status)
        assert _without_fragment(page.url) == url, page.url

    def problems(self) -> list[str]:
        found = []
        if self.outside_requests:
            found.append("requests to other hosts:\n  " + "\n  ".join(self.outside_requests))
        if self.console_errors:
            found.append("console errors:\n  " + "\n  ".join(self.console_errors))
        if self.overflowing:
            found.append("pages wider than the window:\n  " + "\n  ".join(self.overflowing))
        if self.violations:
            found.append(
                "accessibility violations (serious or critical):\n  " + "\n  ".join(self.violations)
            )
        unchecked = sorted({url for _who, url in self.navigated if url not in self.checked})
        unchecked = [url for url in unchecked if url != "about:blank"]
        if unchecked:
            found.append("pages visited but not checked:\n  " + "\n  ".join(unchecked))
        return found

    def finish(self) -> None:
        """The journey's verdict on what its pages did (called at the end of each test)."""
        self.finished = True
        problems = self.problems()
        assert not problems, f"journey {self.name}:\n" + "\n".join(problems)

    def photograph_open_pages(self) -> None:
        """Every page still open, as it is (a journey that broke off)."""
        for number, context in enumerate(self.contexts, start=1):
            for index, page in enumerate(context.pages, start=1):
                path = self.folder / f"broke-off-{number}-{index}.png"
                try:
                    page.screenshot(path=str(path), full_page=True)
                except Exception as exc:  # a closed or crashed page: say so, go on
                    print(f"no photograph of {page.url}: {exc}")

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def journey(request, browser_server, chromium, axe):
    """A journey named after its test; fails on anything its pages did wrong."""
    name = re.sub(r"^test_", "", request.node.name).replace("_", "-")
    folder = SCREENSHOTS / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"\nbrowser journey {name}: screenshots in {folder}")
    started = time.monotonic()
    current = Journey(name=name, server=browser_server, browser=chromium, axe=axe, folder=folder)
    try:
        yield current
    finally:
        if not current.finished:
            current.photograph_open_pages()
        current.close()
        seconds = time.monotonic() - started
        _TIMINGS[f"journey {name} ({current.pages_checked} pages)"] = seconds
        request.node.user_properties.append((TIMINGS_PROPERTY, dict(_TIMINGS)))
        print(f"browser journey {name}: {current.pages_checked} pages checked in {seconds:.1f} s")
        if current.lesser:
            found = ", ".join(f"{key}: {count}" for key, count in sorted(current.lesser.items()))
            print(f"browser journey {name}: moderate/minor axe findings (not failing): {found}")
        if not current.finished:
            # The journey broke off: still show what its pages did wrong so far.
            for problem in current.problems():
                print(problem)
