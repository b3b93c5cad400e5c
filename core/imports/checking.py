"""Checking one data row: each column's value cleaned into model data or a problem."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from core.imports.columns import (
    NO,
    YES,
    Column,
    _choice_key,
    choice_map,
    display,
    name_key,
)
from core.imports.reading import (
    Problem,
)
from core.imports.values import parse_amount, parse_date, parse_integer
from kernel.dates import validate_plausible_date
from kernel.text import refused_character, refused_character_error

# ---------------------------------------------------------------- checking one row


class RowChecker:
    """Reads the cells of one row, cleans them and notes each problem with its column."""

    def __init__(
        self,
        number: int,
        raw: dict[str, Any],
        headers: dict[str, str],
        columns: Mapping[str, Column] | None = None,
    ):
        self.number = number
        self.raw = raw
        self.headers = headers
        self.columns = columns or {}  # the kind's declared columns by name
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
        def known(value: Any) -> str | None:
            return mapping.get(_choice_key(display(value)))

        return self._parsed(name, known, message, required=required)

    def choices(self, name: str, mapping: Mapping[str, str], message: str) -> list[str] | None:
        return self._listed(name, mapping, message, key=_choice_key)

    def _parsed(
        self, name: str, parse: Callable[[Any], Any], message: str, *, required=False
    ) -> Any:
        """The cell read by ``parse``; None if it is empty (a problem if ``required``) or
        if ``parse`` cannot read it (then ``message``, naming the value as written)."""
        value = self.raw_value(name)
        if value is None:
            self._required(name, required)
            return None
        parsed = parse(value)
        if parsed is None:
            self.fail(name, message, value=display(value))
        return parsed

    def date(self, name: str, *, required=False) -> datetime.date | None:
        parsed = self._parsed(
            name,
            parse_date,
            _("“%(column)s”: “%(value)s” is not a date (use DD.MM.YYYY or YYYY-MM-DD)."),
            required=required,
        )
        if parsed is None:
            return None
        try:  # the one range of every stored date, with its message
            validate_plausible_date(parsed)
        except ValidationError as error:
            self.fail(name, "“%(column)s”: %(problem)s", problem=" ".join(error.messages))
            return None
        return parsed

    def _not_negative(
        self,
        name: str,
        parse: Callable[[Any], Any],
        message: str,
        *,
        show_parsed: bool,
        required=False,
    ) -> Any:
        """A number, 0 or more, read by ``parse`` (None: not a number, then ``message``);
        a negative one is named as parsed or, without ``show_parsed``, as written."""
        number = self._parsed(name, parse, message, required=required)
        if number is not None and number < 0:
            self.fail(
                name,
                _("“%(column)s”: “%(value)s” is negative; use 0 or more."),
                value=number if show_parsed else display(self.raw_value(name)),
            )
            return None
        return number

    def count(self, name: str) -> int | None:
        """A whole number, 0 or more."""
        return self._not_negative(
            name,
            parse_integer,
            _("“%(column)s”: “%(value)s” is not a whole number."),
            show_parsed=True,
        )

    def amount(self, name: str, *, required=False) -> Decimal | None:
        return self._not_negative(
            name,
            parse_amount,
            _("“%(column)s”: “%(value)s” is not an amount in euros (e.g. 1.500,00)."),
            show_parsed=False,
            required=required,
        )

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

    def email(self, name: str) -> str | None:
        """An e-mail address (at most 254 characters)."""
        email = self.text(name, max_length=254)
        if email is not None:
            try:
                validate_email(email)
            except ValidationError:
                self.fail(
                    name, _("“%(column)s”: “%(value)s” is not an e-mail address."), value=email
                )
                return None
        return email

    def names(self, name: str, known: Mapping[str, int], message: str) -> list[int] | None:
        return self._listed(name, known, message, key=name_key)

    def _listed(
        self, name: str, known: Mapping[str, Any], message: str, *, key: Callable[[str], str]
    ) -> list[Any] | None:
        """The known values named in the cell (see :func:`split_names`), without repeats;
        None, with ``message``, if any is unknown."""
        value = self.raw_value(name)
        if value is None:
            return None
        found, unknown = split_names(display(value), known, key=key)
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

    # What every kind's rows have: a unique name, choices and a period.

    def put_unique_text(
        self, name: str, existing: Iterable[str], seen: dict[str, int], message: str,
        *, max_length: int = 200,
    ) -> None:  # fmt: skip
        """A required one-line text (a name or title, 200 characters at most) that no
        record and no earlier row has (``message``)."""
        value = self.text(name, max_length=max_length, required=True)
        self.unique(name, value, existing, seen, message)
        self.put(name, value)

    def put_choice(self, name: str, message: str) -> None:
        """The code of one of the column's choices, named by code or label (else
        ``message``); required if the column is."""
        column = self.columns[name]
        mapping = choice_map(column.choices)
        self.put(name, self.choice(name, mapping, message, required=column.required))

    def put_choices(self, name: str, message: str) -> None:
        """Codes of the column's choices, separated by semicolons (else ``message``)."""
        self.put(name, self.choices(name, choice_map(self.columns[name].choices), message))

    def put_address(self) -> None:
        """Street, postcode and city (``kinds.ADDRESS``)."""
        self.put("street", self.text("street", max_length=200))
        self.put("postcode", self.postcode("postcode"))
        self.put("city", self.text("city", max_length=100))

    def put_named(
        self, name: str, field_name: str, known: Mapping[str, int], message: str, *, required=False
    ) -> None:
        """The primary key (into ``field_name``) of the one record ``known`` by the name
        in the cell; an unknown name is refused with ``message``."""

        def pk(value: Any) -> int | None:
            return known.get(name_key(display(value)))

        self.put(field_name, self._parsed(name, pk, message, required=required))

    def put_membership(self) -> None:
        """Joining and leaving (``kinds.MEMBERSHIP``), in that order."""
        self.put_period(
            "joined_on", "left_on", _("“%(column)s”: the leaving date is before the joining date.")
        )

    def put_period(self, start: str, end: str, message: str, *, strict=False) -> None:
        """Two dates; an end before the start (``strict``: not after it) is refused with
        ``message`` (and left out)."""
        first, last = self.date(start), self.date(end)
        if first and last and (last <= first if strict else last < first):
            self.fail(end, message)
            last = None
        self.put(start, first)
        self.put(end, last)


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
