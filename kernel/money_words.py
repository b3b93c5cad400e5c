"""Amounts of money in German words, as a donation receipt states them
("eintausendzweihundertfünfzig Euro und 50 Cent")."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_ONES = [
    "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
    "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn",
    "achtzehn", "neunzehn",
]  # fmt: skip
_TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
         "neunzig"]  # fmt: skip


def _below_hundred(n: int) -> str:
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    if not ones:
        return _TENS[tens]
    unit = "ein" if ones == 1 else _ONES[ones]
    return f"{unit}und{_TENS[tens]}"


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = f"{'ein' if hundreds == 1 else _ONES[hundreds]}hundert" if hundreds else ""
    if rest:
        words += _below_hundred(rest)
    return words


def number_in_words(n: int) -> str:
    """A whole number from 0 to 999,999,999,999 in German words, written as one word
    below a million ("einhunderteinundzwanzig"), millions and billions apart."""
    if n < 0 or n >= 10**12:
        raise ValueError(f"{n} is out of range")
    if n == 0:
        return "null"
    parts = []
    billions, n = divmod(n, 10**9)
    millions, n = divmod(n, 10**6)
    thousands, rest = divmod(n, 1000)
    for count, one, many in ((billions, "eine Milliarde", "Milliarden"),
                             (millions, "eine Million", "Millionen")):  # fmt: skip
        if count:
            parts.append(one if count == 1 else f"{_below_thousand(count)} {many}")
    word = ""
    if thousands:
        word = f"{'ein' if thousands == 1 else _below_thousand(thousands)}tausend"
    if rest:
        word += _below_thousand(rest)
    if word:
        parts.append(word)
    return " ".join(parts)


def euros_in_words(amount: Decimal | int | str) -> str:
    """``amount`` in euros in German words: "fünfzig Euro", "ein Euro und 5 Cent"
    (cents in figures, as the receipts of most associations write them)."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value < 0:
        raise ValueError("negative amount")
    euros, cents = divmod(int(value * 100), 100)
    words = f"{'ein' if euros == 1 else number_in_words(euros)} Euro"
    if cents:
        words += f" und {cents} Cent"
    return words
