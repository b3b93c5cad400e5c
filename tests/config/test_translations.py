"""Every user-facing string has a German translation, and the compiled catalogue is current."""

import re
from pathlib import Path

from django.utils import translation

PO_FILE = Path(__file__).resolve().parents[2] / "config/locale/de/LC_MESSAGES/django.po"


def _entries(text: str):
    for block in text.split("\n\n"):
        if "#, fuzzy" in block and 'msgid ""\nmsgstr ""\n"Project' not in block:
            yield block, "fuzzy"
        match = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', block, re.M)
        if not match:
            continue
        msgid = "".join(re.findall(r'"(.*)"', match.group(1)))
        msgstr = "".join(re.findall(r'"(.*)"', match.group(2)))
        if msgid and not msgstr:
            yield msgid, "untranslated"


def test_german_catalogue_has_no_untranslated_or_fuzzy_entries():
    problems = list(_entries(PO_FILE.read_text(encoding="utf-8")))
    assert problems == []


def test_compiled_catalogue_is_loaded():
    with translation.override("de"):
        assert translation.gettext("Alliances") == "Bündnisse"
        office = translation.gettext("State coordination %(state)s") % {"state": "Thüringen"}
        assert office == "Landeskoordination Thüringen"
    with translation.override("en"):
        assert translation.gettext("Alliances") == "Alliances"
