"""Our German catalogue (config/locale/de/LC_MESSAGES/django.po), read without polib,
and the visible text of a page: what the German-UI tests compare."""

from __future__ import annotations

import ast
import html
import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

PO_FILE = Path(__file__).resolve().parents[1] / "config/locale/de/LC_MESSAGES/django.po"


@dataclass
class Entry:
    msgid: str = ""
    plural: str | None = None
    translations: list[str] = field(default_factory=list)
    fuzzy: bool = False
    line: int = 0


def _string(literal: str) -> str:
    """A PO string literal ("...") as text (the escapes are C's, which Python reads)."""
    return ast.literal_eval(literal)


def catalogue(path: Path = PO_FILE) -> list[Entry]:
    """Every active entry of the catalogue (the header and obsolete "#~" ones left out)."""
    entries: list[Entry] = []
    entry, target = Entry(), None
    translations: dict[int, str] = {}

    def close():
        nonlocal entry, translations, target
        if target is not None:
            entry.translations = [translations[k] for k in sorted(translations)]
            if entry.msgid:
                entries.append(entry)
        entry, translations, target = Entry(), {}, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            close()
        elif line.startswith("#~"):
            continue
        elif line.startswith("#,"):
            if target is not None:
                close()
            entry.fuzzy = "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid_plural "):
            entry.plural, target = _string(line[13:]), "plural"
        elif line.startswith("msgid "):
            if target is not None and target != "msgid":
                close()
            entry.msgid, entry.line, target = _string(line[6:]), number, "msgid"
        elif line.startswith("msgstr"):
            match = re.match(r"msgstr(?:\[(\d+)\])? (.*)", line)
            target = int(match.group(1) or 0)
            translations[target] = _string(match.group(2))
        elif line.startswith('"'):
            if target == "msgid":
                entry.msgid += _string(line)
            elif target == "plural":
                entry.plural = (entry.plural or "") + _string(line)
            elif isinstance(target, int):
                translations[target] += _string(line)
    close()
    return entries


# ---------------------------------------------------------------- visible text

# Inside these nothing is read as text; ``<code>`` shows identifiers on purpose, so it
# is left out of the prose (English msgids) but kept for the search for program codes.
_SILENT = {"script", "style", "template", "svg"}
# Attributes a reader sees or hears (placeholder, tooltip, alternative text, label).
_SPOKEN = ("placeholder", "title", "alt", "aria-label")
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Text(HTMLParser):
    """Collects the text outside code, scripts and passages marked as another language
    (``lang="en"``: English on purpose, e.g. the English column headers an import accepts)."""

    def __init__(self, silent: set[str]):
        super().__init__(convert_charrefs=True)
        self.silent = silent
        self.parts: list[str] = []
        self.silent_tag: str | None = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if self.silent_tag is not None:
            self.depth += tag == self.silent_tag
            return
        values = dict(attrs)
        foreign = tag != "html" and not (values.get("lang") or "de").startswith("de")
        if tag in self.silent or foreign:
            if tag not in _VOID:  # a void element has no end tag to wait for
                self.silent_tag, self.depth = tag, 1
            return
        for name in _SPOKEN:
            if values.get(name):
                self.parts.append(f" {values[name]} ")
        self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if self.silent_tag is None and tag not in self.silent:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.silent_tag is not None:
            if tag == self.silent_tag:
                self.depth -= 1
                if self.depth == 0:
                    self.silent_tag = None
        else:
            self.parts.append(" ")

    def handle_data(self, data):
        if self.silent_tag is None:
            self.parts.append(data)


def visible_text(markup: str, *, code: bool = False) -> str:
    """The text of ``markup`` a reader sees: tags stripped, whitespace collapsed; what
    ``<code>`` elements hold only with ``code``."""
    parser = _Text(_SILENT if code else _SILENT | {"code"})
    parser.feed(markup)
    parser.close()
    return re.sub(r"\s+", " ", html.unescape("".join(parser.parts))).strip()


# ---------------------------------------------------------------- English left over

_PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]|\{[^}]*\}")
_WORD = re.compile(r"\w+")


def _probe(msgid: str) -> str:
    """The longest literal part of ``msgid`` (its placeholders taken out)."""
    parts = [re.sub(r"\s+", " ", part).strip(" :.,;") for part in _PLACEHOLDER.split(msgid)]
    return max(parts, key=len)


class EnglishFinder:
    """Finds the English msgids of our catalogue in a German text.

    Only msgids of two words or more whose German translation differs are looked for
    (one word is too often the same in both, "Name", "Status"); a msgid with
    placeholders is looked for by its longest literal part. Each candidate is found by
    its first two words, so a page costs a few dictionary look-ups, not one search per msgid.
    """

    def __init__(self, entries: list[Entry]):
        self.by_start: dict[tuple[str, str], list[tuple[re.Pattern, str]]] = {}
        for entry in entries:
            german = entry.translations[0] if entry.translations else ""
            if not german or german == entry.msgid:
                continue
            probe = _probe(entry.msgid)
            words = _WORD.findall(probe)
            if len(words) < 2 or probe in german:
                continue
            pattern = re.compile(r"(?<!\w)" + re.escape(probe) + r"(?!\w)")
            self.by_start.setdefault((words[0], words[1]), []).append((pattern, entry.msgid))

    def find(self, text: str) -> list[str]:
        words = _WORD.findall(text)
        found: set[str] = set()
        for pair in set(itertools.pairwise(words)):
            for pattern, msgid in self.by_start.get(pair, ()):
                if pattern.search(text):
                    found.add(msgid)
        return sorted(found)


# "core.partner.updated": a code of the program, never text for a reader. Host names
# and e-mail addresses ("www.example.org", "jena.localhost") are not codes.
_DOTTED = re.compile(r"(?<![\w@/.:-])[a-z][a-z_]*(?:\.[a-z][a-z_]*){2,}(?![\w/@-])")
_HOST_ENDINGS = {"de", "org", "com", "net", "eu", "info", "localhost", "example", "test"}


def dotted_codes(text: str) -> list[str]:
    return sorted(
        {
            code
            for code in _DOTTED.findall(text)
            if code.rsplit(".", 1)[-1] not in _HOST_ENDINGS and not code.startswith("www.")
        }
    )


# ---------------------------------------------------------------- one page


DASHES = "---------"


def german_problems(markup: str, where: str, finder: EnglishFinder) -> list[str]:
    """What a German page must not show: an English msgid of our catalogue, a dotted
    program code ("core.partner.updated"), Django's bare "---------" empty choice."""
    text = visible_text(markup)
    problems = [f"{where}: English {msgid!r}" for msgid in finder.find(text)]
    problems += [
        f"{where}: code {code!r}" for code in dotted_codes(visible_text(markup, code=True))
    ]
    if DASHES in text:  # Django's bare empty choice (tests/test_form_markup.py)
        problems.append(f'{where}: a choice is labelled "{DASHES}"')
    return problems
