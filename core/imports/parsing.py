"""The whole file: headers matched to columns, every row checked (:func:`parse_import`)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from core.imports.checking import RowChecker
from core.imports.columns import (
    ImportKind,
    ImportPreview,
    Lookups,
    ParsedRow,
    display,
    header_key,
)
from core.imports.kinds import KINDS
from core.imports.reading import (
    ImportFileError,
    Problem,
    is_empty,
    read_table,
)

# ---------------------------------------------------------------- the whole file


def parse_import(kind: ImportKind | str, content: bytes, ext: str, lookups: Lookups):
    """Read ``content`` (a .csv or .xlsx file) and check every row against ``lookups``."""
    kind = KINDS[kind] if isinstance(kind, str) else kind
    preview = ImportPreview(kind=kind)
    try:
        table = read_table(content, ext)
    except ImportFileError as error:
        preview.errors.extend(error.problems)
        return preview

    by_key = {key: column for column in kind.columns for key in column.keys}
    positions: dict[str, int] = {}
    for index, header in enumerate(table.headers):
        text = display(header)
        if not text:
            values = (cells[index] for _n, cells in table.rows if index < len(cells))
            if not is_empty(values):
                preview.warnings.append(
                    Problem(
                        _("Column %(number)s has no header; its values are ignored.")
                        % {"number": index + 1}
                    )
                )
            continue
        column = by_key.get(header_key(text))
        if column is None:
            preview.warnings.append(
                Problem(
                    _("The column “%(column)s” is not known; its values are ignored.")
                    % {"column": text},
                    column=text,
                )
            )
        elif column.name in positions:
            preview.errors.append(
                Problem(
                    _("The column “%(column)s” appears more than once.") % {"column": text},
                    column=text,
                )
            )
        else:
            positions[column.name] = index
            preview.headers[column.name] = text
    missing = [column.header for column in kind.required_columns if column.name not in positions]
    if len(missing) == 1:
        preview.errors.append(
            Problem(
                _("The required column “%(column)s” is missing.") % {"column": missing[0]},
                column=missing[0],
            )
        )
    elif missing:  # all of them in one message, so that one correction suffices
        preview.errors.append(
            Problem(
                _("The required columns %(columns)s are missing.")
                % {"columns": ", ".join(_("“%(column)s”") % {"column": h} for h in missing)}
            )
        )
    if preview.errors:
        return preview

    preview.columns = [column for column in kind.columns if column.name in positions]
    seen: dict[str, int] = {}
    declared = {column.name: column for column in kind.columns}
    unique = [column for column in kind.columns if column.unique]
    width = len(table.headers)
    for number, cells in table.rows:
        if table.delimiter and len(cells) > width and not is_empty(cells[width:]):
            preview.rows.append(_misaligned_row(number, cells, width, table.delimiter))
            continue
        raw = {
            name: cells[index] if index < len(cells) else None for name, index in positions.items()
        }
        checker = RowChecker(number, raw, preview.headers, declared)
        for column in unique:
            existing = getattr(lookups, column.unique.lookup)
            checker.put_unique_text(column.name, existing, seen, column.unique.message)
        kind.check_row(checker, lookups)
        preview.rows.append(
            ParsedRow(
                number=number,
                cells={name: display(value) for name, value in raw.items()},
                data=checker.data,
                many=checker.many,
                problems=checker.problems,
            )
        )
    return preview


def _misaligned_row(number: int, cells: list[Any], width: int, delimiter: str) -> ParsedRow:
    """A CSV row with more values than the header has columns: its values have slipped
    (an unquoted separator inside a text), so none of them is taken."""
    problem = Problem(
        _(
            "Row %(row)s has %(count)s values, but the header row has %(columns)s columns: "
            "a value probably contains the separator “%(separator)s” without quotation "
            "marks. Put such values in quotation marks, or save the file again from a "
            "spreadsheet program, which does this itself."
        )
        % {
            "row": number,
            "count": len(cells),
            "columns": width,
            "separator": {"\t": "Tab"}.get(delimiter, delimiter),
        },
        row=number,
    )
    return ParsedRow(number=number, cells={}, problems=[problem])
