"""Figures declared once: what a figure is called, in which unit, how it is counted.

A ``FigureRegistry`` holds ``Figure`` and ``Breakdown`` declarations and the ``Source``
of each: a QuerySet that reads one table once, ``values(<groups>).annotate(<aggregates>)``.
Every figure is a reduction of its source's rows (a sum of one aggregate, optionally of
the rows of one group), so the same declaration counts

- with the ORM inside the current schema (``FigureRegistry.count()``), and
- with SQL over many schemas at once: ``schema_branch()`` compiles the source's QuerySet
  and points it at one schema's table; the rows come back as JSON objects and go through
  the same reduction (``FigureRegistry.reduce()``).

Labels, units and whether the ministry sees a figure only above the suppression threshold
are read from here by every output (pages, reports, files, API help texts). The classes
that hold the values (``FigureRegistry.record()``) and the model fields that store them
(``FigureRegistry.model()``) are made from the same declarations, a field per figure.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, make_dataclass
from decimal import Decimal
from functools import cache, partial
from typing import Any

from django.db import models
from django.db.models import QuerySet

# Units: how a value is added up, formatted and whether it is suppressed.
PEOPLE = "people"  # counts people or organisations: small numbers are suppressed
COUNT = "count"  # alliances, projects, events, meetings: shown as they are
MONEY = "money"  # amounts in EUR: shown as they are
SHARE = "share"  # a ratio of two counts (0..1)


@dataclass(frozen=True)
class Counting:
    """When the figures are counted: ``today`` fixes valid seals and the activity year;
    with ``as_of`` the rows are those that existed on ``today`` (from their own dates)."""

    today: datetime.date
    year: int
    as_of: bool = False

    @property
    def year_start(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

    @property
    def year_end(self) -> datetime.date:
        return self.today if self.as_of else datetime.date(self.year, 12, 31)


@dataclass(frozen=True)
class Source:
    """One table read once: ``rows(counting)`` is a ``values().annotate()`` QuerySet on a
    single table (no joins), grouped by ``groups`` (none: one row of aggregates)."""

    key: str
    rows: Callable[[Counting], QuerySet]
    groups: tuple[str, ...] = ()
    # Its rows are those of the calendar year up to the day counted (events, funding):
    # the figures grow through the year and start again at 0 on 1 January, so the
    # figures of a quarter or a month are the difference of two days of the same year.
    year_to_date: bool = False


@dataclass(frozen=True)
class Figure:
    """One figure of an alliance: the sum of ``value`` over its source's rows (only the
    rows of ``where``), or for a share ``numerator / denominator`` of two figures."""

    key: str
    label: Any
    section: str
    unit: str
    source: str | None = None
    value: str = "n"
    where: tuple[tuple[str, str], ...] = ()
    short_label: Any = None
    help_text: Any = None
    share_of: tuple[str, str] | None = None
    verbose_name: Any = None  # of the stored figure's model field (default: ``label``)

    @property
    def suppressed_for_ministry(self) -> bool:
        return self.unit == PEOPLE

    @property
    def summed(self) -> bool:
        """A plain sum over alliances (a share is computed from two sums instead)."""
        return self.share_of is None

    def share(self, values: Mapping[str, Any]) -> float:
        """This share from the ``values`` of its two figures (0 when nothing to divide)."""
        numerator, denominator = (values[key] for key in self.share_of)
        return round(numerator / denominator, 4) if denominator else 0.0

    def zero(self) -> Any:
        return _zero(self.unit)

    def column(self) -> models.Field:
        """The model field that stores this figure (a share is computed, not stored)."""
        name = self.verbose_name or self.label
        if self.unit == MONEY:
            return models.DecimalField(name, max_digits=14, decimal_places=2, default=0)
        return models.PositiveIntegerField(name, default=0)

    def reduce(self, rows: Iterable[Mapping[str, Any]]) -> Any:
        # The refresh reduces every figure of 650 alliances: no generator per row.
        total, value, unit, where = self.zero(), self.value, self.unit, self.where
        for row in rows:
            for name, wanted in where:
                if row[name] != wanted:
                    break
            else:
                total += _number(row[value], unit)
        return total


@dataclass(frozen=True)
class Breakdown:
    """A figure per choice (``by`` is the source's group): partners by kind, ...
    ``fill``: every choice is listed, with 0 where there are none (and only choices)."""

    key: str
    label: Any  # "%(label)s" is the choice's label
    section: str
    unit: str
    choices: type
    after: str
    source: str
    by: str
    value: str = "n"
    fill: bool = False
    help_text: Any = None
    verbose_name: Any = None  # of the stored breakdown's model field (default: ``label``)

    @property
    def suppressed_for_ministry(self) -> bool:
        return self.unit == PEOPLE

    def column(self) -> models.Field:
        """The model field that stores this breakdown: a JSON object {choice: value}."""
        return models.JSONField(self.verbose_name or self.label, default=dict)

    def reduce(self, rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
        zero = _zero(self.unit)
        totals: dict[str, Any] = {}
        for row in rows:
            key = row[self.by]
            totals[key] = totals.get(key, zero) + _number(row[self.value], self.unit)
        if self.fill:
            return {choice: totals.get(choice, zero) for choice in _values_of(self.choices)}
        return totals

    def choice_label(self, choice: str) -> str:
        try:
            return str(self.choices(choice).label)
        except ValueError:
            return choice


@cache
def _values_of(choices: type) -> tuple[str, ...]:
    """A choices class's values (Django's ``.values`` builds a new list on each use)."""
    return tuple(choices.values)


def _zero(unit: str) -> Any:
    if unit == SHARE:
        return 0.0
    return Decimal("0") if unit == MONEY else 0


def _number(value: Any, unit: str) -> Any:
    if value is None:
        return 0
    if unit == MONEY:
        return Decimal(str(value))
    return int(value)


@dataclass
class FigureRegistry:
    """The figures of one kind of thing (an alliance), in the order outputs show them."""

    sources: Sequence[Source]
    figures: Sequence[Figure]
    breakdowns: Sequence[Breakdown] = ()
    _by_key: dict[str, Figure] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_key = {figure.key: figure for figure in self.figures}
        sources = {source.key for source in self.sources}
        for item in [*self.figures, *self.breakdowns]:
            if item.source is not None and item.source not in sources:
                raise ValueError(f"{item.key}: unknown source {item.source!r}")

    def __getitem__(self, key: str) -> Figure:
        return self._by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def breakdown(self, key: str) -> Breakdown | None:
        return next((b for b in self.breakdowns if b.key == key), None)

    def keys(self, *, summed: bool | None = None, unit: str | None = None) -> list[str]:
        return [
            figure.key
            for figure in self.figures
            if (summed is None or figure.summed == summed) and (unit is None or figure.unit == unit)
        ]

    def breakdown_keys(self, *, unit: str | None = None) -> list[str]:
        return [b.key for b in self.breakdowns if unit is None or b.unit == unit]

    def year_to_date_keys(self) -> list[str]:
        """The figures and breakdowns counted within the calendar year up to the day
        (their source is ``year_to_date``), in the registry's order."""
        running = {source.key for source in self.sources if source.year_to_date}
        return [item.key for item in [*self.figures, *self.breakdowns] if item.source in running]

    # ------------------------------------------------------------ counting

    def reduce(self, rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, Any]:
        """Every figure and breakdown from the rows of each source (by source key)."""
        values: dict[str, Any] = {}
        for figure in self.figures:
            if figure.source is not None:
                values[figure.key] = figure.reduce(rows.get(figure.source, ()))
        for figure in self.figures:
            if figure.share_of is not None:
                values[figure.key] = figure.share(values)
        for breakdown in self.breakdowns:
            values[breakdown.key] = breakdown.reduce(rows.get(breakdown.source, ()))
        return values

    def count(self, counting: Counting) -> dict[str, Any]:
        """Every figure, counted with the ORM in the current schema."""
        return self.reduce({source.key: list(source.rows(counting)) for source in self.sources})

    # ------------------------------------------------------------ holding the values

    def fields(
        self, *, summed: bool | None = None, breakdown: type | None = dict
    ) -> list[tuple[str, type, Any]]:
        """The figures (``summed`` as in ``keys()``) and, unless ``breakdown`` is None,
        the breakdowns as ``dataclasses.make_dataclass()`` fields: a figure defaults to
        its zero, a breakdown to an empty ``breakdown()``."""
        specs: list[tuple[str, type, Any]] = [
            (figure.key, type(figure.zero()), field(default=figure.zero()))
            for figure in self.figures
            if summed is None or figure.summed == summed
        ]
        if breakdown is not None:
            specs += [(b.key, breakdown, field(default_factory=breakdown)) for b in self.breakdowns]
        return specs

    def shares(self) -> dict[str, property]:
        """Each share as a property computed from its two figures' attributes, for a
        class that holds the summed figures only (``fields(summed=True)``)."""
        return {
            figure.key: property(partial(_share_attribute, figure))
            for figure in self.figures
            if figure.share_of is not None
        }

    def record(
        self,
        name: str,
        *,
        module: str,
        before: Sequence[tuple] = (),
        summed: bool | None = None,
        breakdown: type | None = dict,
        frozen: bool = False,
    ) -> type:
        """A dataclass of ``module`` with the fields ``before``, then ``fields(summed=...,
        breakdown=...)``; with ``summed`` each share is a property (``shares()``)."""
        namespace: dict[str, Any] = {"__module__": module}
        if summed:
            namespace.update(self.shares())
        specs = [*before, *self.fields(summed=summed, breakdown=breakdown)]
        return make_dataclass(name, specs, namespace=namespace, frozen=frozen)

    def model(self, name: str, *, module: str) -> type[models.Model]:
        """An abstract model with a field per stored figure and breakdown (in the
        registry's order) and a property per share: a model of ``module`` that stores
        the figures extends it."""
        attrs: dict[str, Any] = {
            "__module__": module,
            "__doc__": "The stored figures, one field each (declared in the registry).",
            "Meta": type("Meta", (), {"abstract": True}),
        }
        attrs.update((f.key, f.column()) for f in self.figures if f.summed)
        attrs.update((b.key, b.column()) for b in self.breakdowns)
        attrs.update(self.shares())
        return type(name, (models.Model,), attrs)


def _share_attribute(figure: Figure, holder: Any) -> float:
    return figure.share({key: getattr(holder, key) for key in figure.share_of})


# ---------------------------------------------------------------- the SQL path


def schema_branch(
    queryset: QuerySet, *, schema: str, literal: Callable[[Any], str], prefix: str = ""
) -> str:
    """``queryset`` (one table, no joins) as SQL reading the table of ``schema``, each row
    one JSON object of the QuerySet's columns (after the columns ``prefix``, "<sql>, "),
    so that branches of any shape can be joined with ``UNION ALL``.

    The columns go into ``json_build_object`` in the branch itself, not through a
    subquery: 150 subqueries cost PostgreSQL's planner several times what the flat
    aggregates do. ``schema`` must be a quoted identifier and ``prefix`` trusted SQL;
    ``literal`` quotes a value.
    """
    compiler = queryset.query.get_compiler(queryset.db)
    compiled, params = compiler.as_sql()

    def inline(text: str, values: Sequence[Any]) -> str:
        return text % tuple(literal(value) for value in values)

    columns = [(alias, inline(*sql_params)) for _expr, sql_params, alias in compiler.select]
    table = compiler.quote_name_unless_alias(queryset.model._meta.db_table)
    source = f" FROM {table}"
    # A foreign key's own column (``partner_id``) leaves a trimmed join with no references.
    used = [alias for alias in queryset.query.alias_map if queryset.query.alias_refcount[alias]]
    if len(used) != 1 or compiled.count(source) != 1:
        raise ValueError(f"Expected one table and no joins in {compiled!r}.")
    rest = inline(compiled, params)
    rest = rest[rest.index(source) :]
    # Django groups by the select list's positions ("GROUP BY 1, 2"): by the expressions.
    if grouped := _GROUP_BY_POSITIONS.search(rest):
        positions = [int(number) for number in grouped.group(1).split(",")]
        expressions = ", ".join(columns[position - 1][1] for position in positions)
        rest = f"{rest[: grouped.start()]} GROUP BY {expressions}"
    # The schema's table under the table's own name, so that the columns' references hold.
    rest = rest.replace(source, f" FROM {schema}.{table} AS {table}", 1)
    pairs = ", ".join(f"{literal(alias)}, {sql}" for alias, sql in columns)
    # Django compiled the statement; every value went through ``literal``.
    return f"SELECT {prefix}json_build_object({pairs})::text{rest}"


_GROUP_BY_POSITIONS = re.compile(r" GROUP BY ((?:\d+)(?:, \d+)*)$")


def row_from_json(text: str) -> dict[str, Any]:
    """A row of ``schema_branch()``: numbers with a fraction stay exact (``Decimal``)."""
    return json.loads(text, parse_float=Decimal)
