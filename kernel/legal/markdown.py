"""A very small, safe markdown: the coordinators' legal texts as HTML.

Everything is escaped first; only these shapes become markup: a line starting with
``#``/``##``/``###`` (a heading, two levels below the page's own), ``- `` (a list item),
``**bold**``, ``[text](https://...)`` or ``mailto:`` links, and blank lines between
paragraphs. Nothing else (no HTML, no images, no other link schemes) is ever produced.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_BOLD = re.compile(r"\*\*(.+?)\*\*")
# Applied to escaped text: the URL cannot contain a quote or an angle bracket any more.
_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https?://|mailto:)[^)\s]+)\)")
_HEADING = re.compile(r"^(#{1,3})\s+(.+)$")


def _inline(text: str) -> str:
    html = escape(text)
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    return _LINK.sub(r'<a href="\2" rel="noopener">\1</a>', html)


def render_markdown(text: str) -> SafeString:
    """The text as safe HTML (see the module's docstring)."""
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append("<p>" + "<br>".join(_inline(line) for line in paragraph) + "</p>")
            paragraph.clear()
        if items:
            blocks.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        heading = _HEADING.match(line)
        if not line:
            flush()
        elif heading:
            flush()
            level = len(heading.group(1)) + 1
            blocks.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif line.startswith(("- ", "* ")):
            if paragraph:
                flush()
            items.append(line[2:])
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return mark_safe("\n".join(blocks))  # noqa: S308 - every piece was escaped above
