"""The one writer of CSV and XLSX files: every export goes through here.

Two dangers are handled in this one place so that no export can forget them:

- Formula injection (OWASP "CSV injection"): a text that begins with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return is run as a formula by Excel and LibreOffice
  (a partner named ``=HYPERLINK(...)`` becomes a live link). In CSV such a cell gets a
  leading ``'``, which both programs read as "this is text". In XLSX every text is
  written as an explicit string cell (never a formula), marked with Excel's quote
  prefix so that editing the cell keeps it text. Numbers stay numbers: an ``int``,
  ``float`` or ``Decimal`` is written as one, and a text that is nothing but a number
  (``-3,5`` from a report's change column) is harmless and stays as it is.
- Numbers and dates keep their type. CSV writes them as German spreadsheet programs read
  them (``kernel.formats``: ``1.467``, ``48.000,00``, ``03.12.2026``, ``03.12.2026 14:30``)
  with ``;`` between cells and a byte order mark; XLSX writes numeric and date cells
  with German-looking number formats (``#,##0``, ``#,##0.00 "€"`` for ``Money``,
  ``DD.MM.YYYY``), never numbers as text.
- Characters XML cannot hold (control characters in data stored before input refused
  them): openpyxl raises IllegalCharacterError for them, so they are replaced
  (``kernel.text``) and an export never fails on its data.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.utils import timezone

from kernel import formats
from kernel.text import replace_refused_characters

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
# Excel's limit for one cell; a longer text makes Excel "repair" the file.
XLSX_MAX_CELL_LENGTH = 32767

# The first characters that make a spreadsheet program read a cell as a formula (the
# full-width forms are read so by Excel in East Asian locales).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*%?")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def clean_text(value: Any) -> str:
    """``value`` as text without characters a spreadsheet file cannot hold."""
    return replace_refused_characters(str(value))


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet program read ``text`` as a formula?"""
    return text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text)


def _local(value: datetime.datetime) -> datetime.datetime:
    """A moment as the platform's wall clock shows it, without a time zone (spreadsheet
    cells have none)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


def number_format(value: Any) -> str | None:
    """The XLSX number format of a number or date cell (None for text)."""
    if isinstance(value, formats.Money):
        return formats.XLSX_MONEY
    if isinstance(value, formats.Digits):
        return formats.XLSX_DIGITS
    if isinstance(value, datetime.datetime):
        return formats.XLSX_DATETIME
    if isinstance(value, datetime.date):
        return formats.XLSX_DATE
    if isinstance(value, int) and not isinstance(value, bool):
        return formats.XLSX_INTEGER
    if isinstance(value, Decimal | float):
        places = formats.number(value).partition(",")[2]
        return f"{formats.XLSX_INTEGER}.{'0' * len(places)}" if places else formats.XLSX_INTEGER
    return None


def csv_cell(value: Any) -> Any:
    """One CSV cell: numbers and dates in German forms, texts cleaned and neutralised."""
    if value is None:
        return ""
    if isinstance(value, formats.Money):
        return formats.number(value, 2)
    if _is_number(value):
        return formats.number(value)
    if isinstance(value, datetime.datetime):
        value = _local(value)
        return f"{formats.date(value)} {formats.clock(value)}"
    if isinstance(value, datetime.date):
        return formats.date(value)
    text = clean_text(value)
    return "'" + text if is_formula_like(text) else text


def csv_text(rows: Iterable[Iterable[Any]], *, delimiter: str = ";", lineterminator="\r\n") -> str:
    """A CSV file's text with a byte order mark, as German spreadsheet programs read it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=lineterminator)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()


def _xlsx_value(value: Any) -> Any:
    if value is None or _is_number(value):
        return value
    if isinstance(value, datetime.datetime):
        return _local(value)
    if isinstance(value, datetime.date):
        return value
    return clean_text(value)[:XLSX_MAX_CELL_LENGTH]


def _typed(cell, value: Any):
    """``cell`` holding ``value``: a text cell for text, else its number format."""
    if isinstance(value, str):
        return _as_text_cell(cell, value)
    shown = number_format(value)
    if shown:
        cell.number_format = shown
    return cell


def _as_text_cell(cell, text: str):
    """Force ``cell`` to a string cell: openpyxl makes any text starting "=" a formula."""
    cell.data_type = "s"
    if is_formula_like(text):
        cell.quotePrefix = True
    return cell


def xlsx_cell(sheet, value: Any):
    """A cell for ``sheet.append`` in a write-only workbook."""
    from openpyxl.cell import WriteOnlyCell

    shown = _xlsx_value(value)
    return _typed(WriteOnlyCell(sheet, value=shown), shown)


def set_cell(sheet, row: int, column: int, value: Any):
    """Write ``value`` into a cell of an ordinary worksheet; returns the cell (to style)."""
    shown = _xlsx_value(value)
    cell = sheet.cell(row=row, column=column)
    cell.value = shown
    return _typed(cell, shown)


def xlsx_bytes(title: str, rows: Iterable[Iterable[Any]]) -> bytes:
    """A workbook of one sheet named ``title``, written row by row (write-only mode)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title(title))
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_title(title: str) -> str:
    """A valid worksheet name: at most 31 characters, none of ``[]:*?/\\``."""
    text = re.sub(r"[\[\]:*?/\\]", " ", clean_text(title)).strip()
    return text[:31] or "Tabelle"
