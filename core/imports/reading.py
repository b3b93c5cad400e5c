"""Reading an uploaded CSV or XLSX file into a table of cells, within fixed bounds.

An upload is hostile until read: an XLSX file is a zip archive, and a 1 MB archive can
unpack to gigabytes (a "zip bomb") that openpyxl would hold in memory. So before a
workbook is opened, the archive's directory is checked (total unpacked size, the
compression ratio of each part, the number of parts); Python's ``zipfile`` never
unpacks a part beyond the size its directory declares, so these figures bind.
The workbook is then read in openpyxl's read-only (streaming) mode, and rows, columns
and the length of each cell are capped for both formats. Every refusal says in the
user's language what was too large.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_FILE_SIZE = 5 * 1024 * 1024  # bytes
MAX_ROWS = 5000  # data rows, header not counted
MAX_COLUMNS = 100  # columns read from a worksheet
MAX_CELL_LENGTH = 10_000  # characters in one cell (a description is far shorter)
EXTENSIONS = ("csv", "xlsx")
# A worksheet formatted far below its data yields many empty rows; after this many in a
# row nothing more is read.
EMPTY_ROWS_STOP = 5000
# What an XLSX archive may unpack to. A workbook of 5000 rows of 100 columns is far
# below; a zip bomb is far above. Ordinary XML compresses 5 to 30 times, a bomb 1000.
MAX_UNPACKED_SIZE = 50 * 1024 * 1024  # bytes, all parts together
MAX_RATIO = 100  # unpacked / packed size of one part ...
RATIO_FROM_SIZE = 1024 * 1024  # ... checked for parts that unpack to more than this
MAX_PARTS = 500  # an ordinary workbook has 10 to 30
# Too-long cells listed at once (a file may have thousands).
LISTED_CELLS = 10


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Problem:
    """A message about the file (``row`` None) or about one cell of one row."""

    message: str
    row: int | None = None
    column: str | None = None


class ImportFileError(Exception):
    """The file cannot be read at all; ``message`` says why (translated), ``problems``
    are all the reasons when there are several."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.message = message
        self.problems = problems or [Problem(message)]


@dataclass
class Table:
    headers: list[Any]
    header_row: int
    rows: list[tuple[int, list[Any]]]  # (row number, cells), empty rows left out
    # The CSV separator; None for a workbook, whose cells cannot slip into another column.
    delimiter: str | None = None


UNREADABLE = gettext_lazy(
    "The file could not be read. Please save it as CSV (UTF-8) or as an Excel workbook (.xlsx)."
)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


# ---------------------------------------------------------------- cells and rows


def is_empty(cells: Iterable[Any]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _column_name(headers: list[Any] | None, index: int) -> str:
    if headers is not None and index < len(headers) and headers[index] not in (None, ""):
        return str(headers[index]).strip()
    return _("column %(number)s") % {"number": index + 1}


def _long_cells(number: int, cells: list[Any], headers: list[Any] | None) -> list[Problem]:
    problems = []
    for index, cell in enumerate(cells):
        if isinstance(cell, str) and len(cell) > MAX_CELL_LENGTH:
            column = _column_name(headers, index)
            problems.append(
                Problem(
                    _(
                        "Row %(row)s, column “%(column)s”: the cell holds %(length)s "
                        "characters; at most %(limit)s are allowed."
                    )
                    % {
                        "row": number,
                        "column": column,
                        "length": len(cell),
                        "limit": MAX_CELL_LENGTH,
                    },
                    row=number,
                    column=column,
                )
            )
    return problems


def _table(rows: Iterable[list[Any]], *, delimiter: str | None = None) -> Table:
    headers: list[Any] | None = None
    header_row = 0
    data: list[tuple[int, list[Any]]] = []
    too_long: list[Problem] = []
    empty_run = 0
    for number, cells in enumerate(rows, start=1):
        if len(cells) > MAX_COLUMNS and not is_empty(cells[MAX_COLUMNS:]):
            raise ImportFileError(
                _("Row %(row)s has more than %(limit)s columns. At most %(limit)s can be read.")
                % {"row": number, "limit": MAX_COLUMNS}
            )
        if is_empty(cells):
            empty_run += 1
            if empty_run >= EMPTY_ROWS_STOP:
                break
            continue
        empty_run = 0
        too_long += _long_cells(number, cells, headers)
        if headers is None:
            headers, header_row = list(cells), number
            continue
        data.append((number, list(cells)))
        if len(data) > MAX_ROWS:
            raise ImportFileError(
                _("The file has more than %(limit)s rows. Please split it into smaller files.")
                % {"limit": MAX_ROWS}
            )
    if too_long:
        listed = too_long[:LISTED_CELLS]
        if len(too_long) > LISTED_CELLS:
            listed.append(
                Problem(
                    _("%(count)s more cells are too long.")
                    % {"count": len(too_long) - LISTED_CELLS}
                )
            )
        raise ImportFileError(listed[0].message, listed)
    if headers is None:
        raise ImportFileError(_("The file is empty."))
    if not data:
        raise ImportFileError(_("The file has a header row but no data rows."))
    return Table(headers, header_row, data, delimiter)


# ---------------------------------------------------------------- CSV


def decode_text(content: bytes) -> str:
    """UTF-8 (with or without byte order mark), else Windows-1252."""
    if b"\x00" in content:
        raise ImportFileError(str(UNREADABLE))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _("The file's text encoding is not supported. Please save it as CSV (UTF-8).")
        ) from exc


def detect_delimiter(text: str) -> str:
    """Semicolon, comma or tab, whichever the header line has most of (ties: semicolon)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ";"


def read_csv(content: bytes) -> Table:
    text = decode_text(content)
    # The csv module refuses a field over 128 KiB with a bare "field larger than field
    # limit"; the file is at most MAX_FILE_SIZE, and _table names an over-long cell.
    if csv.field_size_limit() < MAX_FILE_SIZE:
        csv.field_size_limit(MAX_FILE_SIZE)
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return _table(reader, delimiter=delimiter)
    except csv.Error as exc:
        raise ImportFileError(str(UNREADABLE)) from exc


# ---------------------------------------------------------------- XLSX


def check_archive(content: bytes) -> None:
    """Refuse a workbook whose archive would unpack to too much (before opening it)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ImportFileError(str(UNREADABLE)) from exc
    if len(parts) > MAX_PARTS:
        raise ImportFileError(
            _(
                "The workbook consists of %(count)s parts; at most %(limit)s are allowed. "
                "Please copy the data into a new workbook or save it as CSV."
            )
            % {"count": len(parts), "limit": MAX_PARTS}
        )
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_SIZE:
        raise ImportFileError(
            _(
                "The workbook unpacks to %(size)s MB; at most %(limit)s MB are allowed. "
                "Please split it into smaller files or save it as CSV."
            )
            % {"size": _megabytes(unpacked), "limit": _megabytes(MAX_UNPACKED_SIZE)}
        )
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > RATIO_FROM_SIZE and ratio > MAX_RATIO:
            raise ImportFileError(
                _(
                    "The workbook is packed unusually densely (a part unpacks to %(ratio)s "
                    "times its size; at most %(limit)s times are allowed). Please copy the "
                    "data into a new workbook or save it as CSV."
                )
                % {"ratio": f"{ratio:.0f}", "limit": MAX_RATIO}
            )


def read_xlsx(content: bytes) -> Table:
    from openpyxl import load_workbook

    if not content.startswith(b"PK"):
        raise ImportFileError(str(UNREADABLE))
    check_archive(content)
    try:
        # read_only: the worksheet is parsed as a stream, row by row, never held whole.
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # a damaged or foreign file: zip, XML and key errors alike
        raise ImportFileError(str(UNREADABLE)) from exc
    try:
        if not workbook.worksheets:
            raise ImportFileError(_("The file is empty."))
        sheet = workbook.worksheets[0]
        rows = (list(row) for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS))
        return _table(rows)
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(str(UNREADABLE)) from exc
    finally:
        workbook.close()


# ---------------------------------------------------------------- either


def read_table(content: bytes, ext: str) -> Table:
    if not content:
        raise ImportFileError(_("The file is empty."))
    if len(content) > MAX_FILE_SIZE:
        raise ImportFileError(
            _("The file is larger than %(size)s MB. Please split it into smaller files.")
            % {"size": MAX_FILE_SIZE // (1024 * 1024)}
        )
    if ext == "csv":
        return read_csv(content)
    if ext == "xlsx":
        return read_xlsx(content)
    raise ImportFileError(_("Only CSV files (.csv) and Excel workbooks (.xlsx) can be imported."))


def file_extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
