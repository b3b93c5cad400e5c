"""Which characters a text may hold (``kernel.text``): the one check every model, form,
API call and import of text runs (their refusals: tests/core/test_trust_text.py)."""

from __future__ import annotations

import pytest

from kernel.text import refused_character


@pytest.mark.parametrize(
    ("text", "multiline", "refused"),
    [
        ("Kita Regenbogen", False, None),
        ("Kita\x01Regenbogen", False, "\x01"),
        ("Kita\x00", True, "\x00"),
        ("Zeile 1\r\nZeile 2\tmit Tab", True, None),
        ("Zeile 1\nZeile 2", False, "\n"),
        ("Tab\t", False, "\t"),
        ("DEL\x7f", True, "\x7f"),
        ("C1\x85", True, "\x85"),
        ("lone \ud800 surrogate", True, "\ud800"),
        ("Umlaute äöü ß € „“ – emoji 🙂", False, None),
    ],
)
def test_which_characters_text_may_hold(text, multiline, refused):
    assert refused_character(text, multiline=multiline) == refused
