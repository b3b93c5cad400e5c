"""Cell values as the files hold them: dates, whole numbers and amounts, read leniently
(German and ISO spellings, Excel's own types)."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

# ---------------------------------------------------------------- values


_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), (3, 2, 1)),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$"), (1, 2, 3)),
)


def parse_date(value: Any) -> datetime.date | None:
    """DD.MM.YYYY, YYYY-MM-DD or a spreadsheet date cell; None if it is none of these.
    (Whether the date is plausible is ``validate_plausible_date``'s to say.)"""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        return None
    for pattern, (y, m, d) in _DATE_PATTERNS:
        match = pattern.match(value.strip())
        if match:
            try:
                parsed = datetime.date(
                    int(match.group(y)), int(match.group(m)), int(match.group(d))
                )
            except ValueError:
                return None
            return parsed
    return None


def parse_integer(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value).replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):  # German thousands: 1.200
        text = text.replace(".", "")
    return int(text) if re.fullmatch(r"-?\d+", text) else None


def parse_amount(value: Any) -> Decimal | None:
    """An amount in euros with at most two decimals: 1500, 1.500,50, 1500,5 or 1500.50."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        amount = Decimal(str(value))
    else:
        text = re.sub(r"(?i)\s|\u00a0|€|eur", "", str(value))
        if "," in text and "." in text:
            decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        elif "," in text:
            decimal_mark = "," if text.count(",") == 1 else ""
        elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):
            decimal_mark = ""  # German thousands: 12.500
        else:
            decimal_mark = "."
        thousands = {",": ".", ".": ",", "": ".,"}[decimal_mark]
        for mark in thousands:
            text = text.replace(mark, "")
        if decimal_mark == ",":
            text = text.replace(",", ".")
        if not re.fullmatch(r"-?\d+(\.\d+)?", text):
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            return None
    if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
        return None
    amount = amount.quantize(Decimal("0.01"))
    return amount if abs(amount) < Decimal("10000000000") else None
