"""axe once per page structure (tests/browser/checks.py), in Chromium without a server:
a finding is reported; a page that differs only in its records' text and addresses is
not read again; another structure, or the same one with an empty text, is."""

from __future__ import annotations

import pytest

from tests.browser.checks import AxeOnce
from tests.browser.environment import skip_reason

REASON = skip_reason()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(REASON is not None, reason=f"browser: {REASON}"),
]

PAGE = """<!DOCTYPE html><html lang="de"><head><title>Partner</title></head><body>
<header class="site-header"><a href="/">Start</a></header>
<main><h1>{title}</h1><a href="/workspace/partners/{pk}/">{link}</a>{extra}
<table><tbody>{rows}</tbody></table></main></body></html>"""


def _page(*, title="Zeiss", pk=7, link="Zeiss ansehen", extra="", rows=2) -> str:
    body = "".join(f"<tr><td>Zeile {n}</td></tr>" for n in range(rows))
    return PAGE.format(title=title, pk=pk, link=link, extra=extra, rows=body)


@pytest.fixture
def axe(axe):
    """A reader of its own for each test (the module's one counts every test's pages)."""
    return AxeOnce(axe.script)


@pytest.fixture
def page(chromium, axe):
    context = chromium.new_context(locale="de-DE")
    axe.prepare(context)
    yield context.new_page()
    context.close()


def _read(page, axe, html: str, **kwargs) -> list[str]:
    page.set_content(html)
    return sorted(violation["id"] for violation in axe.violations(page, **kwargs))


def test_each_structure_is_read_once_and_its_findings_reported(page, axe):
    # An image without a text alternative: axe finds it.
    broken = _page(extra='<img src="/x.png">')
    assert _read(page, axe, broken) == ["image-alt"]
    assert axe.runs == 1

    # Another record's page of that structure (other text, address, number of rows):
    # not read again.
    assert _read(page, axe, broken.replace("Zeiss", "Jenoptik").replace("/7/", "/8/")) == []
    assert _read(page, axe, _page(extra='<img src="/y.png">', rows=5)) == []
    assert (axe.runs, axe.skipped) == (1, 2)

    # An emptied link text changes what axe sees: read, and found.
    assert _read(page, axe, _page(link="", extra='<img src="/x.png">')) == [
        "image-alt",
        "link-name",
    ]
    # A new structure is read; a fine page has no finding.
    assert _read(page, axe, _page(extra='<img src="/x.png" alt="Logo">')) == []
    assert axe.runs == 3


def test_what_is_left_out_is_neither_read_nor_part_of_the_structure(page, axe):
    with_header_link = _page().replace('<a href="/">Start</a>', '<a href="/"></a>')

    assert _read(page, axe, with_header_link) == ["link-name"]
    # Without the header, the page is a structure of its own, and the header's empty
    # link is not read.
    assert _read(page, axe, with_header_link, exclude=("header.site-header",)) == []
    assert _read(page, axe, _page(), exclude=("header.site-header",)) == []
    assert (axe.runs, axe.skipped) == (2, 1)
