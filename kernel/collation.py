"""German sort order for names, the same in SQL and in Python.

A German reader looks for "Sömmerda" under S, before "Suhl", and for "Ölsnitz" under O
(DIN 5007-1, the dictionary order: ä = a, ö = o, ü = u, ß = ss, case and accents only
break ties). PostgreSQL's default collation here is "C" (byte order), which puts every
umlaut after "z".

SQL: :func:`by_name` is the one ordering expression for names. Where the server has ICU
collations (the Debian PostgreSQL does), it sorts by the ICU collation ``de-DE-x-icu``
(pg_catalog, so it is found from every alliance schema without a migration). The
embedded server from the ``pgserver`` wheel is built without ICU and has no German libc
locale either, so there :func:`by_name` sorts by a key computed in SQL from the same
tables as :func:`german_key`: primary (letters folded to their base, ß to ss, case
folded), then accents, then case (lower case first), all compared in byte order.

Python: :func:`german_key` is the reference (PyICU is not installed). It gives the
order ICU gives for names in Latin script; punctuation inside names (a hyphen against a
space at the same place) is the only place the two may differ.
"""

from __future__ import annotations

import threading
import unicodedata
from typing import Any

from django.db import models
from django.db.models import F
from django.db.models.expressions import Expression, OrderBy

ICU_COLLATION = "de-DE-x-icu"

# Letters written as two (DIN 5007-1 spells ß as ss): the rest fold to one letter.
_EXPANSIONS = {"ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe"}
# The letters the SQL fallback knows: ASCII, Latin-1 and Latin Extended-A.
_LATIN = [chr(c) for c in range(0x41, 0x5B)] + [chr(c) for c in range(0x61, 0x7B)]
_LATIN += [chr(c) for c in range(0xC0, 0x180) if chr(c).isalpha()]


def _base(char: str) -> str:
    """A letter without accents, in lower case ("Ö" -> "o", "ł" -> "ł")."""
    if char in _EXPANSIONS:
        return _EXPANSIONS[char]
    plain = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return plain.lower() or char


def _swapped(char: str) -> str:
    """Lower case letters become upper and vice versa, so lower case sorts first."""
    swapped = char.swapcase()
    return swapped if len(swapped) == 1 else char


# One-character maps (for SQL's translate()) built from the Python definitions.
_PRIMARY = {c: _base(c) for c in _LATIN if len(_base(c)) == 1 and _base(c) != c}
_SECONDARY = {c: c.lower() for c in _LATIN if len(c.lower()) == 1 and c.lower() != c}
_TERTIARY = {c: _swapped(c) for c in _LATIN if _swapped(c) != c}


def _apply(text: str, table: dict[str, str], expansions: dict[str, str] | None = None) -> str:
    if expansions:
        for source, target in expansions.items():
            text = text.replace(source, target)
    return "".join(table.get(char, char) for char in text)


def german_key(text: str | None) -> tuple[str, str, str]:
    """The sort key of ``text`` in German dictionary order (DIN 5007-1).

    Primary: accents removed, ß as ss, case folded; then accents (plain before accented);
    then case (lower before upper). Use as ``sorted(names, key=german_key)``.
    """
    text = text or ""
    return (
        _apply(text, _PRIMARY, _EXPANSIONS),
        _apply(text, _SECONDARY),
        _apply(text, _TERTIARY),
    )


def german_sorted(items, *, key=None) -> list:
    """``items`` sorted by the German key of ``key(item)`` (default: the item itself)."""
    name = key or (lambda item: item)
    return sorted(items, key=lambda item: german_key(str(name(item) or "")))


# ---------------------------------------------------------------- SQL

_ICU: dict[tuple[str, str, str], bool] = {}
_ICU_LOCK = threading.Lock()


def server_has_icu(connection) -> bool:
    """Whether the database behind ``connection`` has the German ICU collation (asked
    once per process and database)."""
    settings = connection.settings_dict
    where = (str(settings.get("HOST")), str(settings.get("PORT")), str(settings.get("NAME")))
    if where not in _ICU:
        with _ICU_LOCK, connection.cursor() as cursor:
            cursor.execute(
                "SELECT EXISTS (SELECT 1 FROM pg_collation WHERE collname = %s)", [ICU_COLLATION]
            )
            _ICU[where] = bool(cursor.fetchone()[0])
    return _ICU[where]


def _translate_sql(sql: str, table: dict[str, str]) -> tuple[str, list[str]]:
    return f"translate({sql}, %s, %s)", ["".join(table), "".join(table.values())]


class GermanName(Expression):
    """A text expression in German order (see the module docstring); use via :func:`by_name`."""

    output_field = models.TextField()

    def __init__(self, expression: Any):
        super().__init__()
        self.source = F(expression) if isinstance(expression, str) else expression

    def get_source_expressions(self):
        return [self.source]

    def set_source_expressions(self, expressions):
        (self.source,) = expressions

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.source)
        if connection.vendor != "postgresql":
            return sql, params
        if server_has_icu(connection):
            return f'({sql})::text COLLATE "{ICU_COLLATION}"', params
        text = f"({sql})::text"  # NULL stays NULL: last, as with the ICU collation
        primary = text
        expansion_params: list[str] = []
        for source, target in _EXPANSIONS.items():
            primary = f"replace({primary}, %s, %s)"
            expansion_params += [source, target]
        primary_sql, primary_params = _translate_sql(primary, _PRIMARY)
        secondary_sql, secondary_params = _translate_sql(text, _SECONDARY)
        tertiary_sql, tertiary_params = _translate_sql(text, _TERTIARY)
        # chr(1) sorts below every character a name holds: the parts compare in turn.
        key = f"({primary_sql} || chr(1) || {secondary_sql} || chr(1) || {tertiary_sql})"
        return (
            f'{key} COLLATE "C"',
            [
                *params,
                *expansion_params,
                *primary_params,
                *params,
                *secondary_params,
                *params,
                *tertiary_params,
            ],
        )


def by_name(field: Any = "name", *, descending: bool = False) -> OrderBy:
    """The ordering by the text ``field`` (a name or expression) in German order."""
    expression = GermanName(field)
    return expression.desc() if descending else expression.asc()


def _is_text(queryset, path: str) -> bool:
    """Whether the ordering ``path`` ("name", "partner__name", an annotation) is text."""
    annotation = queryset.query.annotations.get(path)
    if annotation is not None:
        try:
            return isinstance(annotation.output_field, models.CharField | models.TextField)
        except Exception:  # an annotation without a resolvable type: leave it alone
            return False
    model = queryset.model
    parts = path.split("__")
    for position, part in enumerate(parts):
        try:
            field = model._meta.get_field(part)
        except Exception:
            return False
        if position < len(parts) - 1:
            if not field.is_relation or field.related_model is None:
                return False
            model = field.related_model
    return isinstance(field, models.CharField | models.TextField) and not field.choices


def german_ordering(queryset, *orderings: Any) -> list[Any]:
    """``orderings`` (ORM strings like "-partner__name") with every text field among them
    sorted in German order; other orderings and expressions stay as they are."""
    result = []
    for ordering in orderings:
        if isinstance(ordering, str) and ordering not in ("?",):
            descending = ordering.startswith("-")
            path = ordering.lstrip("-")
            if _is_text(queryset, path):
                result.append(by_name(path, descending=descending))
                continue
        result.append(ordering)
    return result


def order_by_name(queryset, *orderings: Any):
    """``queryset.order_by(*orderings)`` with text fields in German order."""
    return queryset.order_by(*german_ordering(queryset, *orderings))


__all__ = [
    "ICU_COLLATION",
    "GermanName",
    "by_name",
    "german_key",
    "german_ordering",
    "german_sorted",
    "order_by_name",
    "server_has_icu",
]
