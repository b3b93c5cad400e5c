"""The journeys' own guards, checked without a browser: which requests count as
local, how a missing Chromium is reported, when the prepared database is rebuilt."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from tests.browser import environment
from tests.browser.checks import is_local_url
from tests.browser.server import fingerprint


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8000/static/css/app.css",
        "http://jena.localhost:41234/workspace/",
        "http://badfrankenhausen.localhost:41234/",
        "http://127.0.0.1:41234/readyz",
        "data:image/svg+xml,%3Csvg%3E",
        "about:blank",
    ],
)
def test_platform_addresses_on_this_machine_are_local(url):
    assert is_local_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://fonts.googleapis.com/css2?family=Roboto",
        "https://cdn.jsdelivr.net/npm/htmx.org",
        "http://localhost.example.org/",
        "http://jena.localhost.evil.example/",
        "http://192.168.1.10/",
        "http://127.0.0.2:8000/",
    ],
)
def test_other_hosts_are_not_local(url):
    assert not is_local_url(url)


@pytest.fixture
def _with_playwright():
    """The Chromium checks come after Playwright's: without it, the reason names Playwright."""
    pytest.importorskip("playwright")
    pytest.importorskip("axe_playwright_python")


@pytest.mark.usefixtures("_with_playwright")
def test_a_missing_chromium_skips_with_the_install_hint(monkeypatch):
    monkeypatch.setenv(environment.CHROMIUM_VARIABLE, "/nonexistent/chromium")

    assert environment.chromium_path() is None
    reason = environment.skip_reason()
    assert reason == (
        "Chromium not found at /nonexistent/chromium (apt-get install chromium-headless-shell)"
    )
    assert environment.status_line() == f"browser journeys: SKIPPED — {reason}"


@pytest.mark.usefixtures("_with_playwright")
def test_a_file_that_cannot_be_run_is_no_chromium(monkeypatch, tmp_path):
    not_executable = tmp_path / "chromium"
    not_executable.write_text("#!/bin/sh\n")
    monkeypatch.setenv(environment.CHROMIUM_VARIABLE, str(not_executable))

    assert environment.chromium_path() is None
    assert environment.status_line().startswith("browser journeys: SKIPPED")


@pytest.mark.usefixtures("_with_playwright")
def test_the_status_line_names_the_chromium_version(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    # Debian's wrapper prints noise on stderr; only stdout's first line counts.
    fake.write_text(
        "#!/bin/sh\necho 'noise' >&2\necho 'Chromium 999.0.1.2 built on Debian GNU/Linux 12'\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv(environment.CHROMIUM_VARIABLE, str(fake))

    assert environment.skip_reason() is None
    assert environment.status_line() == f"browser journeys: Chromium 999.0.1.2 at {fake}"


def test_the_prepared_database_is_rebuilt_on_another_day():
    today = datetime.date(2026, 11, 22)

    assert fingerprint(today) == fingerprint(today)
    assert fingerprint(today) != fingerprint(today + datetime.timedelta(days=1))


@pytest.mark.time_machine(datetime.datetime(2026, 12, 4, 23, 30, tzinfo=datetime.UTC), tick=False)
def test_the_prepared_databases_day_is_the_platforms_not_the_machines():
    """At 23:30 UTC it is already tomorrow in Berlin, the day the seed's dates count from:
    a template seeded the evening before is stale then (seen: journeys failed to admit)."""
    from tests.databases import template_fingerprint

    berlin_day = datetime.date(2026, 12, 5)
    assert fingerprint() == fingerprint(berlin_day)
    before = template_fingerprint()
    with time_machine.travel(datetime.datetime(2026, 12, 4, 22, 30, tzinfo=datetime.UTC)):
        assert template_fingerprint() != before
