"""Crawling the platform as one person: every page they can reach by its links, once per
kind of page, each checked in the browser.

A kind of page is its URL pattern (``/workspace/partners/<int:pk>/``) together with the
names of its query parameters (a sorted list, a filtered list and a second page are
kinds of their own): one page of each kind is opened, so the crawl grows with the
platform's routes, not with its data. Each page opened is checked once:

- axe-core (WCAG 2.1 A/AA): serious and critical findings fail; once per URL pattern
  (a sorted or paged list is the same template with other rows) and once per page
  structure in the module (tests/browser/checks.py: another record's confirmation
  page, or the same list seen by another person, is read once), the layout around the
  content on the person's first page only, a table's first three rows;
- reflow: no page wider than the window at 1366 px and, resized, at 390 px;
- visible text: no English text of our catalogue where the German translation differs,
  and no dotted internal code (``core.partner.updated``, ``alliance.partners.view``);
- with ``make crawl`` (``BUENDNISNETZ_CRAWL_SCREENSHOTS=1``), lists (a page with a data
  table) are photographed at both widths, once per URL pattern, into
  .data/screenshots/crawl/<person>/ (``make test`` checks without photographing).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve

from tests.browser.checks import CHROME, EXTRA_WIDTH_JS, LATER_ROWS
from tests.browser.conftest import (
    FAILING_IMPACTS,
    PASSWORD,
    PHONE_WIDTH,
    SCREENSHOTS,
    VIEWPORT,
)
from tests.browser.environment import skip_reason
from tests.translations import EnglishFinder, catalogue, dotted_codes

# Links that end the session, leave the host, change the language, hand out files or
# belong to other checks: not pages to crawl.
SKIPPED_PATH = re.compile(
    r"^/(admin|api|media|static|i18n)/|^/accounts/(logout|hop|enter|erase)/"
    r"|\.(pdf|ics|csv|xlsx|zip|png|jpg|svg)$|/(download|export|ics|feed)/"
)
SKIPPED_QUERY = {"format", "download", "next"}
# The photographs are for people to look at (``make crawl``); ``make test`` checks the
# same pages without them (they were a quarter of the crawl's time).
SHOOT_LISTS = os.environ.get("BUENDNISNETZ_CRAWL_SCREENSHOTS", "") == "1"


# A page's visible text (English on purpose, lang="en", such as the English headers an
# import accepts, left out, as tests.translations.visible_text does), its links, and how
# much wider than the window it is.
_READ_PAGE_JS = f"""() => {{
  const body = document.body.cloneNode(true);
  body.querySelectorAll(
    'script, style, code, pre, template, [hidden], [lang]:not([lang^="de"])'
  ).forEach((node) => node.remove());
  return {{
    extra: {EXTRA_WIDTH_JS},
    text: body.innerText,
    links: Array.from(document.querySelectorAll('a[href]:not([download])'), (a) => a.href),
  }};
}}"""


@dataclass
class Crawl:
    """One person's crawl over one host; ``problems`` collects what the pages did wrong."""

    who: str
    host: str
    urlconf: str
    server: object
    browser: object
    axe: object
    finder: EnglishFinder
    folder: Path
    limit: int = 300
    kinds: dict[tuple, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    photographed: set[str] = field(default_factory=set)
    axed: set[str] = field(default_factory=set)
    # Every page offers the same menu links again: a path's kind is resolved once (11,500
    # look-ups in the coordinator's crawl cost 3.6 s).
    known_kinds: dict[str, tuple | None] = field(default_factory=dict)

    def run(self, email: str | None, start: list[str]) -> None:
        context = self.browser.new_context(locale="de-DE", viewport=VIEWPORT)
        context.set_default_timeout(15_000)
        # axe is sent to a page when its structure is new (AxeOnce.violations), not
        # loaded into every page as the journeys do (AxeOnce.prepare): the crawl reads
        # under half its pages with axe, and parsing axe's half megabyte on every page
        # cost more (coordinator: 78 s of CPU instead of 87-98 s for the module).
        page = context.new_page()
        try:
            if email:
                self._login(page, email)
            queue = deque((path, "") for path in start)
            while queue and self.pages < self.limit:
                path, referrer = queue.popleft()
                kind = self._kind(path)
                if kind is None or kind in self.kinds:
                    continue
                self.kinds[kind] = path
                for link in self._check(page, path, referrer):
                    if self._kind(link) not in self.kinds:
                        queue.append((link, path))
        finally:
            context.close()

    def _login(self, page, email: str) -> None:
        page.goto(self.server.url(self.host, "/accounts/login/"))
        page.locator("input[name=username]").fill(email)
        page.locator("input[name=password]").fill(PASSWORD)
        with page.expect_navigation():
            page.locator("form:has(input[name=password]) button[type=submit]").first.click()
        assert "/accounts/login/" not in page.url, f"{email} could not log in on {self.host}"

    def _kind(self, path: str) -> tuple | None:
        if path not in self.known_kinds:
            self.known_kinds[path] = self._resolve_kind(path)
        return self.known_kinds[path]

    def _resolve_kind(self, path: str) -> tuple | None:
        parts = urlsplit(path)
        if SKIPPED_PATH.search(parts.path):
            return None
        keys = tuple(sorted({k for k, _v in parse_qsl(parts.query, True)} - {"page"}))
        if set(keys) & SKIPPED_QUERY:
            return None
        try:
            route = resolve(parts.path, urlconf=self.urlconf).route
        except Resolver404:
            return ("unresolved", parts.path, keys)
        if "page" in dict(parse_qsl(parts.query, True)):
            # A list's further pages are one kind, however it is sorted or filtered.
            return (route, ("page",), True)
        return (route, keys, False)

    def _check(self, page, path: str, referrer: str) -> list[str]:
        """Open ``path``, check it, and return the same-host links it offers."""
        url = self.server.url(self.host, path)
        started = time.monotonic()
        try:
            response = page.goto(url)
        except Exception as error:  # a download, or a page that never loads
            if "Download is starting" not in str(error):
                self.problems.append(f"{self.who} {path}: {error}")
            return []
        self._took("open", started)
        if response is None or "html" not in (response.headers.get("content-type") or ""):
            return []
        self.pages += 1
        if response.status >= 400:
            self.problems.append(
                f"{self.who} {path}: answers {response.status}, linked from {referrer}"
            )
        started = time.monotonic()
        self._axe(page, path)
        self._took("axe", started)
        # What the page shows at the width it was opened at, read in one go: each call
        # into the page is a round trip through Playwright's driver and the browser.
        started = time.monotonic()
        read = page.evaluate(_READ_PAGE_JS)
        self._text(path, read["text"])
        self._took("text", started)
        started = time.monotonic()
        self._reflow_and_shots(page, path, read["extra"])
        self._took("reflow", started)
        return self._links(page, read["links"])

    def _took(self, name: str, started: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + time.monotonic() - started

    def _axe(self, page, path: str) -> None:
        # A route's sorted, filtered and paged kinds are its one template with other rows:
        # axe reads the route once (reflow and text are read on every kind).
        route = self._kind(path)[0]
        if route in self.axed:
            return
        self.axed.add(route)
        # The header, menu and footer are the same on every page of this person: checked
        # in full on the first page, left out after that.
        # A table's rows come from one template: the first few stand for the rest (the
        # colour contrast of a 50-row list is most of axe's time).
        # A page whose structure axe read before (another record's confirmation page,
        # the same list for another person) is not read again (checks.AxeOnce).
        exclude = (() if self.pages == 1 else CHROME) + LATER_ROWS
        for violation in self.axe.violations(page, exclude=exclude):
            if violation.get("impact") in FAILING_IMPACTS:
                targets = "; ".join(
                    f"{', '.join(map(str, n['target']))}: {n['html'][:120]}"
                    for n in violation["nodes"][:3]
                )
                self.problems.append(
                    f"{self.who} {path}: axe {violation['id']} [{violation['impact']}] {targets}"
                )

    def _reflow_and_shots(self, page, path: str, extra: int) -> None:
        """Both widths, starting with the one the page was opened at (``extra``: how
        much wider than the window it was there; the window stays at the second for the
        next page: one resize a page). A list is photographed at both widths once per
        route: its sorted and paged kinds look the same."""
        route = self._kind(path)[0]
        shoot = (
            SHOOT_LISTS
            and route not in self.photographed
            and page.locator("main table").count() > 0
        )
        if shoot:
            self.photographed.add(route)
        name = re.sub(r"[^a-z0-9]+", "-", f"{self.who} {path}".lower()).strip("-")[:120]
        first = page.viewport_size["width"]
        for width in (first, PHONE_WIDTH if first != PHONE_WIDTH else VIEWPORT["width"]):
            if width != first:
                page.set_viewport_size({"width": width, "height": VIEWPORT["height"]})
                extra = page.evaluate(EXTRA_WIDTH_JS)
            if extra > 0:
                self.problems.append(f"{self.who} {path}: {extra} px wider than {width} px")
            if shoot:
                page.screenshot(path=str(self.folder / f"{name}-{width}.png"))

    def _text(self, path: str, text: str) -> None:
        # The same checks as every German page of the test client's walks.
        for code in dotted_codes(text)[:5]:
            self.problems.append(f"{self.who} {path}: shows the internal code {code!r}")
        for msgid in self.finder.find(text)[:5]:
            self.problems.append(f"{self.who} {path}: untranslated {msgid!r}")

    def _links(self, page, hrefs: list[str]) -> list[str]:
        found = []
        origin = self.server.url(self.host, "")
        for href in hrefs:
            absolute = urljoin(page.url, href).split("#", 1)[0]
            if absolute.startswith(origin + "/") or absolute == origin:
                found.append(absolute[len(origin) :] or "/")
        return found


# ---------------------------------------------------------------- the roles

STATE, JENA = "localhost", "jena.localhost"
PUBLIC, TENANT = "config.urls_public", "config.urls_tenant"


@dataclass(frozen=True)
class Role:
    """Who crawls where: their login, host, URL conf, start pages, and at least how many
    kinds of page they must reach."""

    who: str
    login: str | None
    host: str
    urlconf: str
    start: tuple[str, ...]
    minimum: int


def crawl_role(role: Role, *, server, browser, axe, finder: EnglishFinder, folder: Path) -> None:
    """Crawl as ``role``; fail with every problem its pages showed."""
    shots = folder / role.who
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    crawl = Crawl(who=role.who, host=role.host, urlconf=role.urlconf, server=server,
                  browser=browser, axe=axe, finder=finder, folder=shots)  # fmt: skip
    runs, skipped = axe.runs, axe.skipped
    crawl.run(role.login, list(role.start))
    runs, skipped = axe.runs - runs, axe.skipped - skipped
    spent = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in crawl.seconds.items())
    spent += f"; axe read {runs} page structures, {skipped} pages were of known ones"
    print(f"\nbrowser crawl {role.who}: {crawl.pages} pages of {len(crawl.kinds)} kinds ({spent})")
    assert crawl.pages >= role.minimum, f"{role.who} reached only {sorted(crawl.kinds.values())}"
    assert crawl.pages < crawl.limit, f"{role.who}: the crawl stopped at its limit"
    assert crawl.problems == [], "\n".join(crawl.problems)


def crawl_module(roles: list[Role]):
    """A crawl module's marks and its test: one test per person of ``roles``, on the
    module's server and browser (``pytestmark, test_... = crawl_module(ROLES)``)."""
    reason = skip_reason()
    marks = [
        pytest.mark.browser,
        pytest.mark.crawl,
        pytest.mark.skipif(reason is not None, reason=f"browser crawl: {reason}"),
    ]

    @pytest.mark.parametrize("role", roles, ids=[role.who for role in roles])
    def test_every_page_of_the_role_passes_the_checks(role, browser_server, chromium, axe):
        crawl_role(role, server=browser_server, browser=chromium, axe=axe,
                   finder=_finder(), folder=SCREENSHOTS / "crawl")  # fmt: skip

    return marks, test_every_page_of_the_role_passes_the_checks


@functools.cache
def _finder() -> EnglishFinder:
    return EnglishFinder(catalogue())
