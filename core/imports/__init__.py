"""Reading partner and project lists from CSV or XLSX files, and checking every row.

Everything here is pure: the caller hands over the file's bytes and a ``Lookups``
snapshot of what already exists (partner names, project titles, the measures
catalogue); nothing here reads or writes the database. ``core/services/imports.py``
builds the lookups and writes the rows in one transaction.

The result of :func:`parse_import` is an :class:`ImportPreview`: file-level errors (the
file cannot be imported at all), warnings (unknown columns, ignored), and every data row
with its values, the cleaned model data and its problems. Row numbers are the rows a
spreadsheet program shows (the header is row 1). Reading the file within its bounds is
``core.imports.reading``.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
from core.models import PartnerKind, PartnerStatus, ProjectStatus, SizeClass, TargetGroup, Topic
from kernel.dates import validate_plausible_date
from kernel.text import refused_character, refused_character_error

__all__ = [
    "EMPTY_ROWS_STOP",
    "EXTENSIONS",
    "KINDS",
    "MAX_CELL_LENGTH",
    "MAX_COLUMNS",
    "MAX_FILE_SIZE",
    "MAX_ROWS",
    "UNREADABLE",
    "ImportFileError",
    "ImportKind",
    "ImportPreview",
    "Lookups",
    "ParsedRow",
    "Problem",
    "Table",
    "decode_text",
    "detect_delimiter",
    "file_extension",
    "name_key",
    "parse_import",
    "read_csv",
    "read_table",
    "read_xlsx",
]

YES = {"ja", "j", "yes", "y", "true", "wahr", "1", "x"}
NO = {"nein", "n", "no", "false", "falsch", "0"}


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Lookups:
    """What exists in the alliance when the file is checked (keys from :func:`name_key`)."""

    partners: Mapping[str, int] = field(default_factory=dict)  # name -> pk
    projects: frozenset[str] = frozenset()  # titles
    measures: Mapping[str, int] = field(default_factory=dict)  # active catalogue: name -> pk


@dataclass
class ParsedRow:
    number: int
    cells: dict[str, str]  # field name -> the value as written in the file
    data: dict[str, Any] = field(default_factory=dict)  # model field -> cleaned value
    many: dict[str, list[int]] = field(default_factory=dict)  # m2m field -> primary keys
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def columns_with_problems(self) -> set[str]:
        return {p.column for p in self.problems if p.column}


@dataclass
class ImportPreview:
    kind: ImportKind
    columns: list[Column] = field(default_factory=list)  # recognised, in the kind's order
    headers: dict[str, str] = field(default_factory=dict)  # field name -> header in the file
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)  # file-level: nothing importable
    warnings: list[Problem] = field(default_factory=list)

    @property
    def row_problems(self) -> list[Problem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def valid_count(self) -> int:
        return sum(1 for row in self.rows if row.ok)

    @property
    def invalid_count(self) -> int:
        return len(self.rows) - self.valid_count

    @property
    def can_import(self) -> bool:
        return not self.errors and bool(self.rows) and all(row.ok for row in self.rows)


# ---------------------------------------------------------------- normalising


def name_key(value: str) -> str:
    """How names and titles are compared: whitespace collapsed, case ignored."""
    return " ".join(str(value).split()).lower()


def _choice_key(value: str) -> str:
    return " ".join(str(value).split()).casefold()


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def header_key(value: Any) -> str:
    """Headers match whatever the case, spacing, umlaut spelling, "*" marks or "(EUR)"."""
    text = re.sub(r"\([^)]*\)", " ", str(value or "")).replace("*", " ")
    return " ".join(text.split()).casefold().translate(_UMLAUTS)


def choice_map(choices: type[models.TextChoices]) -> dict[str, str]:
    """Code, English and German label (and the active language's) of each choice -> code."""
    return _choice_map(choices, translation.get_language() or "de")


@functools.lru_cache(maxsize=64)
def _choice_map(choices: type[models.TextChoices], language: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    languages = ["en", "de", language]
    for code, label in zip(choices.values, choices.labels, strict=True):
        mapping[_choice_key(code)] = code
        for language in languages:
            with translation.override(language):
                mapping.setdefault(_choice_key(str(label)), code)
    return mapping


def display(value: Any) -> str:
    """A cell value as the file shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.strftime("%d.%m.%Y")
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# ---------------------------------------------------------------- columns and kinds


@dataclass(frozen=True)
class Column:
    name: str  # field name (model field, or lead_partner/partners/measures)
    header: str  # the German header of the template
    aliases: tuple[str, ...] = ()  # English headers and other spellings
    required: bool = False
    hint: Any = ""  # lazy text for the upload page
    choices: type[models.TextChoices] | None = None

    @property
    def english(self) -> str:
        return self.aliases[0] if self.aliases else self.header

    @property
    def keys(self) -> set[str]:
        return {header_key(self.header), *(header_key(alias) for alias in self.aliases)}


@dataclass(frozen=True)
class ImportKind:
    code: str
    label: Any
    permission: str
    columns: tuple[Column, ...]
    check_row: Callable[[RowChecker, Lookups, dict[str, int]], None]

    @property
    def required_columns(self) -> list[Column]:
        return [column for column in self.columns if column.required]

    @property
    def template_headers(self) -> list[str]:
        return [column.header for column in self.columns]


HINT_DATE = gettext_lazy("date, DD.MM.YYYY or YYYY-MM-DD")
HINT_COUNT = gettext_lazy("whole number, 0 or more")


# ---------------------------------------------------------------- checking one row


class RowChecker:
    """Reads the cells of one row, cleans them and notes each problem with its column."""

    def __init__(self, number: int, raw: dict[str, Any], headers: dict[str, str]):
        self.number = number
        self.raw = raw
        self.headers = headers
        self.problems: list[Problem] = []
        self.data: dict[str, Any] = {}
        self.many: dict[str, list[int]] = {}

    def column(self, name: str) -> str:
        return self.headers.get(name, name)

    def fail(self, name: str, message: str, **values: Any) -> None:
        text = message % {"column": self.column(name), **values}
        self.problems.append(Problem(text, self.number, self.column(name)))

    def raw_value(self, name: str) -> Any:
        value = self.raw.get(name)
        if isinstance(value, str):
            value = value.strip()
        return None if value == "" else value

    def _required(self, name: str, required: bool) -> None:
        if required:
            self.fail(name, _("“%(column)s” is empty, but a value is required."))

    def text(
        self, name: str, *, max_length: int | None = None, required=False, multiline=False
    ) -> str | None:
        """A text; one line (whitespace collapsed) unless ``multiline``. Control
        characters are refused, as the models refuse them (``kernel.text``)."""
        value = self.raw_value(name)
        if value is None:
            self._required(name, required)
            return None
        text = display(value)
        # Line breaks and tabs may be in any cell; other control characters in none.
        character = refused_character(text, multiline=True)
        if character is not None:
            self.fail(
                name,
                _("“%(column)s”: %(problem)s"),
                problem=refused_character_error(character).messages[0],
            )
            return None
        if not multiline:
            text = " ".join(text.split())
        if max_length is not None and len(text) > max_length:
            self.fail(
                name,
                _("“%(column)s”: at most %(limit)s characters are allowed, not %(length)s."),
                limit=max_length,
                length=len(text),
            )
            return None
        return text

    def postcode(self, name: str) -> str | None:
        value = self.raw_value(name)
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = display(value)
        if isinstance(value, str) and value.isdigit() and len(value) == 4:
            value = "0" + value  # a spreadsheet dropped the leading zero of 07743
        self.raw = {**self.raw, name: value}
        return self.text(name, max_length=10)

    def choice(
        self, name: str, mapping: Mapping[str, str], message: str, *, required=False
    ) -> str | None:
        value = self.raw_value(name)
        if value is None:
            self._required(name, required)
            return None
        code = mapping.get(_choice_key(display(value)))
        if code is None:
            self.fail(name, message, value=display(value))
        return code

    def choices(self, name: str, mapping: Mapping[str, str], message: str) -> list[str] | None:
        value = self.raw_value(name)
        if value is None:
            return None
        found, unknown = split_names(display(value), mapping, key=_choice_key)
        if unknown:
            self.fail(name, message, value="; ".join(unknown))
            return None
        return list(dict.fromkeys(found))

    def date(self, name: str, *, required=False) -> datetime.date | None:
        value = self.raw_value(name)
        if value is None:
            self._required(name, required)
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.fail(
                name,
                _("“%(column)s”: “%(value)s” is not a date (use DD.MM.YYYY or YYYY-MM-DD)."),
                value=display(value),
            )
            return None
        try:  # the one range of every stored date, with its message
            validate_plausible_date(parsed)
        except ValidationError as error:
            self.fail(name, "“%(column)s”: %(problem)s", problem=" ".join(error.messages))
            return None
        return parsed

    def count(self, name: str) -> int | None:
        """A whole number, 0 or more."""
        value = self.raw_value(name)
        if value is None:
            return None
        number = parse_integer(value)
        if number is None:
            self.fail(
                name, _("“%(column)s”: “%(value)s” is not a whole number."), value=display(value)
            )
        elif number < 0:
            self.fail(
                name, _("“%(column)s”: “%(value)s” is negative; use 0 or more."), value=number
            )
            return None
        return number

    def amount(self, name: str) -> Decimal | None:
        value = self.raw_value(name)
        if value is None:
            return None
        amount = parse_amount(value)
        if amount is None:
            self.fail(
                name,
                _("“%(column)s”: “%(value)s” is not an amount in euros (e.g. 1.500,00)."),
                value=display(value),
            )
        elif amount < 0:
            self.fail(
                name,
                _("“%(column)s”: “%(value)s” is negative; use 0 or more."),
                value=display(value),
            )
            return None
        return amount

    def boolean(self, name: str) -> bool | None:
        value = self.raw_value(name)
        if value is None:
            return None
        if isinstance(value, bool):
            return value
        key = _choice_key(display(value))
        if key in YES:
            return True
        if key in NO:
            return False
        self.fail(
            name, _("“%(column)s”: “%(value)s” is neither “ja” nor “nein”."), value=display(value)
        )
        return None

    def url(self, name: str) -> str | None:
        value = self.raw_value(name)
        if value is None:
            return None
        text = display(value)
        has_scheme = re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE)
        address = text if has_scheme else "https://" + text
        try:
            if len(address) > 200:
                raise ValidationError("too long")
            URLValidator(schemes=["http", "https"])(address)
        except ValidationError:
            self.fail(name, _("“%(column)s”: “%(value)s” is not a valid web address."), value=text)
            return None
        return address

    def names(self, name: str, known: Mapping[str, int], message: str) -> list[int] | None:
        value = self.raw_value(name)
        if value is None:
            return None
        found, unknown = split_names(display(value), known, key=name_key)
        if unknown:
            self.fail(name, message, value="; ".join(unknown))
            return None
        return list(dict.fromkeys(found))

    def unique(
        self, name: str, value: str | None, existing: Iterable[str], seen: dict[str, int], message
    ) -> None:
        """``value`` must not exist yet, nor appear in an earlier row of the file."""
        if value is None:
            return
        key = name_key(value)
        if key in existing:
            self.fail(name, message, value=value)
        elif key in seen:
            self.fail(
                name,
                _("“%(column)s”: “%(value)s” already appears in row %(row)s of this file."),
                value=value,
                row=seen[key],
            )
        seen.setdefault(key, self.number)

    def put(self, field_name: str, value: Any) -> None:
        """Take ``value`` into the model data unless it is missing (model default applies)."""
        if value is not None:
            self.data[field_name] = value


def split_names(
    text: str, known: Mapping[str, Any], *, key: Callable[[str], str]
) -> tuple[list[Any], list[str]]:
    """Values named in ``text``, separated by ";" (or "," where that gives known names).

    Names with commas ("Stadt Jena, Fachdienst Jugend") are found as a whole first.
    """
    found: list[Any] = []
    unknown: list[str] = []
    if key(text) in known:
        return [known[key(text)]], []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        if key(part) in known:
            found.append(known[key(part)])
            continue
        pieces = [piece.strip() for piece in part.split(",") if piece.strip()]
        if len(pieces) > 1 and all(key(piece) in known for piece in pieces):
            found.extend(known[key(piece)] for piece in pieces)
        elif len(pieces) > 1:
            unknown.extend(piece for piece in pieces if key(piece) not in known)
        else:
            unknown.append(part)
    return found, unknown


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
    width = len(table.headers)
    for number, cells in table.rows:
        if table.delimiter and len(cells) > width and not is_empty(cells[width:]):
            preview.rows.append(_misaligned_row(number, cells, width, table.delimiter))
            continue
        raw = {
            name: cells[index] if index < len(cells) else None for name, index in positions.items()
        }
        checker = RowChecker(number, raw, preview.headers)
        kind.check_row(checker, lookups, seen)
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


# ---------------------------------------------------------------- partners


def check_partner_row(row: RowChecker, lookups: Lookups, seen: dict[str, int]) -> None:
    name = row.text("name", max_length=200, required=True)
    row.unique(
        "name",
        name,
        lookups.partners,
        seen,
        _("“%(column)s”: a partner named “%(value)s” already exists."),
    )
    row.put("name", name)
    row.put(
        "kind",
        row.choice(
            "kind",
            choice_map(PartnerKind),
            _("“%(column)s”: “%(value)s” is not a known kind of partner."),
            required=True,
        ),
    )
    row.put(
        "size_class",
        row.choice(
            "size_class", choice_map(SizeClass), _("“%(column)s”: “%(value)s” is not a known size.")
        ),
    )
    row.put("street", row.text("street", max_length=200))
    row.put("postcode", row.postcode("postcode"))
    row.put("city", row.text("city", max_length=100))
    row.put("website", row.url("website"))
    joined_on = row.date("joined_on")
    left_on = row.date("left_on")
    if joined_on and left_on and left_on < joined_on:
        row.fail("left_on", _("“%(column)s”: the leaving date is before the joining date."))
        left_on = None
    row.put("joined_on", joined_on)
    row.put("left_on", left_on)
    row.put(
        "status",
        row.choice(
            "status",
            choice_map(PartnerStatus),
            _("“%(column)s”: “%(value)s” is not a known status."),
        ),
    )
    row.put("public_listing_consent", row.boolean("public_listing_consent"))
    row.put("care_guides_count", row.count("care_guides_count"))
    measures = row.names(
        "measures",
        lookups.measures,
        _("“%(column)s”: “%(value)s” is not in the measures catalogue."),
    )
    row.many["measures"] = measures or []
    row.put("description", row.text("description", multiline=True))


PARTNERS = ImportKind(
    code="partners",
    label=gettext_lazy("Partners"),
    permission="alliance.partners.change",
    check_row=check_partner_row,
    columns=(
        Column("name", "Name", ("name", "organisation", "organization"), required=True),
        Column("kind", "Art", ("kind", "type", "Typ"), required=True, choices=PartnerKind),
        Column(
            "size_class",
            "Größe",
            ("size", "size class", "Größenklasse"),
            hint=gettext_lazy("empty: not applicable"),
            choices=SizeClass,
        ),
        Column("street", "Straße", ("street", "street and number", "Straße und Hausnummer")),
        Column("postcode", "PLZ", ("postcode", "zip", "postal code", "Postleitzahl")),
        Column("city", "Ort", ("town", "city", "Stadt")),
        Column(
            "website",
            "Website",
            ("website", "Webseite", "Internet", "Homepage", "URL"),
            hint=gettext_lazy("web address, e.g. www.example.org"),
        ),
        Column(
            "joined_on",
            "Beigetreten am",
            ("joined on", "joined", "Beigetreten", "Beitritt", "Beitrittsdatum"),
            hint=HINT_DATE,
        ),
        Column(
            "left_on",
            "Ausgetreten am",
            ("left on", "left", "Ausgetreten", "Austritt", "Austrittsdatum"),
            hint=HINT_DATE,
        ),
        Column(
            "status",
            "Status",
            ("status",),
            hint=gettext_lazy("empty: active"),
            choices=PartnerStatus,
        ),
        Column(
            "public_listing_consent",
            "Öffentlich",
            ("public", "listed publicly", "may be listed publicly", "öffentlich gelistet"),
            hint=gettext_lazy("ja or nein (empty: nein)"),
        ),
        Column(
            "care_guides_count",
            "Pflegelotsen",
            ("care guides", "trained company care guides", "betriebliche Pflegelotsen"),
            hint=HINT_COUNT,
        ),
        Column(
            "measures",
            "Maßnahmen",
            ("measures", "family-friendly measures"),
            hint=gettext_lazy("names from the measures catalogue, separated by semicolons"),
        ),
        Column(
            "description",
            "Beschreibung",
            ("description", "engagement for families", "Engagement für Familien"),
        ),
    ),
)


# ---------------------------------------------------------------- projects


def check_project_row(row: RowChecker, lookups: Lookups, seen: dict[str, int]) -> None:
    title = row.text("title", max_length=200, required=True)
    row.unique(
        "title",
        title,
        lookups.projects,
        seen,
        _("“%(column)s”: a project titled “%(value)s” already exists."),
    )
    row.put("title", title)
    row.put(
        "topic",
        row.choice(
            "topic",
            choice_map(Topic),
            _("“%(column)s”: “%(value)s” is not a known topic."),
            required=True,
        ),
    )
    row.put(
        "status",
        row.choice(
            "status",
            choice_map(ProjectStatus),
            _("“%(column)s”: “%(value)s” is not a known status."),
        ),
    )
    start_date = row.date("start_date")
    end_date = row.date("end_date")
    if start_date and end_date and end_date < start_date:
        row.fail("end_date", _("“%(column)s”: the end is before the start."))
        end_date = None
    row.put("start_date", start_date)
    row.put("end_date", end_date)
    unknown_partner = _("“%(column)s”: there is no partner named “%(value)s”.")
    lead = row.raw_value("lead_partner")
    if lead is not None:
        lead_id = lookups.partners.get(name_key(display(lead)))
        if lead_id is None:
            row.fail("lead_partner", unknown_partner, value=display(lead))
        row.put("lead_partner_id", lead_id)
    partners = row.names("partners", lookups.partners, unknown_partner)
    row.many["partners"] = partners or []
    row.put(
        "target_groups",
        row.choices(
            "target_groups",
            choice_map(TargetGroup),
            _("“%(column)s”: “%(value)s” is not a known target group."),
        ),
    )
    row.put("families_reached", row.count("families_reached"))
    row.put("funding_amount", row.amount("funding_amount"))
    row.put("funding_source", row.text("funding_source", max_length=200))
    row.put("description", row.text("description", multiline=True))


PROJECTS = ImportKind(
    code="projects",
    label=gettext_lazy("Projects"),
    permission="alliance.work.change",
    check_row=check_project_row,
    columns=(
        Column("title", "Titel", ("title",), required=True),
        Column("topic", "Thema", ("topic",), required=True, choices=Topic),
        Column(
            "status",
            "Status",
            ("status",),
            hint=gettext_lazy("empty: planned"),
            choices=ProjectStatus,
        ),
        Column("start_date", "Beginn", ("start", "start date", "begins"), hint=HINT_DATE),
        Column("end_date", "Ende", ("end", "end date", "ends"), hint=HINT_DATE),
        Column(
            "lead_partner",
            "Federführung",
            ("lead partner", "lead", "federführender Partner"),
            hint=gettext_lazy("name of an existing partner"),
        ),
        Column(
            "partners",
            "Partner",
            ("partners", "participating partners", "beteiligte Partner"),
            hint=gettext_lazy("names of existing partners, separated by semicolons"),
        ),
        Column(
            "target_groups",
            "Zielgruppen",
            ("target groups", "target group", "Zielgruppe"),
            hint=gettext_lazy("several separated by semicolons"),
            choices=TargetGroup,
        ),
        Column("families_reached", "Erreichte Familien", ("families reached",), hint=HINT_COUNT),
        Column(
            "funding_amount",
            "Förderung",
            ("funding", "funding amount", "Fördersumme"),
            hint=gettext_lazy("amount in euros, e.g. 1.500,00"),
        ),
        Column("funding_source", "Förderer", ("funded by", "funder", "Fördermittelgeber")),
        Column("description", "Beschreibung", ("description",)),
    ),
)

KINDS: dict[str, ImportKind] = {kind.code: kind for kind in (PARTNERS, PROJECTS)}
