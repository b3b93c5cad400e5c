"""Numbers, money, dates and times as the platform writes them: the one definition.

Every output a person reads uses these forms, whatever the interface language: pages
(through the template filters of ``kernel.templatetags.formats``), CSV files, PDFs and
e-mails. They are German, as the alliances and the state office write them::

    1467                  -> "1.467"
    Decimal("196770")     -> "196.770 €"        (money(value, places=0))
    Decimal("48000.00")   -> "48.000,00 €"
    date(2026, 12, 3)     -> "03.12.2026"
    time(14, 30)          -> "14:30 Uhr"        (English interface: "14:30")

Years, ids and values of form fields and URLs are never passed through here: they stay
``2026`` and ``/partners/1234/``. No global ``USE_THOUSAND_SEPARATOR`` is set for that
reason. The API keeps its machine formats (ISO dates, plain decimals). XLSX cells are
typed instead (``kernel.spreadsheets``) and carry the matching number formats below.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

EURO = "€"
DATE_FORMAT = "%d.%m.%Y"
CLOCK_FORMAT = "%H:%M"

# The same forms as Excel number formats (Excel shows the separators of its locale:
# a German Excel shows "1.467" and "48.000,00 €").
XLSX_INTEGER = "#,##0"
XLSX_DIGITS = "0"
XLSX_DECIMAL = "#,##0.00"
XLSX_MONEY = '#,##0.00 "€"'
XLSX_DATE = "DD.MM.YYYY"
XLSX_DATETIME = "DD.MM.YYYY HH:MM"

_GERMAN_SEPARATORS = str.maketrans(",.", ".,")


class Money(Decimal):
    """An amount in euros (a ``Decimal`` that knows it is money): exports write it with
    the euro sign, as text in CSV and as a number with a euro format in XLSX."""


class Digits(int):
    """A whole number written as its digits alone, never with a thousands dot: a year
    (``2026``) or a number that names something. XLSX writes it as a number shown as
    it is."""


def _as_number(value: Any) -> int | float | Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return value
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _places(value: int | float | Decimal) -> int:
    """The decimal places ``value`` shows by itself: a Decimal its own (``48000.00``:
    two), a whole number none, another float up to two."""
    if isinstance(value, int):
        return 0
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if float(value).is_integer():
        return 0
    return len(f"{value:.2f}".rstrip("0").split(".")[1])


def number(value: Any, places: int | None = None) -> str:
    """``value`` with a thousands dot and a decimal comma: ``1.467``, ``3,5``,
    ``48.000,00``; ``places`` fixes the decimal places (None: the value's own). Text
    that is no number is returned as it is, None as an empty text."""
    figure = _as_number(value)
    if figure is None:
        return "" if value is None else str(value)
    if isinstance(figure, Digits):
        return str(int(figure))
    if isinstance(figure, float) and figure != figure:  # NaN
        return str(value)
    places = _places(figure) if places is None else places
    return f"{figure:,.{places}f}".translate(_GERMAN_SEPARATORS)


def money(value: Any, places: int = 2) -> str:
    """An amount in euros: ``48.000,00 €``; with ``places=0`` whole euros: ``196.770 €``."""
    if _as_number(value) is None:
        return "" if value is None else str(value)
    return f"{number(value, places)} {EURO}"


def percent(value: Any, places: int | None = None) -> str:
    """A share in per cent: ``42 %``, ``12,5 %``."""
    if _as_number(value) is None:
        return "" if value is None else str(value)
    return f"{number(value, places)} %"


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def date(value: Any) -> str:
    """A day: ``03.12.2026`` (a datetime in the platform's time zone); empty for none."""
    if not isinstance(value, datetime.date):
        return "" if value is None else str(value)
    if isinstance(value, datetime.datetime):
        value = _local(value)
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def clock(value: Any) -> str:
    """A time of day in hours and minutes, ``14:30``, for ranges and tables."""
    if isinstance(value, datetime.datetime):
        value = _local(value)
    if not isinstance(value, datetime.time | datetime.datetime):
        return "" if value is None else str(value)
    return value.strftime(CLOCK_FORMAT)


def _o_clock(text: str) -> str:
    return gettext("%(time)s o'clock") % {"time": text} if text else ""


def time(value: Any) -> str:
    """A time of day as a sentence names it: ``14:30 Uhr`` (English: ``14:30``)."""
    return _o_clock(clock(value))


def time_range(start: Any, end: Any) -> str:
    """``14:30–16:00 Uhr``; one of the two alone: ``14:30 Uhr``."""
    if start and end:
        return _o_clock(f"{clock(start)}\u2013{clock(end)}")
    return time(start or end)


def datetime_text(value: Any) -> str:
    """A moment: ``03.12.2026, 14:30 Uhr``; empty for none."""
    if not isinstance(value, datetime.datetime):
        return date(value)
    return f"{date(value)}, {time(value)}"
