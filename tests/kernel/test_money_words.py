"""Amounts in German words, as donation receipts state them."""

from decimal import Decimal

import pytest

from kernel.money_words import euros_in_words, number_in_words


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "null"),
        (1, "eins"),
        (16, "sechzehn"),
        (17, "siebzehn"),
        (21, "einundzwanzig"),
        (30, "dreißig"),
        (99, "neunundneunzig"),
        (100, "einhundert"),
        (101, "einhunderteins"),
        (117, "einhundertsiebzehn"),
        (1000, "eintausend"),
        (1001, "eintausendeins"),
        (2024, "zweitausendvierundzwanzig"),
        (107_320, "einhundertsiebentausenddreihundertzwanzig"),
        (1_000_000, "eine Million"),
        (2_500_001, "zwei Millionen fünfhunderttausendeins"),
        (1_000_000_000, "eine Milliarde"),
    ],
)
def test_numbers_in_german_words(number, words):
    assert number_in_words(number) == words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("1", "ein Euro"),
        ("1.05", "ein Euro und 5 Cent"),
        ("50", "fünfzig Euro"),
        ("1250.50", "eintausendzweihundertfünfzig Euro und 50 Cent"),
        ("0.99", "null Euro und 99 Cent"),
        (Decimal("36.004"), "sechsunddreißig Euro"),
    ],
)
def test_euros_in_german_words(amount, words):
    assert euros_in_words(amount) == words


@pytest.mark.parametrize("bad", [-1, 10**12])
def test_numbers_out_of_range_are_refused(bad):
    with pytest.raises(ValueError, match="out of range"):
        number_in_words(bad)
