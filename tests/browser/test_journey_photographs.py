"""What a journey photographs in ``make test``: a page with a finding and the pages open
when it broke off, not every page it checks (``make journeys`` photographs them all)."""

from __future__ import annotations

import pytest

from tests.browser import conftest as journeys
from tests.browser.checks import AxeOnce
from tests.browser.environment import skip_reason

REASON = skip_reason()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(REASON is not None, reason=f"browser: {REASON}"),
]

PAGE = """<!DOCTYPE html><html lang="de"><head><title>Partner</title></head><body>
<main><h1>{title}</h1>{extra}</main></body></html>"""


@pytest.fixture
def journey(chromium, axe, tmp_path, monkeypatch):
    monkeypatch.setattr(journeys, "PHOTOGRAPH_ALL", False)
    current = journeys.Journey(
        name="photographs", server=None, browser=chromium, axe=AxeOnce(axe.script), folder=tmp_path
    )
    yield current
    current.close()


def test_only_a_page_with_a_finding_is_photographed(journey, tmp_path):
    page = journey.person("coordinator")
    page.set_content(PAGE.format(title="Partner", extra=""))
    journey.check(page, "clean")
    page.set_content(PAGE.format(title="Logo", extra='<img src="/logo.png">'))
    journey.check(page, "image-without-text")

    assert not (tmp_path / "01-clean.png").exists()
    assert (tmp_path / "02-image-without-text.png").stat().st_size > 0
    assert any("image-alt" in violation for violation in journey.violations)
    assert "02-image-without-text.png" in journey.violations[0]


def test_every_page_is_photographed_when_asked(journey, tmp_path, monkeypatch):
    monkeypatch.setattr(journeys, "PHOTOGRAPH_ALL", True)
    page = journey.person("coordinator")
    page.set_content(PAGE.format(title="Partner", extra=""))
    journey.check(page, "clean")

    assert (tmp_path / "01-clean.png").stat().st_size > 0


def test_a_journey_that_broke_off_leaves_its_open_pages_photographed(journey, tmp_path):
    for who in ("coordinator", "board member"):
        journey.person(who).set_content(PAGE.format(title=who, extra=""))

    journey.photograph_open_pages()

    assert sorted(path.name for path in tmp_path.glob("*.png")) == [
        "broke-off-1-1.png",
        "broke-off-2-1.png",
    ]
