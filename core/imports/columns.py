"""What an import is made of: the results (lookups, parsed rows, the preview), the
normalising of headers, names and choices, and the column and kind declarations."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports.reading import (
    Problem,
)

if TYPE_CHECKING:  # the row checker is built on these declarations
    from core.imports.checking import RowChecker

YES = {"ja", "j", "yes", "y", "true", "wahr", "1", "x"}
NO = {"nein", "n", "no", "false", "falsch", "0"}


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Lookups:
    """What exists in the alliance when the file is checked (keys from :func:`name_key`)."""

    partners: Mapping[str, int] = field(default_factory=dict)  # name -> pk
    projects: frozenset[str] = frozenset()  # titles
    measures: Mapping[str, int] = field(default_factory=dict)  # active catalogue: name -> pk
    supporters: Mapping[str, int] = field(default_factory=dict)  # not anonymised: name -> pk


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
class Unique:
    """A column whose value no record (``Lookups`` field ``lookup``) and no earlier row of
    the file may have; ``message`` names the record that has it."""

    lookup: str
    message: Any  # lazy text with %(column)s and %(value)s


@dataclass(frozen=True)
class Column:
    name: str  # field name (model field, or lead_partner/partners/measures)
    header: str  # the German header of the template
    aliases: tuple[str, ...] = ()  # English headers and other spellings
    required: bool = False
    hint: Any = ""  # lazy text for the upload page
    choices: type[models.TextChoices] | None = None
    unique: Unique | None = None  # a required name or title (at most 200 characters)

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
    check_row: Callable[[RowChecker, Lookups], None]  # after the unique column's check
    url_name: str  # "partner": the pages are partner-import-preview, ... and partner-list
    done_message: Any  # lazy text with %(count)s, shown after the import

    @property
    def required_columns(self) -> list[Column]:
        return [column for column in self.columns if column.required]

    @property
    def template_headers(self) -> list[str]:
        return [column.header for column in self.columns]


HINT_DATE = gettext_lazy("date, DD.MM.YYYY or YYYY-MM-DD")
HINT_COUNT = gettext_lazy("whole number, 0 or more")
HINT_PARTNER = gettext_lazy("name of an existing partner")
UNKNOWN_PARTNER = gettext_lazy("“%(column)s”: there is no partner named “%(value)s”.")
