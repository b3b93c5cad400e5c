"""Reading lists (partners, projects, carers, care guides, the fundraising circle's
members and money) from CSV or XLSX files, and checking every row.

Everything here is pure: the caller hands over the file's bytes and a ``Lookups``
snapshot of what already exists (partner names, project titles, the measures
catalogue); nothing here reads or writes the database. ``core/services/imports.py``
builds the lookups and writes the rows in one transaction.

The result of :func:`parse_import` is an :class:`ImportPreview`: file-level errors (the
file cannot be imported at all), warnings (unknown columns, ignored), and every data row
with its values, the cleaned model data and its problems. Row numbers are the rows a
spreadsheet program shows (the header is row 1). Reading the file within its bounds is
``core.imports.reading``.

The modules: ``reading`` (the file within its bounds), ``columns`` (results, normalising,
column and kind declarations), ``values`` (dates, numbers, amounts), ``checking`` (one
row), ``kinds`` (each list's columns, all of them by code), ``rows`` (the check of
each list's rows), ``parsing`` (the whole file). Their names stay importable from here.
"""

from core.imports.checking import RowChecker, split_names
from core.imports.columns import (
    HINT_COUNT,
    HINT_DATE,
    NO,
    YES,
    Column,
    ImportKind,
    ImportPreview,
    Lookups,
    ParsedRow,
    choice_map,
    display,
    header_key,
    name_key,
)
from core.imports.kinds import KINDS, PARTNERS, PROJECTS
from core.imports.parsing import parse_import
from core.imports.reading import (
    EMPTY_ROWS_STOP,
    EXTENSIONS,
    MAX_CELL_LENGTH,
    MAX_COLUMNS,
    MAX_FILE_SIZE,
    MAX_ROWS,
    UNREADABLE,
    ImportFileError,
    Problem,
    Table,
    decode_text,
    detect_delimiter,
    file_extension,
    is_empty,
    read_csv,
    read_table,
    read_xlsx,
)
from core.imports.rows import check_partner_row, check_project_row
from core.imports.values import parse_amount, parse_date, parse_integer

__all__ = [
    "EMPTY_ROWS_STOP",
    "EXTENSIONS",
    "HINT_COUNT",
    "HINT_DATE",
    "KINDS",
    "MAX_CELL_LENGTH",
    "MAX_COLUMNS",
    "MAX_FILE_SIZE",
    "MAX_ROWS",
    "NO",
    "PARTNERS",
    "PROJECTS",
    "UNREADABLE",
    "YES",
    "Column",
    "ImportFileError",
    "ImportKind",
    "ImportPreview",
    "Lookups",
    "ParsedRow",
    "Problem",
    "RowChecker",
    "Table",
    "check_partner_row",
    "check_project_row",
    "choice_map",
    "decode_text",
    "detect_delimiter",
    "display",
    "file_extension",
    "header_key",
    "is_empty",
    "name_key",
    "parse_amount",
    "parse_date",
    "parse_import",
    "parse_integer",
    "read_csv",
    "read_table",
    "read_xlsx",
    "split_names",
]
